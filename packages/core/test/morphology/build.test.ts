/** Rules of buildMorphology on small hand-written SWC texts. */
import { describe, expect, test } from "vitest";
import { buildMorphology, parseSwc, SwcError, type BuildMorphologyOptions } from "../../src/morphology/swc/index.js";
import { branchArea, branchLength, expectValidMorphology, sum, swcText } from "./helpers.js";

const PI = Math.PI;

function build(text: string, options: Partial<BuildMorphologyOptions> = {}) {
  const m = buildMorphology(parseSwc(text), { ncomp: 1, ...options });
  expectValidMorphology(m, options.ncomp ?? 1);
  return m;
}

/** Soma of 2 samples along y (r 5), a dendrite of 3 samples (r 1) off its end. */
const SOMA_DEND = `
1 1 0 0 0 5 -1
2 1 0 5 0 5 1
3 3 0 10 0 1 2
4 3 0 20 0 1 3
5 3 0 30 0 1 4
`;

describe("jaxley reading", () => {
  test("a child's path starts at the branch point with its own first radius", () => {
    const m = build(SOMA_DEND);
    expect(m.branches.map((b) => b.typeId)).toEqual([1, 3]);
    expect(m.branches[1].points[0]).toEqual([0, 5, 0, 1]); // soma sample 2, radius of sample 3
    expect(branchLength(m, 1)).toBeCloseTo(25, 12);
    expect(branchArea(m, 1)).toBeCloseTo(2 * PI * 1 * 25, 10);
  });

  test("single-point soma: a 2r cylinder along x; children start at their own first sample", () => {
    const m = build("1 1 10 0 0 3 -1\n2 3 10 5 0 1 1\n3 3 10 15 0 1 2\n", { ncomp: 3 });
    expect(m.branches[0].points).toEqual([
      [7, 0, 0, 3],
      [13, 0, 0, 3],
    ]);
    expect(branchArea(m, 0)).toBeCloseTo(4 * PI * 9, 10);
    expect(m.branches[0].comps.map((c) => c.x)).toEqual([8, 10, 12]);
    expect(m.sampleToComp.get(1)).toEqual({ branch: 0, comp: 1 });
    expect(m.branches[1]).toMatchObject({ parent: 0, parentX: 0.5 }); // the centre of a single-point soma, as NEURON
    expect(m.branches[1].points[0]).toEqual([10, 5, 0, 1]);
    expect(branchLength(m, 1)).toBeCloseTo(10, 12);
  });

  test("a one-sample child of a single-point soma has zero length: 0.1 um and a warning", () => {
    const m = build("1 1 0 0 0 3 -1\n2 2 5 0 0 1 1\n3 3 0 5 0 1 1\n4 3 0 9 0 1 3\n");
    expect(m.branches.map((b) => b.typeId)).toEqual([1, 2, 3]);
    expect(branchLength(m, 1)).toBeCloseTo(0.1, 12);
    expect(branchArea(m, 1)).toBeCloseTo(2 * PI * 0.1, 12);
    expect(m.warnings).toEqual([
      "section 1 starting at SWC line 2 has zero length; it is treated as a cylinder of 0.1 um, as Jaxley does",
    ]);
  });

  test("root: the lowest-id leaf, so a soma sample with two children is not the root", () => {
    // Soma 1-2-3 along x with 1 in the middle of the file order; dendrite from 3.
    const m = build("1 1 0 0 0 2 -1\n2 1 -2 0 0 2 1\n3 1 2 0 0 2 1\n4 3 2 5 0 1 3\n");
    expect(m.branches.map((b) => b.typeId)).toEqual([1, 3]);
    expect(m.branches[0].points.map((p) => p[0])).toEqual([-2, 0, 2]); // from leaf 2 through 1 to 3
    expect(m.sampleToComp.get(3)).toEqual({ branch: 0, comp: 0 });
  });

  test("type changes cut branches, except between two types outside relevantTypeIds", () => {
    // FlyWire-like: undefined (0) samples with a marker (5) in between.
    const text = "1 1 0 0 0 2 -1\n2 1 0 2 0 2 1\n3 0 0 4 0 1 2\n4 5 0 6 0 1 3\n5 0 0 8 0 1 4\n";
    expect(build(text).branches.map((b) => b.typeId)).toEqual([1, 0]);
    expect(build(text, { relevantTypeIds: [0, 1, 5] }).branches.map((b) => b.typeId)).toEqual([1, 0, 5, 0]);
    // A relevant type next to an irrelevant one still cuts, as in Jaxley.
    expect(build(text.replace(/\n3 0/, "\n3 3")).branches.map((b) => b.typeId)).toEqual([1, 3, 0]);
  });

  test("maxBranchLen cuts into equal pieces; children go to the last piece", () => {
    const m = build(SOMA_DEND.replace("5 3 0 30 0 1 4", "5 3 0 30 0 1 4\n6 3 5 35 0 0.5 5\n7 3 -5 35 0 0.5 5"), {
      maxBranchLen: 10,
      ncomp: 2,
    });
    expect(m.branches.map((b) => b.typeId)).toEqual([1, 3, 3, 3, 3, 3]);
    expect(m.branches.map((b) => b.parent)).toEqual([-1, 0, 1, 2, 3, 3]);
    for (const i of [1, 2, 3]) expect(branchLength(m, i)).toBeCloseTo(25 / 3, 12);
    expect(m.branches[2].points[0]).toEqual(m.branches[1].points.at(-1));
    expect(m.sampleToComp.get(5)).toEqual({ branch: 3, comp: 1 });
    expect(m.sampleToComp.get(4)).toEqual({ branch: 2, comp: 1 });
  });

  test("sampleToComp: floor of the path position; a branch point belongs to its parent", () => {
    const m = build(SOMA_DEND, { ncomp: 5 });
    expect(m.sampleToComp.get(1)).toEqual({ branch: 0, comp: 0 });
    expect(m.sampleToComp.get(2)).toEqual({ branch: 0, comp: 4 });
    expect(m.sampleToComp.get(3)).toEqual({ branch: 1, comp: 1 }); // 5 of 25 um
    expect(m.sampleToComp.get(5)).toEqual({ branch: 1, comp: 4 });
  });
});

