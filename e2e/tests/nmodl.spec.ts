/**
 * NEURON mechanisms in the IDE (issue 10): the Mechanisms tab describes the model's
 * mechanisms with gating curves and inserts or removes them from the GUI; dropping the 12
 * L5PC `.mod` files and the L5PC morphology (read from ../shared, never copied into the
 * repository) gives a model that fires a spike train at the soma.
 */
import { expect, type Page, test } from "@playwright/test";
import { dropFiles } from "./drop.js";
import { openApp, script, shot, waitForRun } from "./helpers.js";
import { L5PC_MECHANISMS, L5PC_SWC, l5pcScript, spikeCount } from "./l5pc-script.js";

const SHARED = new URL("../../../shared/", import.meta.url).pathname;
const MOD_PATHS = L5PC_MECHANISMS.map((m) => `${SHARED}mod/l5pc/${m}.mod`);
const SWC_PATH = `${SHARED}swc/${L5PC_SWC}`;

type Dendrolab = {
  actions: { setScript(s: string): void; run(): Promise<void>; setSim(p: { tMax: number }): Promise<void> };
  store: { getState(): { runs: Array<{ traces: { rows: Array<{ values: Float32Array }> } }> } };
};

/** The latest run's first recorded trace. */
const somaTrace = (page: Page) =>
  page.evaluate(() => {
    const d = (window as unknown as { dendrolab: Dendrolab }).dendrolab;
    const runs = d.store.getState().runs;
    return Array.from(runs[runs.length - 1]?.traces.rows[0]?.values ?? []);
  });

test("the Mechanisms tab shows the model's mechanisms with gating curves, and inserts and removes them", async ({
  page,
}) => {
  await openApp(page);
  await page.getByTestId("tab-mechanisms").click();
  for (const name of ["Na", "K", "Leak"]) await expect(page.getByTestId(`mech-${name}`)).toBeVisible();
  await expect(page.getByTestId("mech-details-Na")).toContainText("Na_gNa");
  await expect(page.getByTestId("gating-plot")).toHaveAttribute("data-ready", "yes");
  // Two gates of Na (m, h), each drawn as steady state and time constant.
  await expect(page.getByTestId("gating-plot").locator(".scatterlayer .trace")).toHaveCount(4);
  await page.getByTestId("mech-Leak").click();
  await expect(page.getByTestId("mech-details-Leak")).toContainText("No voltage-gated states");

  await page.getByTestId("mech-target").selectOption("group:fast_spiking");
  await page.getByTestId("mech-remove").click();
  await expect.poll(() => script(page)).toContain('network.group("fast_spiking").delete(new Leak());');
  expect(await waitForRun(page)).toMatch(/^Built in/);
  await expect(page.getByTestId("mech-details-Leak")).toContainText("inserted in 8 comps");
  await page.getByTestId("mech-insert").click();
  await expect.poll(() => script(page)).toContain('network.group("fast_spiking").insert(new Leak());');
  await waitForRun(page);
  await expect(page.getByTestId("mech-details-Leak")).toContainText("inserted in 24 comps");
  await shot(page, "11-mechanisms");
});

test("drops the 12 L5PC .mod files and the L5PC morphology, simulates, and sees a spike train at the soma", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openApp(page);
  await dropFiles(page, [...MOD_PATHS, SWC_PATH]);
  await expect.poll(() => script(page)).toContain(`const SK_E2 = jx.loadNmodl(mod("SK_E2.mod"));`);
  await waitForRun(page);
  await page.getByTestId("tab-mechanisms").click();
  await expect(page.getByTestId("mech-problems")).toHaveCount(0);
  for (const m of L5PC_MECHANISMS) await expect(page.getByTestId(`mech-${m}`)).toContainText(".mod");
  await page.getByTestId("mech-NaTs2_t").click();
  await expect(page.getByTestId("gating-plot")).toHaveAttribute("data-ready", "yes");

  await page.evaluate(async (s) => {
    const d = (window as unknown as { dendrolab: Dendrolab }).dendrolab;
    await d.actions.setSim({ tMax: 200 });
    d.actions.setScript(s);
    await d.actions.run();
  }, l5pcScript("mod"));
  expect(await waitForRun(page)).toMatch(/^Built in/);
  await expect(page.getByTestId("mech-details-NaTs2_t")).toContainText("inserted in");
  const v = await somaTrace(page);
  expect(v.length).toBeGreaterThan(7000);
  expect(spikeCount(v)).toBeGreaterThanOrEqual(5);
  await shot(page, "12-l5pc-mod-files");
});

test("the page names a dropped file it cannot import", async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [MOD_PATHS[0], `${SHARED}mod/l5pc/LICENSE`]);
  await expect(page.getByTestId("banner")).toContainText('"LICENSE" is neither');
});
