/**
 * Every SWC file of Jaxley's test suite (test/morphology/swc, copied unchanged) read
 * with both readings: counts, types, topology and lengths that can be checked by eye
 * against the files, and the expected failures.
 */
import { describe, expect, test } from "vitest";
import { buildMorphology, parseSwc, SwcError, type BuildMorphologyOptions } from "../../src/morphology/swc/index.js";
import { branchArea, branchLength, expectValidMorphology, sum, swcText } from "./helpers.js";

function read(file: string, options: Partial<BuildMorphologyOptions> = {}) {
  const samples = parseSwc(swcText(file), { allowMultipleRoots: options.allowMultipleRoots });
  const morph = buildMorphology(samples, { ncomp: 1, ...options });
  expectValidMorphology(morph, options.ncomp ?? 1);
  expect(morph.sampleToComp.size, "every sample is mapped").toBe(samples.length);
  return morph;
}

const summary = (file: string, options: Partial<BuildMorphologyOptions> = {}) => {
  const m = read(file, options);
  return {
    types: m.branches.map((b) => b.typeId),
    parents: m.branches.map((b) => b.parent),
    parentX: m.branches.map((b) => b.parentX ?? 1),
    lengths: m.branches.map((_, i) => Number(branchLength(m, i).toFixed(3))),
    warnings: m.warnings,
  };
};

