/**
 * The Sweep tab's 2-D sweeps: a grid of the tutorial's Na_gNa x clamp amplitude drawn as a
 * heat map (values checked against a 1-D sweep), a cell's trace on click, the CSV, the grid
 * guard, Stop, and the 2-D setup in a share link.
 */
import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { openApp, shot } from "./helpers.js";
import { curve, fill, openSweep, range, setTMax, sweep, sweepRun, varyParam } from "./sweep-helpers.js";

const AMPS = [0, 0.5, 1, 1.5];
const GNA = [0.1, 0.25, 0.4];

/** The heat map's plotly data and axis titles, read from its graph div. */
function heatmap(page: Page) {
  return page.getByTestId("sweep-heatmap").evaluate((el) => {
    const gd = el.querySelector(".plot-host") as HTMLElement & { data: Array<{ type: string; z: unknown }> };
    const text = (sel: string) => el.querySelector(sel)?.textContent ?? "";
    return {
      type: gd.data[0].type,
      z: gd.data[0].z as Array<Array<number | null>>,
      x: text(".xtitle"),
      y: text(".ytitle"),
      colourBar: text(".cbtitle"),
    };
  });
}

/** Where the heat map's cell at data coordinates (x, y) is on the page. */
async function cellAt(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  await page.getByTestId("sweep-heatmap").scrollIntoViewIfNeeded();
  return page.getByTestId("sweep-heatmap").evaluate(
    (el, [x, y]) => {
      type Axis = { _offset: number; d2p(v: number): number };
      const gd = el.querySelector(".plot-host") as HTMLElement & { _fullLayout: { xaxis: Axis; yaxis: Axis } };
      const { xaxis, yaxis } = gd._fullLayout;
      const box = gd.getBoundingClientRect();
      return { x: box.left + xaxis._offset + xaxis.d2p(x), y: box.top + yaxis._offset + yaxis.d2p(y) };
    },
    [x, y],
  );
}

/**
 * Clicks the heat map's cell at data coordinates (x, y), once its hover label shows that
 * cell's amplitude `y` (plotly's click reports the cell it last hovered, and it throttles
 * hovers: a click right after the move could report the cell clicked before).
 */
async function clickCell(page: Page, x: number, y: number): Promise<void> {
  const at = await cellAt(page, x, y);
  await page.mouse.move(at.x, at.y);
  await expect(page.getByTestId("sweep-heatmap").locator(".hovertext")).toContainText(`clamp amplitude (nA) = ${y}`);
  await page.mouse.click(at.x, at.y);
}

test("a 2-D sweep of Na_gNa x clamp amplitude draws a heat map whose row at the model's own Na_gNa is the f-I curve", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openSweep(page);
  // The f-I curve first (1-D), at the model's own Na_gNa of 0.4.
  await range(page, "sweep", 0, 1.5, 4);
  const fi = await sweep(page);
  expect(fi).toHaveLength(4);
  // Then the grid: Na_gNa of fast_spiking (x) times the clamp amplitude (y).
  await varyParam(page, "sweep", "fast_spiking", "Na_gNa");
  await range(page, "sweep", 0.1, 0.4, 3);
  await page.getByTestId("sweep2-vary").selectOption("stimulus");
  await range(page, "sweep2", 0, 1.5, 4);
  await expect(page.getByTestId("sweep-runs")).toHaveText("3 × 4 = 12 runs");
  const grid = await sweep(page);
  expect(grid).toHaveLength(12);
  const run = await sweepRun(page);
  expect(run.outcome?.values).toEqual(GNA.map((g, i) => (i === 1 ? expect.closeTo(g, 12) : g)));
  expect(run.outcome?.values2).toEqual(AMPS);
  await expect(page.getByTestId("sweep-status")).toHaveText(/12 runs in [\d.]+ s on \d workers?/);
  // Row Na_gNa = 0.4 (runs 8 to 11) is the f-I curve; no current, no spike, in every row.
  expect(grid.slice(8)).toEqual(fi);
  for (const i of [0, 1, 2]) expect(grid[i * 4]).toBe(0);
  expect(grid[11]).toBeGreaterThan(0);

  // The heat map: plotly's heatmap (its cartesian bundle), z[amplitude][Na_gNa], named axes and colour bar.
  await expect(page.getByTestId("sweep-heatmap")).toHaveAttribute("data-ready", "yes");
  const h = await heatmap(page);
  expect(h.type).toBe("heatmap");
  expect(h.z).toEqual(AMPS.map((_, j) => GNA.map((_, i) => grid[i * 4 + j])));
  expect(h.x).toBe("Na_gNa of fast_spiking (S/cm²)");
  expect(h.y).toBe("clamp amplitude (nA)");
  expect(h.colourBar).toBe("spike count");
  await expect(page.getByTestId("sweep-heatmap").locator(".hm image")).toHaveCount(1);

  // Hovering a cell tells its values; clicking it plots its run's trace; a second cell overlays.
  await expect(page.getByTestId("sweep-pick-hint")).toBeVisible();
  const corner = await cellAt(page, 0.4, 1.5);
  await page.mouse.move(corner.x, corner.y);
  await expect(page.getByTestId("sweep-heatmap").locator(".hovertext")).toContainText("clamp amplitude (nA) = 1.5");
  await page.mouse.click(corner.x, corner.y);
  await expect(page.locator("[data-picked]")).toHaveAttribute("data-picked", "[11]");
  await expect(page.getByTestId("sweep-traces").locator("canvas")).toHaveAttribute("data-drawn", /\d+/);
  await clickCell(page, 0.1, 0.5);
  await expect(page.locator("[data-picked]")).toHaveAttribute("data-picked", "[11,1]");
  await shot(page, "sweep-2d-heatmap");
  await page.getByTestId("sweep-panel").screenshot({ path: "/tmp/sweep-2d-panel.png" });
  await page.getByTestId("sweep-traces").scrollIntoViewIfNeeded();
  await shot(page, "sweep-2d-traces");

  // The CSV: one row per run, both values then the summary, the header naming both with units.
  const pending = page.waitForEvent("download");
  await page.getByTestId("sweep-csv").click();
  const lines = readFileSync(await (await pending).path(), "utf8")
    .trim()
    .split("\n");
  expect(lines[0]).toBe("fast_spiking.Na_gNa_S/cm²,amplitude_nA,spike_count");
  expect(lines).toHaveLength(1 + 12);
  expect(lines[1]).toBe("0.1,0,0");
  expect(lines[12]).toBe(`0.4,1.5,${grid[11]}`);
});

