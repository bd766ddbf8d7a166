import { describe, expect, it } from "vitest";
import { serializeModel } from "@dendrolab/core/io";
import { runScript } from "../src/sandbox/run-script.js";
import type { TrainJob } from "../src/protocol/messages.js";
import * as tf from "@tensorflow/tfjs";
import { lossTensor, lossValue, residualsTensor, residualsValue } from "../src/workers/losses.js";
import { type TrainHooks, train } from "../src/workers/trainer-loop.js";
import { TUTORIAL_SCRIPT } from "./helpers.js";

const model = serializeModel(runScript(TUTORIAL_SCRIPT, () => undefined));
const job = (p: Partial<TrainJob> = {}): TrainJob => ({
  model,
  sim: { tMax: 20, dt: 0.025, solver: "bwd_euler" },
  params: [{ group: "fast_spiking", key: "Na_gNa", target: 0.2 }],
  target: { kind: "model" },
  loss: "mse",
  lr: 0.1,
  steps: 12,
  transform: "log",
  gradient: "auto",
  ...p,
});

function hooks(stopAfter = Infinity) {
  const events: Array<{ step: number; loss: number; values: number[] }> = [];
  const info: { gradient?: string; initial?: number[] } = {};
  const h: TrainHooks = {
    started: (i) => Object.assign(info, i),
    progress: (p) => void events.push({ step: p.step, loss: p.loss, values: p.values }),
    shouldStop: () => events.length >= stopAfter,
  };
  return { h, events, info };
}

