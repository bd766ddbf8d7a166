/** simulateWatched: the same run as simulate, and the first voltage outside -200..200 mV, with where and when. */
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import { HH } from "../../src/channels.js";

/** Two branches of 2 compartments, HH, a 1 nA step at cell 0 / branch 1 / comp 1 from 1 ms, recording at the root. */
function cell(radius: number): jx.Cell {
  const c = new jx.Cell(new jx.Branch(new jx.Compartment(), 2), [-1, 0]);
  c.insert(new HH());
  c.set("radius", 1);
  c.branch(1).set("radius", radius);
  c.branch(1)
    .comp(1)
    .stimulate(jx.stepCurrent(1, 5, 1, 0.025, 10));
  c.branch(0).comp(0).record("v");
  return c;
}

describe("simulateWatched", () => {
  it("a thin branch under 1 nA: the first sample beyond 200 mV, at the stimulated compartment, though it is not recorded", () => {
    const c = cell(0.05);
    const r = jx.simulateWatched(c, { tMax: 10 });
    expect(r.values).toEqual(jx.simulate(c, { tMax: 10 }).values);
    const e = r.excursion!;
    expect(e).not.toBeNull();
    expect([e.cell, e.branch, e.comp, e.globalComp]).toEqual([0, 1, 1, 3]);
    expect(Math.abs(e.v)).toBeGreaterThan(200);
    // The step starts at 1 ms (sample 40); the voltage crosses within the next steps.
    expect(e.tMs).toBeGreaterThan(1);
    expect(e.tMs).toBeLessThan(2);
    expect(Math.round(e.tMs / 0.025) * 0.025).toBeCloseTo(e.tMs, 12);
    expect(e.message).toMatch(
      /^v left -200\.\.200 mV: -?\d+\.\d mV at cell 0, branch 1, comp 1 \(global compartment 3\) at t = 1\.\d{3} ms$/,
    );
    // Independently: recording that compartment shows the crossing at the same sample.
    c.branch(1).comp(1).record("v");
    const v = jx.simulate(c, { tMax: 10 }).values.subarray(401);
    const first = v.findIndex((x) => Math.abs(x) > 200);
    expect(first * 0.025).toBeCloseTo(e.tMs, 12);
    expect(v[first]).toBeCloseTo(e.v, 9);
  });

  it("a normal cell: no excursion; a limit below the resting voltage finds it at t = 0", () => {
    const c = cell(1);
    expect(jx.simulateWatched(c, { tMax: 10 }).excursion).toBeNull();
    const low = jx.simulateWatched(c, { tMax: 10 }, 69).excursion!;
    expect([low.limitMv, low.tMs, low.v, low.globalComp]).toEqual([69, 0, -70, 0]);
  });
});
