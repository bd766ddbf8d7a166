import { describe, expect, it } from "vitest";
import { serializeModel } from "@dendrolab/core/io";
import { runScript } from "../src/sandbox/run-script.js";
import { sweepCurve } from "../src/session/sweep-csv.js";
import { ModelEngine } from "../src/workers/model-engine.js";
import { TUTORIAL_SCRIPT } from "./helpers.js";

const sim = { tMax: 20, dt: 0.025, solver: "bwd_euler" as const };

function loaded() {
  const engine = new ModelEngine();
  engine.load(serializeModel(runScript(TUTORIAL_SCRIPT, () => undefined)));
  return engine;
}

describe("sweeps in the model engine (core runBatch on worker_threads)", () => {
  it("sweeps the clamp amplitude: no spike without current, spikes with it, the 0.5 nA run equal to the model's own", async () => {
    const engine = loaded();
    const progress: number[] = [];
    const out = await engine.sweep({ vary: { kind: "stimulus" }, values: [0, 0.5, 1], sim }, (p) =>
      progress.push(p.done),
    );
    expect(out.values).toEqual([0, 0.5, 1]);
    expect(out.traces).toHaveLength(3);
    expect(out.nSamples).toBe(801);
    expect(out.labels).toEqual(["cell 0 · branch 0 · comp 0 · v"]);
    const spikes = sweepCurve(out, "spikes", 0);
    expect(spikes[0]).toBe(0);
    expect(spikes[2]).toBeGreaterThanOrEqual(spikes[1]);
    expect(spikes[1]).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(3);
    // The same numbers as the model's own simulation with its 0.5 nA clamp.
    const own = engine.simulate(sim).rows[0].values;
    expect(Array.from(out.traces[1][0])).toEqual(Array.from(own));
    // The loaded model keeps its clamp.
    expect(engine.simulate(sim).rows[0].values).toEqual(own);
  });

  it("sweeps a group's parameter, and refuses an unknown group in words", async () => {
    const engine = loaded();
    const out = await engine.sweep(
      { vary: { kind: "param", group: "fast_spiking", key: "Na_gNa" }, values: [0, 0.4], sim },
      () => undefined,
    );
    // The 0.5 nA clamp drives even a cell without Na above 0 mV; Na makes it cross sooner.
    const first = sweepCurve(out, "first", 0);
    expect(first[1]).toBeLessThan(first[0]);
    // At the model's own value (0.4) the run is the model's own simulation, up to the
    // float32 rounding of the value dataSet takes.
    const own = engine.simulate(sim).rows[0].values;
    const gap = Math.max(...Array.from(own, (x, i) => Math.abs(x - out.traces[1][0][i])));
    expect(gap).toBeLessThan(1e-3);
    await expect(
      engine.sweep({ vary: { kind: "param", group: "apical", key: "Na_gNa" }, values: [0, 1], sim }, () => undefined),
    ).rejects.toThrow("which the model lacks. Groups: fast_spiking, slow_spiking.");
  });

  it("sweeps a 2-D grid of Na_gNa x clamp amplitude: each run is the 1-D sweep's run at its pair of values", async () => {
    const engine = loaded();
    const gNa = { kind: "param" as const, group: "fast_spiking", key: "Na_gNa" };
    const amps = [0, 0.25, 0.5];
    const progress: number[] = [];
    const out = await engine.sweep(
      { vary: gNa, values: [0.12, 0.4], second: { vary: { kind: "stimulus" }, values: amps }, sim },
      (p) => progress.push(p.total),
    );
    expect(out.values).toEqual([0.12, 0.4]);
    expect(out.values2).toEqual(amps);
    expect(out.traces).toHaveLength(6);
    expect(progress[0]).toBe(6);
    // Row i = 1 (Na_gNa = 0.4, the model's own value) is the 1-D f-I sweep.
    const fi = await engine.sweep({ vary: { kind: "stimulus" }, values: amps, sim }, () => undefined);
    for (let j = 0; j < 3; j++) {
      const gap = Math.max(...Array.from(fi.traces[j][0], (x, k) => Math.abs(x - out.traces[3 + j][0][k])));
      expect(gap).toBeLessThan(1e-3);
    }
    // No spike without current; with more current the first spike comes sooner, and so it
    // does with more sodium conductance at the same current.
    const spikes = sweepCurve(out, "spikes", 0);
    expect([spikes[0], spikes[3]]).toEqual([0, 0]);
    const first = sweepCurve(out, "first", 0);
    for (const row of [0, 1]) expect(first[row * 3 + 2]).toBeLessThan(first[row * 3 + 1]);
    for (const j of [1, 2]) expect(first[3 + j]).toBeLessThan(first[j]);
  });

  it("refuses a 2-D sweep of the same quantity twice, in words", async () => {
    const engine = loaded();
    const amp = { kind: "stimulus" as const };
    await expect(
      engine.sweep({ vary: amp, values: [0, 1], second: { vary: amp, values: [0, 1] }, sim }, () => undefined),
    ).rejects.toThrow("Both quantities of the 2-D sweep are the clamps' amplitude: vary two different ones.");
  });
});
