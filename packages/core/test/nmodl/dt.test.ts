/**
 * NMODL files that read `dt` against NEURON 8.2 (issue 10): the project's own kdt.mod
 * (tools/neuron-refs/mod/dt) reads dt in INITIAL, in a FUNCTION of its DERIVATIVE block
 * and in a PROCEDURE of BREAKPOINT; one compartment at dt 0.025 and 0.01 ms, backward
 * Euler and Crank-Nicolson. Likewise kexp.mod, whose gates move by explicit
 * `x += (1 - exp(-dt/tau)) (xinf - x)` updates in a PROCEDURE that BREAKPOINT solves (h's
 * update reads m's new value), and kt.mod, which reads `t` in BREAKPOINT (NEURON's t +
 * dt/2), in the DERIVATIVE block (t + dt) and in INITIAL (0). v within 1e-6 mV, states and
 * currents within 1e-9.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type * as jx from "../../src/index.js";
import { loadNmodl } from "../../src/nmodl/load.js";
import { CHANNELS, loadModCase } from "../l5pc/fixtures.js";
import { compareModCase } from "./neuron-compare.js";

const DIR = new URL("../../../../tools/neuron-refs/mod/dt/", import.meta.url);
const KDT = readFileSync(new URL("kdt.mod", DIR), "utf8");
const KEXP = readFileSync(new URL("kexp.mod", DIR), "utf8");
const KT = readFileSync(new URL("kt.mod", DIR), "utf8");

const CASES = ["dt0p025", "dt0p01"].flatMap((d) => ["bwd_euler", "crank_nicolson"].map((s) => `own_kdt_${d}_${s}`));

describe("a .mod file that reads dt, against NEURON", () => {
  it.each(CASES)("%s", (name) => {
    const { def, traces } = loadModCase(name);
    const M = loadNmodl(KDT);
    const channels: Record<string, () => jx.Mechanism> = { pas: CHANNELS.pas, kdt: () => new M() };
    const res = compareModCase(def, traces, channels);
    if (process.env.NMODL_VERBOSE) console.log(name, res);
    expect(Object.keys(res)).toEqual(expect.arrayContaining(["v", "kdt_m", "kdt_il"]));
    for (const [key, { err, tol }] of Object.entries(res)) expect(err, `${name} ${key}`).toBeLessThan(tol);
  });

  it.each(CASES.map((c) => c.replace("kdt", "kexp")))("%s (SOLVE of a PROCEDURE)", (name) => {
    const { def, traces } = loadModCase(name);
    const M = loadNmodl(KEXP);
    expect(M.nmodl.method).toBe("procedure");
    const channels: Record<string, () => jx.Mechanism> = { pas: CHANNELS.pas, kexp: () => new M() };
    const res = compareModCase(def, traces, channels);
    if (process.env.NMODL_VERBOSE) console.log(name, res);
    expect(Object.keys(res)).toEqual(expect.arrayContaining(["v", "kexp_m", "kexp_h", "ik"]));
    for (const [key, { err, tol }] of Object.entries(res)) expect(err, `${name} ${key}`).toBeLessThan(tol);
  });

  it.each(CASES.map((c) => c.replace("kdt", "kt")))("%s (reads t)", (name) => {
    const { def, traces } = loadModCase(name);
    const M = loadNmodl(KT);
    const channels: Record<string, () => jx.Mechanism> = { pas: CHANNELS.pas, kt: () => new M() };
    const res = compareModCase(def, traces, channels, { currentsReadT: true });
    if (process.env.NMODL_VERBOSE) console.log(name, res);
    expect(Object.keys(res)).toEqual(expect.arrayContaining(["v", "kt_m", "kt_il", "ik"]));
    for (const [key, { err, tol }] of Object.entries(res)) expect(err, `${name} ${key}`).toBeLessThan(tol);
  });

  it("the two steps give different traces (dt matters)", () => {
    const a = loadModCase("own_kdt_dt0p025_bwd_euler").traces[0];
    const b = loadModCase("own_kdt_dt0p01_bwd_euler").traces[0];
    expect(Math.max(...a.map((x, j) => Math.abs(x - b[j])))).toBeGreaterThan(1);
  });
});
