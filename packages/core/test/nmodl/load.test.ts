/**
 * loadNmodl beyond the NEURON fixtures: metadata, gating curves, recordable ASSIGNED
 * variables, GLOBALs, derivimplicit, generated kernels and errors.
 */
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import * as l5pc from "../../src/channels-l5pc.js";
import type { CompiledMechanismWithSource } from "../../src/mechanisms/compile.js";
import { gatingCurves, loadNmodl, NmodlError } from "../../src/nmodl/index.js";
import { modText } from "./mod-files.js";

const NaTs2_t = loadNmodl(modText("l5pc", "NaTs2_t.mod"));

describe("metadata (M.nmodl)", () => {
  it("names suffix, ions, parameters with units and defaults, states and outputs", () => {
    const info = NaTs2_t.nmodl;
    expect(info.suffix).toBe("NaTs2_t");
    expect(info.ions).toEqual([{ name: "na", valence: 1, read: ["ena"], write: ["ina"] }]);
    expect(info.parameters).toEqual([
      { name: "gNaTs2_tbar", key: "NaTs2_t_gNaTs2_tbar", unit: "S/cm2", default: 0.00001, limits: null, global: false },
    ]);
    expect(info.states.map((s) => [s.key, s.kind])).toEqual([
      ["NaTs2_t_m", "gate"],
      ["NaTs2_t_h", "gate"],
    ]);
    expect(info.outputs.map((o) => o.key)).toEqual(["NaTs2_t_gNaTs2_t"]);
    expect(info.method).toBe("cnexp");
    expect(info.hadTables).toBe(false);
  });

  it("marks GLOBALs (per-compartment keys here), TABLE files and concentration states", () => {
    const kca = loadNmodl(modText("more", "kca.mod")).nmodl;
    expect(kca.parameters.find((p) => p.name === "Ra")).toMatchObject({ key: "kca_Ra", global: true, default: 0.01 });
    expect(kca.parameters.find((p) => p.name === "gbar")?.global).toBe(false);
    expect(loadNmodl(modText("more", "kdr.mod")).nmodl.hadTables).toBe(true);
    const cad = loadNmodl(modText("l5pc", "CaDynamics_E2.mod")).nmodl;
    expect(cad.states).toEqual([{ name: "cai", key: "cai", unit: "mM", kind: "concentration" }]);
    expect(cad.ions[0]).toMatchObject({ name: "ca", read: ["ica"], write: ["cai"] });
  });

  it("a GLOBAL is set per compartment and changes the dynamics there", () => {
    const Kca = loadNmodl(modText("more", "kca.mod"));
    const run = (ra: number) => {
      const c = new jx.Compartment();
      c.insert(new Kca());
      c.set("cai", 1e-3);
      c.set("kca_Ra", ra);
      c.set("v", -60);
      c.initStates();
      c.record("kca_n");
      return jx.simulate(c, { tMax: 1, deltaT: 0.025 }).values;
    };
    const a = run(0.01),
      b = run(0.02);
    // ninf = Ra cai / (Ra cai + Rb): doubling Ra (cai 1e-3 mM, Rb 0.02) nearly doubles it.
    expect(b[0] / a[0]).toBeCloseTo(0.02e-3 / (0.02e-3 + 0.02) / (0.01e-3 / (0.01e-3 + 0.02)), 12);
    expect(b[0] / a[0]).toBeGreaterThan(1.99);
  });
});

describe("gatingCurves", () => {
  const v = Array.from({ length: 151 }, (_, i) => -100 + i);

  it("NaTs2_t's m: inf = a / (a + b), tau = 1 / (a + b) / qt, from the published rates", () => {
    const { m } = gatingCurves(NaTs2_t, { v, celsius: 34 });
    const qt = 2.3 ** ((34 - 21) / 10);
    v.forEach((x, i) => {
      if (x === -32) return; // the file steps v by 1e-4 there
      const a = (0.182 * (x + 32)) / (1 - Math.exp(-(x + 32) / 6));
      const b = (0.124 * (-x - 32)) / (1 - Math.exp(-(-x - 32) / 6));
      expect(m.inf[i]).toBeCloseTo(a / (a + b), 12);
      expect(Math.abs(m.tau[i] - 1 / (a + b) / qt) / m.tau[i]).toBeLessThan(1e-12);
    });
  });

  it.each(["NaTs2_t", "NaTa_t", "Nap_Et2", "K_Pst", "K_Tst", "SKv3_1", "Im", "Ca_HVA", "Ca_LVAst", "Ih", "SK_E2"])(
    "%s: the file's curves equal the project channel's",
    (name) => {
      const M = loadNmodl(modText("l5pc", `${name}.mod`));
      const ours = gatingCurves((l5pc as unknown as Record<string, jx.MechanismClass>)[name], { v, celsius: 34 });
      const theirs = gatingCurves(M, { v, celsius: 34 });
      expect(Object.keys(theirs)).toEqual(Object.keys(ours));
      for (const [s, c] of Object.entries(ours)) {
        for (let i = 0; i < v.length; i++) {
          expect(Math.abs(theirs[s].inf[i] - c.inf[i])).toBeLessThan(1e-12);
          expect(Math.abs(theirs[s].tau[i] - c.tau[i]) / Math.abs(c.tau[i])).toBeLessThan(1e-12);
        }
      }
    },
  );

  it("leaves out concentration states and refuses unknown values", () => {
    expect(gatingCurves(loadNmodl(modText("l5pc", "CaDynamics_E2.mod")), { v })).toEqual({});
    expect(() => gatingCurves(NaTs2_t, { v, values: { gNa: 1 } })).toThrow(/no parameter or ion variable "gNa"/);
  });
});

