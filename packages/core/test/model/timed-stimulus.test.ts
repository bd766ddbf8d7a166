/**
 * Stimuli defined in time (`stepCurrent(iDelay, iDur, iAmp)` without deltaT and tMax):
 * sampled at each run's steps, so changing deltaT does not move them; the sampled form
 * is unchanged.
 */
import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import { buildTutorialNetwork } from "../../../../examples/tutorial-network.js";

/** The tutorial network, stimulated at cell 0's first compartment, recorded there. */
function tutorial(current: Float64Array | jx.TimedCurrent): jx.Network {
  const net = buildTutorialNetwork();
  net.cell([0, 1]).addToGroup("fast_spiking");
  net.group("fast_spiking").set("Na_gNa", 0.4);
  net.cell(0).branch(0).comp(0).stimulate(current);
  net.cell(0).branch(0).comp(0).record("v");
  return net;
}

/** Time (ms) of the first upward crossing of 0 mV, interpolated between samples. */
function crossing(v: ArrayLike<number>, dt: number): number {
  for (let k = 1; k < v.length; k++) {
    if (v[k - 1] < 0 && v[k] >= 0) return (k - 1 + -v[k - 1] / (v[k] - v[k - 1])) * dt;
  }
  return NaN;
}

describe("stepCurrent defined in time", () => {
  it("returns plain, frozen data; the sampled form still returns round(tMax/deltaT)+1 samples", () => {
    const s = jx.stepCurrent(1, 5, 0.5);
    expect(s).toEqual({ kind: "stepCurrent", iDelay: 1, iDur: 5, iAmp: 0.5, iOffset: 0 });
    expect(Object.isFrozen(s)).toBe(true);
    expect(jx.isTimedCurrent(s)).toBe(true);
    const sampled = jx.stepCurrent(1, 5, 0.5, 0.025, 20);
    expect(sampled).toBeInstanceOf(Float64Array);
    expect(sampled.length).toBe(801);
    expect(jx.isTimedCurrent(sampled)).toBe(false);
  });

  it("rejects deltaT without tMax, naming both", () => {
    expect(() => (jx.stepCurrent as (...a: unknown[]) => unknown)(1, 5, 0.5, 0.025)).toThrow(
      /give both deltaT and tMax .* or neither .*got deltaT 0.025, tMax undefined/,
    );
  });

  it("gives the same trace as the sampled form at deltaT 0.025", () => {
    const a = jx.simulate(tutorial(jx.stepCurrent(1, 5, 0.5, 0.025, 20)), { deltaT: 0.025 });
    const b = jx.simulate(tutorial(jx.stepCurrent(1, 5, 0.5)), { deltaT: 0.025, tMax: 20 });
    expect(b.nSamples).toBe(801);
    expect(Array.from(b.values)).toEqual(Array.from(a.values));
  });

  it("keeps the spike within one step when deltaT changes (the sampled form does not)", () => {
    const net = tutorial(jx.stepCurrent(1, 5, 0.5));
    const at = (dt: number) => crossing(jx.simulate(net, { deltaT: dt, tMax: 20 }).values, dt);
    const ref = at(0.025);
    expect(ref).toBeGreaterThan(1);
    expect(ref).toBeLessThan(2);
    for (const dt of [0.0125, 0.05]) expect(Math.abs(at(dt) - ref)).toBeLessThanOrEqual(dt);
    // The sampled form, run at half the step, puts the stimulus at half the time.
    const fixed = tutorial(jx.stepCurrent(1, 5, 0.5, 0.025, 20));
    const moved = crossing(jx.simulate(fixed, { deltaT: 0.0125, tMax: 20 }).values, 0.0125);
    expect(Math.abs(moved - ref)).toBeGreaterThan(0.025);
  });

  it("needs tMax when no stimulus or clamp sets the run length, and says why", () => {
    const net = tutorial(jx.stepCurrent(1, 5, 0.5));
    expect(() => jx.simulate(net, { deltaT: 0.025 })).toThrow(/give tMax .* defined in time/);
  });

  it("survives serializeModel/deserializeModel as a current defined in time", () => {
    const net = tutorial(jx.stepCurrent(1, 5, 0.5));
    const doc = JSON.parse(JSON.stringify(jx.serializeModel(net)));
    expect(doc.stimuli[0].values).toEqual({ kind: "stepCurrent", iDelay: 1, iDur: 5, iAmp: 0.5, iOffset: 0 });
    const back = jx.deserializeModel(doc);
    expect(jx.isTimedCurrent(back.base.stimuli[0].values)).toBe(true);
    const a = jx.simulate(net, { deltaT: 0.05, tMax: 10 });
    const b = jx.simulate(back, { deltaT: 0.05, tMax: 10 });
    expect(Array.from(b.values)).toEqual(Array.from(a.values));
  });

  it("dataStimulate takes it: same trace as stimulate, and gradients of parameters still flow", () => {
    const net = tutorial(jx.stepCurrent(0, 0, 0)); // a zero stimulus: the data stimulus drives
    net.base.stimuli = [];
    net.group("fast_spiking").makeTrainable("Na_gNa");
    const params = net.getParameters();
    const ds = net
      .cell(0)
      .branch(0)
      .comp(0)
      .dataStimulate(jx.stepCurrent(1, 5, 0.5));
    const opts = { params, dataStimuli: ds, tMax: 10, deltaT: 0.025 };
    const viaData = jx.integrate(net, opts).dataSync();
    const viaStim = tutorial(jx.stepCurrent(1, 5, 0.5));
    const ref = jx.simulate(viaStim, { tMax: 10, deltaT: 0.025 }).values;
    let worst = 0;
    for (let k = 0; k < ref.length; k++) worst = Math.max(worst, Math.abs(viaData[k] - ref[k]));
    expect(worst).toBeLessThan(1e-3); // float32 at the boundary
    const g = tf.grad((p: tf.Tensor) => jx.integrate(net, { ...opts, params: [{ Na_gNa: p }] }).mean())(
      params[0].Na_gNa,
    );
    expect(Number.isFinite(g.dataSync()[0])).toBe(true);
    expect(Math.abs(g.dataSync()[0])).toBeGreaterThan(0);
    // The same gradient as with the sampled data stimulus.
    const sampledDs = net
      .cell(0)
      .branch(0)
      .comp(0)
      .dataStimulate(jx.stepCurrent(1, 5, 0.5, 0.025, 10));
    const g2 = tf.grad((p: tf.Tensor) =>
      jx.integrate(net, { ...opts, dataStimuli: sampledDs, params: [{ Na_gNa: p }] }).mean(),
    )(params[0].Na_gNa);
    expect(g.dataSync()[0]).toBeCloseTo(g2.dataSync()[0], 6);
  });
});
