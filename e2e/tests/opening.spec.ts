/**
 * The page's opening run (issue 11, time to interactive): the shipped tutorial's model is
 * built with the app (apps/ide/build/tutorial-model-plugin.ts), so its first trace does
 * not wait for the script sandbox, which starts once the tutorial is on screen. Every
 * other script (an edit, a link's, a restored session's) runs only in the sandbox.
 */
import { expect, type Page, test } from "@playwright/test";
import { openApp, script, waitForRun } from "./helpers.js";

/** Records when the traces plot is first drawn (performance.now()). */
async function watchDrawn(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { drawnAt?: number };
    new MutationObserver(() => {
      if (!w.drawnAt && document.querySelector('[data-testid="traces-plot"] .plot-host[data-drawn]'))
        w.drawnAt = performance.now();
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-drawn"] });
  });
}

/** When the first trace was drawn, and when the sandbox document was asked for (NaN if not yet). */
function timeline(page: Page): Promise<{ drawn: number; sandbox: number }> {
  return page.evaluate(() => {
    const s = performance.getEntriesByType("resource").find((e) => e.name.endsWith("/sandbox.html"));
    return { drawn: (window as unknown as { drawnAt: number }).drawnAt, sandbox: s ? s.startTime : Number.NaN };
  });
}

const setNa = (page: Page, value: string) =>
  page.evaluate(async (v) => {
    const d = (
      window as unknown as {
        dendrolab: {
          store: { getState(): { script: string }; setState(s: object): void };
          actions: { run(): Promise<void> };
        };
      }
    ).dendrolab;
    d.store.setState({ script: d.store.getState().script.replace('set("Na_gNa", 0.4)', `set("Na_gNa", ${v})`) });
    await d.actions.run();
  }, value);

test("the tutorial opens with its prebuilt model before the sandbox starts; the first edit runs in the sandbox", async ({
  page,
}) => {
  await watchDrawn(page);
  await openApp(page);
  await expect(page.getByTestId("run-status")).toHaveText(/^Tutorial built with the app, simulated in \d+ ms/);
  await expect(page.getByTestId("tree-network")).toContainText("3 cells · 24 comps · 2 synapses");
  const t = await timeline(page);
  expect(t.drawn).toBeGreaterThan(0);
  // openApp waited for the sandbox to be ready: it was asked for only after the first trace was drawn.
  expect(t.sandbox).toBeGreaterThan(t.drawn);
  // The trace is the tutorial's: the spike is above 0 mV from 1.125 ms (dt 0.025 ms).
  const up = await page.evaluate(() => {
    type Run = { traces: { dt: number; rows: Array<{ values: Float32Array }> } };
    const d = (window as unknown as { dendrolab: { store: { getState(): { runs: Run[] } } } }).dendrolab;
    const { dt, rows } = d.store.getState().runs.at(-1)!.traces;
    return dt * Array.from(rows[0].values).findIndex((v) => v > 0);
  });
  expect(up).toBeCloseTo(1.125, 9);
  // An edit is a script of the user's: it runs in the sandbox.
  await setNa(page, "0.3");
  expect(await waitForRun(page)).toMatch(/^Built in \d+ ms, simulated in/);
  // Back to the tutorial's exact text by undo: the sandbox builds it too (only the opening run is prebuilt).
  await page.evaluate(() =>
    (window as unknown as { dendrolab: { actions: { undo(): Promise<void> } } }).dendrolab.actions.undo(),
  );
  expect(await waitForRun(page)).toMatch(/^Built in \d+ ms, simulated in/);
});

test("a restored session that is not the tutorial runs in the sandbox", async ({ page }) => {
  await openApp(page);
  await setNa(page, "0.3");
  await waitForRun(page);
  const edited = await script(page);
  // The autosave keeps it; a reload restores it.
  await expect(page.getByTestId("autosave-status")).toHaveAttribute("data-status", "saved", { timeout: 10_000 });
  await page.reload();
  await waitForRun(page);
  await expect(page.getByTestId("banner")).toContainText("Restored your session");
  expect(await script(page)).toBe(edited);
  await expect(page.getByTestId("run-status")).toHaveText(/^Built in \d+ ms, simulated in/);
});

test("a link's script runs in the sandbox, which is asked for before the first trace", async ({ page, browser }) => {
  await openApp(page);
  await setNa(page, "0.3");
  await waitForRun(page);
  await page.getByTestId("share").click();
  const url = (await page.getByTestId("share-url").inputValue()) ?? "";
  const other = await browser.newPage();
  await watchDrawn(other);
  await openApp(other, url.replace(/^https?:\/\/[^/]+\//, "/"));
  await expect(other.getByTestId("run-status")).toHaveText(/^Built in \d+ ms, simulated in/);
  const t = await timeline(other);
  expect(t.sandbox).toBeLessThan(t.drawn);
  expect(await script(other)).toBe(await script(page));
  await other.close();
});
