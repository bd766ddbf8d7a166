/**
 * Values that used to give silent nonsense (issue 12, point 11): geometry outside its
 * physical range, gating states outside 0..1, strings for numbers, a recording of an
 * empty view. Each is now refused by `set`, `makeTrainable`, `dataSet`, `params`,
 * `clamp`/`dataClamp` and `record`, with a message that says what was given and what is
 * allowed.
 */
import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import { HH } from "../../src/channels.js";
import * as jx from "../../src/index.js";
import {
  GATING_STATE_RULE,
  MAX_LENGTH_UM,
  MAX_RADIUS_UM,
  MIN_GEOMETRY_UM,
  mechanismValueRule,
  runValueRule,
} from "../../src/rules.js";
import { IonotropicSynapse } from "../../src/synapses.js";

function cell(): jx.Cell {
  const c = new jx.Cell(new jx.Branch(new jx.Compartment(), 2), [-1, 0]);
  c.insert(new HH());
  return c;
}

/** The DendrolabError `run` raises (its code checked), as its message. */
function refused(run: () => unknown, code = "INVALID_ARGUMENT"): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(jx.DendrolabError);
    expect((e as jx.DendrolabError).code).toBe(code);
    return (e as Error).message;
  }
  throw new Error("expected a refusal");
}

