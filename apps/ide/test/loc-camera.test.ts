/** Instrument places (loc along a branch), the 3-D camera fit, and the dt convergence comparison. */
import { describe, expect, it } from "vitest";
import { compareRuns, spikeTimes, withinTolerance } from "../src/session/convergence.js";
import { allPlaces, instrumentPlaces, locExpressions, locIndex } from "../src/session/loc.js";
import { branchKey, cellKey, compKey } from "../src/session/selection.js";
import { Topology } from "../src/session/topology.js";
import { fitEye, fittedScene } from "../src/ui/plots/camera-fit.js";

const topo = new Topology([
  {
    branches: [
      { parent: -1, ncomp: 4 },
      { parent: 0, ncomp: 2 },
    ],
  },
]);

describe("instrument places", () => {
  it("loc(x) picks the library's compartment: floor(x ncomp), the last at x = 1", () => {
    expect([0, 0.24, 0.25, 0.5, 0.99, 1].map((x) => locIndex(x, 4))).toEqual([0, 0, 1, 2, 3, 3]);
  });

  it("a selected compartment is itself; a branch is its first compartment, or loc(x) when given", () => {
    const sel = { keys: [compKey(0, 0, 2), branchKey(0, 1)], anchor: null };
    expect(instrumentPlaces(sel, topo)).toEqual({ nodes: [2, 4], loc: null });
    const at = instrumentPlaces(sel, topo, 0.9);
    expect(at).toEqual({ nodes: [2], loc: { x: 0.9, nodes: [5] } });
    expect(allPlaces(at)).toEqual([2, 5]);
    expect(locExpressions(topo, at.loc!, "net")).toEqual(["net.cell(0).branch(1).loc(0.9)"]);
    expect(instrumentPlaces({ keys: [cellKey(0)], anchor: null }, topo, 0.9)).toEqual({ nodes: [0], loc: null });
  });
});

describe("the 3-D camera fit", () => {
  /** Is every corner of the box inside a perspective view of vertical fov π/4 from `eye`? */
  function inside(aspect: { x: number; y: number; z: number }, eye: { x: number; y: number; z: number }, a: number) {
    const e = [eye.x, eye.y, eye.z];
    const d = Math.hypot(...e);
    const f = e.map((v) => -v / d); // looking at the origin
    const up = [0, 1, 0];
    const r = [f[1] * up[2] - f[2] * up[1], f[2] * up[0] - f[0] * up[2], f[0] * up[1] - f[1] * up[0]];
    const rn = Math.hypot(...r);
    const right = r.map((v) => v / rn);
    const u = [right[1] * f[2] - right[2] * f[1], right[2] * f[0] - right[0] * f[2], right[0] * f[1] - right[1] * f[0]];
    const t = Math.tan(Math.PI / 8);
    for (const sx of [-1, 1])
      for (const sy of [-1, 1])
        for (const sz of [-1, 1]) {
          const c = [(sx * aspect.x) / 2 - e[0], (sy * aspect.y) / 2 - e[1], (sz * aspect.z) / 2 - e[2]];
          const depth = c[0] * f[0] + c[1] * f[1] + c[2] * f[2];
          const x = (c[0] * right[0] + c[1] * right[1] + c[2] * right[2]) / (depth * t * a);
          const y = (c[0] * u[0] + c[1] * u[1] + c[2] * u[2]) / (depth * t);
          if (!(depth > 0 && Math.abs(x) <= 1 && Math.abs(y) <= 1)) return false;
        }
    return true;
  }

  it("puts the eye far enough for tall, wide and flat boxes in wide and tall viewports", () => {
    for (const aspect of [
      { x: 0.2, y: 1, z: 0.25 },
      { x: 1, y: 0.3, z: 0.1 },
      { x: 1, y: 1, z: 1 },
    ])
      for (const a of [0.6, 1.7, 3]) expect(inside(aspect, fitEye(aspect, a), a)).toBe(true);
    // The old fixed eye clipped a tall cell in a wide panel.
    expect(inside({ x: 0.2, y: 1, z: 0.25 }, { x: 0.12, y: -0.45, z: 0.95 }, 1.7)).toBe(false);
  });

  it("sets the axis ranges from every point, so nothing is outside the box", () => {
    const s = fittedScene({ x: [0, 10], y: [-500, 0], z: [0, 0] }, 1.7);
    expect(s.yaxis.range[0]).toBeLessThan(-500);
    expect(s.yaxis.range[1]).toBeGreaterThan(0);
    expect(s.aspectratio.y).toBe(1);
    expect(s.aspectratio.z).toBeGreaterThan(0); // a flat cell still has a box
  });
});

describe("the dt convergence comparison", () => {
  const traces = (dt: number, f: (t: number) => number, tMax = 10) => {
    const n = Math.round(tMax / dt) + 1;
    return {
      dt,
      nSamples: n,
      ms: 0,
      rows: [
        { label: "cell 0 · branch 0 · comp 0 · v", values: Float32Array.from({ length: n }, (_, k) => f(k * dt)) },
      ],
    };
  };

  it("finds interpolated 0 mV crossings", () => {
    expect(spikeTimes([-10, 10, 20, -5, 5], 0.5)).toEqual([0.25, 1.75]);
  });

  it("compares at common times, reports the largest |Δv| and spike shift, and applies the tolerance", () => {
    const coarse = traces(0.1, (t) => (t < 2 ? -65 : 20));
    const fine = traces(0.05, (t) => (t < 2.05 ? -65 : 20));
    const s = compareRuns(coarse, fine);
    expect(s.maxDv).toBeCloseTo(85, 4);
    expect(s.maxDvAt?.t).toBeCloseTo(2, 6);
    expect(s.spikes).toEqual([1, 1]);
    expect(s.maxShift).toBeGreaterThan(0.01);
    expect(withinTolerance(s, { mV: 4, ms: 0.05 })).toBe(false);
    const same = compareRuns(
      coarse,
      traces(0.05, (t) => (t < 2 ? -65 : 20)),
    );
    expect(same.maxDv).toBe(0);
    expect(withinTolerance(same, { mV: 4, ms: 0.05 })).toBe(true);
    const lost = compareRuns(
      coarse,
      traces(0.05, () => -65),
    );
    expect(lost.maxShift).toBe(Number.POSITIVE_INFINITY);
  });
});
