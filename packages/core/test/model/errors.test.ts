/**
 * Bad input: every error says what was given, what is allowed, and where.
 */
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import { HH, Na } from "../../src/channels.js";
import { IonotropicSynapse } from "../../src/synapses.js";
import { checkParents } from "../../src/api/modules.js";

function cell() {
  const c = new jx.Cell(new jx.Branch(new jx.Compartment(), 3), [-1, 0, 0]);
  c.insert(new HH());
  return c;
}

describe("bad input", () => {
  it("unknown key: lists the valid keys and the nearest match", () => {
    const c = cell();
    expect(() => c.set("HH_gna", 0.1)).toThrow(/Unknown key 'HH_gna'.*Valid: .*HH_gNa.*Did you mean 'HH_gNa'\?/s);
    expect(() => c.set("radus", 1)).toThrow(/Did you mean 'radius'/);
  });

  it("index out of range: names the level and the valid range", () => {
    const c = cell();
    expect(() => c.branch(3)).toThrow(/branch index 3 is out of range \(in cell\) \(valid: 0 to 2\)/);
    expect(() => c.branch(0).comp(5)).toThrow(
      /comp index 5 is out of range \(in cell\.branch\(0\)\) \(valid: 0 to 2\)/,
    );
    expect(() => c.cell(1)).toThrow(/cell index 1 is out of range.*valid: 0 to 0/);
    expect(() => c.branch(-1)).toThrow(/branch index -1 is out of range/);
    expect(() => c.branch(1.5)).toThrow(/branch index must be an integer.*1\.5/);
    expect(() => c.loc(1.2)).toThrow(/loc\(x\) needs x in \[0, 1\].*1\.2/);
  });

  it("non-positive geometry and passive values", () => {
    const c = cell();
    for (const key of ["length", "radius", "capacitance", "axial_resistivity"]) {
      const allowed = key === "length" || key === "radius" ? "between 0.001 and" : "> 0";
      expect(() => c.set(key, 0)).toThrow(new RegExp(`${key} must be ${allowed}.*got 0`));
      expect(() => c.set(key, -1)).toThrow(new RegExp(`${key} must be ${allowed}.*got -1`));
    }
  });

  it("NaN and infinite values", () => {
    const c = cell();
    expect(() => c.set("HH_gNa", NaN)).toThrow(/set\('HH_gNa'\): value is NaN.*finite numbers/);
    expect(() => c.branch(0).set("v", [-70, Infinity, -70])).toThrow(/value #1 is Infinity/);
  });

  it("a wrong number of per-row values", () => {
    const c = cell();
    expect(() => c.branch(0).set("radius", [1, 2])).toThrow(/got 2 values but the view has 3 rows/);
  });

  it("parents lists that are not trees", () => {
    const b = new jx.Branch(new jx.Compartment(), 1);
    expect(() => new jx.Cell(b, [0, 0])).toThrow(/parents\[0\] must be -1/);
    expect(() => new jx.Cell(b, [-1, 2, 1])).toThrow(/not a tree: branch 1 leads into a cycle/);
    expect(() => new jx.Cell(b, [-1, 5])).toThrow(/parents\[1\] is 5; it must be a branch index from 0 to 1/);
    expect(() => new jx.Cell(b, [-1, -1])).toThrow(/parents\[1\] is -1/);
    expect(() => new jx.Cell(b, [-1, 1])).toThrow(/own parent/);
    expect(() => new jx.Cell([b, b], [-1, 0, 0])).toThrow(/2 branches but 3 parents/);
    // Cycles anywhere, including ones that join a part already checked.
    expect(() => checkParents([-1, 0, 3, 4, 2])).toThrow(/branch 2 leads into a cycle through branch 2/);
    expect(() => checkParents([-1, 0, 1, 4, 3])).toThrow(/branch 3 leads into a cycle through branch 3/);
    expect(() => checkParents([-1, 0, 0, 1, 1, 2, 5])).not.toThrow();
  });

  it("checks long chains in linear time, and names a long list by its start and length", () => {
    // 200,000 branches in a chain (a hostile link's model): a walk per branch up to the
    // root took minutes; one walk per branch that stops at a checked branch is linear.
    const n = 200_000;
    const chain = Array.from({ length: n }, (_, i) => i - 1);
    let ops = 0;
    const counted = new Proxy(chain, {
      get(t, k, r) {
        if (typeof k === "string" && /^\d+$/.test(k)) ops++;
        return Reflect.get(t, k, r);
      },
    });
    expect(() => checkParents(counted)).not.toThrow();
    expect(ops).toBeLessThan(4 * n);
    // The end of the chain loops back: the message shows 20 entries and the length.
    const looped = [...chain, n - 1];
    looped[n - 1] = n;
    let message = "";
    try {
      checkParents(looped);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/not a tree: branch \d+ leads into a cycle/);
    expect(message).toContain("(200001 entries)");
    expect(message.length).toBeLessThan(300);
  });

  it("stimuli of the wrong shape", () => {
    const c = cell();
    expect(() =>
      c.branch(0).stimulate([
        [0, 1],
        [0, 1],
      ]),
    ).toThrow(/got 2 rows but the view has 3 targets/);
    expect(() => c.branch(0).comp(0).stimulate([])).toThrow(/no samples/);
    expect(() => c.branch(0).comp(0).stimulate([0, NaN])).toThrow(/sample 1 is NaN/);
    expect(() => c.branch(0).stimulate([[0, 1], [0], [1, 1]])).toThrow(/row 1 has 1 samples, row 0 has 2/);
  });

  it("integrate with no recordings, bad time step, unknown solver or option", () => {
    const c = cell();
    expect(() => jx.integrate(c, { tMax: 1 })).toThrow(/nothing is recorded/);
    c.branch(0).comp(0).record();
    expect(() => jx.integrate(c, { tMax: 1, deltaT: 0 })).toThrow(/deltaT must be a finite number of ms > 0; got 0/);
    expect(() => jx.integrate(c, { tMax: 1, deltaT: -0.1 })).toThrow(/got -0\.1/);
    expect(() => jx.integrate(c, { tMax: 1, solver: "rk4" as jx.SolverName })).toThrow(
      /unknown solver 'rk4'.*bwd_euler, crank_nicolson, fwd_euler/,
    );
    expect(() => jx.integrate(c, { tmax: 1 } as never)).toThrow(/Unknown integrate option 'tmax'/);
    expect(() => jx.integrate(c)).toThrow(/give tMax/);
  });

  it("recording an unknown state lists what can be recorded", () => {
    const c = cell();
    expect(() => c.record("HH_x")).toThrow(/Unknown state 'HH_x'.*HH_m.*i_HH/);
    expect(() => c.record("Na_m")).toThrow(/Unknown state 'Na_m'/);
  });

  it("channel and group mistakes", () => {
    const c = cell();
    expect(() => c.insert(Na as never)).toThrow(/insert\(\) expects a channel instance.*write new Na\(\)/);
    expect(() => c.insert(new IonotropicSynapse() as never)).toThrow(/is a synapse.*connect/);
    expect(() => c.group("apical")).toThrow(/Unknown group 'apical'.*Valid: \(none\)/);
    c.branch(1).addToGroup("apical");
    expect(() => c.group("apicl")).toThrow(/Unknown group 'apicl'.*Valid: apical.*Did you mean 'apical'/);
    expect(() => c.addToGroup("HH")).toThrow(/clashes with a mechanism/);
    expect(() => c.addToGroup("branch")).toThrow(/clashes with a member/);
    expect(() => (c as unknown as Record<string, jx.View>).apicl).toThrow(
      /'apicl' is not a method, a group, a channel or a synapse.*apical/,
    );
  });

  it("a simulation that produces NaN says where and when", () => {
    const c = cell();
    c.branch(2).comp(1).record();
    c.set("HH_gNa", 1e12); // absurd conductance
    expect(() => jx.integrate(c, { tMax: 5, solver: "fwd_euler" })).toThrow(
      /non-finite voltage .* at cell 0, branch \d, comp \d .* at t = /,
    );
  });
});
