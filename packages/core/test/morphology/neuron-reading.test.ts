/**
 * The "neuron" reading against NEURON itself: section names, topology, lengths, and
 * per-segment area, diam and ri as NEURON 8.2 computes them after Import3d. The fixture
 * comes from `neuron/dump_neuron_geometry.py` (see there to regenerate it).
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { buildMorphology, parseSwc } from "../../src/morphology/swc/index.js";
import type { MorphologyBranch } from "../../src/morphology/types.js";
import { swcText } from "./helpers.js";

interface NeuronSection {
  name: string;
  parent: string | null;
  parentx: number | null;
  L: number;
  n3d: number;
  area: number[];
  ri: number[];
  diam: number[];
  riEnd: number;
}
interface Fixture {
  neuronVersion: string;
  Ra: number;
  nsegs: number[];
  files: Record<string, Record<string, NeuronSection[]>>;
}

const fixture = JSON.parse(
  readFileSync(new URL("./neuron/fixtures/neuron-geometry.json", import.meta.url), "utf8"),
) as Fixture;

function expectClose(actual: number, expected: number, what: string, rel = 1e-6): void {
  const scale = Math.max(Math.abs(expected), 1e-12);
  if (Math.abs(actual - expected) / scale > rel) {
    throw new Error(`${what}: got ${actual}, NEURON has ${expected} (relative error > ${rel})`);
  }
}

/** NEURON's ri of segment j: distal half of segment j - 1 plus proximal half of j (Ra 100). */
function riOf(branch: MorphologyBranch, j: number, ra: number): number {
  const c = branch.comps;
  const load = j === 0 ? c[0].loadInPerUm : c[j - 1].loadOutPerUm + c[j].loadInPerUm;
  return 0.01 * ra * load;
}

describe("neuron reading matches NEURON's Import3d geometry", () => {
  for (const [file, byNseg] of Object.entries(fixture.files)) {
    for (const nseg of fixture.nsegs) {
      test(`${file}, nseg ${nseg}`, () => {
        const expected = byNseg[String(nseg)];
        const morph = buildMorphology(parseSwc(swcText(file)), { ncomp: nseg, reading: "neuron" });
        const byName = new Map(morph.branches.map((b) => [b.name as string, b]));
        expect([...byName.keys()].sort()).toEqual(expected.map((s) => s.name).sort());
        for (const sec of expected) {
          const b = byName.get(sec.name) as MorphologyBranch;
          const parent = b.parent >= 0 ? morph.branches[b.parent] : null;
          expect(parent?.name ?? null, `${sec.name} parent`).toBe(sec.parent);
          if (sec.parentx !== null) expect(b.parentX, `${sec.name} parentx`).toBe(sec.parentx);
          expect(b.points.length, `${sec.name} n3d`).toBe(sec.n3d);
          const length = b.comps.reduce((a, c) => a + c.lengthUm, 0);
          expectClose(length, sec.L, `${sec.name} L`, 1e-9);
          for (let j = 0; j < nseg; j++) {
            expectClose(b.comps[j].areaUm2, sec.area[j], `${sec.name} seg ${j} area`);
            expectClose(2 * b.comps[j].radiusUm, sec.diam[j], `${sec.name} seg ${j} diam`);
            expectClose(riOf(b, j, fixture.Ra), sec.ri[j], `${sec.name} seg ${j} ri`);
          }
          const end = 0.01 * fixture.Ra * b.comps[nseg - 1].loadOutPerUm;
          expectClose(end, sec.riEnd, `${sec.name} ri at x = 1`);
        }
      });
    }
  }
});
