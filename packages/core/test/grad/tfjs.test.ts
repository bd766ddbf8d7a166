/**
 * Gradients end to end through tfjs: tf.grad, tf.valueAndGrad and optimizer.minimize
 * through integrate, against float64 finite differences (relative 1e-3).
 */
import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import { HH } from "../../src/channels.js";
import { IonotropicSynapse } from "../../src/synapses.js";
import { finiteDifference, weights } from "./helpers.js";

tf.setBackend("cpu");

function cell(): jx.Cell {
  const c = new jx.Cell(new jx.Branch(new jx.Compartment(), 3), [-1, 0, 0]);
  c.insert(new HH());
  c.set("v", -65);
  c.initStates();
  c.branch(1).addToGroup("apical");
  c.branch(2).addToGroup("apical");
  c.branch(0)
    .comp(0)
    .stimulate(jx.stepCurrent(1, 3, 0.25, 0.025, 8));
  c.branch(2).comp(2).record();
  c.branch(0).comp(1).record();
  return c;
}

const OPTS = { tMax: 8 };
const N = 2 * 321;

function weightedLoss(v: tf.Tensor2D, w: Float64Array): tf.Scalar {
  return tf.sum(tf.mul(v, tf.tensor2d(Float32Array.from(w), v.shape))) as tf.Scalar;
}

