/**
 * The adjoint through an NMODL mechanism that reads `dt` (the project's kdt.mod in
 * tools/neuron-refs/mod/dt: dt in INITIAL, in a FUNCTION of the DERIVATIVE block and in a
 * PROCEDURE of BREAKPOINT) against five-point finite differences (relative 1e-6), with
 * both implicit solvers and a step other than the default. The loss also weighs the
 * recorded `ik`, which no mechanism reads: under Crank-Nicolson its samples are the
 * corrected currents of the steps (NEURON's second_order_cur), and the adjoint follows.
 * Likewise kexp.mod, whose gates move by explicit updates in a SOLVEd PROCEDURE (`{ next }`
 * gates, h's update reading m's new value), and kt.mod, which reads `t` (the adjoint must
 * give each kernel the time the forward pass gave it), with a loss on its output `il`.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import * as l5pc from "../../src/channels-l5pc.js";
import { loadNmodl } from "../../src/nmodl/load.js";
import { adjoint, finiteDifference, type RunOpts, weights } from "./helpers.js";

const DIR = new URL("../../../../tools/neuron-refs/mod/dt/", import.meta.url);
const Kdt = loadNmodl(readFileSync(new URL("kdt.mod", DIR), "utf8"));
const Kexp = loadNmodl(readFileSync(new URL("kexp.mod", DIR), "utf8"));
const Kt = loadNmodl(readFileSync(new URL("kt.mod", DIR), "utf8"));

function soma(dt: number): jx.Compartment {
  const c = new jx.Compartment();
  c.set("length", 20);
  c.set("radius", 10);
  for (const m of [new Kdt(), new l5pc.Pas()]) c.insert(m);
  c.set("kdt_gbar", 0.01);
  c.set("ek", -85);
  c.set("celsius", 34);
  c.set("v", -65);
  c.initStates({ deltaT: dt });
  c.set("kdt_m", 0.3);
  c.stimulate(jx.stepCurrent(0.5, 6, 0.3, dt, 10));
  c.record("v");
  c.record("kdt_m");
  c.record("ik");
  return c;
}

/** A key and the relative finite-difference step. */
const CASES: [key: string, relStep?: number][] = [["kdt_gbar"], ["kdt_gl"], ["kdt_el"], ["kdt_tauw"], ["kdt_m", 1e-2]];

function check(opts: RunOpts & { deltaT: number }): void {
  const module = soma(opts.deltaT);
  const nSamples = Math.round(opts.tMax / opts.deltaT) + 1;
  const w = weights(3 * nSamples, 7);
  for (let s = 0; s < nSamples; s++) {
    w[nSamples + s] *= 1e2;
    w[2 * nSamples + s] *= 1e4; // ik, mA/cm2
  }
  const g = adjoint(module, w, opts);
  for (const [key, relStep] of CASES) {
    const ad = g.node.get(key)?.[0] ?? 0;
    const fd = finiteDifference(module, w, opts, key, "node", 0, relStep ?? 1e-3);
    expect(Math.abs(fd), `${key} has a gradient`).toBeGreaterThan(1e-9);
    expect(Math.abs(ad - fd) / Math.abs(fd), `${key}: adjoint ${ad}, finite difference ${fd}`).toBeLessThan(1e-6);
  }
}

describe("adjoint through a mechanism that reads dt = finite differences (relative 1e-6)", () => {
  it("backward Euler, dt 0.02", () => check({ tMax: 10, deltaT: 0.02 }));
  it("Crank-Nicolson, dt 0.02", () => check({ tMax: 10, deltaT: 0.02, solver: "crank_nicolson" }));
});

function kexpSoma(dt: number): jx.Compartment {
  const c = new jx.Compartment();
  c.set("length", 20);
  c.set("radius", 10);
  for (const m of [new Kexp(), new l5pc.Pas()]) c.insert(m);
  c.set("kexp_gbar", 0.02);
  c.set("ek", -85);
  c.set("celsius", 34);
  c.set("v", -65);
  c.initStates({ deltaT: dt });
  c.set("kexp_m", 0.3);
  c.stimulate(jx.stepCurrent(0.5, 6, 0.4, dt, 10));
  c.record("v");
  c.record("kexp_h");
  return c;
}

function checkKexp(opts: RunOpts & { deltaT: number }): void {
  const module = kexpSoma(opts.deltaT);
  const nSamples = Math.round(opts.tMax / opts.deltaT) + 1;
  const w = weights(2 * nSamples, 3);
  for (let s = 0; s < nSamples; s++) w[nSamples + s] *= 1e2;
  const g = adjoint(module, w, opts);
  for (const [key, relStep] of [
    ["kexp_gbar"],
    ["kexp_q10"],
    ["celsius"],
    ["kexp_m", 1e-2],
    ["kexp_h", 1e-2],
  ] as const) {
    const ad = g.node.get(key)?.[0] ?? 0;
    const fd = finiteDifference(module, w, opts, key, "node", 0, relStep ?? 1e-3);
    expect(Math.abs(fd), `${key} has a gradient`).toBeGreaterThan(1e-9);
    expect(Math.abs(ad - fd) / Math.abs(fd), `${key}: adjoint ${ad}, finite difference ${fd}`).toBeLessThan(1e-6);
  }
}

describe("adjoint through explicit updates in a SOLVEd PROCEDURE = finite differences (relative 1e-6)", () => {
  it("backward Euler, dt 0.02", () => checkKexp({ tMax: 10, deltaT: 0.02 }));
  it("Crank-Nicolson, dt 0.02", () => checkKexp({ tMax: 10, deltaT: 0.02, solver: "crank_nicolson" }));
});

function ktSoma(dt: number): jx.Compartment {
  const c = new jx.Compartment();
  c.set("length", 20);
  c.set("radius", 10);
  for (const m of [new Kt(), new l5pc.Pas()]) c.insert(m);
  c.set("ek", -85);
  c.set("celsius", 34);
  c.set("v", -65);
  c.initStates({ deltaT: dt });
  c.set("kt_m", 0.3);
  c.stimulate(jx.stepCurrent(0.5, 6, 0.3, dt, 10));
  c.record("v");
  c.record("kt_m");
  c.record("kt_il");
  return c;
}

function checkKt(opts: RunOpts & { deltaT: number }): void {
  const module = ktSoma(opts.deltaT);
  const nSamples = Math.round(opts.tMax / opts.deltaT) + 1;
  const w = weights(3 * nSamples, 9);
  for (let s = 0; s < nSamples; s++) {
    w[nSamples + s] *= 1e2;
    w[2 * nSamples + s] *= 1e4;
  }
  const g = adjoint(module, w, opts);
  for (const [key, relStep] of [["kt_gbar"], ["kt_gl"], ["kt_per"], ["kt_el"], ["kt_m", 1e-2]] as const) {
    const ad = g.node.get(key)?.[0] ?? 0;
    const fd = finiteDifference(module, w, opts, key, "node", 0, relStep ?? 1e-3);
    expect(Math.abs(fd), `${key} has a gradient`).toBeGreaterThan(1e-9);
    expect(Math.abs(ad - fd) / Math.abs(fd), `${key}: adjoint ${ad}, finite difference ${fd}`).toBeLessThan(1e-6);
  }
}

describe("adjoint through a mechanism that reads t = finite differences (relative 1e-6)", () => {
  it("backward Euler, dt 0.02", () => checkKt({ tMax: 10, deltaT: 0.02 }));
  it("Crank-Nicolson, dt 0.02", () => checkKt({ tMax: 10, deltaT: 0.02, solver: "crank_nicolson" }));
});
