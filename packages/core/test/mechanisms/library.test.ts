/**
 * The built-in mechanisms against Jaxley's keys, defaults and equations (transcribed
 * here independently from jaxley/channels/*.py and jaxley/synapses/*.py) and NEURON.
 */
import { describe, expect, it } from "vitest";
import { CaL, CaT, HH, K, Km, Leak, Na } from "../../src/channels.js";
import { IonotropicSynapse, TanhRateSynapse } from "../../src/synapses.js";
import { Mechanism } from "../../src/mechanisms/define.js";
import type { CompiledMechanism } from "../../src/mechanisms/types.js";
import { expectClose } from "./helpers.js";

/** Runs one instance at (vPre, vPost) with default params and the given states. */
function one(m: CompiledMechanism, vPost: number, states?: number[], vPre = vPost) {
  const pre = new Int32Array([0]),
    post = new Int32Array([m.kind === "synapse" ? 1 : 0]);
  const V = new Float64Array([vPre, vPost]);
  const P = m.paramDefaults.map((d) => new Float64Array([d]));
  const S = (states ?? m.stateDefaults).map((s) => new Float64Array([s]));
  const out = new Float64Array(1);
  const ch = m.kind === "channel" ? post : pre;
  return {
    current: () => {
      m.currentValues(1, ch, post, V, P, S, out);
      return out[0];
    },
    steady: () => {
      m.steady(1, ch, post, V, P, S);
      return S.map((s) => s[0]);
    },
    advance: (dt: number) => {
      m.advance(1, ch, post, V, P, S, dt);
      return S.map((s) => s[0]);
    },
  };
}

const jEfun = (x: number) => x / (Math.exp(x) - 1);
const jVtrap = (x: number, y: number) => x / (Math.exp(x / y) - 1);
/** Jaxley's gates as [alpha, beta] or {inf, tau}, and currents, at default parameters. */
const JAXLEY = {
  HH: {
    gates: (v: number) => [
      [0.1 * jVtrap(-(v + 40), 10), 4.0 * Math.exp(-(v + 65) / 18)],
      [0.07 * Math.exp(-(v + 65) / 20), 1.0 / (Math.exp(-(v + 35) / 10) + 1)],
      [0.01 * jVtrap(-(v + 55), 10), 0.125 * Math.exp(-(v + 65) / 80)],
    ],
    current: (v: number, [m, h, n]: number[]) =>
      0.12 * m ** 3 * h * (v - 50) + 0.036 * n ** 4 * (v + 77) + 0.0003 * (v + 54.3),
  },
  Na: {
    gates: (v: number, vt = -60) => [
      [(0.32 * jEfun(-0.25 * (v - vt - 13.0))) / 0.25, (0.28 * jEfun(0.2 * (v - vt - 40.0))) / 0.2],
      [0.128 * Math.exp(-(v - vt - 17.0) / 18.0), 4.0 / (Math.exp(-(v - vt - 40.0) / 5.0) + 1.0)],
    ],
    current: (v: number, [m, h]: number[]) => 50e-3 * m ** 3 * h * (v - 50.0),
  },
  K: {
    gates: (v: number, vt = -60) => [
      [(0.032 * jEfun(-0.2 * (v - vt - 15.0))) / 0.2, 0.5 * Math.exp(-(v - vt - 10.0) / 40.0)],
    ],
    current: (v: number, [n]: number[]) => 5e-3 * n ** 4 * (v + 90.0),
  },
  Km: {
    infTau: (v: number) => [
      {
        inf: 1.0 / (1.0 + Math.exp(-0.1 * (v + 35.0))),
        tau: 4000.0 / (3.3 * Math.exp(0.05 * (v + 35.0)) + Math.exp(-0.05 * (v + 35.0))),
      },
    ],
    current: (v: number, [p]: number[]) => 0.004e-3 * p * (v + 90.0),
  },
  CaL: {
    gates: (v: number) => [
      [0.055 * jEfun((-v - 27.0) / 3.8) * 3.8, 0.94 * Math.exp((-v - 75.0) / 17.0)],
      [0.000457 * Math.exp((-v - 13.0) / 50), 0.0065 / (Math.exp((-v - 15.0) / 28.0) + 1)],
    ],
    current: (v: number, [q, r]: number[]) => 0.1e-3 * q ** 2 * r * (v - 120.0),
  },
  CaT: {
    infTau: (v: number, vx = 2.0) => [
      {
        inf: 1.0 / (1.0 + Math.exp((v + vx + 81.0) / 4)),
        tau: (30.8 + (211.4 + Math.exp((v + vx + 113.2) / 5.0))) / (3.7 * (1 + Math.exp((v + vx + 84.0) / 3.2))),
      },
    ],
    current: (v: number, [u]: number[], vx = 2.0) =>
      0.4e-4 * (1.0 / (1.0 + Math.exp(-(v + vx + 57.0) / 6.2))) ** 2 * u * (v - 120.0),
  },
};

