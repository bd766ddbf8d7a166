/**
 * User code runs in a worker inside an opaque-origin sandboxed iframe: no DOM, no network,
 * no storage. A training run can be stopped.
 */
import { expect, test } from "@playwright/test";
import { openApp, script, shot, waitForRun } from "./helpers.js";

const PROBE = `import * as jx from "@dendrolab/core";
const g = self as unknown as Record<string, unknown>;
const probe: Record<string, string> = {};
for (const name of ["fetch", "XMLHttpRequest", "WebSocket", "EventSource", "importScripts", "indexedDB", "caches", "document", "window", "localStorage", "parent", "Worker", "BroadcastChannel"]) {
  probe[name] = typeof g[name];
}
probe.protoFetch = typeof (Object.getPrototypeOf(self) as Record<string, unknown>).fetch;
probe.origin = String(g.origin);
console.log("probe " + JSON.stringify(probe));
const network = new jx.Cell();
network.record("v");
export default network;
`;

test("a script cannot reach the page, the network or storage", async ({ page }) => {
  await openApp(page);
  expect(await page.getByTestId("script-sandbox").getAttribute("sandbox")).toBe("allow-scripts");
  await page.evaluate((s) => {
    const d = (window as unknown as { dendrolab: { actions: { setScript(s: string): void; run(): Promise<void> } } })
      .dendrolab;
    d.actions.setScript(s);
    return d.actions.run();
  }, PROBE);
  await waitForRun(page);
  const line = await page.getByTestId("console").textContent();
  const probe = JSON.parse(/probe (\{.*\})/.exec(line ?? "")![1]) as Record<string, string>;
  const { origin, ...types } = probe;
  expect(origin).toBe("null"); // opaque origin
  for (const [name, type] of Object.entries(types)) expect(type, name).toBe("undefined");
  // The page itself is untouched and the model (one compartment) was built.
  await expect(page.getByTestId("tree-network")).toContainText("1 cells · 1 comps");
  await shot(page, "10-isolation-probe");
});

test("a training run stops when asked and can still be applied", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("tab-trainer").click();
  await page.getByTestId("trainer-add").click();
  await page.getByTestId("trainer-steps").fill("400");
  await page.getByTestId("trainer-steps").press("Enter");
  await page.getByTestId("train-start").click();
  await expect(page.getByTestId("train-status")).toContainText("running · step", { timeout: 30_000 });
  const before = await script(page);
  await page.getByTestId("train-stop").click();
  await expect(page.getByTestId("train-status")).toContainText("stopped", { timeout: 10_000 });
  const steps = await page.evaluate(
    () =>
      (
        window as unknown as { dendrolab: { store: { getState(): { training: { losses: number[] } } } } }
      ).dendrolab.store.getState().training.losses.length,
  );
  expect(steps).toBeLessThan(400);
  expect(await script(page)).toBe(before); // training ticks never touch the script
  await page.getByTestId("train-apply").click();
  await waitForRun(page);
  expect(await script(page)).not.toBe(before);
});