describe("small files, both readings", () => {
  test("morph_3_types: soma, axon and basal; the same in both readings", () => {
    for (const reading of ["jaxley", "neuron"] as const) {
      expect(summary("morph_3_types.swc", { reading })).toEqual({
        types: [1, 2, 3],
        parents: [-1, 0, 0],
        parentX: [1, 1, 1],
        lengths: [1, 1, 2],
        warnings: [],
      });
    }
  });

  test("morph_3_types_single_point_soma: a soma cylinder of length 2r; children join its centre in both readings", () => {
    const j = summary("morph_3_types_single_point_soma.swc");
    const n = summary("morph_3_types_single_point_soma.swc", { reading: "neuron" });
    expect(j).toMatchObject({ types: [1, 2, 3], parents: [-1, 0, 0], parentX: [1, 0.5, 0.5], lengths: [2, 1, 2] });
    expect(n).toMatchObject({ types: [1, 2, 3], parents: [-1, 0, 0], parentX: [1, 0.5, 0.5], lengths: [2, 1, 2] });
    const m = read("morph_3_types_single_point_soma.swc");
    expect(branchArea(m, 0)).toBeCloseTo(4 * Math.PI, 12); // r = 1
  });

  test("morph_ca1_n120_250 (multi-point soma) and its single-point-soma twin: 10 branches", () => {
    for (const file of ["morph_ca1_n120_250.swc", "morph_ca1_n120_250_single_point_soma.swc"]) {
      const j = read(file, { ncomp: 2 });
      const n = read(file, { ncomp: 2, reading: "neuron" });
      expect(j.branches.map((b) => b.typeId)).toEqual([1, 4, 4, 4, 4, 4, 4, 4, 4, 4]);
      expect(j.branches.map((b) => b.parent)).toEqual([-1, 0, 1, 2, 3, 3, 2, 1, 7, 7]);
      expect(n.branches.map((b) => b.parent)).toEqual([-1, 0, 1, 2, 3, 3, 2, 1, 7, 7]);
      for (let i = 0; i < 10; i++) {
        expect(branchLength(j, i)).toBeCloseTo(branchLength(n, i), 4);
        expect(branchArea(j, i) / branchArea(n, i)).toBeCloseTo(1, 5);
      }
    }
    const multi = read("morph_ca1_n120_250.swc");
    const single = read("morph_ca1_n120_250_single_point_soma.swc");
    expect(branchLength(multi, 0)).toBeCloseTo(12.4831, 4); // 9 traced soma samples
    expect(branchLength(single, 0)).toBeCloseTo(2 * 6.422234058, 8); // 2r
    expect(branchArea(single, 0)).toBeCloseTo(4 * Math.PI * 6.422234058 ** 2, 6);
    // The soma's traced area and the sphere's are close, as the conversion intended.
    expect(branchArea(single, 0) / branchArea(multi, 0)).toBeCloseTo(1, 3);
  });

  test("morph_interrupted_soma: one soma branch in the jaxley reading, two NEURON sections", () => {
    expect(summary("morph_interrupted_soma.swc")).toMatchObject({
      types: [3, 1],
      parents: [-1, 0],
      lengths: [5, 3],
    });
    expect(summary("morph_interrupted_soma.swc", { reading: "neuron" })).toMatchObject({
      types: [1, 3, 1],
      parents: [-1, 0, 0],
      parentX: [1, 1, 0],
      lengths: [1, 5, 2],
    });
  });

  test("morph_soma_both_ends: Jaxley's expected lengths [2.2, 1.0, 2.6] and parents [-1, 0, 1]", () => {
    expect(summary("morph_soma_both_ends.swc")).toMatchObject({
      types: [3, 1, 3],
      parents: [-1, 0, 1],
      lengths: [2.2, 1, 2.6],
    });
    expect(summary("morph_soma_both_ends.swc", { reading: "neuron" })).toMatchObject({
      types: [1, 3, 3],
      parents: [-1, 0, 0],
      parentX: [1, 1, 0],
      lengths: [1, 2.2, 2.6],
    });
  });

  test("morph_somatic_branchpoint: the axon starts at its own first point; not so without soma", () => {
    const soma = summary("morph_somatic_branchpoint.swc");
    expect(soma).toMatchObject({ types: [2, 1, 3, 1], parents: [-1, 0, 1, 0], lengths: [1, 1, 5, 2] });
    const apical = summary("morph_non_somatic_branchpoint.swc");
    expect(apical).toMatchObject({ types: [2, 4, 3, 4], parents: [-1, 0, 1, 0], lengths: [3, 1, 5, 2] });
    expect(summary("morph_somatic_branchpoint.swc", { reading: "neuron" })).toMatchObject({
      types: [1, 2, 1, 3],
      parentX: [1, 0, 0, 1],
      lengths: [1, 1, 2, 5],
    });
    expect(summary("morph_non_somatic_branchpoint.swc", { reading: "neuron" })).toMatchObject({
      types: [4, 2, 4, 3],
      lengths: [1, 3, 2, 5],
    });
  });

  test("morph_minimal, morph_single_branch, morph_variable_radiuses_*", () => {
    expect(summary("morph_minimal.swc").lengths).toEqual([2.4, 1.2, 3, 5.273]);
    expect(summary("morph_minimal.swc", { reading: "neuron" }).lengths).toEqual([1.2, 2.4, 3, 5.273]);
    expect(summary("morph_single_branch.swc")).toMatchObject({ types: [2], lengths: [2] });
    expect(summary("morph_variable_radiuses_multi_branch.swc")).toMatchObject({
      types: [0, 1, 1],
      parents: [-1, 0, 0],
      lengths: [70, 80, 113.137],
    });
    // One branch: a 40 um cone from r 15 to 0.2, then 80 um of r 0.2 (the #650 case).
    const m = read("morph_variable_radiuses_within_branch.swc", { ncomp: 3 });
    const expected = Math.PI * 15.2 * Math.hypot(40, 14.8) + 2 * Math.PI * 0.2 * 80;
    expect(sum(m.branches[0].comps.map((c) => c.areaUm2))).toBeCloseTo(expected, 8);
    expect(m.branches[0].comps[0].loadInPerUm).toBeCloseTo(20 / (Math.PI * 15 * 7.6), 10);
  });
});

