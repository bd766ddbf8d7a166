/**
 * Results that leave (issue 11): every quantity on an axis of its own with its unit,
 * legends outside the plotting area, traces as CSV, plots as PNG and SVG (and no dead
 * "Share chart..." button), the spike raster of networks, and the instruments list.
 */
import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { openApp, script, shot, waitForRun } from "./helpers.js";

type Dendrolab = {
  store: {
    getState(): {
      runs: Array<{ label: string; traces: { dt: number; nSamples: number; rows: Array<{ values: Float32Array }> } }>;
      script: string;
    };
  };
  actions: { setScript(s: string): void; run(): Promise<void>; undo(): Promise<void> };
};

/** Replaces the script and runs it. */
async function runWith(page: Page, source: string): Promise<void> {
  await page.evaluate((s) => {
    const d = (window as unknown as { dendrolab: Dendrolab }).dendrolab;
    d.actions.setScript(s);
    return d.actions.run();
  }, source);
  await waitForRun(page);
}

/** The tutorial script with more recordings at cell 0's first compartment. */
async function recordGateAndCurrent(page: Page): Promise<void> {
  const s = await script(page);
  await runWith(
    page,
    s.replace(
      "export default network;",
      'network.cell(0).branch(0).comp(0).record("Na_m");\nnetwork.cell(0).branch(0).comp(0).record("i_Na");\nexport default network;',
    ),
  );
  await expect(page.getByTestId("traces-plot")).toHaveAttribute("data-ready", "yes");
}

/** The bytes of the file the action downloads, and its suggested name. */
async function download(page: Page, action: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const pending = page.waitForEvent("download");
  await action();
  const d = await pending;
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}

/** Clicks a button of a plotly plot's mode bar (shown on hover). */
async function modeBar(page: Page, testid: string, title: string): Promise<void> {
  const plot = page.getByTestId(testid);
  await plot.hover();
  await plot.locator(`.modebar-btn[data-title="${title}"]`).click();
}

test("gates and currents are drawn on axes of their own, with units; the legend is outside the plotting area", async ({
  page,
}) => {
  await openApp(page);
  await recordGateAndCurrent(page);
  const plot = page.getByTestId("traces-plot");
  await expect(plot.locator(".legendtext")).toHaveCount(3);
  const titles = await plot.locator(".infolayer text[class$='title']").allTextContents();
  expect(titles).toEqual(expect.arrayContaining(["t (ms)", "v (mV)", "Na_m (1)", "i_Na (mA/cm²)"]));
  // Each trace is on the axis of its unit: three subplots, one line each.
  await expect(plot.locator(".cartesianlayer .subplot")).toHaveCount(3);
  for (const sub of ["xy", "xy2", "xy3"])
    await expect(plot.locator(`.cartesianlayer .subplot.${sub} .scatterlayer .trace`)).toHaveCount(1);
  // The legend does not overlap any plotting area.
  const legend = (await plot.locator(".legend").boundingBox())!;
  for (const area of await plot.locator(".draglayer .nsewdrag").all()) {
    const b = (await area.boundingBox())!;
    const overlaps =
      legend.x < b.x + b.width &&
      b.x < legend.x + legend.width &&
      legend.y < b.y + b.height &&
      b.y < legend.y + legend.height;
    expect(overlaps).toBe(false);
  }
  await shot(page, "plots-units");
});

test("exports the traces as CSV: header with place, quantity and unit; the store's values", async ({ page }) => {
  await openApp(page);
  await recordGateAndCurrent(page);
  const { name, bytes } = await download(page, () => page.getByTestId("export-csv").click());
  expect(name).toBe("dendrolab-traces.csv");
  const lines = bytes.toString("utf8").trimEnd().split("\n");
  expect(lines[0]).toBe(
    "t (ms),cell 0 · branch 0 · comp 0 · v (mV),cell 0 · branch 0 · comp 0 · Na_m (1),cell 0 · branch 0 · comp 0 · i_Na (mA/cm²)",
  );
  const traces = await page.evaluate(() => {
    const runs = (window as unknown as { dendrolab: Dendrolab }).dendrolab.store.getState().runs;
    const t = runs[runs.length - 1].traces;
    return { dt: t.dt, nSamples: t.nSamples, rows: t.rows.map((r) => Array.from(r.values)) };
  });
  expect(traces.rows).toHaveLength(3);
  expect(lines).toHaveLength(traces.nSamples + 1);
  const cells = lines.slice(1).map((l) => l.split(",").map(Number));
  expect(cells.every((c) => c.length === 4)).toBe(true);
  expect(cells.map((c) => c[0])).toEqual(traces.rows[0].map((_, k) => +(k * traces.dt).toFixed(9)));
  for (let j = 0; j < 3; j++) expect(cells.map((c) => Math.fround(c[j + 1]))).toEqual(traces.rows[j]);
});

