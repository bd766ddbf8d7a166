/**
 * Issue 11, "Correctness": the toolbar's dt does not move the stimulus (the opening
 * script's stimulus is defined in time), the dt convergence check gives the right answer,
 * and the status bar and the traces never show a stale run.
 */
import { expect, type Page, test } from "@playwright/test";
import { openApp, script, waitForRun } from "./helpers.js";

interface Run {
  traces: { dt: number; nSamples: number; rows: Array<{ label: string; values: Record<number, number> }> };
}

/** The latest run's traces (dt and the first row), read from the store. */
function latest(page: Page): Promise<{ dt: number; v: number[]; runs: number } | null> {
  return page.evaluate(() => {
    const s = (
      window as unknown as { dendrolab: { store: { getState(): { runs: Run[] } } } }
    ).dendrolab.store.getState();
    const r = s.runs[s.runs.length - 1];
    if (!r) return null;
    return { dt: r.traces.dt, v: Array.from(r.traces.rows[0].values as unknown as Float32Array), runs: s.runs.length };
  });
}

/** Time (ms) of the first upward 0 mV crossing, interpolated between samples. */
function crossing(v: number[], dt: number): number {
  for (let k = 1; k < v.length; k++) if (v[k - 1] < 0 && v[k] >= 0) return (k - 1 + -v[k - 1] / (v[k] - v[k - 1])) * dt;
  return Number.NaN;
}

async function setDt(page: Page, dt: number): Promise<void> {
  const field = page.getByTestId("sim-dt");
  await field.fill(String(dt));
  await field.press("Enter");
  await expect.poll(async () => (await latest(page))?.dt).toBe(dt);
}

test("changing dt in the toolbar does not move the tutorial's spike by more than one step", async ({ page }) => {
  await openApp(page);
  const first = (await latest(page))!;
  expect(first.dt).toBe(0.025);
  const ref = crossing(first.v, first.dt);
  expect(ref).toBeGreaterThan(1);
  expect(ref).toBeLessThan(1.3);
  for (const dt of [0.05, 0.1, 0.0125]) {
    await setDt(page, dt);
    const r = (await latest(page))!;
    const t = crossing(r.v, r.dt);
    expect(Math.abs(t - ref), `0 mV crossing at dt ${dt}: ${t} ms, at dt 0.025: ${ref} ms`).toBeLessThanOrEqual(
      Math.max(dt, 0.025),
    );
  }
});

test("the dt convergence check: dt 0.1 is not converged, dt 0.0125 is, on the tutorial", async ({ page }) => {
  await openApp(page);
  const verdict = page.getByTestId("convergence-verdict");
  await setDt(page, 0.1);
  await page.getByTestId("check-convergence").click();
  await expect(verdict).toContainText("dt = 0.1 ms is NOT converged");
  await expect(page.getByTestId("convergence-result").locator("tbody tr")).toHaveCount(2);
  await setDt(page, 0.0125);
  await page.getByTestId("check-convergence").click();
  await expect(verdict).toContainText("dt = 0.0125 ms is converged");
  // The check does not change the shown traces.
  expect((await latest(page))!.dt).toBe(0.0125);
});

test("the status bar names the settings of the shown traces after dt, t_max and solver changes", async ({ page }) => {
  await openApp(page);
  const status = page.getByTestId("run-status");
  await expect(status).toContainText("dt 0.025 ms, t_max 20 ms");
  await setDt(page, 0.05);
  await expect(status).toContainText("dt 0.05 ms, t_max 20 ms");
  const tmax = page.getByTestId("sim-tmax");
  await tmax.fill("12");
  await tmax.press("Enter");
  await expect(status).toContainText("dt 0.05 ms, t_max 12 ms");
  await expect.poll(async () => (await latest(page))?.v.length).toBe(241);
  await page.locator(".sim-settings select").selectOption("crank_nicolson");
  await expect(status).toContainText("crank_nicolson");
});

test("after Clear all no old trace stays drawn", async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId("traces-plot")).toBeVisible();
  await page.getByTestId("clear-instruments").click();
  await waitForRun(page);
  await expect(page.getByTestId("sim-error")).toContainText("nothing is recorded");
  await expect(page.getByTestId("traces-plot")).toHaveCount(0);
  expect(await latest(page)).toBeNull();
  await expect(page.getByTestId("run-status")).toContainText("not simulated");
});

test("a stimulus given as samples for another dt is flagged; the tutorial's, defined in time, is not", async ({
  page,
}) => {
  await openApp(page);
  await setDt(page, 0.05);
  await expect(page.getByTestId("sampled-stimulus-note")).toHaveCount(0);
  const sampled = (await script(page)).replace("jx.stepCurrent(1, 5, 0.5)", "jx.stepCurrent(1, 5, 0.5, 0.025, 20)");
  expect(sampled).toContain("0.025, 20)");
  await page.evaluate((s) => {
    const d = (window as unknown as { dendrolab: { actions: { setScript(s: string): void; run(): Promise<void> } } })
      .dendrolab;
    d.actions.setScript(s);
    return d.actions.run();
  }, sampled);
  await waitForRun(page);
  const note = page.getByTestId("sampled-stimulus-note");
  await expect(note).toContainText("given as 801 samples");
  await expect(note).toContainText("at dt 0.05 ms it lasts 40 ms");
  await setDt(page, 0.025);
  await expect(note).toHaveCount(0);
});
