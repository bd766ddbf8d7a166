/**
 * The ion, concentration and temperature pieces of the mechanism spec, on their own.
 */
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import * as l5pc from "../../src/channels-l5pc.js";
import { HH } from "../../src/channels.js";
import { nernst } from "../../src/mechanisms/ions.js";

describe("celsius and ion columns", () => {
  it("celsius is a column with NEURON's default 6.3, settable, and does not change built-in channels", () => {
    const run = (celsius?: number) => {
      const c = new jx.Compartment();
      c.insert(new HH());
      if (celsius !== undefined) c.set("celsius", celsius);
      c.record("v");
      c.stimulate(jx.stepCurrent(1, 2, 0.2, 0.025, 10));
      return jx.simulate(c).values;
    };
    const c = new jx.Compartment();
    // Shown in .view once it matters: set away from the default, or read by a mechanism.
    expect(c.view.columns).not.toContain("celsius");
    c.set("celsius", 34);
    expect(c.view.column("celsius")).toEqual([34]);
    const d = new jx.Compartment();
    d.insert(new l5pc.Ca_HVA());
    expect(d.view.column("celsius")).toEqual([6.3]);
    expect(run(34)).toEqual(run());
  });

  it("ion columns appear with NEURON's defaults where the ion is used", () => {
    const c = new jx.Compartment();
    c.insert(new l5pc.Ca_HVA());
    c.insert(new l5pc.Im());
    const t = c.view;
    expect([t.column("eca")[0], t.column("cai")[0], t.column("cao")[0]]).toEqual([132.4579341637009, 5e-5, 2]);
    expect([t.column("ek")[0], t.column("ki")[0], t.column("ko")[0]]).toEqual([-77, 54.4, 2.5]);
    expect(() => c.set("ena", 50)).toThrow(/Unknown key 'ena'/);
  });

  it("Nernst follows NEURON 8.2's constants (eca at 34 C for cai 5e-5, cao 2)", () => {
    expect(nernst(5e-5, 2, 2, 34)).toBe(140.23660113151266);
  });

  it("initStates sets eca to Nernst where cai is written, at the compartment's celsius", () => {
    const c = new jx.Compartment();
    c.insert(new l5pc.Ca_HVA());
    c.insert(new l5pc.CaDynamics_E2());
    c.set("cai", 1e-3);
    c.set("celsius", 34);
    c.initStates();
    expect(c.view.column("cai")[0]).toBe(5e-5);
    expect(c.view.column("eca")[0]).toBe(140.23660113151266);
  });

  it("the result does not depend on insertion order (concentration writers advance first)", () => {
    const run = (order: string[]) => {
      const c = new jx.Compartment();
      const make: Record<string, () => jx.Mechanism> = {
        sk: () => new l5pc.SK_E2(),
        hva: () => new l5pc.Ca_HVA(),
        dyn: () => new l5pc.CaDynamics_E2(),
      };
      for (const o of order) c.insert(make[o]());
      c.set("Ca_HVA_gCa_HVAbar", 0.001);
      c.set("SK_E2_gSK_E2bar", 0.01);
      c.set("v", -65);
      c.initStates();
      c.record("v");
      c.record("cai");
      c.stimulate(jx.stepCurrent(1, 5, 0.05, 0.025, 20));
      return jx.simulate(c).values;
    };
    expect(run(["dyn", "hva", "sk"])).toEqual(run(["sk", "hva", "dyn"]));
  });
});

describe("spec errors", () => {
  const base = { name: "X", params: { g: 1 }, states: {}, gates: {} };
  it("an unknown species needs a valence", () => {
    expect(() => jx.defineChannel({ ...base, ions: { zz: { read: ["ezz"] } }, current: "g * (v - ezz)" })).toThrow(
      /ion "zz" needs a valence/,
    );
  });
  it("a written current needs its expression", () => {
    expect(() => jx.defineChannel({ ...base, ions: { k: { read: ["ek"], write: ["ik"] } } })).toThrow(
      /ion current "ik" is written, so ionCurrents needs an expression/,
    );
  });
  it("a written concentration needs a state of that name", () => {
    expect(() => jx.defineChannel({ ...base, ions: { ca: { read: ["ica"], write: ["cai"] } } })).toThrow(
      /writes the concentration cai, so "states" needs a state "cai"/,
    );
  });
  it("ion currents may be read in gates only", () => {
    expect(() => jx.defineChannel({ ...base, ions: { ca: { read: ["ica"] } }, current: "g * ica" })).toThrow(
      /current uses the ion current "ica"; ion currents may be read in gates only/,
    );
  });
  it("a rate gate must be linear in its state", () => {
    const X = jx.defineChannel({ ...base, states: { x: 0 }, gates: { x: { rate: "-x * x" } } });
    expect(() => new X().compiled).toThrow(/gate "x" \(rate\) is not linear in "x"/);
  });
});

describe("rate gates", () => {
  it("advance as NEURON's cnexp, exact for a linear equation", () => {
    const Decay = jx.defineChannel({
      name: "Decay",
      params: { tau: 10, a: 2 },
      states: { x: 1 },
      gates: { x: { rate: "a - x / tau" } },
    });
    const c = new jx.Compartment();
    c.insert(new Decay());
    c.record("Decay_x");
    const r = jx.simulate(c, { tMax: 5, deltaT: 0.025 });
    const exact = 20 + (1 - 20) * Math.exp(-5 / 10);
    expect(Math.abs(r.values[r.nSamples - 1] - exact)).toBeLessThan(1e-12);
  });
});