describe("both readings: units and radii", () => {
  test("scale multiplies coordinates and radii; a large median radius warns", () => {
    const nm = "1 1 0 0 0 5000 -1\n2 3 0 5000 0 1000 1\n3 3 0 25000 0 1000 2\n";
    const raw = build(nm);
    expect(raw.warnings).toEqual([
      "the median radius is 1000 um, which looks like nanometres; pass scale: 0.001 if the file is in nm (scale is now 1)",
    ]);
    const um = build(nm, { scale: 0.001 });
    expect(um.warnings).toEqual([]);
    expect(branchLength(um, 1)).toBeCloseTo(20, 12); // single-point soma: dendrite from its own first sample
    expect(branchArea(um, 0)).toBeCloseTo(4 * PI * 25, 10);
  });

  test("radii: zero or negative is an error naming the line, unless minRadius raises them", () => {
    const text = "1 1 0 0 0 2 -1\n# c\n2 3 0 5 0 0 1\n3 3 0 9 0 -1 2\n";
    for (const reading of ["jaxley", "neuron"] as const) {
      expect(() => build(text, { reading })).toThrow(
        'SWC line 3: radius 0 is not positive; expected a radius > 0, or pass minRadius (um) to raise small radii to it: "2 3 0 5 0 0 1"',
      );
      const m = build(text, { reading, minRadius: 0.25 });
      expect(m.warnings).toEqual(["raised 2 radii below minRadius 0.25 um to 0.25 um (lines 3, 4)"]);
      expect(m.branches.at(-1)?.comps[0].radiusUm).toBeCloseTo(0.25, 12);
    }
  });

  test("bad options are DendrolabErrors (INVALID_ARGUMENT) that say what is allowed", () => {
    const s = parseSwc(SOMA_DEND);
    expect(() => buildMorphology(s, { ncomp: 0 })).toThrow(
      "ncomp must be a positive integer (compartments per branch), got 0",
    );
    expect(() => buildMorphology(s, { ncomp: 0 })).toThrow(
      expect.objectContaining({ name: "DendrolabError", code: "INVALID_ARGUMENT" }),
    );
    expect(() => buildMorphology(s, { ncomp: 1, reading: "arbor" as never })).toThrow(
      'reading must be one of "jaxley", "neuron", got "arbor"',
    );
    expect(() => buildMorphology(s, { ncomp: 1, scale: -1 })).toThrow(/scale must be a positive number/);
    expect(() => buildMorphology(s, { ncomp: 1, maxBranchLen: 0 })).toThrow(/maxBranchLen must be a positive/);
    expect(() => buildMorphology(s, { ncomp: 1, minRadius: 0 })).toThrow(/minRadius must be a positive/);
    expect(() => buildMorphology([], { ncomp: 1 })).toThrow(SwcError);
  });

  test("absurd magnitudes give an SwcError, not NaN", () => {
    const text = "1 1 0 0 0 1e200 -1\n2 3 1e200 0 0 1e-200 1\n3 3 -1e200 0 0 1e-200 2\n";
    for (const reading of ["jaxley", "neuron"] as const) {
      expect(() => build(text, { reading })).toThrow(/non-finite geometry/);
    }
  });
});