/** FD of the float64 loss w.r.t. a shared value written into every listed index. */
function sharedFd(module: jx.View, w: Float64Array, key: string, indices: number[]): number {
  const col = module.base.columns.get(key)!;
  const x0 = col[indices[0]];
  const h = Math.abs(x0) * 1e-4;
  const at = (x: number) => {
    for (const i of indices) col[i] = x;
    const r = jx.simulate(module, OPTS);
    return r.values.reduce((s, v, i) => s + v * w[i], 0);
  };
  const fd = (8 * (at(x0 + h) - at(x0 - h)) - (at(x0 + 2 * h) - at(x0 - 2 * h))) / (12 * h);
  at(x0);
  return fd;
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe("tf.grad through integrate", () => {
  it("trainables: a group-shared radius and per-branch HH_gK", () => {
    const c = cell();
    c.set("radius", 0.75); // exactly representable in float32
    c.group("apical").makeTrainable("radius");
    c.branch([0, 1]).makeTrainable("HH_gK", 0.03125);
    c.branch([0, 1]).set("HH_gK", 0.03125);
    const w = weights(N, 3);
    const params = c.getParameters();
    const grads = tf.grads((...ps: tf.Tensor[]) => {
      const p: jx.Params = [{ radius: ps[0] }, { HH_gK: ps[1] }];
      return weightedLoss(jx.integrate(c, { ...OPTS, params: p }), w);
    })(params.map((p) => Object.values(p)[0]));
    const gRadius = grads[0].dataSync()[0];
    const gK = grads[1].dataSync();
    expect(rel(gRadius, sharedFd(c, w, "radius", [3, 4, 5, 6, 7, 8]))).toBeLessThan(1e-3);
    expect(rel(gK[0], sharedFd(c, w, "HH_gK", [0, 1, 2]))).toBeLessThan(1e-3);
    expect(rel(gK[1], sharedFd(c, w, "HH_gK", [3, 4, 5]))).toBeLessThan(1e-3);
  });

  it("dataSet: a scalar broadcast to a group and one value per row", () => {
    const c = cell();
    const w = weights(N, 5);
    const g1 = tf.grad((p: tf.Tensor) =>
      weightedLoss(jx.integrate(c, { ...OPTS, paramState: c.group("apical").dataSet("HH_gNa", p) }), w),
    )(tf.tensor1d([0.125]));
    c.group("apical").set("HH_gNa", 0.125);
    expect(rel(g1.dataSync()[0], sharedFd(c, w, "HH_gNa", [3, 4, 5, 6, 7, 8]))).toBeLessThan(1e-3);
    const g2 = tf.grad((p: tf.Tensor) =>
      weightedLoss(jx.integrate(c, { ...OPTS, paramState: c.branch(0).dataSet("v", p) }), w),
    )(tf.tensor1d([-65, -64, -63]));
    c.branch(0).set("v", [-65, -64, -63]);
    expect(rel(g2.dataSync()[1], finiteDifference(c, w, OPTS, "v", "node", 1))).toBeLessThan(1e-3);
  });

  it("data stimuli", () => {
    const c = cell();
    c.deleteStimuli();
    const w = weights(N, 7);
    const current = new Float64Array(321);
    for (let k = 40; k < 160; k++) current[k] = 0.25;
    const g = tf.grad((i: tf.Tensor) =>
      weightedLoss(jx.integrate(c, { ...OPTS, dataStimuli: c.branch(0).comp(0).dataStimulate(i) }), w),
    )(tf.tensor1d(Float32Array.from(current)));
    c.branch(0).comp(0).stimulate(current);
    const stim = c.base.stimuli[0].values as Float64Array;
    for (const k of [50, 120]) {
      const h = 1e-4;
      const at = (x: number) => {
        stim[k] = x;
        return jx.simulate(c, OPTS).values.reduce((s, v, i) => s + v * w[i], 0);
      };
      const fd = (at(0.25 + h) - at(0.25 - h)) / (2 * h);
      stim[k] = 0.25;
      expect(rel(g.dataSync()[k], fd)).toBeLessThan(1e-3);
    }
  });

  it("a network's synaptic conductance, through valueAndGrad", () => {
    const a = new jx.Cell(new jx.Branch(new jx.Compartment(), 2), [-1, 0]);
    const net = new jx.Network([a, a]);
    net.insert(new HH());
    net.set("v", -65);
    net.initStates();
    jx.fullyConnect(net.cell(0), net.cell(1), new IonotropicSynapse());
    net.set("IonotropicSynapse_gS", 0.0078125);
    net
      .cell(0)
      .branch(0)
      .comp(0)
      .stimulate(jx.stepCurrent(1, 3, 0.3, 0.025, 8));
    net.cell(1).branch(1).comp(1).record();
    net.makeTrainable("IonotropicSynapse_gS");
    const w = weights(321, 11);
    const params = net.getParameters(); // variables must exist before variableGrads lists them
    const { value, grads } = tf.variableGrads(
      () => weightedLoss(jx.integrate(net, { ...OPTS, params }), w),
      [params[0].IonotropicSynapse_gS as tf.Variable],
    );
    expect(value.dataSync()[0]).not.toBe(0);
    const g = Object.values(grads)[0].dataSync()[0];
    expect(rel(g, finiteDifference(net, w, OPTS, "IonotropicSynapse_gS", "edge", 0))).toBeLessThan(1e-3);
  });

  it("integrateBatch runs several parameter sets and is differentiable", () => {
    const c = cell();
    const f = (p: tf.Tensor) =>
      jx.integrateBatch(
        c,
        [0, 1].map((i) => ({ ...OPTS, paramState: c.dataSet("HH_gNa", p.slice(i, 1)) })),
      );
    const v = f(tf.tensor1d([0.12, 0.2]));
    expect(v.shape).toEqual([2, 2, 321]);
    const single = jx.integrate(c, { ...OPTS, paramState: c.dataSet("HH_gNa", 0.2) });
    expect(Array.from(v.slice([1, 0, 0], [1, 2, 321]).dataSync())).toEqual(Array.from(single.dataSync()));
    const g = tf.grad((p: tf.Tensor) => f(p).sum())(tf.tensor1d([0.12, 0.2]));
    const g0 = tf.grad((p: tf.Tensor) => jx.integrate(c, { ...OPTS, paramState: c.dataSet("HH_gNa", p) }).sum())(
      tf.tensor1d([0.12]),
    );
    expect(rel(g.dataSync()[0], g0.dataSync()[0])).toBeLessThan(1e-6);
  });

  it("Adam recovers a conductance with a constant number of live tensors", () => {
    const c = cell();
    c.set("HH_gK", 0.036);
    const target = jx.integrate(c, OPTS);
    c.set("HH_gK", 0.05);
    c.makeTrainable("HH_gK");
    const tfm = new jx.ParamTransform([{ HH_gK: new jx.SigmoidTransform(0.01, 0.1) }]);
    const raw = tfm.inverse(c.getParameters()).map((p) => ({ HH_gK: tf.variable(p.HH_gK) }));
    const opt = tf.train.adam(0.05);
    let before = 0;
    for (let step = 0; step < 60; step++) {
      opt.minimize(
        () => tf.losses.meanSquaredError(target, jx.integrate(c, { ...OPTS, params: tfm.forward(raw) })) as tf.Scalar,
      );
      if (step === 5) before = tf.memory().numTensors;
    }
    expect(tf.memory().numTensors).toBe(before);
    const fitted = tfm.forward(raw)[0].HH_gK.dataSync()[0];
    expect(Math.abs(fitted - 0.036) / 0.036).toBeLessThan(0.01);
  });
});

describe("bad input to training", () => {
  it("clear errors", () => {
    const c = cell();
    expect(() => c.makeTrainable("HH_gna")).toThrow(/Unknown trainable key 'HH_gna'.*Did you mean 'HH_gNa'/);
    expect(() => c.branch("all").makeTrainable("radius", [1, 2])).toThrow(
      /initVal has 2 values, but this view creates 3 parameter\(s\)/,
    );
    c.makeTrainable("HH_gNa");
    expect(() => jx.integrate(c, { ...OPTS, params: [] })).toThrow(
      /params has 0 entries but the model has 1 trainables \(HH_gNa\)/,
    );
    expect(() => jx.integrate(c, { ...OPTS, params: [{ radius: tf.tensor1d([1]) }] })).toThrow(
      /params\[0\] should be \{ HH_gNa: \.\.\. \}/,
    );
    expect(() => jx.integrate(c, { ...OPTS, params: [{ HH_gNa: tf.tensor1d([1, 2]) }] })).toThrow(
      /has 2 values; the trainable has 1/,
    );
    expect(() => jx.integrate(c, { ...OPTS, params: [{ HH_gNa: tf.tensor1d([NaN]) }] })).toThrow(
      /params\[0\]\.HH_gNa\[0\] is NaN/,
    );
    expect(() => c.dataSet("HH_gNa", [1, 2])).toThrow(/got 2 values for 9 rows/);
    expect(() => new jx.SigmoidTransform(1, 0)).toThrow(/upper \(0\) must be greater than lower \(1\)/);
    expect(() => jx.integrate(c, { ...OPTS, dataStimuli: c.branch(0).comp(0).dataStimulate([0, NaN]) })).toThrow(
      /dataStimulate\(\): value 1 is NaN/,
    );
    expect(() => jx.integrate(c, { ...OPTS, paramState: c.dataSet("radius", 0) })).toThrow(
      /dataSet\('radius'\): value 0 is 0; radius must be between 0.001 and 10000/,
    );
  });

  it("a simulation that produces NaN under a gradient reports where and when", () => {
    // log(v + 100) is NaN once a strong hyperpolarising current pushes v below -100 mV.
    const LogLeak = jx.defineChannel({
      name: "LogLeak",
      params: { g: 1e-4, e: -70 },
      states: {},
      gates: {},
      current: "g * log(v + 100) * (v - e)",
    });
    const c = new jx.Cell(new jx.Branch(new jx.Compartment(), 2), [-1, 0]);
    c.insert(new LogLeak());
    c.branch(1).comp(1).record();
    c.branch(0)
      .comp(0)
      .stimulate(jx.stepCurrent(1, 5, -2, 0.025, 8));
    expect(() =>
      tf.grad((p: tf.Tensor) => jx.integrate(c, { paramState: c.dataSet("LogLeak_g", p) }).sum())(tf.tensor1d([1e-4])),
    ).toThrow(/non-finite voltage \(NaN\) at cell 0, branch \d, comp \d \(global compartment \d\) at t = \d+\.\d+ ms/);
  });
});
