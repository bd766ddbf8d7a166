/**
 * Issue 11, "Correctness": the SWC reader's warnings are shown, naming the file, when an
 * SWC is imported and run: the retina cell's radii are all 0 (raised to minRadius), and
 * FlyWire's coordinates are in nanometres. The files are read from ../shared (next to
 * the repository), never copied into it.
 */
import { existsSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { openApp, script, waitForRun } from "./helpers.js";

const SHARED = new URL("../../../shared/swc/", import.meta.url).pathname;
const RETINA = `${SHARED}morph_retina_20161028_1.swc`;
const FLYWIRE = `${SHARED}morph_flywire_t4_720575940626407426.swc`;
const CA1 = new URL("../fixtures/morph_ca1_n120_250.swc", import.meta.url).pathname;

async function importSwc(page: Page, path: string): Promise<void> {
  const name = path.split("/").pop()!;
  await page.getByTestId("import-swc-input").setInputFiles(path);
  await expect.poll(() => script(page)).toContain(name);
  await waitForRun(page);
}

// The files are test data beside the repository: without them this spec fails (never skips).
for (const f of [RETINA, FLYWIRE])
  if (!existsSync(f)) throw new Error(`swc-warnings.spec needs ${f} (../shared/swc next to the repository)`);

test("the retina cell's zero radii are reported over the morphology and in the log, naming the file", async ({
  page,
}) => {
  await openApp(page);
  await expect(page.getByTestId("swc-warnings")).toHaveCount(0);
  await importSwc(page, RETINA);
  const box = page.getByTestId("swc-warnings");
  await expect(box).toBeVisible();
  await expect(box).toContainText("morph_retina_20161028_1.swc");
  await expect(box).toContainText(/raised \d+ radii below minRadius 0.1 um to 0.1 um/);
  await expect(page.getByTestId("console")).toContainText('warning: SWC "morph_retina_20161028_1.swc": raised');
});

test("FlyWire's nanometre coordinates are reported, and a clean file shows no warning", async ({ page }) => {
  await openApp(page);
  await importSwc(page, FLYWIRE);
  const box = page.getByTestId("swc-warnings");
  await expect(box).toContainText("morph_flywire_t4_720575940626407426.swc");
  await expect(box).toContainText(/looks like nanometres; pass scale: 0.001/);
  await importSwc(page, CA1);
  await expect(page.getByTestId("swc-warnings")).toHaveCount(0);
});