describe("neuron reading rules (checked against NEURON in neuron-reading.test.ts)", () => {
  test("names, wires and interior attachment", () => {
    const m = build(swcText("soma_wires.swc"), { reading: "neuron" });
    expect(m.branches.map((b) => `${b.name}<${b.parent}@${b.parentX}`)).toEqual([
      "soma[0]<-1@1",
      "dend[0]<0@1",
      "axon[0]<0@0",
      "dend[1]<0@0.5",
      "dend[2]<3@0",
    ]);
    expect(m.branches[3].points[0].slice(0, 2)).toEqual([-4, 4]); // the wire: own first sample
  });

  test("a NeuroMorpho 3-point soma is a sphere; its other samples map to its middle", () => {
    const m = build(swcText("neuromorpho_3point_soma.swc"), { reading: "neuron", ncomp: 3 });
    expect(m.branches[0].points).toHaveLength(3);
    expect(branchArea(m, 0)).toBeCloseTo(4 * PI * 25, 4);
    expect(m.sampleToComp.get(2)).toEqual({ branch: 0, comp: 1 });
    expect(m.sampleToComp.get(3)).toEqual({ branch: 0, comp: 1 });
  });

  test("ids out of order are sorted (NEURON 8.2 fails on them); parent > id is an error", () => {
    const text = "3 3 0 10 0 1 2\n1 1 0 0 0 2 -1\n2 3 0 5 0 1 1\n";
    const m = build(text, { reading: "neuron" });
    expect(m.branches.map((b) => b.name)).toEqual(["soma[0]", "dend[0]"]);
    expect(() => build("1 1 0 0 0 2 -1\n2 3 0 5 0 1 3\n3 3 0 9 0 1 1\n", { reading: "neuron" })).toThrow(
      /^SWC line 2: parent 3 is not less than id 2; NEURON's Import3d requires/,
    );
  });

  test("maxBranchLen cuts sections into named pieces", () => {
    const m = build(SOMA_DEND, { reading: "neuron", maxBranchLen: 10 });
    expect(m.branches.map((b) => b.name)).toEqual(["soma[0]", "dend[0].0", "dend[0].1", "dend[0].2"]);
    expect(sum([1, 2, 3].map((i) => branchLength(m, i)))).toBeCloseTo(25, 5);
  });
});