describe("keys, defaults and current names are Jaxley's", () => {
  const table: [Mechanism, Record<string, number>, Record<string, number>, string][] = [
    [
      new HH(),
      { HH_gNa: 0.12, HH_gK: 0.036, HH_gLeak: 0.0003, HH_eNa: 50, HH_eK: -77, HH_eLeak: -54.3 },
      { HH_m: 0.2, HH_h: 0.2, HH_n: 0.2 },
      "i_HH",
    ],
    [new Leak(), { Leak_gLeak: 1e-4, Leak_eLeak: -70 }, {}, "i_Leak"],
    [new Na(), { Na_gNa: 0.05, eNa: 50, vt: -60 }, { Na_m: 0.2, Na_h: 0.2 }, "i_Na"],
    [new K(), { K_gK: 5e-3, eK: -90, vt: -60 }, { K_n: 0.2 }, "i_K"],
    [new Km(), { Km_gKm: 4e-6, Km_taumax: 4000, eK: -90 }, { Km_p: 0.2 }, "i_K"],
    [new CaL(), { CaL_gCaL: 1e-4, eCa: 120 }, { CaL_q: 0.2, CaL_r: 0.2 }, "i_Ca"],
    [new CaT(), { CaT_gCaT: 4e-5, CaT_vx: 2, eCa: 120 }, { CaT_u: 0.2 }, "i_Ca"],
    [
      new IonotropicSynapse(),
      {
        IonotropicSynapse_gS: 1e-4,
        IonotropicSynapse_e_syn: 0,
        IonotropicSynapse_k_minus: 0.025,
        IonotropicSynapse_v_th: -35,
        IonotropicSynapse_delta: 10,
      },
      { IonotropicSynapse_s: 0.2 },
      "i_IonotropicSynapse",
    ],
    [
      new TanhRateSynapse(),
      { TanhRateSynapse_gS: 1e-4, TanhRateSynapse_x_offset: -70, TanhRateSynapse_slope: 1 },
      {},
      "i_TanhRateSynapse",
    ],
  ];
  it.each(table)("%s", (mech, params, states, currentName) => {
    expect(mech.paramDefaults()).toEqual(params);
    expect(Object.keys(mech.paramDefaults())).toEqual(Object.keys(params)); // order: prefixed, shared
    expect(mech.stateDefaults()).toEqual(states);
    expect(mech.currentName).toBe(currentName);
    expect(mech.compiled.paramKeys).toEqual(Object.keys(params));
    expect(mech).toBeInstanceOf(Mechanism);
  });

  it("renaming changes prefixed keys only; HH and the Pospischil ion currents keep their current name", () => {
    expect(new HH("HH2").paramKeys).toContain("HH2_gNa");
    expect(new HH("HH2").currentName).toBe("i_HH");
    expect(new Na("Na2").paramKeys).toEqual(["Na2_gNa", "eNa", "vt"]);
    expect(new Na("Na2").stateKeys).toEqual(["Na2_m", "Na2_h"]);
    expect(new Na("Na2").currentName).toBe("i_Na");
    expect(new Leak("Leak2").currentName).toBe("i_Leak2");
    expect(new Na().renamed("Na3")).toBeInstanceOf(Na);
    expect(new Na().renamed("Na3").name).toBe("Na3");
  });
});

