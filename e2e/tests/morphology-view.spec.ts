/**
 * Issue 11, "Correctness", the morphology view: a click acts on the compartment clicked
 * (selection, clamp, record), instruments can go to loc(x) along a branch, and the 3-D
 * camera fits the whole cell (a tall CA1 cell is not clipped).
 */
import { expect, type Page, test } from "@playwright/test";
import { openApp, script, waitForRun } from "./helpers.js";

const CA1 = new URL("../fixtures/morph_ca1_n120_250.swc", import.meta.url).pathname;

/**
 * Every compartment of the model projected the way plotly's 3-D scene draws it (clip =
 * projection · view · model · (data · dataScale), as plotly's own annotation projection),
 * in normalised device coordinates: inside the view when |x| <= 1 and |y| <= 1.
 */
async function projectedExtent(page: Page): Promise<{ x: [number, number]; y: [number, number]; n: number }> {
  return page.evaluate(() => {
    type M = ArrayLike<number>;
    const host = document.querySelector('[data-testid="morphology-plot"] .plot-host') as unknown as {
      _fullLayout: {
        scene: { _scene: { dataScale: number[]; glplot: { cameraParams: { projection: M; view: M; model: M } } } };
      };
    };
    const sc = host._fullLayout.scene._scene;
    const cp = sc.glplot.cameraParams;
    const mul = (m: M, v: number[]) => {
      const out = [0, 0, 0, 0];
      for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) out[j] += m[4 * i + j] * v[i];
      return out;
    };
    const s = (
      window as unknown as {
        dendrolab: {
          store: {
            getState(): {
              model: { summary: { coords: { x: number[]; y: number[]; z: number[]; branchPaths: number[][][] } } };
            };
          };
        };
      }
    ).dendrolab.store.getState().model.summary.coords;
    const ds = sc.dataScale;
    const ex = { x: [Infinity, -Infinity] as [number, number], y: [Infinity, -Infinity] as [number, number], n: 0 };
    // Compartment centres and every traced point of every branch.
    const points = [...s.x.map((x, i) => [x, s.y[i], s.z[i]]), ...s.branchPaths.flat()];
    for (const p of points) {
      const c = mul(cp.projection, mul(cp.view, mul(cp.model, [p[0] * ds[0], p[1] * ds[1], p[2] * ds[2], 1])));
      const x = c[0] / c[3];
      const y = c[1] / c[3];
      ex.x = [Math.min(ex.x[0], x), Math.max(ex.x[1], x)];
      ex.y = [Math.min(ex.y[0], y), Math.max(ex.y[1], y)];
      ex.n++;
    }
    return ex;
  });
}

test("the 3-D view fits the whole CA1 cell in the camera", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("import-swc-input").setInputFiles(CA1);
  await expect.poll(() => script(page)).toContain("morph_ca1_n120_250.swc");
  await waitForRun(page);
  await page.getByTestId("morph-3d").click();
  await expect(page.getByTestId("morphology-plot").locator("canvas").first()).toBeVisible();
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          !!(
            document.querySelector('[data-testid="morphology-plot"] .plot-host') as unknown as {
              _fullLayout?: { scene?: { _scene?: { glplot?: unknown } } };
            } | null
          )?._fullLayout?.scene?._scene?.glplot,
      ),
    )
    .toBe(true);
  await page.waitForTimeout(300);
  const ex = await projectedExtent(page);
  expect(ex.n).toBeGreaterThan(10);
  for (const v of [...ex.x, ...ex.y]) expect(Math.abs(v)).toBeLessThanOrEqual(1);
  // and it fills the view (not a dot in the middle): the taller side spans over half of it
  expect(Math.max(ex.x[1] - ex.x[0], ex.y[1] - ex.y[0])).toBeGreaterThan(1);
});

/** Clicks the marker of the `i`-th compartment of the first marker trace (2-D view). */
async function clickMarker(page: Page, i: number): Promise<void> {
  const box = (await page
    .getByTestId("morphology-plot")
    .locator(".scatterlayer .trace .points path")
    .nth(i)
    .boundingBox())!;
  // Plotly picks the point under the pointer on hover: move there, then click.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(200);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

test("a click on a compartment selects it, and the clamp and the recording go there", async ({ page }) => {
  await openApp(page);
  // The first markers are the fast_spiking group's, compartments 0..15: the 4th is cell 0, branch 1, comp 1.
  await clickMarker(page, 3);
  await expect(page.getByTestId("selection-count")).toHaveText(/^1 comps? selected$/);
  await expect(page.getByTestId("instrument-target")).toHaveText("cell 0 · branch 1 · comp 1");
  await page.getByTestId("add-recording").click();
  await waitForRun(page);
  await page.getByTestId("add-clamp").click();
  await waitForRun(page);
  const text = await script(page);
  expect(text).toContain('network.cell(0).branch(1).comp(1).record("v");');
  expect(text).toContain("network.cell(0).branch(1).comp(1).stimulate(jx.stepCurrent(1, 5, 0.5));");
  const recordings = await page.evaluate(
    () =>
      (
        window as unknown as {
          dendrolab: { store: { getState(): { model: { summary: { recordings: Array<{ index: number }> } } } } };
        }
      ).dendrolab.store.getState().model.summary.recordings,
  );
  expect(recordings.map((r) => r.index)).toContain(3);
});

test("instruments on a selected branch go to loc(x) along it", async ({ page }) => {
  await openApp(page);
  // Alt-click selects the whole branch of the compartment clicked (cell 0, branch 1).
  await clickMarker(page, 3);
  await page.keyboard.down("Alt");
  await clickMarker(page, 2);
  await page.keyboard.up("Alt");
  await expect(page.getByTestId("selection-count")).toHaveText("2 comps selected");
  await expect(page.getByTestId("instrument-target")).toHaveText("cell 0 · branch 1 · comp 0");
  const loc = page.getByTestId("instrument-loc");
  await loc.fill("0.8");
  await loc.press("Enter");
  await expect(page.getByTestId("instrument-target")).toHaveText("cell 0 · branch 1 · comp 1");
  await page.getByTestId("add-recording").click();
  await waitForRun(page);
  expect(await script(page)).toContain('network.cell(0).branch(1).loc(0.8).record("v");');
  await loc.fill("1.5");
  await loc.press("Enter");
  await expect(page.getByTestId("instruments")).toContainText("x must be a number from 0 to 1");
});