describe("trainer loop", () => {
  it("trains the shared Na_gNa of fast_spiking towards the target: the loss falls", async () => {
    const { h, events, info } = hooks();
    const r = await train(job(), h);
    expect(info.initial![0]).toBeCloseTo(0.4, 12);
    expect(info.gradient).toBe("autodiff");
    expect(r.reason).toBe("finished");
    expect(events).toHaveLength(12);
    expect(r.losses[r.losses.length - 1]).toBeLessThan(r.losses[0] * 0.5);
    expect(Math.abs(r.values[0] - 0.2)).toBeLessThan(Math.abs(0.4 - 0.2));
    expect(r.best.loss).toBe(Math.min(...r.losses));
    expect(events[r.best.step - 1]).toEqual({ step: r.best.step, loss: r.best.loss, values: r.best.values });
  }, 120_000);

  it("finite differences give the same descent direction", async () => {
    const { h, info } = hooks();
    const r = await train(job({ gradient: "finite-differences", steps: 4 }), h);
    expect(info.gradient).toBe("finite-differences");
    expect(r.values[0]).toBeLessThan(0.4);
  }, 120_000);

  it("stops between steps when asked", async () => {
    const { h, events } = hooks(3);
    const r = await train(job(), h);
    expect(r.reason).toBe("stopped");
    expect(events).toHaveLength(3);
  }, 120_000);

  it("trains against given target traces and checks their shape", async () => {
    const { h } = hooks();
    await expect(train(job({ target: { kind: "data", rows: [[1, 2, 3]] } }), h)).rejects.toThrow(
      /The target has 1 trace\(s\) of 3 samples; the model records 1 of 801/,
    );
    await expect(train(job({ params: [] }), h)).rejects.toThrow(/at least one parameter/);
    await expect(train(job({ params: [{ group: "nope", key: "Na_gNa", target: 1 }] }), h)).rejects.toThrow(/nope/);
  });

  it("trains within bounds (sigmoid): values stay inside them and the loss falls", async () => {
    const { h, events } = hooks();
    const bounded = [{ group: "fast_spiking", key: "Na_gNa", target: 0.2, bounds: [0.15, 0.45] as [number, number] }];
    const r = await train(job({ params: bounded, transform: "sigmoid", lr: 0.3, steps: 8 }), h);
    for (const e of events) expect(e.values[0] > 0.15 && e.values[0] < 0.45).toBe(true);
    expect(r.losses[r.losses.length - 1]).toBeLessThan(r.losses[0]);
    expect(Math.abs(r.values[0] - 0.2)).toBeLessThan(Math.abs(0.4 - 0.2));
    await expect(train(job({ transform: "sigmoid" }), h)).rejects.toThrow(/Na_gNa of fast_spiking has no bounds/);
    const outside = [{ group: "fast_spiking", key: "Na_gNa", target: 0.2, bounds: [0, 0.3] as [number, number] }];
    await expect(train(job({ params: outside, transform: "sigmoid" }), h)).rejects.toThrow(
      /Na_gNa of fast_spiking is 0.4, not strictly inside its bounds \[0, 0.3\]/,
    );
  }, 120_000);

  it("Levenberg-Marquardt steps on the stats loss recover Na_gNa in a few steps and stop at the threshold", async () => {
    const { h, events, info } = hooks();
    const r = await train(job({ optimizer: "lm", loss: "stats", threshold: 1e-4, steps: 15 }), h);
    expect(info.gradient).toBe("autodiff");
    expect(r.reason).toBe("finished");
    // The first event is the start (0.4); every later one is an accepted step that lowered the loss.
    expect(events[0].values[0]).toBeCloseTo(0.4, 12);
    expect(events.map((e) => e.step)).toEqual(events.map((_, i) => i)); // the start is step 0
    expect(events[r.best.step]).toEqual({ step: r.best.step, loss: r.best.loss, values: r.best.values });
    for (let i = 1; i < events.length; i++) expect(events[i].loss).toBeLessThan(events[i - 1].loss);
    expect(events.length).toBeLessThan(10);
    expect(r.losses[r.losses.length - 1]).toBeLessThan(1e-4);
    expect(r.values[0]).toBeCloseTo(0.2, 2);
    expect(r.best.loss).toBe(r.losses[r.losses.length - 1]);
  }, 120_000);

  it("Levenberg-Marquardt with a finite-difference Jacobian takes the same first step", async () => {
    const lm = job({
      optimizer: "lm",
      loss: "windows",
      windows: [
        [0, 10],
        [10, 20],
      ],
      scales: [8, 4],
      steps: 1,
    });
    const a = hooks();
    const b = hooks();
    await train(lm, a.h);
    await train({ ...lm, gradient: "finite-differences" }, b.h);
    expect(b.info.gradient).toBe("finite-differences");
    expect(a.events).toHaveLength(2);
    expect(b.events).toHaveLength(2);
    expect(b.events[1].values[0]).toBeCloseTo(a.events[1].values[0], 3);
    expect(a.events[1].loss).toBeLessThan(a.events[0].loss);
  }, 120_000);

  it("refuses Levenberg-Marquardt on the MSE of the traces, and windows outside the trace", async () => {
    const { h } = hooks();
    await expect(train(job({ optimizer: "lm", loss: "mse" }), h)).rejects.toThrow(
      /Levenberg-Marquardt steps need a loss made of a few statistics.*801/,
    );
    await expect(train(job({ loss: "windows", windows: [[5, 55]], scales: [8, 4] }), h)).rejects.toThrow(
      /The loss window 5-55 ms does not fit the 0-20 ms trace/,
    );
    await expect(train(job({ loss: "windows", windows: [[25, 30]], scales: [8, 4] }), h)).rejects.toThrow(
      /The loss window 25-30 ms does not fit the 0-20 ms trace: each window needs to be inside it and hold at least 2 samples/,
    );
  });

  it("the window loss: scaled absolute errors of each window's mean and std, the same in tfjs and float64", () => {
    const v = [0, 0, 2, 2, 5, 5, 5, 9];
    const t = [0, 0, 0, 0, 5, 5, 5, 5];
    const spec = {
      kind: "windows" as const,
      dt: 1,
      windows: [
        [0, 4],
        [4, 8],
      ] as [number, number][],
      scales: [8, 4] as [number, number],
    };
    const r = residualsValue(spec, v, t, 1);
    // Window 0: means 1 vs 0, stds 1 vs 0; window 1: means 6 vs 5, stds sqrt(3) vs 0.
    expect(r[0]).toBeCloseTo(1 / 8, 9);
    expect(r[1]).toBeCloseTo(1 / 4, 4);
    expect(r[2]).toBeCloseTo(1 / 8, 9);
    expect(r[3]).toBeCloseTo(Math.sqrt(3) / 4, 4);
    expect(lossValue(spec, v, t, 1)).toBeCloseTo(1 / 8 + 1 / 4 + 1 / 8 + Math.sqrt(3) / 4, 4);
    const vt = tf.tensor2d(v, [1, 8]);
    const tt = tf.tensor2d(t, [1, 8]);
    expect(Array.from(residualsTensor(spec, vt, tt).dataSync())).toEqual(r.map((x) => expect.closeTo(x, 5)));
    expect(lossTensor(spec, vt, tt).dataSync()[0]).toBeCloseTo(lossValue(spec, v, t, 1), 5);
    // "stats" is the same residuals unscaled over the whole trace, squared and averaged over recordings.
    expect(lossTensor("stats", vt, tt).dataSync()[0]).toBeCloseTo(lossValue("stats", v, t, 1), 4);
  });

  it("computes the stats loss from means and standard deviations", () => {
    expect(lossValue("stats", [1, 1, 3, 3], [1, 1, 1, 1], 1)).toBeCloseTo(2, 3);
    expect(lossValue("mse", [1, 2], [1, 4], 1)).toBe(2);
  });
});