describe("HH matches NEURON's hh.mod", () => {
  it("has NEURON's steady state at -65 mV", () => {
    const [m, h, n] = one(new HH().compiled, -65).steady();
    expectClose(m, 0.052932485257249, 1e-13, 0, "m");
    expectClose(h, 0.59612075350846, 1e-13, 0, "h");
    expectClose(n, 0.317676914060697, 1e-13, 0, "n");
  });

  it("uses vtrap's limit at the singular voltages -40 and -55 mV", () => {
    const [m] = one(new HH().compiled, -40).steady();
    const am = 1.0,
      bm = 4 * Math.exp(-25 / 18);
    expectClose(m, am / (am + bm), 1e-14, 0, "m(-40)");
    const [, , n] = one(new HH().compiled, -55).steady();
    const an = 0.1,
      bn = 0.125 * Math.exp(-10 / 80);
    expectClose(n, an / (an + bn), 1e-14, 0, "n(-55)");
    const near = one(new HH().compiled, -40 + 1e-7).steady()[0];
    expectClose(near, m, 1e-7, 0, "m continuous at -40");
  });

  it("computes each exponential once per instance and no Math.pow", () => {
    const src = (new HH().compiled as CompiledMechanism & { source: Record<string, string> }).source;
    const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;
    // Rates: exp(-(v+40)/10) serves alpha_m's vtrap, beta_h and alpha_n's vtrap (same
    // slope in v); exp(-(v+65)/18), /20, /80 one each. Plus 3 decays exp(-dt (a+b)).
    expect(count(src.advance, /Math\.exp\(/g)).toBe(7);
    expect(count(src.advance, /H_vtrap\(/g)).toBe(0);
    expect(count(src.current, /Math\.exp\(/g)).toBe(0);
    for (const s of Object.values(src)) expect(s).not.toMatch(/Math\.pow/);
    expect(src.current).toMatch(/s0 \* s0 \* s0/);
  });
});

describe("equations equal Jaxley's", () => {
  const voltages = [-90, -72.5, -65, -50.3, -30, 0.7, 20, 42];
  const dt = 0.025;

  const cases: [string, CompiledMechanism, (typeof JAXLEY)[keyof typeof JAXLEY]][] = [
    ["HH", new HH().compiled, JAXLEY.HH],
    ["Na", new Na().compiled, JAXLEY.Na],
    ["K", new K().compiled, JAXLEY.K],
    ["Km", new Km().compiled, JAXLEY.Km],
    ["CaL", new CaL().compiled, JAXLEY.CaL],
    ["CaT", new CaT().compiled, JAXLEY.CaT],
  ];
  it.each(cases)("%s: steady state (inf, not Jaxley's Km/CaT init bug), one step, current", (_n, m, j) => {
    for (const v of voltages) {
      const gates = "gates" in j ? j.gates(v).map(([a, b]) => ({ inf: a / (a + b), tau: 1 / (a + b) })) : j.infTau(v);
      const states = m.stateDefaults.map((_, i) => 0.1 + 0.2 * i);
      const run = one(m, v, states);
      expectClose(run.current(), j.current(v, states), 1e-13, 1e-300, `current at ${v}`);
      const next = run.advance(dt);
      next.forEach((x, i) => {
        // Jaxley's exponential_euler: x exp(-dt/tau) + x_inf (1 - exp(-dt/tau))
        const e = Math.exp(-dt / gates[i].tau);
        expectClose(x, states[i] * e + gates[i].inf * (1 - e), 1e-13, 1e-300, `state ${i} after dt at ${v}`);
      });
      for (const [i, x] of run.steady().entries()) expectClose(x, gates[i].inf, 1e-13, 1e-300, `inf ${i} at ${v}`);
    }
  });

  it("Leak: gLeak (v - eLeak)", () => {
    expectClose(one(new Leak().compiled, -60).current(), 1e-4 * 10, 1e-14, 0, "leak");
  });

  it("IonotropicSynapse: sigmoid release, tau = (1 - s_inf)/k_minus, I = gS s (v_post - e_syn)", () => {
    const m = new IonotropicSynapse().compiled;
    for (const vPre of voltages) {
      const run = one(m, -70, [0.3], vPre);
      const sInf = 1.0 / (1.0 + Math.exp((-35 - vPre) / 10));
      const e = Math.exp((-1.0 / ((1.0 - sInf) / 0.025)) * dt);
      expectClose(run.current(), 1e-4 * 0.3 * (-70 - 0), 1e-14, 0, "I");
      expectClose(run.advance(dt)[0], 0.3 * e + sInf * (1.0 - e), 1e-13, 0, `s at v_pre ${vPre}`);
      expectClose(run.steady()[0], sInf, 1e-14, 0, "s_inf");
    }
  });

  it("TanhRateSynapse: I = -gS tanh((v_pre - x_offset) slope)", () => {
    for (const vPre of voltages) {
      const run = one(new TanhRateSynapse().compiled, -50, [], vPre);
      expectClose(run.current(), -1e-4 * Math.tanh((vPre + 70) * 1), 1e-14, 1e-300, `I at ${vPre}`);
    }
  });
});
