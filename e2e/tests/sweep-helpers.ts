/** Steps shared by the Sweep tab's specs: opening it, setting its fields, reading its state. */
import { expect, type Page } from "@playwright/test";
import { openApp } from "./helpers.js";

export type Run = {
  status: string;
  done: number;
  total: number;
  workers: number;
  outcome: { values: number[]; values2?: number[]; ms: number } | null;
  custom: { status: string; values: number[] | null; message: string | null } | null;
};

/** The sweep's run state in the page's store. */
export function sweepRun(page: Page): Promise<Run> {
  return page.evaluate(
    () =>
      (window as unknown as { dendrolab: { store: { getState(): { sweepRun: Run } } } }).dendrolab.store.getState()
        .sweepRun,
  );
}

/** Sets a field of the sweep panel (committed on Enter). */
export async function fill(page: Page, testid: string, value: string): Promise<void> {
  await page.getByTestId(testid).fill(value);
  await page.getByTestId(testid).press("Enter");
}

/** Sets t_max (ms) through the session's actions; the model is simulated again. */
export function setTMax(page: Page, tMax: number): Promise<void> {
  type Actions = { setSim(p: { tMax: number }): Promise<void> };
  return page.evaluate(
    (t) => (window as unknown as { dendrolab: { actions: Actions } }).dendrolab.actions.setSim({ tMax: t }),
    tMax,
  );
}

export async function openSweep(page: Page, path = "/"): Promise<void> {
  await openApp(page, path);
  await page.getByTestId("tab-sweep").click();
  await expect(page.getByTestId("sweep-panel")).toBeVisible();
}

/** Presses Sweep and waits until the sweep is done; returns the summary of each run (null: none). */
export async function sweep(page: Page): Promise<Array<number | null>> {
  await page.getByTestId("sweep-run").click();
  await expect(page.getByTestId("sweep-panel")).toHaveAttribute("data-status", "done", { timeout: 60_000 });
  return curve(page);
}

/** The summary of each run, as the panel shows it (null: none). */
export async function curve(page: Page): Promise<Array<number | null>> {
  return JSON.parse((await page.getByTestId("sweep-panel").getAttribute("data-curve")) ?? "[]");
}

/** Sets up the first quantity as a group's parameter. */
export async function varyParam(page: Page, prefix: "sweep" | "sweep2", group: string, key: string): Promise<void> {
  await page.getByTestId(`${prefix}-vary`).selectOption("param");
  await page.getByTestId(`${prefix}-group`).selectOption(group);
  await page.getByTestId(`${prefix}-key`).selectOption(key);
}

/** Sets a quantity's range and points. */
export async function range(page: Page, prefix: "sweep" | "sweep2", from: number, to: number, points: number) {
  await fill(page, `${prefix}-from`, String(from));
  await fill(page, `${prefix}-to`, String(to));
  await fill(page, `${prefix}-points`, String(points));
}