test("downloads plots as PNG and SVG; there is no Share chart button", async ({ page }) => {
  await openApp(page);
  const plot = page.getByTestId("traces-plot");
  await plot.hover();
  await expect(plot.locator(".modebar")).toHaveCount(1);
  await expect(plot.locator('.modebar-btn[data-title="Share chart..."]')).toHaveCount(0);
  await expect(page.getByTestId("morphology-plot").locator('.modebar-btn[data-title="Share chart..."]')).toHaveCount(0);
  const png = await download(page, () => modeBar(page, "traces-plot", "Download plot as PNG"));
  expect(png.name).toBe("dendrolab-traces.png");
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const svg = await download(page, () => modeBar(page, "traces-plot", "Download plot as SVG"));
  expect(svg.name).toBe("dendrolab-traces.svg");
  expect(svg.bytes.toString("utf8")).toMatch(/^<svg[\s>]/);
  expect(svg.bytes.toString("utf8")).toContain("t (ms)");
  const morph = await download(page, () => modeBar(page, "morphology-plot", "Download plot as SVG"));
  expect(morph.name).toBe("dendrolab-morphology.svg");
  expect(morph.bytes.toString("utf8")).toMatch(/^<svg[\s>]/);
  // The 3-D view (WebGL) too.
  await page.getByTestId("morph-3d").click();
  await expect(page.getByTestId("morphology-plot").locator(".gl-container")).toHaveCount(1);
  const morph3d = await download(page, () => modeBar(page, "morphology-plot", "Download plot as PNG"));
  expect([...morph3d.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  // The gating plot of the Mechanisms tab.
  await page.getByTestId("tab-mechanisms").click();
  await expect(page.getByTestId("gating-plot")).toHaveAttribute("data-ready", "yes");
  const gating = await download(page, () => modeBar(page, "gating-plot", "Download plot as PNG"));
  expect(gating.name).toBe("dendrolab-gating.png");
  expect([...gating.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  await page.getByTestId("tab-traces").click();
  // The raster is a canvas chart: its own buttons.
  const rpng = await download(page, () => page.getByTestId("raster-plot-png").click());
  expect([...rpng.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  const rsvg = await download(page, () => page.getByTestId("raster-plot-svg").click());
  expect(rsvg.bytes.toString("utf8")).toMatch(/^<svg[\s>]/);
});

/** A network of 1,000 cells with HH channels, each soma stimulated (half of them more) and recorded; 50 ms. */
const THOUSAND_SPIKING = `import * as jx from "@dendrolab/core";
import { HH } from "@dendrolab/core/channels";
const cell = new jx.Cell(new jx.Branch(new jx.Compartment(), 1), [-1, 0]);
const network = new jx.Network(Array.from({ length: 1000 }, () => cell));
network.insert(new HH());
network.cell("all").branch(0).comp(0).stimulate(jx.stepCurrent(1, 45, 0.01, 0.025, 50));
for (let c = 0; c < 500; c++) network.cell(c).branch(0).comp(0).stimulate(jx.stepCurrent(1, 45, 0.02, 0.025, 50));
network.cell("all").branch(0).comp(0).record("v");
export default network;
`;

/** Upward crossings of `threshold` in the latest run's traces, counted in the page from the store. */
function storeSpikes(page: Page, threshold: number): Promise<number> {
  return page.evaluate((th) => {
    const runs = (window as unknown as { dendrolab: Dendrolab }).dendrolab.store.getState().runs;
    let n = 0;
    for (const r of runs[runs.length - 1].traces.rows)
      for (let k = 1; k < r.values.length; k++) if (r.values[k - 1] < th && r.values[k] >= th) n++;
    return n;
  }, threshold);
}

test("a raster of 1,000 cells: spikes at the threshold, the mean rate, every cell's soma", async ({ page }) => {
  await openApp(page);
  await page.evaluate(() =>
    (
      window as unknown as { dendrolab: { actions: { setSim(p: { tMax: number }): Promise<void> } } }
    ).dendrolab.actions.setSim({ tMax: 50 }),
  );
  await runWith(page, THOUSAND_SPIKING);
  const raster = page.getByTestId("raster-plot");
  await expect(raster).toHaveAttribute("data-cells", "1000");
  const expected = await storeSpikes(page, 0);
  expect(expected).toBeGreaterThan(3000); // 3 spikes in each cell, 5 in the half driven harder
  await expect(raster).toHaveAttribute("data-spikes", String(expected));
  console.log(`raster of 1,000 cells, ${expected} spikes: drawn in ${await raster.getAttribute("data-draw-ms")} ms`);
  const rate = expected / 1000 / (50 / 1000);
  await expect(page.getByTestId("raster-summary")).toHaveText(
    `${expected} spikes in 1000 of 1000 cells · mean rate ${rate.toPrecision(3)} Hz`,
  );
  // Only 12 of the 1,000 traces are drawn as lines.
  await expect(page.getByTestId("traces-hidden")).toContainText("first 12 of 1000 recordings");
  // A threshold above the peaks: no spikes.
  await page.getByTestId("raster-threshold").fill("60");
  await page.getByTestId("raster-threshold").press("Enter");
  await expect(raster).toHaveAttribute("data-spikes", String(await storeSpikes(page, 60)));
  await page.getByTestId("raster-threshold").fill("-20");
  await page.getByTestId("raster-threshold").press("Enter");
  const at20 = await storeSpikes(page, -20);
  expect(at20).toBeGreaterThanOrEqual(expected);
  await expect(raster).toHaveAttribute("data-spikes", String(at20));
  await shot(page, "plots-raster-1000");
});

test("the tutorial's raster: one cell recorded; 'record every soma' writes one line and fills it", async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId("raster-plot")).toHaveAttribute("data-cells", "1");
  await page.getByTestId("record-somata").click();
  await waitForRun(page);
  expect(await script(page)).toContain('network.cell("all").branch(0).comp(0).record("v");');
  await expect(page.getByTestId("raster-plot")).toHaveAttribute("data-cells", "3");
  await expect(page.getByTestId("raster-plot")).toHaveAttribute("data-spikes", String(await storeSpikes(page, 0)));
  await expect(page.getByTestId("record-somata")).toHaveCount(0);
});

test("the instruments list: each instrument with its place, removable one at a time, one undo step", async ({
  page,
}) => {
  await openApp(page);
  await recordGateAndCurrent(page);
  const items = page.getByTestId("instrument-item");
  await expect(items).toHaveCount(4);
  await expect(items.nth(0)).toContainText("Current clamp");
  await expect(items.nth(0)).toContainText("cell 0 · branch 0 · comp 0");
  await expect(items.nth(0)).toContainText("peak 0.5 nA");
  await expect(items.nth(2)).toContainText("Na_m (1)");
  await expect(items.nth(3)).toContainText("i_Na (mA/cm²)");
  // Remove the Na_m recording: its line goes, the others stay.
  await page.getByTestId("remove-instrument-2").click();
  await waitForRun(page);
  await expect(items).toHaveCount(3);
  let s = await script(page);
  expect(s).not.toContain('record("Na_m")');
  expect(s).toContain('record("i_Na")');
  expect(s).toContain("stimulate(");
  // Remove the clamp (a statement over five lines in the tutorial).
  await page.getByTestId("remove-instrument-0").click();
  await waitForRun(page);
  await expect(items).toHaveCount(2);
  s = await script(page);
  expect(s).not.toContain("stimulate(");
  await expect(items.nth(0)).toContainText("Recording");
  await shot(page, "plots-instruments");
  // One undo brings the clamp back.
  await page.evaluate(() => (window as unknown as { dendrolab: Dendrolab }).dendrolab.actions.undo());
  await waitForRun(page);
  await expect(items).toHaveCount(3);
  expect(await script(page)).toContain("stimulate(");
});

test("units on the morphology's axes and colour bar and in the table header, written µm", async ({ page }) => {
  await openApp(page);
  const morph = page.getByTestId("morphology-plot");
  // The morphology may draw after the traces that openApp waits for.
  await expect
    .poll(() => morph.locator(".infolayer text[class$='title']").allTextContents())
    .toEqual(expect.arrayContaining(["x (µm)", "y (µm)"]));
  await page.getByTestId("colour-by").selectOption("radius");
  await expect(morph.locator(".colorbar .cbtitle")).toHaveText("radius (µm)");
  await page.getByTestId("colour-by").selectOption("Na_gNa");
  await expect(morph.locator(".colorbar .cbtitle")).toHaveText("Na_gNa (S/cm²)");
  const head = page.getByTestId("table-panel").locator(".thead");
  await expect(head.locator('[title="radius (µm)"]')).toContainText("µm");
  await expect(head.locator('[title="Na_gNa (S/cm²)"]')).toContainText("S/cm²");
  await expect(head.locator('[title="capacitance (µF/cm²)"]')).toHaveCount(1);
  for (const id of ["morphology-panel", "table-panel", "traces-panel"])
    expect(await page.getByTestId(id).textContent()).not.toMatch(/\bum\b/);
});

test("the trainer's loss chart downloads as PNG and SVG", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("tab-trainer").click();
  await page.getByTestId("trainer-group").selectOption("fast_spiking");
  await page.getByTestId("trainer-key").selectOption("Na_gNa");
  await page.getByTestId("trainer-add").click();
  await page.getByTestId("trainer-target-0").fill("0.3");
  await page.getByTestId("trainer-target-0").press("Enter");
  await page.getByTestId("trainer-steps").fill("3");
  await page.getByTestId("trainer-steps").press("Enter");
  await page.getByTestId("train-start").click();
  await expect(page.getByTestId("train-status")).toContainText("done", { timeout: 90_000 });
  const png = await download(page, () => page.getByTestId("loss-plot-png").click());
  expect(png.name).toBe("dendrolab-loss.png");
  expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  const svg = await download(page, () => page.getByTestId("loss-plot-svg").click());
  expect(svg.name).toBe("dendrolab-loss.svg");
  const text = svg.bytes.toString("utf8");
  expect(text).toMatch(/^<svg[\s>]/);
  expect(text).toContain(">step</text>");
});

test("removing one recording of a line for every cell writes deleteRecordings for its place", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("record-somata").click();
  await waitForRun(page);
  const items = page.getByTestId("instrument-item");
  await expect(items).toHaveCount(4); // the clamp, v at cell 0's soma, then cells 1 and 2
  await expect(items.nth(2)).toContainText("cell 1 · branch 0 · comp 0");
  await page.getByTestId("remove-instrument-2").click();
  await waitForRun(page);
  await expect(items).toHaveCount(3);
  expect(await script(page)).toContain("network.cell(1).branch(0).comp(0).deleteRecordings();");
  await expect(page.getByTestId("instrument-list")).not.toContainText("cell 1 ·");
  // Cell 0's v is added by two lines (the tutorial's and the one for every cell): both edits follow.
  await page.getByTestId("remove-instrument-1").click();
  await expect(items).toHaveCount(2);
  await waitForRun(page);
  const s = await script(page);
  expect(s).not.toContain('network.cell(0).branch(0).comp(0).record("v");');
  expect(s).toContain("network.cell(0).branch(0).comp(0).deleteRecordings();");
  await expect(page.getByTestId("instrument-list")).toContainText("cell 2 · branch 0 · comp 0");
  await expect(page.getByTestId("raster-plot")).toHaveAttribute("data-cells", "1");
});

test("the CSV holds earlier runs when they are kept, each column labelled with its run", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("keep-runs").check();
  await page.evaluate(() =>
    (
      window as unknown as { dendrolab: { actions: { setCell(n: number, k: string, v: number): Promise<unknown> } } }
    ).dendrolab.actions.setCell(0, "radius", 2),
  );
  await waitForRun(page);
  const labels = await page.evaluate(() =>
    (window as unknown as { dendrolab: Dendrolab }).dendrolab.store.getState().runs.map((r) => r.label),
  );
  expect(labels).toHaveLength(2);
  const { bytes } = await download(page, () => page.getByTestId("export-csv").click());
  const lines = bytes.toString("utf8").trimEnd().split("\n");
  expect(lines[0]).toBe(
    `t (ms),${labels[1]} | cell 0 · branch 0 · comp 0 · v (mV),${labels[0]} | cell 0 · branch 0 · comp 0 · v (mV)`,
  );
  const first = lines[1].split(",").map(Number);
  expect(first).toHaveLength(3);
  expect(lines.length).toBeGreaterThan(100);
});
