/**
 * The adjoint through ions, concentrations and celsius against five-point finite
 * differences of the same simulation (relative 1e-6): the project's L5PC channels in one
 * compartment and in a branched cell, both implicit solvers, with checkpointing;
 * channel parameters, ion columns that are parameters, celsius and initial states
 * (concentrations included).
 */
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import * as l5pc from "../../src/channels-l5pc.js";
import type { MechanismSpec } from "../../src/mechanisms/types.js";
import { forwardWithTape } from "../../src/grad/tape.js";
import { lowerWithProps } from "../../src/model/lower.js";
import { STEPPERS } from "../../src/sim/steppers.js";
import { adjoint, finiteDifference, type RunOpts, weights } from "./helpers.js";

/** A key, a compartment, and the relative finite-difference step (default 1e-3; larger for tiny states). */
type Case = [key: string, index: number, relStep?: number];

/** The somatic L5PC set (Hay et al. 2011 release values, Im added) on a view. */
function insertSomatic(v: jx.View): void {
  for (const m of [
    new l5pc.Ca_HVA(),
    new l5pc.CaDynamics_E2(),
    new l5pc.SK_E2(),
    new l5pc.Im(),
    new l5pc.NaTs2_t(),
    new l5pc.Pas(),
  ])
    v.insert(m);
  v.set("NaTs2_t_gNaTs2_tbar", 0.983955);
  v.set("SK_E2_gSK_E2bar", 0.0441);
  v.set("Ca_HVA_gCa_HVAbar", 0.000994);
  v.set("Im_gImbar", 0.0005);
  v.set("CaDynamics_E2_gamma", 0.000609);
  v.set("CaDynamics_E2_decay", 210.485);
  v.set("pas_g", 3e-5);
  v.set("pas_e", -75);
  v.set("ek", -85);
  v.set("ena", 50);
}

/** One compartment with the somatic set, a somatic stimulus, v and cai recorded. */
function soma(): jx.Compartment {
  const c = new jx.Compartment();
  c.set("length", 20);
  c.set("radius", 10);
  insertSomatic(c);
  c.set("celsius", 34);
  c.set("v", -70);
  c.initStates();
  c.set("cai", 2e-4); // away from rest, so that its initial value matters
  c.stimulate(jx.stepCurrent(0.5, 6, 1.5, 0.025, 10));
  c.record("v");
  c.record("cai");
  return c;
}

const REL = 1e-6;

/** Checks the adjoint of sum(w * recordings) against finite differences for each case. */
function check(module: jx.View, opts: RunOpts, cases: Case[], budget?: number): void {
  const nRec = module.base.recordings.length;
  const nSamples = Math.round(opts.tMax / (opts.deltaT ?? 0.025)) + 1;
  const w = weights(nRec * nSamples, 7);
  // Weigh cai (mM) and ica (mA/cm2) about like v (mV): scale their rows up.
  const SCALE: Record<string, number> = { cai: 1e4, ica: 1e3 };
  module.base.recordings.forEach((r, i) => {
    for (let s = 0; s < nSamples; s++) w[i * nSamples + s] *= SCALE[r.state] ?? 1;
  });
  const g = adjoint(module, w, opts, budget);
  for (const [key, idx, relStep] of cases) {
    const ad = g.node.get(key)?.[idx] ?? 0;
    const fd = finiteDifference(module, w, opts, key, "node", idx, relStep ?? 1e-3);
    expect(Math.abs(fd), `${key}[${idx}] has a gradient`).toBeGreaterThan(1e-9);
    expect(Math.abs(ad - fd) / Math.abs(fd), `${key}[${idx}]: adjoint ${ad}, finite difference ${fd}`).toBeLessThan(
      REL,
    );
  }
}

const SOMA_CASES: Case[] = [
  ["NaTs2_t_gNaTs2_tbar", 0],
  ["CaDynamics_E2_gamma", 0],
  ["CaDynamics_E2_decay", 0],
  ["CaDynamics_E2_depth", 0],
  ["CaDynamics_E2_minCai", 0],
  ["SK_E2_gSK_E2bar", 0],
  ["SK_E2_zTau", 0],
  ["Ca_HVA_gCa_HVAbar", 0],
  ["Im_gImbar", 0],
  ["pas_g", 0],
  ["ek", 0],
  ["ena", 0],
  ["cao", 0],
  ["cai", 0],
  ["celsius", 0],
  ["v", 0],
  ["NaTs2_t_m", 0, 1e-2],
  ["SK_E2_z", 0, 1e-2],
  ["Ca_HVA_m", 0, 1e-2],
  ["radius", 0],
];

