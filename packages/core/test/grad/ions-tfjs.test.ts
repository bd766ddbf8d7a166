/**
 * Gradients through ions, concentrations and celsius end to end: tf.grads through
 * integrate of every free parameter of a small L5PC cell at once (makeTrainable), and a
 * dataSet of initial concentrations, against float64 finite differences (relative 1e-3,
 * as parameters and recordings cross the boundary in float32).
 */
import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import * as l5pc from "../../src/channels-l5pc.js";
import { weights } from "./helpers.js";

tf.setBackend("cpu");

const OPTS = { tMax: 8 };
const N_SAMPLES = 321;

/** Soma (branch 0) with the somatic L5PC set, two dendrites with Ca_LVAst, Ih and calcium; 34 C. */
function cell(): jx.Cell {
  const c = new jx.Cell(
    [2, 2, 2].map((n) => new jx.Branch(new jx.Compartment(), n)),
    [-1, 0, 0],
  );
  c.set("radius", 1.5);
  c.set("length", 30);
  c.branch(0).set("radius", 6);
  c.branch(0).addToGroup("soma");
  c.branch([1, 2]).addToGroup("dend");
  const soma = c.group("soma");
  for (const m of [new l5pc.Ca_HVA(), new l5pc.CaDynamics_E2(), new l5pc.SK_E2(), new l5pc.Im(), new l5pc.NaTs2_t()])
    soma.insert(m);
  const dend = c.group("dend");
  for (const m of [new l5pc.Ca_LVAst(), new l5pc.CaDynamics_E2(), new l5pc.SK_E2(), new l5pc.Ih()]) dend.insert(m);
  c.insert(new l5pc.Pas());
  // Values exactly representable in float32, as the trainables cross the boundary in float32.
  const set = (v: jx.View, key: string, x: number) => v.set(key, Math.fround(x));
  set(soma, "NaTs2_t_gNaTs2_tbar", 0.98);
  set(soma, "SK_E2_gSK_E2bar", 0.044);
  set(soma, "Ca_HVA_gCa_HVAbar", 0.001);
  set(soma, "Im_gImbar", 0.0005);
  set(soma, "CaDynamics_E2_gamma", 0.0006);
  set(soma, "CaDynamics_E2_decay", 210);
  set(dend, "Ca_LVAst_gCa_LVAstbar", 0.01);
  set(dend, "SK_E2_gSK_E2bar", 0.003);
  set(dend, "CaDynamics_E2_gamma", 0.0005);
  set(c, "pas_g", 3e-5);
  set(c, "pas_e", -75);
  set(c, "ek", -85);
  set(c, "celsius", 34);
  set(c, "v", -72);
  c.initStates();
  c.branch(0)
    .comp(0)
    .stimulate(jx.stepCurrent(0.5, 6, 2, 0.025, 8));
  c.branch(0).comp(1).record("v");
  c.branch(2).comp(1).record("v");
  c.branch(1).comp(0).record("cai");
  return c;
}

function weightedLoss(v: tf.Tensor2D, w: Float64Array): tf.Scalar {
  return tf.sum(tf.mul(v, tf.tensor2d(Float32Array.from(w), v.shape))) as tf.Scalar;
}

function lossWeights(): Float64Array {
  const w = weights(3 * N_SAMPLES, 13);
  for (let s = 2 * N_SAMPLES; s < 3 * N_SAMPLES; s++) w[s] *= 1e4; // cai in mM
  return w;
}

/** Five-point finite difference of the float64 loss w.r.t. a value shared by `indices` of column `key`. */
function sharedFd(module: jx.View, w: Float64Array, key: string, indices: readonly number[], rel = 1e-3): number {
  const col = module.base.columns.get(key)!;
  const x0 = col[indices[0]];
  const h = Math.abs(x0) * rel;
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

describe("tf.grads through integrate with ions and celsius", () => {
  it("every free parameter at once: channel parameters per region, ek, cao, celsius", () => {
    const c = cell();
    const trainables: Array<[view: jx.View, key: string, indices: number[]]> = [
      [c.group("soma"), "NaTs2_t_gNaTs2_tbar", [0, 1]],
      [c.group("soma"), "SK_E2_gSK_E2bar", [0, 1]],
      [c.group("dend"), "SK_E2_gSK_E2bar", [2, 3, 4, 5]],
      [c.group("soma"), "Ca_HVA_gCa_HVAbar", [0, 1]],
      [c.group("soma"), "Im_gImbar", [0, 1]],
      [c.group("soma"), "CaDynamics_E2_gamma", [0, 1]],
      [c.group("soma"), "CaDynamics_E2_decay", [0, 1]],
      [c.group("dend"), "CaDynamics_E2_gamma", [2, 3, 4, 5]],
      [c.group("dend"), "Ca_LVAst_gCa_LVAstbar", [2, 3, 4, 5]],
      [c.group("dend"), "Ih_gIhbar", [2, 3, 4, 5]],
      [c, "pas_g", [0, 1, 2, 3, 4, 5]],
      [c, "ek", [0, 1, 2, 3, 4, 5]],
      [c, "cao", [0, 1, 2, 3, 4, 5]],
      [c, "celsius", [0, 1, 2, 3, 4, 5]],
    ];
    for (const [view, key] of trainables) view.makeTrainable(key);
    const w = lossWeights();
    const params = c.getParameters();
    const grads = tf.grads((...ps: tf.Tensor[]) => {
      const p: jx.Params = ps.map((t, i) => ({ [Object.keys(params[i])[0]]: t }));
      return weightedLoss(jx.integrate(c, { ...OPTS, params: p }), w);
    })(params.map((p) => Object.values(p)[0]));
    trainables.forEach(([, key, indices], i) => {
      const ad = grads[i].dataSync()[0];
      const fd = sharedFd(c, w, key, indices);
      expect(Math.abs(fd), `${key} has a gradient`).toBeGreaterThan(1e-6);
      expect(rel(ad, fd), `${key}: tf.grads ${ad}, finite difference ${fd}`).toBeLessThan(1e-3);
    });
  });

  it("dataSet of the initial cai, one value per compartment", () => {
    const c = cell();
    const w = lossWeights();
    const init = [1e-4, 2e-4, 3e-4, 4e-4, 5e-4, 6e-4].map(Math.fround);
    const g = tf.grad((p: tf.Tensor) => weightedLoss(jx.integrate(c, { ...OPTS, paramState: c.dataSet("cai", p) }), w))(
      tf.tensor1d(init),
    );
    c.set("cai", init);
    for (const i of [0, 2]) expect(rel(g.dataSync()[i], sharedFd(c, w, "cai", [i], 1e-2))).toBeLessThan(1e-3);
  });
});
