import { readFileSync } from "node:fs";
import { expect } from "vitest";
import type { Morphology } from "../../src/morphology/types";

/** Text of a test SWC file from `swc/` (Jaxley's files) or `neuron/swc/` (our own). */
export function swcText(name: string): string {
  for (const dir of ["./swc/", "./neuron/swc/"]) {
    try {
      return readFileSync(new URL(dir + name, import.meta.url), "utf8");
    } catch {
      // try the next folder
    }
  }
  throw new Error(`no test SWC file ${name}`);
}

export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
export const branchLength = (m: Morphology, b: number) => sum(m.branches[b].comps.map((c) => c.lengthUm));
export const branchArea = (m: Morphology, b: number) => sum(m.branches[b].comps.map((c) => c.areaUm2));

/** Structural invariants every built morphology must satisfy. */
export function expectValidMorphology(m: Morphology, ncomp: number): void {
  expect(m.branches.length).toBeGreaterThan(0);
  m.branches.forEach((b, i) => {
    if (i === 0) expect(b.parent).toBe(-1);
    else expect(b.parent >= 0 && b.parent < i, `branch ${i} parent ${b.parent}`).toBe(true);
    const x = b.parentX ?? 1;
    expect(x >= 0 && x <= 1).toBe(true);
    expect(b.comps).toHaveLength(ncomp);
    expect(b.points.length).toBeGreaterThan(0);
    for (const c of b.comps) {
      for (const v of [c.lengthUm, c.radiusUm, c.areaUm2, c.loadInPerUm, c.loadOutPerUm, c.x, c.y, c.z]) {
        expect(Number.isFinite(v), `branch ${i}: ${JSON.stringify(c)}`).toBe(true);
      }
      expect(c.lengthUm).toBeGreaterThan(0);
      expect(c.radiusUm).toBeGreaterThan(0);
    }
  });
  for (const { branch, comp } of m.sampleToComp.values()) {
    expect(branch >= 0 && branch < m.branches.length && comp >= 0 && comp < ncomp).toBe(true);
  }
}
