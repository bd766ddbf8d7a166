/**
 * Large legitimate inputs in the IDE (issue 12, point 8): a 100,000-compartment network is
 * drawn with a bounded number of points (it was 300,000 points and 5 s of main thread),
 * and a 110,000-sample SWC, under the 5 MB import limit, is imported, built and drawn (it
 * used to fail with "Maximum call stack size exceeded": a recursive layout and
 * Math.min(...points)).
 */
import { expect, test } from "@playwright/test";
import { openApp } from "./helpers.js";

const NETWORK = `import * as jx from "@dendrolab/core";
const parents = Array.from({ length: 100 }, (_, b) => (b === 0 ? -1 : Math.floor((b - 1) / 2)));
const cell = new jx.Cell(new jx.Branch(new jx.Compartment(), 10), parents);
const network = new jx.Network(Array.from({ length: 100 }, () => cell));
network.cell(0).addToGroup("first");
export default network;
`;

/** The points of every line drawn in the 2-D morphology plot (SVG path commands). */
function drawnPoints(page: import("@playwright/test").Page): Promise<number> {
  return page
    .getByTestId("morphology-plot")
    .locator(".scatterlayer .trace .js-line")
    .evaluateAll((paths) => paths.reduce((n, p) => n + (p.getAttribute("d")?.match(/[ML]/g)?.length ?? 0), 0));
}

test("draws a 100,000-compartment network with a bounded number of points", async ({ page }) => {
  test.setTimeout(240_000);
  await openApp(page);
  await page.evaluate((s) => {
    const d = (window as unknown as { dendrolab: { actions: { setScript(s: string): void; run(): Promise<void> } } })
      .dendrolab;
    d.actions.setScript(s);
    return d.actions.run();
  }, NETWORK);
  await expect(page.getByTestId("run-status")).toHaveText(/^Built in/, { timeout: 120_000 });
  await expect(page.getByTestId("tree-network")).toContainText("100 cells · 100000 comps");
  const plot = page.getByTestId("morphology-plot");
  await expect(plot.locator(".legendtext", { hasText: "first" })).toHaveCount(1, { timeout: 60_000 });
  // Undecimated: 3 points per compartment (300,000). Straight branches are now two points each.
  await expect.poll(() => drawnPoints(page), { timeout: 60_000 }).toBeGreaterThan(10_000);
  expect(await drawnPoints(page)).toBeLessThan(30_000);
});

const SAMPLES = 110_000;

/** A backbone with a one-sample side branch at every other sample: ~55,000 branch points, tree depth ~55,000. */
function deepTreeSwc(n: number): string {
  const lines = ["1 1 0 0 0 5 -1"];
  let id = 2;
  let backbone = 1;
  while (id <= n) {
    lines.push(`${id} 3 ${id} 0 0 0.5 ${backbone}`);
    backbone = id++;
    if (id <= n) {
      lines.push(`${id} 3 ${id} 3 0 0.5 ${backbone}`);
      id++;
    }
  }
  return lines.join("\n");
}

/** A soma and one dendrite of `n - 1` samples along x. */
function chainSwc(n: number): string {
  const lines = ["1 1 0 0 0 5 -1"];
  for (let i = 2; i <= n; i++) lines.push(`${i} 3 ${i} 0 0 0.5 ${i - 1}`);
  return lines.join("\n");
}

// The IDE reads an imported SWC inside the model script, which the script sandbox stops
// after 1.5 s plus 2 s per million characters of imported files (sandbox/limits.ts):
// reading 110,000 samples takes 0.5 to 1 s on an idle machine, several on a loaded one.
for (const [shape, make] of [
  ["a long chain", chainSwc],
  ["a deep tree", deepTreeSwc],
] as const)
  test(`imports a 110,000-sample SWC (${shape}) and draws it`, async ({ page }) => {
    test.setTimeout(240_000);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await openApp(page);
    const text = make(SAMPLES);
    expect(text.length).toBeLessThan(5_000_000);
    await page
      .getByTestId("import-swc-input")
      .setInputFiles({ name: "deep.swc", mimeType: "text/plain", buffer: Buffer.from(text) });
    // The import's own run (reading the file takes a moment before it starts): its cell is in the tree.
    await expect(page.getByTestId("tree-network")).toContainText("1 cells", { timeout: 180_000 });
    await expect(page.getByTestId("run-status")).toHaveText(/^Built in/, { timeout: 60_000 });
    const message = await page.evaluate(
      () =>
        (
          window as unknown as { dendrolab: { store: { getState(): { run: { message: string | null } } } } }
        ).dendrolab.store.getState().run.message,
    );
    expect(message).toBeNull();
    const plot = page.getByTestId("morphology-plot");
    await expect(plot).toHaveAttribute("data-ready", "yes", { timeout: 60_000 });
    // The cell is drawn: a group trace (basal) with lines, from its SWC coordinates.
    await expect(plot.locator(".legendtext", { hasText: "basal" })).toHaveCount(1);
    expect(await drawnPoints(page)).toBeGreaterThanOrEqual(2);
    // ... over the whole cell: the x axis spans the SWC's 110,000 um (x of sample i is i um).
    const range = await plot.evaluate((el) => {
      const p = (el.querySelector(".js-plotly-plot") ?? el) as unknown as {
        _fullLayout?: { xaxis?: { range?: number[] } };
      };
      return p._fullLayout?.xaxis?.range ?? [];
    });
    expect(range[1] - range[0]).toBeGreaterThan(SAMPLES * 0.9);
    await expect(page.getByTestId("morphology-panel")).not.toContainText("laid out");
    expect(errors.filter((m) => /call stack/i.test(m))).toEqual([]);
  });