describe("adjoint through ions and concentrations = finite differences (relative 1e-6)", () => {
  it("one compartment, L5PC somatic set, backward Euler: channel and ion parameters, celsius, initial states", () => {
    check(soma(), { tMax: 10 }, SOMA_CASES);
  });

  it("one compartment, Crank-Nicolson (the correction of ion currents)", () => {
    check(soma(), { tMax: 10, solver: "crank_nicolson" }, SOMA_CASES);
  });

  it("eca where nothing writes cai is a parameter; where cai is written it follows Nernst and has no gradient", () => {
    const c = soma();
    expect(adjoint(c, weights(2 * 401, 7), { tMax: 10 }).node.get("eca")![0]).toBe(0);
    const d = new jx.Compartment();
    d.insert(new l5pc.Ca_HVA());
    d.insert(new l5pc.SK_E2());
    d.insert(new l5pc.Pas());
    d.set("Ca_HVA_gCa_HVAbar", 0.002);
    d.set("SK_E2_gSK_E2bar", 0.01);
    d.set("v", -60);
    d.initStates();
    d.stimulate(jx.stepCurrent(0.5, 6, 0.05, 0.025, 10));
    d.record("v");
    d.record("ica");
    check(d, { tMax: 10 }, [
      ["eca", 0],
      ["cai", 0],
      ["ek", 0],
      ["Ca_HVA_gCa_HVAbar", 0],
    ]);
    check(d, { tMax: 10, solver: "crank_nicolson" }, [
      ["eca", 0],
      ["cai", 0],
    ]);
  });

  it("celsius read by the rates of a mechanism (a Q10 factor) and by Nernst", () => {
    const warm: MechanismSpec = {
      kind: "channel",
      name: "KWarm",
      params: { g: 0.02 },
      states: { n: 0.1 },
      ions: { k: { read: ["ek"], write: ["ik"] } },
      definitions: {
        q: "3^((celsius - 22) / 10)",
        a: "0.02 * q * exp((v + 40) / 12)",
        b: "0.02 * q * exp(-(v + 40) / 20)",
      },
      gates: { n: { alpha: "a", beta: "b" } },
      ionCurrents: { ik: "g * n^4 * (v - ek)" },
    };
    const c = soma();
    const KWarm = jx.defineChannel(warm);
    c.insert(new KWarm());
    c.set("celsius", 30);
    check(c, { tMax: 10 }, [
      ["celsius", 0],
      ["KWarm_g", 0],
      ["ek", 0],
    ]);
  });

  it("a branched cell with the L5PC set in two regions, checkpointed, recording ica and eca", () => {
    const cell = new jx.Cell(
      [2, 3, 2].map((n) => new jx.Branch(new jx.Compartment(), n)),
      [-1, 0, 0],
    );
    cell.set("radius", 1.5);
    cell.set("length", 30);
    cell.branch(0).set("radius", 6);
    insertSomatic(cell.branch(0));
    cell.branch([1, 2]).insert(new l5pc.Ca_LVAst());
    cell.branch([1, 2]).insert(new l5pc.CaDynamics_E2());
    cell.branch([1, 2]).insert(new l5pc.SK_E2());
    cell.branch([1, 2]).insert(new l5pc.Ih());
    cell.branch([1, 2]).insert(new l5pc.Pas());
    cell.branch([1, 2]).set("Ca_LVAst_gCa_LVAstbar", 0.01);
    cell.branch([1, 2]).set("SK_E2_gSK_E2bar", 0.003);
    cell.branch([1, 2]).set("pas_g", 5e-5);
    cell.branch([1, 2]).set("CaDynamics_E2_gamma", 0.0005);
    cell.set("celsius", 34);
    cell.set("v", -72);
    cell.initStates();
    cell.branch(2).comp(1).set("cai", 3e-4);
    cell
      .branch(0)
      .comp(0)
      .stimulate(jx.stepCurrent(0.5, 6, 2, 0.025, 8));
    cell.branch(0).comp(1).record("v");
    cell.branch(1).comp(2).record("v");
    cell.branch(2).comp(1).record("cai");
    cell.branch(1).comp(1).record("ica");
    cell.branch(0).comp(0).record("eca");
    const cases: Case[] = [
      ["NaTs2_t_gNaTs2_tbar", 1],
      ["Ca_LVAst_gCa_LVAstbar", 4],
      ["CaDynamics_E2_gamma", 3],
      ["CaDynamics_E2_decay", 0],
      ["SK_E2_gSK_E2bar", 6],
      ["Ih_gIhbar", 3],
      ["cai", 6],
      ["cao", 0],
      ["celsius", 0],
      ["celsius", 3],
      ["ek", 1],
      ["v", 5],
    ];
    check(cell, { tMax: 8 }, cases, 20_000);
    check(cell, { tMax: 8, solver: "crank_nicolson" }, cases, 20_000);
    // Checkpointing gives the same gradients as keeping every step, also when the end of
    // the run is kept whole and only its start recomputed.
    const w = weights(5 * 321, 3);
    const full = adjoint(cell, w, { tMax: 8 });
    const lowered = () => lowerWithProps(cell.base, [], { stimuli: [], clamps: [] }).setup;
    for (const budget of [20_000, 150_000]) {
      const tape = forwardWithTape(lowered(), 0.025, 320, STEPPERS.bwd_euler, budget);
      if (budget === 150_000) expect(tape.keptFrom > 0 && tape.keptFrom < 320, `kept from ${tape.keptFrom}`).toBe(true);
      const ckpt = adjoint(cell, w, { tMax: 8 }, budget);
      for (const key of ["cai", "celsius", "CaDynamics_E2_gamma", "v"])
        expect(ckpt.node.get(key)).toEqual(full.node.get(key));
    }
  });
});

describe("what the adjoint through ions does not follow says so", () => {
  it("two mechanisms writing cai in one compartment", () => {
    const Pump = jx.defineChannel({
      name: "Pump",
      params: { rate: 0.01 },
      states: { cai: 5e-5 },
      ions: { ca: { write: ["cai"] } },
      gates: { cai: { rate: "-rate * (cai - 1e-4)" } },
    });
    const c = soma();
    c.insert(new Pump());
    expect(() => jx.simulate(c, { tMax: 1 })).not.toThrow();
    expect(() => adjoint(c, weights(2 * 41), { tMax: 1 })).toThrow(
      /Gradients need at most one mechanism writing 'cai' in a compartment; several do/,
    );
  });
});
