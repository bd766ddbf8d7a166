/**
 * Large legitimate inputs (issue 12, point 8): a 110,000-sample SWC (a long chain and a
 * deep tree), a 1,000,000-compartment model and a 10,000-tooth comb must load, lay out
 * and round-trip without "Maximum call stack size exceeded" or quadratic work.
 */
import { describe, expect, it } from "vitest";
import { checkParents } from "../../src/api/modules.js";
import * as jx from "../../src/sim.js";

const SAMPLES = 110_000;

/** A soma and one dendrite of `n - 1` samples along x: one branch with a very long path. */
function chainSwc(n: number): string {
  const lines = ["1 1 0 0 0 5 -1"];
  for (let i = 2; i <= n; i++) lines.push(`${i} 3 ${i} 0 0 0.5 ${i - 1}`);
  return lines.join("\n");
}

/** A backbone with a one-sample side branch at every other sample: ~n/2 branch points, tree depth ~n/2. */
function deepTreeSwc(n: number): string {
  const lines = ["1 1 0 0 0 5 -1"];
  let id = 2;
  let backbone = 1;
  while (id <= n) {
    lines.push(`${id} 3 ${id} 0 0 0.5 ${backbone}`);
    backbone = id++;
    if (id <= n) {
      lines.push(`${id} 3 ${id} 3 0 0.5 ${backbone}`);
      id++;
    }
  }
  return lines.join("\n");
}

/** A comb: a backbone of `teeth` branches, each with a one-branch tooth. */
function combParents(teeth: number): number[] {
  const parents = [-1];
  for (let t = 0; t < teeth; t++) {
    const b = parents.length - (t === 0 ? 1 : 2);
    parents.push(b, b);
  }
  return parents;
}

describe("a 110,000-sample SWC", () => {
  it("reads and lays out a long chain", () => {
    const text = chainSwc(SAMPLES);
    expect(text.length).toBeLessThan(5e6); // under the IDE's import limit
    const cell = jx.readSwc(text, { ncomp: 4 });
    const { x, branchPaths } = jx.computeXyz(cell.base.cells);
    expect(x.length).toBe(cell.nComp);
    const points = branchPaths.reduce((s, p) => s + p.length, 0);
    expect(points).toBeGreaterThanOrEqual(SAMPLES);
    const tip = branchPaths[branchPaths.length - 1].at(-1)!;
    expect(tip[0]).toBeCloseTo(SAMPLES, 6); // the dendrite runs along x to 110,000 um
  });

  it("reads, lays out and round-trips a deep tree (~55,000 branch points), under both readings", () => {
    const text = deepTreeSwc(SAMPLES);
    for (const reading of ["jaxley", "neuron"] as const) {
      const cell = jx.readSwc(text, { ncomp: 1, reading });
      expect(cell.base.cells[0].parents.length).toBeGreaterThan(SAMPLES / 2);
      const { x } = jx.computeXyz(cell.base.cells);
      expect(x.length).toBe(cell.nComp);
      expect(x.every(Number.isFinite)).toBe(true);
      const back = jx.deserializeModel(JSON.parse(JSON.stringify(jx.serializeModel(cell))));
      expect(back.nComp).toBe(cell.nComp);
    }
  });
});

describe("a 1,000,000-compartment model", () => {
  it("is built and laid out (a chain of 100,000 branches of 10 compartments)", () => {
    const parents = Array.from({ length: 100_000 }, (_, i) => i - 1);
    const cell = new jx.Cell(new jx.Branch(new jx.Compartment(), 10), parents);
    expect(cell.nComp).toBe(1_000_000);
    const { x, y, branchPaths } = jx.computeXyz(cell.base.cells);
    expect(x.length).toBe(1_000_000);
    expect(branchPaths).toHaveLength(100_000);
    // Every branch starts at its parent's tip: the last branch starts where the one before ends.
    const last = branchPaths[99_999];
    const prev = branchPaths[99_998];
    expect(last[0][0]).toBeCloseTo(prev[prev.length - 1][0], 6);
    expect(last[0][1]).toBeCloseTo(prev[prev.length - 1][1], 6);
    expect(Number.isFinite(x[999_999]) && Number.isFinite(y[999_999])).toBe(true);
  });
});

describe("a 10,000-tooth comb", () => {
  it("is deserialised, with every branch", () => {
    const cell = new jx.Cell(new jx.Branch(new jx.Compartment(), 1), combParents(10_000));
    const back = jx.deserializeModel(JSON.parse(JSON.stringify(jx.serializeModel(cell))));
    expect(back.base.cells[0].parents).toEqual(cell.base.cells[0].parents);
  });

  it("has its tree checked in linear work (parent reads counted)", () => {
    const parents = combParents(10_000);
    let reads = 0;
    const counted = new Proxy(parents, {
      get(target, key, receiver) {
        if (typeof key === "string" && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    checkParents(counted);
    // A walk from every branch to the root reads ~n^2/4 = 1e8 entries; linear is a few n.
    expect(reads).toBeLessThan(5 * parents.length);
  });
});
