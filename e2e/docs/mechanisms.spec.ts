/**
 * The Mechanisms panel and gating plots of the L5PC model, photographed for the README
 * and docs/README-ide.md: the morphology and mechanisms dropped from ../shared. Where the
 * core reads .mod files (loadNmodl), the 12 files are dropped; before that, the project's
 * own L5PC channel set (the same equations) stands in for them.
 */
import { expect, type Page, test } from "@playwright/test";
import { dropFiles } from "../tests/drop.js";
import { openApp, waitForRun } from "../tests/helpers.js";
import { L5PC_MECHANISMS, L5PC_SWC, l5pcScript } from "../tests/l5pc-script.js";

const IMG = new URL("../../docs/img/", import.meta.url).pathname;
const SHARED = new URL("../../../shared/", import.meta.url).pathname;
const MOD_PATHS = L5PC_MECHANISMS.map((m) => `${SHARED}mod/l5pc/${m}.mod`);

type Actions = { setScript(s: string): void; run(): Promise<void>; setSim(p: { tMax: number }): Promise<void> };

/** Whether the IDE's core reads the dropped .mod files (no problems listed). */
async function readsModFiles(page: Page): Promise<boolean> {
  await openApp(page);
  await dropFiles(page, MOD_PATHS.slice(0, 1));
  await waitForRun(page);
  await page.getByTestId("tab-mechanisms").click();
  await expect(page.getByTestId("mechanisms-panel")).toBeVisible();
  return (await page.getByTestId("mech-problems").count()) === 0;
}

test("the Mechanisms panel and gating plots of the L5PC model", async ({ browser }) => {
  test.setTimeout(180_000);
  const probe = await browser.newPage();
  const fromMod = await readsModFiles(probe);
  await probe.close();
  const page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
  await openApp(page);
  await dropFiles(page, [...(fromMod ? MOD_PATHS : []), `${SHARED}swc/${L5PC_SWC}`]);
  await waitForRun(page);
  await page.evaluate(
    async (s) => {
      const a = (window as unknown as { dendrolab: { actions: Actions } }).dendrolab.actions;
      await a.setSim({ tMax: 200 });
      a.setScript(s);
      await a.run();
    },
    l5pcScript(fromMod ? "mod" : "builtin"),
  );
  expect(await waitForRun(page)).toMatch(/^Built in/);
  await expect(page.getByTestId("traces-plot")).toHaveAttribute("data-ready", "yes");
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${IMG}ide-l5pc-traces.png` });
  await page.getByTestId("tab-mechanisms").click();
  await page.getByTestId("mech-NaTs2_t").click();
  await page.getByTestId("mech-target").selectOption("group:soma");
  await expect(page.getByTestId("gating-plot")).toHaveAttribute("data-ready", "yes");
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${IMG}ide-mechanisms.png` });
  await page.locator(".tabs-panel").screenshot({ path: `${IMG}ide-gating-plots.png` });
  await page.close();
});
