/**
 * Gradients of a loss on recorded mechanism outputs (NMODL ASSIGNED RANGE variables:
 * conductances, steady states, a GHK factor, a nonspecific current) against five-point
 * finite differences (relative 1e-6), both implicit solvers. The outputs read states
 * (NaTs2_t's gNaTs2_t), v, parameters and dt (kdt's il and w), a concentration another
 * mechanism writes (kca's ninf reads cai of cadad), and ion variables and celsius
 * (cal_mig's ggk, GHK of cai and cao).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import * as l5pc from "../../src/channels-l5pc.js";
import { loadNmodl } from "../../src/nmodl/load.js";
import { modText } from "../nmodl/mod-files.js";
import { adjoint, finiteDifference, type RunOpts, weights } from "./helpers.js";

const Kdt = loadNmodl(readFileSync(new URL("../../../../tools/neuron-refs/mod/dt/kdt.mod", import.meta.url), "utf8"));
const NaTs2_t = loadNmodl(modText("l5pc", "NaTs2_t.mod"));
const Kca = loadNmodl(modText("more", "kca.mod"));
const Cal = loadNmodl(modText("more", "cal_mig.mod"));
const Cad = loadNmodl(modText("more", "cadad.mod"));

const OUTPUTS = ["NaTs2_t_gNaTs2_t", "kdt_il", "kdt_w", "kca_ninf", "cal_ggk"];
/** Loss weight per output row, so that each moves the loss about as much as v. */
const SCALE = [1e2, 1e4, 1e2, 1e2, 1e-1];

function soma(): jx.Compartment {
  const c = new jx.Compartment();
  c.set("length", 20);
  c.set("radius", 10);
  for (const m of [new NaTs2_t(), new Kdt(), new Kca(), new Cal(), new Cad(), new l5pc.Pas()]) c.insert(m);
  c.set("NaTs2_t_gNaTs2_tbar", 0.1);
  c.set("kca_gbar", 50);
  c.set("cal_gcalbar", 0.01);
  c.set("ek", -85);
  c.set("ena", 50);
  c.set("celsius", 34);
  c.set("v", -65);
  c.initStates();
  c.stimulate(jx.stepCurrent(0.5, 6, 0.8, 0.025, 10));
  c.record("v");
  for (const k of OUTPUTS) c.record(k);
  return c;
}

/** A key and the relative finite-difference step. */
const CASES: [key: string, relStep?: number][] = [
  ["NaTs2_t_gNaTs2_tbar"],
  ["kdt_tauw"],
  ["kdt_gl"],
  ["kca_gbar"],
  ["cadad_taur"],
  ["cao", 1e-2],
  ["celsius"],
  ["cai", 1e-2],
];

function check(opts: RunOpts): void {
  const module = soma();
  const nSamples = Math.round(opts.tMax / 0.025) + 1;
  const w = weights((1 + OUTPUTS.length) * nSamples, 5);
  SCALE.forEach((s, r) => {
    for (let i = 0; i < nSamples; i++) w[(r + 1) * nSamples + i] *= s;
  });
  const g = adjoint(module, w, opts);
  for (const [key, relStep] of CASES) {
    const ad = g.node.get(key)?.[0] ?? 0;
    const fd = finiteDifference(module, w, opts, key, "node", 0, relStep ?? 1e-3);
    expect(Math.abs(fd), `${key} has a gradient`).toBeGreaterThan(1e-9);
    expect(Math.abs(ad - fd) / Math.abs(fd), `${key}: adjoint ${ad}, finite difference ${fd}`).toBeLessThan(1e-6);
  }
}

describe("gradients of recorded mechanism outputs = finite differences (relative 1e-6)", () => {
  it("backward Euler", () => check({ tMax: 10 }));
  it("Crank-Nicolson", () => check({ tMax: 10, solver: "crank_nicolson" }));

  it("a loss on one output alone, with the tape checkpointed (segments recomputed)", () => {
    const module = soma();
    const nSamples = Math.round(10 / 0.025) + 1;
    const w = new Float64Array((1 + OUTPUTS.length) * nSamples);
    for (let i = 0; i < nSamples; i++) w[2 * nSamples + i] = 1; // kdt_il only
    const opts = { tMax: 10 };
    const whole = adjoint(module, w, opts).node.get("kdt_gl")![0];
    const checkpointed = adjoint(module, w, opts, 20_000).node.get("kdt_gl")![0];
    const fd = finiteDifference(module, w, opts, "kdt_gl", "node", 0);
    expect(Math.abs(whole - fd) / Math.abs(fd)).toBeLessThan(1e-6);
    expect(checkpointed).toBe(whole);
  });
});
