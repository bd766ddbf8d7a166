/**
 * The adjoint through implicit rate gates (NMODL `METHOD derivimplicit`, `{ rate, method:
 * "implicit" }`) against five-point finite differences (relative 1e-6), with both
 * implicit solvers: under Crank-Nicolson the gate takes NEURON's half step and
 * extrapolates, and the adjoint must follow that update too. Mechanisms: the project's
 * test files in tools/neuron-refs/mod/derivimplicit (a K channel and a calcium decay)
 * with the L5PC Ca_HVA as calcium source.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import * as l5pc from "../../src/channels-l5pc.js";
import { loadNmodl } from "../../src/nmodl/load.js";
import { adjoint, finiteDifference, type RunOpts, weights } from "./helpers.js";

const OWN = new URL("../../../../tools/neuron-refs/mod/derivimplicit/", import.meta.url);
const Kdr = loadNmodl(readFileSync(new URL("kdrdi.mod", OWN), "utf8"));
const CaDecay = loadNmodl(readFileSync(new URL("cadecaydi.mod", OWN), "utf8"));

function soma(): jx.Compartment {
  const c = new jx.Compartment();
  c.set("length", 20);
  c.set("radius", 10);
  for (const m of [new Kdr(), new CaDecay(), new l5pc.Ca_HVA(), new l5pc.Pas()]) c.insert(m);
  c.set("kdrdi_gbar", 0.002);
  c.set("Ca_HVA_gCa_HVAbar", 0.000994);
  c.set("cadecaydi_depth", 0.2);
  c.set("ek", -85);
  c.set("celsius", 34);
  c.set("v", -65);
  c.initStates();
  c.set("cai", 2e-4);
  c.set("kdrdi_n", 0.4);
  c.stimulate(jx.stepCurrent(0.5, 6, 0.2, 0.025, 10));
  c.record("v");
  c.record("cai");
  c.record("kdrdi_l");
  return c;
}

/** A key, a compartment, and the relative finite-difference step. */
type Case = [key: string, index: number, relStep?: number];

const CASES: Case[] = [
  ["kdrdi_gbar", 0],
  ["kdrdi_lmin", 0],
  ["cadecaydi_tau", 0],
  ["cadecaydi_depth", 0],
  ["cadecaydi_cainf", 0],
  ["Ca_HVA_gCa_HVAbar", 0],
  ["kdrdi_n", 0, 1e-2],
  ["kdrdi_l", 0, 1e-2],
  ["cai", 0, 1e-2],
];

function check(opts: RunOpts): void {
  const module = soma();
  const nSamples = Math.round(opts.tMax / 0.025) + 1;
  const w = weights(3 * nSamples, 11);
  for (let s = 0; s < nSamples; s++) {
    w[nSamples + s] *= 1e4; // cai (mM) weighed about like v
    w[2 * nSamples + s] *= 1e2;
  }
  const g = adjoint(module, w, opts);
  for (const [key, idx, relStep] of CASES) {
    const ad = g.node.get(key)?.[idx] ?? 0;
    const fd = finiteDifference(module, w, opts, key, "node", idx, relStep ?? 1e-3);
    expect(Math.abs(fd), `${key} has a gradient`).toBeGreaterThan(1e-9);
    expect(Math.abs(ad - fd) / Math.abs(fd), `${key}: adjoint ${ad}, finite difference ${fd}`).toBeLessThan(1e-6);
  }
}

describe("adjoint through implicit (derivimplicit) gates = finite differences (relative 1e-6)", () => {
  it("backward Euler", () => check({ tMax: 10 }));
  it("Crank-Nicolson (half step and extrapolation)", () => check({ tMax: 10, solver: "crank_nicolson" }));
});
