/**
 * The L5PC fit of the Jaxley paper in the IDE's trainer worker (issue 10): the L5PC
 * morphology is dropped into the page (from ../shared, never copied into the repository),
 * the script (the gallery's, apps/ide/src/gallery/l5pc-fit-script.ts) builds the cell with
 * the project's channels under the paper's protocol, and
 * the trainer trains the paper's 19 region-wise parameters at once against a target
 * simulated from release_params.json. Two steps must lower the loss. The seconds per step
 * are printed (a measurement for the README, not asserted); L5PC_TRAIN_STEPS sets the steps,
 * L5PC_NCOMP the compartments per section (default 1).
 *
 * L5PC_STARTS=n adds the paper's fit with the gallery entry's settings (window loss,
 * Levenberg-Marquardt steps, threshold 0.55) from each of the first n random starts of seed 1,
 * drawn as `examples/l5pc-fit.ts` draws them: steps until the threshold and seconds per step,
 * for the README's comparison with Node (the gallery's own test trains the first start).
 */
import { expect, test } from "@playwright/test";
import { dropFiles } from "./drop.js";
import { openApp, waitForRun } from "./helpers.js";
import { L5PC_FIT_PARAMS, L5PC_SWC, l5pcFitScript } from "../../apps/ide/src/gallery/l5pc-fit-script.js";
import { L5PC_FIT_EXAMPLE } from "../../apps/ide/src/gallery/l5pc-fit-example.js";
import { seededRandom } from "../../packages/core/src/random.js";

const SWC_PATH = new URL(`../../../shared/swc/${L5PC_SWC}`, import.meta.url).pathname;
const STEPS = Number(process.env.L5PC_TRAIN_STEPS ?? 2);
const NCOMP = Number(process.env.L5PC_NCOMP ?? 1);

type Training = { status: string; losses: number[]; stepMs: number; message: string | null };
type Dendrolab = {
  actions: {
    setScript(s: string): void;
    run(): Promise<void>;
    setSim(p: { tMax: number; dt: number }): Promise<void>;
    setTrainer(p: object): void;
    startTraining(): void;
  };
  store: { getState(): { training: Training }; subscribe(listener: () => void): () => void };
};

test("trains the L5PC's 19 region-wise parameters in the trainer worker; the loss falls", async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await dropFiles(page, [SWC_PATH]);
  await waitForRun(page);
  // The start: every fitted parameter 30% above its target (release) value.
  const start = L5PC_FIT_PARAMS.map((p) => p.target * 1.3);
  await page.evaluate(
    async ({ script, params, steps }) => {
      const d = (window as unknown as { dendrolab: Dendrolab }).dendrolab;
      await d.actions.setSim({ tMax: 100, dt: 0.025 });
      d.actions.setScript(script);
      await d.actions.run();
      d.actions.setTrainer({ params, targetKind: "model", loss: "stats", lr: 0.05, steps, transform: "log" });
    },
    { script: l5pcFitScript(start, NCOMP), params: L5PC_FIT_PARAMS, steps: STEPS },
  );
  expect(await waitForRun(page)).toMatch(/^Built in/);

  const stepMs: number[] = [];
  await page.exposeFunction("recordStepMs", (ms: number) => stepMs.push(ms));
  await page.evaluate(() => {
    const d = (window as unknown as { dendrolab: Dendrolab }).dendrolab;
    const w = window as unknown as { recordStepMs(ms: number): void };
    let seen = 0;
    d.store.subscribe(() => {
      const t = d.store.getState().training;
      if (t.losses.length > seen) {
        seen = t.losses.length;
        w.recordStepMs(t.stepMs);
      }
    });
    d.actions.startTraining();
  });
  const training = () =>
    page.evaluate(() => (window as unknown as { dendrolab: Dendrolab }).dendrolab.store.getState().training);
  await expect.poll(async () => (await training()).status, { timeout: 110_000 }).toMatch(/done|error/);
  const t = await training();
  console.log(
    `L5PC in the trainer worker: ${NCOMP} compartment(s) per section, ${L5PC_FIT_PARAMS.length} parameters, losses ${t.losses.map((l) => l.toPrecision(4)).join(" ")}, ` +
      `seconds per step ${stepMs.map((ms) => (ms / 1000).toFixed(2)).join(" ")}`,
  );
  expect(t.message).toBeNull();
  expect(t.losses).toHaveLength(STEPS);
  expect(t.losses[1]).toBeLessThan(t.losses[0]);
});

/** The first `n` starts of `pnpm --filter @dendrolab/examples l5pc-fit -- --seed 1`: uniform inside the bounds. */
function starts(n: number): number[][] {
  const random = seededRandom(1);
  return Array.from({ length: n }, () =>
    L5PC_FIT_PARAMS.map((p) => p.bounds[0] + random() * (p.bounds[1] - p.bounds[0])),
  );
}

for (const [s, start] of starts(Number(process.env.L5PC_STARTS ?? 0)).entries()) {
  test(`the paper's fit in the trainer worker from start ${s} of seed 1 (Levenberg-Marquardt, window loss)`, async ({
    page,
  }) => {
    test.setTimeout(1_800_000);
    await openApp(page);
    await dropFiles(page, [SWC_PATH]);
    await waitForRun(page);
    await page.evaluate(
      async ({ script, trainer }) => {
        const d = (window as unknown as { dendrolab: Dendrolab }).dendrolab;
        await d.actions.setSim({ tMax: 100, dt: 0.025 });
        d.actions.setScript(script);
        await d.actions.run();
        d.actions.setTrainer(trainer);
      },
      { script: l5pcFitScript(start, NCOMP), trainer: L5PC_FIT_EXAMPLE.trainer! },
    );
    expect(await waitForRun(page)).toMatch(/^Built in/);
    const t0 = Date.now();
    await page.evaluate(() => (window as unknown as { dendrolab: Dendrolab }).dendrolab.actions.startTraining());
    const training = () =>
      page.evaluate(() => (window as unknown as { dendrolab: Dendrolab }).dendrolab.store.getState().training);
    await expect
      .poll(async () => (await training()).status, { timeout: 1_790_000, intervals: [1000] })
      .toMatch(/done|error/);
    const t = await training();
    expect(t.message).toBeNull();
    const steps = t.losses.length - 1;
    const last = t.losses[steps];
    const seconds = (Date.now() - t0) / 1000;
    console.log(
      `start ${s}: ${last < 0.55 ? `below 0.55 after ${steps} steps` : `not below 0.55 in ${steps} steps`}, best loss ${Math.min(...t.losses).toFixed(4)}, ` +
        `losses ${t.losses.map((l) => l.toFixed(4)).join(" ")}, ${seconds.toFixed(1)} s (${(seconds / Math.max(steps, 1)).toFixed(2)} s per step)`,
    );
  });
}
