import { readFileSync } from "node:fs";
import { expect } from "vitest";
import type { Morphology } from "../../src/morphology/types.js";

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

/** Structural invariants every built morphology must satisfy (plain checks: fast). */
export function expectValidMorphology(m: Morphology, ncomp: number): void {
  const problems: string[] = [];
  if (m.branches.length === 0) problems.push("no branches");
  m.branches.forEach((b, i) => {
    if (i === 0 ? b.parent !== -1 : !(b.parent >= 0 && b.parent < i)) problems.push(`branch ${i}: parent ${b.parent}`);
    const x = b.parentX ?? 1;
    if (!(x >= 0 && x <= 1)) problems.push(`branch ${i}: parentX ${x}`);
    if (b.comps.length !== ncomp) problems.push(`branch ${i}: ${b.comps.length} compartments`);
    if (b.points.length === 0) problems.push(`branch ${i}: no points`);
    for (const c of b.comps) {
      const values = [c.lengthUm, c.radiusUm, c.areaUm2, c.loadInPerUm, c.loadOutPerUm, c.x, c.y, c.z];
      if (!values.every(Number.isFinite) || !(c.lengthUm > 0) || !(c.radiusUm > 0) || !(c.areaUm2 >= 0)) {
        problems.push(`branch ${i}: ${JSON.stringify(c)}`);
      }
    }
  });
  for (const [id, { branch, comp }] of m.sampleToComp) {
    if (!(branch >= 0 && branch < m.branches.length && comp >= 0 && comp < ncomp)) {
      problems.push(`sample ${id} -> branch ${branch} comp ${comp}`);
    }
  }
  expect(problems.slice(0, 5)).toEqual([]);
}