describe("geometry within its physical range", () => {
  it("refuses the issue's length 1e-300 and radius 1e-30, and lengths and radii beyond 1 m and 1 cm", () => {
    expect(refused(() => cell().set("length", 1e-300))).toBe(
      "set('length'): length must be between 0.001 and 1000000 (in cell); got 1e-300 (length is a length (um)).",
    );
    expect(refused(() => cell().set("radius", 1e-30))).toMatch(/radius must be between 0.001 and 10000.*got 1e-30/);
    expect(refused(() => cell().set("length", 2e6))).toMatch(/got 2000000/);
    expect(refused(() => cell().set("radius", 2e4))).toMatch(/got 20000/);
    expect(refused(() => cell().branch(0).set("radius", [1, 1e-9]))).toMatch(/value #1 is|got 1e-9/);
  });

  it("accepts the bounds themselves, and the run stays finite there", () => {
    const c = cell();
    c.branch(1).set("length", MIN_GEOMETRY_UM);
    c.branch(1).set("radius", MIN_GEOMETRY_UM);
    c.branch(0).set("length", MAX_LENGTH_UM);
    c.branch(0).set("radius", MAX_RADIUS_UM);
    c.branch(1).comp(0).record("v");
    const r = jx.simulate(c, { tMax: 1 });
    expect(r.values.every(Number.isFinite)).toBe(true);
  });

  it("holds trained and data-set geometry to the same range (params, dataSet, makeTrainable)", () => {
    const c = cell();
    c.record("v");
    expect(refused(() => c.makeTrainable("radius", 1e-30))).toMatch(
      /makeTrainable\('radius'\): initial value 1e-30 \(in cell\); radius must be between 0.001 and 10000/,
    );
    expect(refused(() => jx.simulate(c, { tMax: 1, paramState: c.dataSet("length", 1e-5) }))).toMatch(
      /dataSet\('length'\): value 0 is 0\.0000099999997[0-9]*; length must be between 0.001 and 1000000/,
    );
    c.makeTrainable("radius");
    expect(refused(() => jx.integrate(c, { tMax: 1, params: [{ radius: tf.tensor1d([1e-30]) }] }))).toMatch(
      /params\[0\]\.radius\[0\] is 1\.0000000031[0-9]*e-30; radius must be between 0.001 and 10000/,
    );
  });
});

describe("gating states within 0..1", () => {
  it("refuses the issue's HH_m -1e10 in set, makeTrainable, dataSet and clamp; accepts 0 and 1", () => {
    const c = cell();
    expect(refused(() => c.set("HH_m", -1e10))).toBe(
      "set('HH_m'): HH_m must be between 0 and 1 (in cell); got -10000000000 (HH_m is a gating state (a fraction of open gates)).",
    );
    expect(refused(() => c.set("HH_h", 1.5))).toMatch(/HH_h must be between 0 and 1/);
    c.set("HH_m", 0);
    c.set("HH_n", 1);
    expect(refused(() => c.makeTrainable("HH_m", 2))).toMatch(/HH_m must be between 0 and 1/);
    c.record("v");
    expect(refused(() => jx.simulate(c, { tMax: 1, paramState: c.dataSet("HH_m", -0.5) }))).toMatch(
      /dataSet\('HH_m'\): value 0 is -0.5; HH_m must be between 0 and 1/,
    );
    expect(refused(() => c.branch(0).comp(0).clamp("HH_m", [0.5, 3]))).toBe(
      "clamp('HH_m'): sample 1 is 3 (in cell.branch(0).comp(0)); HH_m must be between 0 and 1 (HH_m is a gating state (a fraction of open gates)).",
    );
    expect(
      refused(() => jx.simulate(c, { tMax: 1, dataClamps: c.branch(0).comp(0).dataClamp("HH_m", [0.1, -2]) })),
    ).toMatch(/clamp\('HH_m'\): sample 1 is -2; HH_m must be between 0 and 1/);
  });

  it("applies to gates in rate and steady-state form without a unit, not to concentrations", () => {
    const hh = new HH();
    expect(mechanismValueRule([hh], "HH_m")).toBe(GATING_STATE_RULE);
    expect(runValueRule([hh], "HH_m")).toBe(GATING_STATE_RULE);
    expect(runValueRule([hh], "HH_gNa")).toBeNull(); // conductances may pass through < 0 while training
    const syn = new IonotropicSynapse(); // s: inf/tau form
    expect(mechanismValueRule([syn], `${syn.name}_s`)).toBe(GATING_STATE_RULE);
    const conc = {
      name: "Cad",
      spec: { params: {}, states: { cai: { default: 5e-5, unit: "mM" } }, gates: { cai: { rate: "-cai" } } },
    };
    expect(mechanismValueRule([conc], "cai")).not.toBe(GATING_STATE_RULE);
    expect(runValueRule([conc], "Cad_cai")).toBeNull();
  });

  it("holds clamped voltages within +-200 mV", () => {
    const c = cell();
    expect(refused(() => c.branch(0).comp(0).clamp("v", [-65, 1000]))).toMatch(
      /clamp\('v'\): sample 1 is 1000 \(in cell.branch\(0\).comp\(0\)\); v must be between -200 and 200 \(v is a voltage \(mV\)\)/,
    );
  });
});

describe("strings where numbers are needed", () => {
  it("set('radius', '2') says a string was given (it used to say 'got 1 values')", () => {
    const m = refused(() => cell().set("radius", "2" as never));
    expect(m).toBe(
      "set('radius'): value is the string \"2\" (in cell); a number is needed (write radius values without quotes, e.g. set('radius', 2)).",
    );
    expect(m).not.toMatch(/got 1 values/);
    expect(
      refused(() =>
        cell()
          .branch(0)
          .set("HH_gNa", ["0.1", "0.2"] as never),
      ),
    ).toMatch(/value #0 is the string "0.1" \(in cell.branch\(0\)\); a number is needed/);
    expect(refused(() => cell().makeTrainable("radius", "2" as never))).toMatch(
      /initVal is the string "2" \(in cell\): a number is needed/,
    );
  });
});

describe("record() on an empty view", () => {
  it("is an error like stimulate()'s (it used to do nothing)", () => {
    const c = cell();
    const empty = c.select({ nodes: [] });
    expect(refused(() => empty.record(), "EMPTY_SELECTION")).toBe(
      "record('v'): the view holds no compartments (in cell.select(...)); select at least one compartment or synapse.",
    );
    expect(refused(() => empty.stimulate(new Float64Array(3)), "EMPTY_SELECTION")).toMatch(/the view is empty/);
    expect(c.base.recordings).toHaveLength(0);
  });
});