describe("recordable ASSIGNED RANGE variables", () => {
  it("NaTs2_t_gNaTs2_t is gbar m^3 h at every sample", () => {
    const c = new jx.Compartment();
    c.insert(new NaTs2_t());
    c.set("NaTs2_t_gNaTs2_tbar", 0.05);
    c.set("v", -65);
    c.initStates();
    c.stimulate(jx.stepCurrent(1, 3, 0.5, 0.025, 10));
    for (const k of ["NaTs2_t_gNaTs2_t", "NaTs2_t_m", "NaTs2_t_h"]) c.record(k);
    const r = jx.simulate(c, { tMax: 10, deltaT: 0.025 });
    const n = r.nSamples;
    let worst = 0,
      peak = 0;
    for (let k = 0; k < n; k++) {
      const g = r.values[k],
        m = r.values[n + k],
        h = r.values[2 * n + k];
      worst = Math.max(worst, Math.abs(g - 0.05 * m * m * m * h));
      peak = Math.max(peak, g);
    }
    expect(worst).toBeLessThan(1e-15);
    expect(peak).toBeGreaterThan(1e-4);
  });
});

const DERIVIMPLICIT = `
NEURON { SUFFIX leakdi NONSPECIFIC_CURRENT i RANGE g, e, tau }
PARAMETER { g = 0.001 (S/cm2) e = -70 (mV) tau = 5 (ms) }
ASSIGNED { v (mV) i (mA/cm2) sinf }
STATE { s }
INITIAL { s = 0.25 }
BREAKPOINT { SOLVE st METHOD derivimplicit  i = g*s*(v - e) }
DERIVATIVE st { sinf = 1/(1+exp(-(v+40)/5))  s' = (sinf - s)/tau }
`;

describe("derivimplicit", () => {
  it("takes one implicit Euler step: s1 = (s0 + dt sinf / tau) / (1 + dt / tau)", () => {
    const M = loadNmodl(DERIVIMPLICIT);
    expect(M.nmodl.method).toBe("derivimplicit");
    const mech = new M().compiled;
    const idx = new Int32Array([0]);
    const V = new Float64Array([-50]);
    const P = mech.paramDefaults.map((x) => new Float64Array([x]));
    const S = [new Float64Array([0])];
    mech.steady(1, idx, idx, V, P, S, [new Float64Array([6.3])]);
    expect(S[0][0]).toBe(0.25);
    const dt = 0.1;
    mech.advance(1, idx, idx, V, P, S, dt, [new Float64Array([6.3])]);
    const sinf = 1 / (1 + Math.exp(-(-50 + 40) / 5));
    expect(S[0][0]).toBeCloseTo((0.25 + (dt * sinf) / 5) / (1 + dt / 5), 15);
  });

  it("refuses an equation not linear in its state", () => {
    const text = DERIVIMPLICIT.replace("s' = (sinf - s)/tau", "s' = (sinf - s*s)/tau");
    expect(() => loadNmodl(text)).toThrow(NmodlError);
    expect(() => loadNmodl(text)).toThrow(/derivimplicit is supported for equations linear in their state/);
  });
});

describe("kernels and errors", () => {
  it("compiles to the generated fused float64 loops, like the project's channels", () => {
    const src = (new NaTs2_t().compiled as CompiledMechanismWithSource).source;
    const ours = (new l5pc.NaTs2_t().compiled as CompiledMechanismWithSource).source;
    for (const s of [src.advanceCurrent, ours.advanceCurrent]) {
      expect(s).toMatch(/for \(let k = 0; k < n; k\+\+\)/);
      expect(s).toMatch(/Math\.exp/);
    }
    // The same structure: one loop, states stored in place, ion current accumulated.
    expect(src.advanceCurrent.split("\n").filter((l) => l.includes("SA0[k] =")).length).toBe(1);
    expect(src.advanceCurrent).toMatch(/XW\d+\[jpost\] \+=/);
  });

  it("writing dt or t is an NmodlError with its position", () => {
    for (const name of ["dt", "t"]) {
      const writes = DERIVIMPLICIT.replace("sinf = 1/(1+exp(-(v+40)/5))", `${name} = 0.1`);
      expect(() => loadNmodl(writes)).toThrow(
        new RegExp(`line 8, column \\d+: cannot assign to "${name}": it is NEURON's ${name}`),
      );
    }
  });

  it("a non-string argument is a DendrolabError", () => {
    expect(() => loadNmodl(3 as unknown as string)).toThrow(/text of a \.mod file/);
  });
});

describe("serialisation", () => {
  it("a model with imported mechanisms round-trips and simulates the same", () => {
    const Kca = loadNmodl(modText("more", "kca.mod"));
    const Cal = loadNmodl(modText("more", "cal_mig.mod"));
    const Cad = loadNmodl(modText("more", "cadad.mod"));
    const c = new jx.Compartment();
    for (const M of [Kca, Cal, Cad, NaTs2_t]) c.insert(new M());
    c.set("kca_gbar", 50);
    c.set("cal_gcalbar", 0.003);
    c.set("NaTs2_t_gNaTs2_tbar", 0.05);
    c.set("v", -65);
    c.initStates();
    c.stimulate(jx.stepCurrent(1, 5, 0.3, 0.025, 10));
    for (const k of ["v", "cai", "kca_gk"]) c.record(k);
    const a = jx.simulate(c, { tMax: 10 });
    const b = jx.simulate(jx.deserializeModel(JSON.parse(JSON.stringify(jx.serializeModel(c)))), { tMax: 10 });
    expect(Array.from(b.values)).toEqual(Array.from(a.values));
  });
});
