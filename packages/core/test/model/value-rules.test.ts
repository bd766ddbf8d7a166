/**
 * The one place for the values `set` accepts and the names `addToGroup` accepts: the
 * library raises the rules' messages, and the pure functions (which the IDE's table and
 * group dialog call) give the same ones.
 */
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import { HH, K, Leak, Na } from "../../src/channels.js";
import { loadNmodl } from "../../src/nmodl/index.js";
import {
  checkValue,
  groupNameProblem,
  mechanismValueRule,
  quantityRule,
  valueProblem,
  valueRule,
} from "../../src/rules.js";
import { STRICTLY_POSITIVE_KEYS } from "../../src/model/value-rules.js";
import { IonotropicSynapse } from "../../src/synapses.js";

function cell(): jx.Cell {
  const c = new jx.Cell(new jx.Branch(new jx.Compartment(), 2), [-1, 0]);
  c.insert(new HH());
  return c;
}

/** The message `set` raises, or null. */
function setError(run: () => void): string | null {
  try {
    run();
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(jx.DendrolabError);
    expect((e as jx.DendrolabError).code).toBe("INVALID_ARGUMENT");
    return (e as Error).message;
  }
}

describe("value rules", () => {
  it("geometry within its physical range, capacitance and resistivity > 0; v within +-200 mV; celsius above absolute zero", () => {
    for (const key of ["axial_resistivity", "capacitance"]) {
      expect(valueProblem(key, 0, valueRule(key))).toMatch(new RegExp(`${key} must be > 0; got 0`));
      expect(valueProblem(key, 1e-3, valueRule(key))).toBeNull();
    }
    expect(valueProblem("length", 0, valueRule("length"))).toMatch(/length must be between 0.001 and 1000000; got 0/);
    expect(valueProblem("radius", 0, valueRule("radius"))).toMatch(/radius must be between 0.001 and 10000; got 0/);
    expect(valueProblem("v", 200, valueRule("v"))).toBeNull();
    expect(valueProblem("v", -200, valueRule("v"))).toBeNull();
    expect(valueProblem("v", 201, valueRule("v"))).toBe(
      "set('v'): v must be between -200 and 200; got 201 (v is an initial voltage (mV)).",
    );
    expect(valueProblem("v", -1000, valueRule("v"))).toMatch(/got -1000/);
    expect(valueProblem("celsius", -300, valueRule("celsius"))).toMatch(/celsius must be >= -273.15; got -300/);
  });

  it("non-numbers and overflow are refused with what was given", () => {
    expect(valueProblem("radius", Number("1e400"), valueRule("radius"))).toBe(
      "set('radius'): value is Infinity; values must be finite numbers.",
    );
    expect(valueProblem("radius", Number.NaN, valueRule("radius"), " (in cell)")).toMatch(/value is NaN \(in cell\)/);
    expect(valueProblem("eNa", "abc", valueRule("eNa"))).toMatch(/value is the string "abc"; a number is needed/);
  });

  it("conductances, permeabilities and concentrations must be >= 0; reversal potentials and shifts take any sign", () => {
    expect(quantityRule("gNa", "S/cm2").low).toBe(0);
    expect(quantityRule("gSK_E2bar", "mho/cm2").low).toBe(0);
    expect(quantityRule("gS", "uS").low).toBe(0);
    expect(quantityRule("gbar", "pS/um2").low).toBe(0);
    expect(quantityRule("pcabar", "cm/s").low).toBe(0);
    expect(quantityRule("minCai", "mM").low).toBe(0);
    expect(quantityRule("gnabar", undefined).low).toBe(0); // by name, when no unit is given
    expect(quantityRule("eNa", "mV").low).toBeUndefined();
    expect(quantityRule("vshift", undefined).low).toBeUndefined();
    expect(quantityRule("depth", "um").low).toBeUndefined();
  });

  it("a model's keys: from its channels' and synapses' specs and ion columns", () => {
    const mechs = [new Na(), new K(), new Leak(), new IonotropicSynapse()];
    expect(mechanismValueRule(mechs, "Na_gNa")).toEqual({ what: "a conductance (S/cm2)", low: 0 });
    expect(mechanismValueRule(mechs, "IonotropicSynapse_gS").low).toBe(0);
    expect(mechanismValueRule(mechs, "eNa").low).toBeUndefined();
    expect(mechanismValueRule(mechs, "vt").low).toBeUndefined();
    expect(mechanismValueRule(mechs, "Leak_eLeak").low).toBeUndefined();
    expect(mechanismValueRule(mechs, "radius")).toEqual(valueRule("radius"));
  });

  it("set raises the rule's message; legitimate negative values pass", () => {
    const c = cell();
    expect(setError(() => c.set("HH_gNa", -0.12))).toBe(
      "set('HH_gNa'): HH_gNa must be >= 0 (in cell); got -0.12 (HH_gNa is a conductance (S/cm2)).",
    );
    expect(setError(() => c.branch(1).set("HH_gK", [0.036, -1]))).toMatch(
      /HH_gK must be >= 0 \(in cell\.branch\(1\)\); got -1/,
    );
    expect(setError(() => c.set("v", 250))).toBe(
      "set('v'): v must be between -200 and 200 (in cell); got 250 (v is an initial voltage (mV)).",
    );
    expect(setError(() => c.set("radius", Number("1e400")))).toMatch(/value is Infinity \(in cell\)/);
    expect(setError(() => c.set("HH_gNa", 0))).toBeNull(); // zero conductance: a channel switched off
    expect(setError(() => c.set("HH_eK", -90))).toBeNull();
    expect(setError(() => c.set("HH_eLeak", -54.3))).toBeNull();
    expect(setError(() => c.set("v", -65))).toBeNull();
    // checkValue throws the same message as set (without the place).
    expect(() => checkValue("v", 250, valueRule("v"))).toThrow(
      "set('v'): v must be between -200 and 200; got 250 (v is an initial voltage (mV)).",
    );
  });

  it("an ion concentration column must be >= 0; its reversal potential takes any sign", () => {
    const CaPump = loadNmodl(`
NEURON { SUFFIX capump USEION ca READ ica WRITE cai RANGE gbar }
PARAMETER { gbar = 0.001 (S/cm2) <0, 1> decay = 80 (ms) }
STATE { cai (mM) }
BREAKPOINT { SOLVE s METHOD cnexp }
DERIVATIVE s { cai' = -ica * 0.01 - cai / decay }
`);
    const c = new jx.Cell(new jx.Branch(new jx.Compartment(), 2), [-1, 0]);
    c.insert(new CaPump());
    expect(setError(() => c.set("cai", -1e-4))).toMatch(
      /cai must be >= 0 \(in cell\); got -0.0001 \(cai is a concentration \(mM\)\)/,
    );
    expect(setError(() => c.set("eca", -20))).toBeNull();
    // NMODL <low, high> limits bound the parameter (from the class's nmodl metadata).
    expect(setError(() => c.set("capump_gbar", 2))).toMatch(
      /capump_gbar must be between 0 and 1 \(in cell\); got 2.*NMODL limits <0, 1>/,
    );
    expect(setError(() => c.set("capump_gbar", 0.5))).toBeNull();
  });
});

