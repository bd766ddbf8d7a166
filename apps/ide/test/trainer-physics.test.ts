/**
 * The trainer's schedule and warnings: the learning rate decays (cosine by default) so
 * that the tutorial's training settles instead of circling the optimum; a parameter no
 * recording depends on is named.
 */
import { serializeModel } from "@dendrolab/core/io";
import { describe, expect, it } from "vitest";
import { runScript } from "../src/sandbox/run-script.js";
import type { TrainJob } from "../src/protocol/messages.js";
import { DEFAULT_TRAINER } from "../src/session/trainer-settings.js";
import { Adam } from "../src/workers/adam.js";
import { COSINE_FLOOR, learningRate } from "../src/workers/lr-schedule.js";
import { train, zeroGradientWarnings } from "../src/workers/trainer-loop.js";
import { TUTORIAL_SCRIPT } from "./helpers.js";

const model = serializeModel(runScript(TUTORIAL_SCRIPT, () => undefined));
const job = (p: Partial<TrainJob> = {}): TrainJob => ({
  model,
  sim: { tMax: 20, dt: 0.025, solver: "bwd_euler" },
  params: [{ group: "fast_spiking", key: "Na_gNa", target: 0.3 }],
  target: { kind: "model" },
  loss: "mse",
  lr: DEFAULT_TRAINER.lr,
  schedule: DEFAULT_TRAINER.schedule,
  steps: 20,
  transform: "log",
  gradient: "auto",
  ...p,
});

const quiet = (warnings: string[][] = []) => ({
  started: (i: { warnings: string[] }) => void warnings.push(i.warnings),
  progress: () => undefined,
  shouldStop: () => false,
});

describe("learning-rate schedules", () => {
  it("cosine from the base rate to the floor; step halves every quarter; constant stays", () => {
    expect(DEFAULT_TRAINER.schedule).toBe("cosine");
    expect(learningRate("cosine", 0.05, 1, 40)).toBe(0.05);
    expect(learningRate("cosine", 0.05, 40, 40)).toBeCloseTo(0.05 * COSINE_FLOOR, 15);
    expect(learningRate("cosine", 0.05, 20.5, 40)).toBeCloseTo(0.05 * (COSINE_FLOOR + (1 - COSINE_FLOOR) / 2), 15);
    const cos = Array.from({ length: 40 }, (_, i) => learningRate("cosine", 0.05, i + 1, 40));
    for (let i = 1; i < cos.length; i++) expect(cos[i]).toBeLessThan(cos[i - 1]);
    expect([1, 10, 11, 20, 21, 31, 40].map((k) => learningRate("step", 0.08, k, 40))).toEqual([
      0.08, 0.08, 0.04, 0.04, 0.02, 0.01, 0.01,
    ]);
    expect(learningRate("constant", 0.05, 37, 40)).toBe(0.05);
    expect(learningRate("cosine", 0.05, 1, 1)).toBe(0.05);
  });

  it("Adam: the first step moves each value by the rate, against the gradient's sign", () => {
    const adam = new Adam(2);
    const x = adam.step([1, 1], [3, -0.001], 0.1);
    expect(x[0]).toBeCloseTo(0.9, 6);
    expect(x[1]).toBeCloseTo(1.1, 4);
  });
});

describe("training the tutorial with the default settings", () => {
  it("the loss falls below 1e-2 and does not rise over the last 5 steps (before: Adam 0.9, constant rate, 0.35 and rising)", async () => {
    const r = await train(job(), quiet());
    const rises = (losses: number[]) => losses.slice(-5).some((l, i, a) => i > 0 && l > a[i - 1]);
    expect(rises(r.losses)).toBe(false);
    expect(r.losses[r.losses.length - 1]).toBeLessThan(1e-2);
    expect(Math.abs(r.values[0] - 0.3)).toBeLessThan(0.01);
    // With a constant rate the loss still rises and falls at the end.
    expect(rises((await train(job({ schedule: "constant" }), quiet())).losses)).toBe(true);
  }, 120_000);

  it("names a trained parameter no recording depends on: slow_spiking (cell 2) does not reach the recording at cell 0", async () => {
    const warnings: string[][] = [];
    await train(
      job({
        steps: 1,
        params: [
          { group: "fast_spiking", key: "Na_gNa", target: 0.3 },
          { group: "slow_spiking", key: "Na_gNa", target: 0.3 },
        ],
      }),
      quiet(warnings),
    );
    expect(warnings).toEqual([["slow_spiking.Na_gNa: gradient exactly 0 (no recording depends on it)"]]);
    const fd: string[][] = [];
    await train(
      job({
        steps: 1,
        gradient: "finite-differences",
        params: [{ group: "slow_spiking", key: "Na_gNa", target: 0.3 }],
      }),
      quiet(fd),
    );
    expect(fd).toEqual([["slow_spiking.Na_gNa: gradient exactly 0 (no recording depends on it)"]]);
    expect(zeroGradientWarnings({ params: [{ group: "a", key: "k", target: 1 }] }, [1e-30])).toEqual([]);
  }, 120_000);
});
