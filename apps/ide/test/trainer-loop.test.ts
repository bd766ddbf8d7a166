import { describe, expect, it } from "vitest";
import { serializeModel } from "@dendrolab/core/io";
import { runScript } from "../src/sandbox/run-script.js";
import type { TrainJob } from "../src/protocol/messages.js";
import { lossValue } from "../src/workers/losses.js";
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

  it("computes the stats loss from means and standard deviations", () => {
    expect(lossValue("stats", [1, 1, 3, 3], [1, 1, 1, 1], 1)).toBeCloseTo(2, 3);
    expect(lossValue("mse", [1, 2], [1, 4], 1)).toBe(2);
  });
});
