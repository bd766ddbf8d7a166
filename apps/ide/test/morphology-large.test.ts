/**
 * Large morphologies are drawn in bounded work (issue 12, point 8): a 100,000-compartment
 * network is drawn as one polyline per run of a colour along a branch, without points
 * closer than a pixel, and colouring by a parameter of 300,000 compartments does not
 * spread them into Math.min.
 */
import { computeXyz } from "@dendrolab/core/layout";
import { describe, expect, it } from "vitest";
import type { ModelSummary } from "../src/protocol/model.js";
import { morphologyTraces } from "../src/ui/plots/morphology-data.js";
import { DECIMATE_FROM, finiteRange, memberPolylines, pixelSize } from "../src/ui/plots/morphology-decimate.js";

/** A summary of `nCells` cells of `nBranches` branches (a binary tree) of `ncomp` compartments, laid out. */
function summary(nCells: number, nBranches: number, ncomp: number): ModelSummary {
  const parents = Array.from({ length: nBranches }, (_, b) => (b === 0 ? -1 : Math.floor((b - 1) / 2)));
  const topo = { parents, parentX: parents.map(() => 1), ncomp: parents.map(() => ncomp) };
  const layout = computeXyz(Array.from({ length: nCells }, () => topo));
  const cell = { branches: parents.map((p) => ({ parent: p, ncomp })) };
  const nComp = nCells * nBranches * ncomp;
  return {
    nComp,
    cells: Array.from({ length: nCells }, () => cell),
    groups: [{ name: "first", nodes: Array.from({ length: nBranches * ncomp }, (_, i) => i) }],
    coords: {
      x: Array.from(layout.x),
      y: Array.from(layout.y),
      z: Array.from(layout.z),
      branchPaths: layout.branchPaths,
      source: "layout",
    },
  } as unknown as ModelSummary;
}

const points = (traces: Array<Record<string, unknown>>) =>
  traces.reduce((n, t) => n + (t.x as unknown[]).filter((v) => v !== null).length, 0);

describe("large morphologies", () => {
  it("draw a 100,000-compartment network with far fewer points than compartments", () => {
    const s = summary(100, 100, 10);
    expect(s.nComp).toBe(100_000);
    const traces = morphologyTraces(s, {
      dims: "2d",
      values: null,
      valueKey: "group",
      selected: [5],
      highlightGroup: null,
    });
    expect(traces.map((t) => t.name)).toEqual(["no group", "first", "selected"]);
    // Drawn undecimated this was 3 points per compartment (300,000); bounded by runs and pixels now.
    expect(points(traces)).toBeLessThan(30_000);
    // The drawing still spans the whole network: its extreme points are drawn.
    const xs = traces.flatMap((t) => (t.x as Array<number | null>).filter((v): v is number => v !== null));
    const [lo, hi] = finiteRange(xs);
    const [mlo, mhi] = finiteRange(s.coords.branchPaths.flat().map((p) => p[0]));
    const px = pixelSize(s);
    expect(lo).toBeLessThanOrEqual(mlo + px);
    expect(hi).toBeGreaterThanOrEqual(mhi - px);
    // Every point names the compartment it stands for, for clicks.
    const cd = (traces[1].customdata as Array<number | null>).filter((v) => v !== null) as number[];
    expect(cd.every((n) => n >= 0 && n < 1000)).toBe(true);
  });

  it("colour 300,000 compartments by value without a stack overflow", () => {
    const s = summary(1, 30_000, 10);
    const values = Array.from({ length: s.nComp }, (_, i) => i);
    const traces = morphologyTraces(s, { dims: "2d", values, valueKey: "radius", selected: [], highlightGroup: null });
    expect(traces).toHaveLength(8);
    expect(String(traces[0].name)).toMatch(/^radius 0\.00–3\.75e\+4$/);
  });

  it("join a run of compartments into one polyline and drop points within a pixel", () => {
    const s = summary(1, 1, 5);
    const all = new Uint8Array(5).fill(1);
    const full = memberPolylines(s, all, 0, false);
    expect(full.x.filter((v) => v !== null)).toHaveLength(7); // start, 5 centres, end
    const straight = memberPolylines(s, all, 1e-6, false);
    expect(straight.y).toEqual([full.y[0], full.y[6], null]); // a straight run: only its ends
    const middle = memberPolylines(s, Uint8Array.from([0, 1, 1, 0, 0]), 0, false);
    expect(middle.customdata).toEqual([1, 1, 2, 2, null]);
    expect(middle.y[0]).toBeCloseTo(10, 9); // half-way between the centres of comps 0 and 1
    expect(DECIMATE_FROM).toBeLessThanOrEqual(100_000);
  });
});