describe("group names: one rule", () => {
  it("an identifier: a letter or _, then letters, digits or _", () => {
    for (const ok of ["apical", "fast_spiking", "_x", "L5", "slow_spiking"]) expect(groupNameProblem(ok)).toBeNull();
    expect(groupNameProblem("my group")).toBe(
      "Group name 'my group' is not allowed: a group name starts with a letter or _, then letters, digits or _ (e.g. 'my_group').",
    );
    expect(groupNameProblem("5th")).toMatch(/\(e\.g\. '_5th'\)/);
    expect(groupNameProblem("a-b")).toMatch(/\(e\.g\. 'a_b'\)/);
    expect(groupNameProblem("")).toMatch(/Group name '' is not allowed/);
  });

  it("addToGroup raises the same message, with the place and the existing groups", () => {
    const c = cell();
    c.branch(0).addToGroup("soma");
    expect(() => c.branch(1).addToGroup("my group")).toThrow(
      `${groupNameProblem("my group", " (in cell.branch(1))")} Existing groups: soma.`,
    );
    expect(c.groupNames).toEqual(["soma"]);
  });
});

describe("integrate's params and dataSet share the > 0 keys", () => {
  it("STRICTLY_POSITIVE_KEYS: the keys whose rule is > 0", () => {
    expect([...STRICTLY_POSITIVE_KEYS]).toEqual(["length", "radius", "axial_resistivity", "capacitance"]);
  });
});
