/** The dt convergence check, the SWC warnings and the fitted 3-D view, photographed for docs/README-ide.md. */
import { existsSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { openApp, script, waitForRun } from "../tests/helpers.js";

const IMG = new URL("../../docs/img/", import.meta.url).pathname;
const RETINA = new URL("../../../shared/swc/morph_retina_20161028_1.swc", import.meta.url).pathname;
const CA1 = new URL("../fixtures/morph_ca1_n120_250.swc", import.meta.url).pathname;

async function importSwc(page: Page, path: string): Promise<void> {
  await page.getByTestId("import-swc-input").setInputFiles(path);
  await expect.poll(() => script(page)).toContain(path.split("/").pop()!);
  await waitForRun(page);
}

test("dt convergence check", async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  await openApp(page);
  const dt = page.getByTestId("sim-dt");
  await dt.fill("0.1");
  await dt.press("Enter");
  await page.getByTestId("check-convergence").click();
  await expect(page.getByTestId("convergence-verdict")).toContainText("NOT converged");
  await page.waitForTimeout(500);
  await page.getByTestId("traces-panel").screenshot({ path: `${IMG}ide-dt-convergence.png` });
});

test("SWC warnings and the 3-D view of a tall cell", async ({ browser }) => {
  if (!existsSync(RETINA)) throw new Error(`this screenshot needs ${RETINA} (../shared/swc next to the repository)`);
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  await openApp(page);
  await importSwc(page, RETINA);
  await expect(page.getByTestId("swc-warnings")).toBeVisible();
  await page.waitForTimeout(500);
  await page.getByTestId("morphology-panel").screenshot({ path: `${IMG}ide-swc-warnings.png` });
  await importSwc(page, CA1);
  await page.getByTestId("morph-3d").click();
  await expect(page.getByTestId("morphology-plot").locator("canvas").first()).toBeVisible();
  await page.waitForTimeout(1500);
  await page.getByTestId("morphology-panel").screenshot({ path: `${IMG}ide-morphology-3d-fit.png` });
});
