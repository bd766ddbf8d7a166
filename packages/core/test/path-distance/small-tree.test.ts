/**
 * view.pathDistance on small trees computed by hand (and checked once against NEURON 8.2's
 * h.distance on the same SWC file, Import3d, nseg 2: the numbers below are NEURON's).
 */
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";

// A 3-sample soma along x (L 20), a basal dendrite on its first sample (attached at soma(0),
// L 30), a basal dendrite on its middle sample (soma(0.5), hung by a wire, L 40), an apical
// dendrite on its last sample (soma(1)) that forks: Import3d continues apic[0] into one
// child (L 30 + 14.142) and attaches the other, apic[1] (L 14.142), at apic[0](0).
const SWC = `
1 1 0 0 0 5 -1
2 1 10 0 0 5 1
3 1 20 0 0 5 2
4 3 0 -30 0 1 1
5 3 10 5 0 1 2
6 3 10 45 0 1 5
7 4 50 0 0 1 3
8 4 60 10 0 1 7
9 4 60 -10 0 1 7
`;
const R = Math.SQRT2 * 10; // length of apic[1] and of apic[0]'s second stretch

function cell(): jx.SwcCell {
  return jx.readSwc(SWC, { ncomp: 2, reading: "neuron" });
}

function section(c: jx.SwcCell, name: string): jx.View {
  const b = c.sectionNames.indexOf(name);
  expect(b, name).toBeGreaterThanOrEqual(0);
  return c.branch(b);
}

describe("pathDistance on a small traced tree", () => {
  it("names NEURON's sections", () => {
    expect(cell().sectionNames).toEqual(["soma[0]", "dend[0]", "dend[1]", "apic[0]", "apic[1]"]);
    expect(jx.readSwc(SWC, { ncomp: 2 }).sectionNames).toEqual([]);
  });

  it("from the first soma compartment (soma(0.25)) through ends, interior and proximal attachments", () => {
    const c = cell();
    const ref = section(c, "soma[0]").comp(0);
    const expected: Record<string, number[]> = {
      "soma[0]": [0, 10],
      // attached at soma(0): 5 back to the soma's start, then 7.5 and 22.5 along
      "dend[0]": [5 + 7.5, 5 + 22.5],
      // attached at soma(0.5), i.e. the node of soma compartment 1 (centre 15): 10 + 10, 10 + 30
      "dend[1]": [20, 40],
      // attached at soma(1): 15, then a quarter and three quarters of 30 + R
      "apic[0]": [15 + (30 + R) / 4, 15 + (3 * (30 + R)) / 4],
      // attached at apic[0](0) = soma(1)
      "apic[1]": [15 + R / 4, 15 + (3 * R) / 4],
    };
    for (const [name, d] of Object.entries(expected)) {
      const got = section(c, name).pathDistance(ref);
      expect(got).toBeInstanceOf(Float64Array);
      for (const [j, x] of got.entries()) expect(x, `${name} comp ${j}`).toBeCloseTo(d[j], 12);
    }
    // NEURON's values, rounded to 1e-6
    const apic0 = section(c, "apic[0]").pathDistance(ref);
    expect(apic0[0]).toBeCloseTo(26.035534, 6);
    expect(apic0[1]).toBeCloseTo(48.106602, 6);
  });

  it("from a compartment of a dendrite: up through the soma and down again, row order of the view", () => {
    const c = cell();
    const ref = section(c, "dend[1]").comp(1); // 30 um along dend[1]
    const all = c.pathDistance(ref);
    expect(all.length).toBe(c.nComp);
    // NEURON: soma [40, 30], dend[0] [52.5, 67.5], dend[1] [20, 0], apic[0] [46.035534, 68.106602], apic[1] [38.535534, 45.606602]
    const want = [40, 30, 52.5, 67.5, 20, 0, 35 + (30 + R) / 4, 35 + (3 * (30 + R)) / 4, 35 + R / 4, 35 + (3 * R) / 4];
    for (const [i, x] of all.entries()) expect(x, `row ${i}`).toBeCloseTo(want[i], 12);
    // a selection out of order in the tree keeps ascending row order
    const some = c.select({ nodes: [9, 0, 5] }).pathDistance(ref);
    expect(Array.from(some)).toEqual([all[0], all[5], all[9]]);
  });

  it("uses only the first compartment of ref, and is symmetric", () => {
    const c = cell();
    const a = section(c, "dend[0]").comp(1);
    const b = section(c, "apic[1]").comp(0);
    expect(c.pathDistance(section(c, "dend[0]"))).toEqual(c.pathDistance(section(c, "dend[0]").comp(0)));
    expect(b.pathDistance(a)[0]).toBeCloseTo(a.pathDistance(b)[0], 12);
    expect(b.pathDistance(a)[0]).toBeCloseTo(22.5 + 20 + R / 4, 12);
  });

  it("follows the length column of a hand-built cell (branch ends, parentX 1)", () => {
    const comp = new jx.Compartment();
    const c = new jx.Cell(new jx.Branch(comp, 2), [-1, 0, 0, 1]);
    c.set("length", 10);
    c.branch(1).set("length", [4, 6]);
    // ref: branch 2 comp 1 (15 along branch 2); branch 3 hangs at the end of branch 1
    const d = c.pathDistance(c.branch(2).comp(1));
    expect(Array.from(d)).toEqual([15 + 15, 15 + 5, 15 + 2, 15 + 4 + 3, 10, 0, 15 + 10 + 5, 15 + 10 + 15]);
  });
});

describe("pathDistance errors", () => {
  it("an empty ref", () => {
    const c = cell();
    expect(() => c.pathDistance(c.select({ nodes: [] }))).toThrowError(
      expect.objectContaining({ code: "EMPTY_SELECTION", message: expect.stringMatching(/holds no compartments/) }),
    );
  });

  it("a ref of another model, and not a view", () => {
    const c = cell();
    expect(() => c.pathDistance(cell().comp(0))).toThrowError(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => c.pathDistance(3 as unknown as jx.View)).toThrowError(/takes a view/);
  });

  it("compartments in another cell than ref", () => {
    const c = new jx.Cell(new jx.Branch(new jx.Compartment(), 2), [-1, 0]);
    const net = new jx.Network([c, c]);
    expect(Array.from(net.cell(1).pathDistance(net.cell(1).branch(0).comp(0)))).toEqual([0, 10, 20, 30]);
    expect(() => net.pathDistance(net.cell(1).branch(0).comp(0))).toThrowError(
      expect.objectContaining({ code: "INVALID_ARGUMENT", message: expect.stringMatching(/cell 0.*cell 1/) }),
    );
  });
});