describe("large files", () => {
  test("morph_retina_20161028_1: all radii 0, an error without minRadius", () => {
    const e = (() => {
      try {
        read("morph_retina_20161028_1.swc");
      } catch (err) {
        return err as SwcError;
      }
    })();
    expect(e).toBeInstanceOf(SwcError);
    expect(e?.line).toBe(1);
    expect(e?.message).toMatch(/^SWC line 1: radius 0 is not positive; expected a radius > 0, or pass minRadius/);
  });

  test("morph_retina_20161028_1 with minRadius: 155 branches in both readings", () => {
    for (const reading of ["jaxley", "neuron"] as const) {
      const m = read("morph_retina_20161028_1.swc", { minRadius: 0.1, reading, ncomp: 2 });
      expect(m.branches).toHaveLength(155);
      expect(m.warnings).toEqual(["raised 7213 radii below minRadius 0.1 um to 0.1 um (lines 1, 2, 3, 4, 5, ...)"]);
      expect(m.branches[0].typeId).toBe(1);
      expect(m.branches.slice(1).every((b) => b.typeId === 3)).toBe(true);
    }
  });

  test("FlyWire (nm, unsorted ids, marker types 5 and 6): warnings, scale, relevantTypeIds", () => {
    const file = "morph_flywire_t4_720575940626407426.swc";
    expect(() => read(file)).toThrow(/^SWC line 502: radius 0 is not positive/);
    const unscaled = read(file, { minRadius: 1 });
    expect(unscaled.warnings[0]).toMatch(
      /^the median radius is \d+ um, which looks like nanometres; pass scale: 0.001/,
    );
    const m = read(file, { scale: 0.001, minRadius: 0.05 });
    expect(m.warnings.some((w) => w.includes("nanometres"))).toBe(false);
    expect(m.branches[0].typeId).toBe(1);
    expect(branchLength(m, 0)).toBeCloseTo(2 * 1.533, 9); // the single-point soma, r 1533 nm
    expect(m.branches).toHaveLength(179);
    // Branch types follow Jaxley (the type of the sample before the last): mostly 0.
    const types = m.branches.slice(1).map((b) => b.typeId);
    expect(types.every((t) => [0, 5, 6].includes(t))).toBe(true);
    expect(types.filter((t) => t === 0).length).toBeGreaterThan(0.9 * types.length);
    // Markers as relevant types cut branches at every fork and end marker.
    const cut = read(file, { scale: 0.001, minRadius: 0.05, relevantTypeIds: [0, 1, 2, 3, 4, 5, 6] });
    expect(cut.branches.length).toBeGreaterThan(m.branches.length);
    const total = (x: typeof m) => sum(x.branches.map((_, i) => branchLength(x, i)));
    expect(total(cut)).toBeCloseTo(total(m), 6);
    // NEURON's Import3d needs parent ids below child ids.
    expect(() => read(file, { scale: 0.001, minRadius: 0.05, reading: "neuron" })).toThrow(
      /^SWC line 9: parent 2408 is not less than id 2; NEURON's Import3d requires/,
    );
  });
});

describe("expected failures", () => {
  test("morph_multiple_roots repeats id 3 (and has two roots)", () => {
    for (const allowMultipleRoots of [false, true]) {
      expect(() => read("morph_multiple_roots.swc", { allowMultipleRoots })).toThrow(
        'SWC line 9: duplicate id 3 (already used on line 7); expected unique ids: "3 1 2 0 0 1 2"',
      );
    }
  });

  test("two real trees: an error, or the first tree with a warning", () => {
    const text = swcText("morph_multiple_roots.swc").replace("3 1 2 0 0 1 2", "5 1 2 0 0 1 4");
    expect(() => parseSwc(text)).toThrow(/^SWC line 7: a second root \(parent -1; the first is on line 5/);
    const samples = parseSwc(text, { allowMultipleRoots: true });
    expect(() => buildMorphology(samples, { ncomp: 1 })).toThrow(SwcError);
    const m = buildMorphology(samples, { ncomp: 1, allowMultipleRoots: true });
    expect(m.branches).toHaveLength(1);
    expect([...m.sampleToComp.keys()].sort()).toEqual([1, 2]);
    expect(m.warnings).toEqual([
      "the SWC has 2 roots; kept the tree of the first (line 5, 2 samples) and dropped 3 samples " +
        "of the trees rooted on lines 7",
    ]);
  });
});
