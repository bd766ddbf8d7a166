/** Shared steps: screenshots, waiting for runs, reading the session, long tasks. */
import { mkdirSync } from "node:fs";
import { expect, type Page } from "@playwright/test";

const SHOTS = new URL("../test-results/screenshots/", import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });

/** Saves a screenshot of the whole page as test-results/screenshots/<name>.png. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}${name}.png` });
}

/** Opens the app and waits for the model to be built and simulated. */
export async function openApp(page: Page, path = "/"): Promise<void> {
  await page.goto(path);
  await waitForRun(page);
  await expect(page.getByTestId("traces-plot")).toHaveAttribute("data-ready", "yes");
  // The tutorial opens without the script sandbox (its model is built with the app); the
  // sandbox starts once the page is idle. Tests begin, as a user's first edit would a
  // moment later, with it ready.
  await expect(page.getByTestId("script-sandbox")).toHaveAttribute("data-ready", "yes", { timeout: 30_000 });
}

/** Waits until no run is in progress; returns the status text. */
export async function waitForRun(page: Page): Promise<string> {
  await expect(page.getByTestId("run-status")).not.toHaveText(/Running|Starting/, { timeout: 30_000 });
  return (await page.getByTestId("run-status").textContent()) ?? "";
}

/** The script in the session (what the editor holds). */
export function script(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      (window as unknown as { dendrolab: { store: { getState(): { script: string } } } }).dendrolab.store.getState()
        .script,
  );
}

/** Records long tasks (> 50 ms) on the page from now on. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: Array<{ start: number; ms: number }> };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        w.longTasks.push({ start: Math.round(e.startTime), ms: Math.round(e.duration) });
    }).observe({ type: "longtask", buffered: false });
  });
}

/** Long tasks since watchLongTasks, each with the app's performance measures that overlap it. */
export function longTasks(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = window as unknown as { longTasks: Array<{ start: number; ms: number }> };
    const measures = performance.getEntriesByType("measure");
    return w.longTasks.map((t) => {
      const during = measures
        .filter((m) => m.startTime < t.start + t.ms && m.startTime + m.duration > t.start)
        .map((m) => `${m.name} ${Math.round(m.duration)} ms`);
      return `${t.ms} ms at ${t.start} ms${during.length ? ` (${during.join(", ")})` : ""}`;
    });
  });
}