test("the grid is guarded: too many runs are refused in words, and the same quantity twice", async ({ page }) => {
  await openSweep(page);
  await varyParam(page, "sweep", "fast_spiking", "Na_gNa");
  await range(page, "sweep", 0.1, 0.4, 30);
  await page.getByTestId("sweep2-vary").selectOption("stimulus");
  await fill(page, "sweep2-points", "30");
  await expect(page.getByTestId("sweep-runs")).toHaveText("30 × 30 = 900 runs (at most 400)");
  await page.getByTestId("sweep-run").click();
  await expect(page.getByTestId("sweep-status")).toHaveText(
    "A 2-D sweep of 30 × 30 = 900 runs is too large: at most 400 runs (e.g. 20 × 20). Use fewer points.",
  );
  await expect(page.getByTestId("sweep-panel")).toHaveAttribute("data-status", "error");
  await page.getByTestId("sweep2-vary").selectOption("param");
  await page.getByTestId("sweep2-group").selectOption("fast_spiking");
  await fill(page, "sweep2-points", "3");
  await page.getByTestId("sweep-run").click();
  await expect(page.getByTestId("sweep-status")).toContainText(
    "Both quantities of the 2-D sweep are the Na_gNa of fast_spiking: vary two different ones",
  );
});

test("stops a long 2-D sweep, and its setup travels in a share link", async ({ page, browser }) => {
  await openSweep(page);
  await setTMax(page, 2000);
  await varyParam(page, "sweep", "fast_spiking", "Na_gNa");
  await range(page, "sweep", 0.05, 0.6, 10);
  await varyParam(page, "sweep2", "slow_spiking", "Na_gNa");
  await range(page, "sweep2", 0.1, 0.3, 10);
  await page.getByTestId("sweep-summary").selectOption("custom");
  await fill(page, "sweep-expression", "spikes(v, -20) / 0.05");
  await page.getByTestId("sweep-run").click();
  await expect.poll(async () => (await sweepRun(page)).done, { timeout: 60_000 }).toBeGreaterThan(0);
  await page.getByTestId("sweep-stop").click();
  await expect(page.getByTestId("sweep-panel")).toHaveAttribute("data-status", "stopped");
  await expect(page.getByTestId("sweep-status")).toContainText("Stopped the 2-D sweep of 10 × 10 runs");
  expect((await sweepRun(page)).done).toBeLessThan(100);

  await page.getByTestId("share").click();
  const url = await page.getByTestId("share-url").inputValue();
  expect(url).toMatch(/#s=2\.[A-Za-z0-9_-]+$/);
  const other = await browser.newPage();
  await openApp(other, url.replace(/^https?:\/\/[^/]+\//, "/"));
  await other.getByTestId("tab-sweep").click();
  for (const [id, value] of [
    ["sweep-vary", "param"],
    ["sweep-group", "fast_spiking"],
    ["sweep-points", "10"],
    ["sweep2-vary", "param"],
    ["sweep2-group", "slow_spiking"],
    ["sweep2-key", "Na_gNa"],
    ["sweep2-from", "0.1"],
    ["sweep2-to", "0.3"],
    ["sweep2-points", "10"],
    ["sweep-summary", "custom"],
    ["sweep-expression", "spikes(v, -20) / 0.05"],
  ])
    await expect(other.getByTestId(id)).toHaveValue(value);
  // It runs there, smaller and shorter: a value per run of the grid, from the sandbox.
  await setTMax(other, 20);
  await fill(other, "sweep-points", "2");
  await fill(other, "sweep2-points", "3");
  await sweep(other);
  await expect.poll(async () => (await curve(other)).length, { timeout: 30_000 }).toBe(6);
  for (const x of await curve(other)) expect(x).toBeGreaterThanOrEqual(0);
  await other.close();
});
