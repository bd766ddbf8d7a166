/**
 * The gallery (Examples menu): the L5PC fit of the Jaxley paper opens with its settings,
 * names the morphology it needs, runs once the file is dropped (from ../shared, never
 * copied into the repository), and two training steps lower the loss; the tutorial entry
 * opens as one undo step.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { L5PC_SWC } from "../../apps/ide/src/gallery/l5pc-fit-script.js";
import { dropFiles } from "./drop.js";
import { openApp, script, waitForRun } from "./helpers.js";

/** The tutorial entry's script (the IDE's opening script, apps/ide/src/session/tutorial.ts). */
const TUTORIAL_SCRIPT = readFileSync(new URL("../../examples/tutorial-network.ts", import.meta.url), "utf8");
const SWC_PATH = new URL(`../../../shared/swc/${L5PC_SWC}`, import.meta.url).pathname;

type Training = { status: string; losses: number[]; message: string | null };
type Dendrolab = {
  actions: { setScript(s: string): void; run(): Promise<void>; setTrainer(p: object): void };
  store: {
    getState(): {
      training: Training;
      sim: { tMax: number; dt: number; solver: string };
      trainer: { params: unknown[]; transform: string; loss: string };
    };
  };
};
const state = (page: import("@playwright/test").Page) =>
  page.evaluate(() => {
    const s = (window as unknown as { dendrolab: Dendrolab }).dendrolab.store.getState();
    return { training: s.training, sim: s.sim, trainer: s.trainer };
  });

test("opens the L5PC fit from the Examples menu, completes it with the dropped morphology, and trains", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openApp(page);
  await page.getByTestId("examples-menu").click();
  await expect(page.getByRole("menu", { name: "Examples" })).toBeVisible();
  await page.getByTestId("example-l5pc-fit").click();

  const panel = page.getByTestId("example-panel");
  await expect(panel).toContainText("L5PC fit (Jaxley paper, Fig. 3)");
  await expect(panel).toContainText(`Needs the morphology ${L5PC_SWC}`);
  await waitForRun(page);
  await expect(page.getByTestId("banner")).toContainText(`needs the file "${L5PC_SWC}"`);
  const opened = await state(page);
  expect(opened.sim).toEqual({ tMax: 100, dt: 0.025, solver: "bwd_euler" });
  expect(opened.trainer.params).toHaveLength(19);
  expect(opened.trainer.transform).toBe("sigmoid");

  await dropFiles(page, [SWC_PATH]);
  // The run starts once the files are read (async): wait for its result, not for "not running".
  await expect(page.getByTestId("run-status")).toHaveText(/^Built in/, { timeout: 60_000 });
  await expect(page.getByTestId("banner")).toHaveCount(0);
  expect(await script(page)).toContain(`files["${L5PC_SWC}"]`);

  await page.evaluate(() => (window as unknown as { dendrolab: Dendrolab }).dendrolab.actions.setTrainer({ steps: 2 }));
  await page.getByRole("tab", { name: "Trainer" }).click();
  await page.getByTestId("train-start").click();
  await expect.poll(async () => (await state(page)).training.status, { timeout: 200_000 }).toMatch(/done|error/);
  const t = (await state(page)).training;
  console.log(`L5PC gallery entry, two trainer steps: losses ${t.losses.map((l) => l.toPrecision(4)).join(" ")}`);
  expect(t.message).toBeNull();
  expect(t.losses).toHaveLength(2);
  expect(t.losses[1]).toBeLessThan(t.losses[0]);
});

test("opens the tutorial from the Examples menu as one undo step", async ({ page }) => {
  await openApp(page);
  const mine = TUTORIAL_SCRIPT.replace('set("Na_gNa", 0.4)', 'set("Na_gNa", 0.3)');
  expect(mine).not.toBe(TUTORIAL_SCRIPT);
  await page.evaluate(async (s) => {
    const d = (window as unknown as { dendrolab: Dendrolab }).dendrolab;
    d.actions.setScript(s);
    await d.actions.run();
  }, mine);
  expect(await script(page)).toBe(mine);

  await page.getByTestId("examples-menu").click();
  await page.getByTestId("example-tutorial").click();
  await expect(page.getByTestId("example-panel")).toContainText("Groups tutorial network");
  await waitForRun(page);
  expect(await script(page)).toBe(TUTORIAL_SCRIPT);
  await expect(page.getByTestId("undo")).toHaveAttribute("title", /Open example: Groups tutorial network/);

  await page.getByTestId("undo").click();
  expect(await waitForRun(page)).toMatch(/^Built in/);
  expect(await script(page)).toBe(mine);
});
