/**
 * The full L5PC of Hay et al. (2011) with the project's channels, against NEURON running
 * the model's .mod files (fixtures l5pc_full_*): the BBP morphology with its axon read as
 * NEURON reads it, 4 compartments per section, regions and values of BluePyOpt's
 * parameters.json / release_params.json, exponential apical Ih, 34 C, built by
 * examples/l5pc.ts (apical Ih from view.pathDistance). Every voltage within 0.01 mV and
 * equal spike counts (issue 10).
 */
import { describe, expect, it } from "vitest";
import { L5PC_CELSIUS, L5PC_FIXED, L5PC_FREE, L5PC_V_INIT } from "../../../../examples/l5pc.js";
import { requireCaseFiles, build, CASES, checkFullCase, readCase } from "./full-case.js";

const KEY: Record<string, string> = {
  g_pas: "pas_g",
  e_pas: "pas_e",
  cm: "capacitance",
  Ra: "axial_resistivity",
  ena: "ena",
  ek: "ek",
};

requireCaseFiles();

describe("the L5PC of examples/l5pc.ts is the fixtures' model", () => {
  const def = readCase(CASES[0]);
  const cell = build(def);

  it("has the fixture's rules: parameters.json values, release_params.json for the free ones", () => {
    expect(L5PC_CELSIUS).toBe(def.celsius);
    expect(L5PC_V_INIT).toBe(def.v_init_mV);
    const ours = new Map<string, number>();
    for (const [region, key, value] of L5PC_FIXED) ours.set(`${region} ${key}`, value);
    for (const p of L5PC_FREE) ours.set(`${p.region} ${p.key}`, p.release);
    const theirs = new Map<string, number>();
    for (const r of def.rules) {
      if (r.distribution === "exp") continue; // apical Ih: the distance rule, checked below
      theirs.set(`${r.region} ${r.type === "section" ? KEY[r.param] : r.key}`, r.value);
    }
    // cm is set twice in the file (all, then apical / basal); the last rule per key wins in both
    expect(Object.fromEntries(ours)).toEqual(Object.fromEntries(theirs));
  });

  it("pathDistance from soma(0.5) is NEURON's h.distance for every apical segment (1e-9 um), and so is Ih", () => {
    const soma = cell.group("soma").loc(0.5);
    let n = 0;
    for (const [sec, ih] of Object.entries(def.ih_apical)) {
      const b = cell.sectionNames.indexOf(sec);
      const d = cell.branch(b).pathDistance(soma);
      const g = cell.branch(b).view.column("Ih_gIhbar") as number[];
      ih.distance_um.forEach((ref, j) => {
        expect(Math.abs(d[j] - ref), `${sec} seg ${j}`).toBeLessThan(1e-9);
        expect(Math.abs(g[j] - ih.Ih_gIhbar[j]), `${sec} seg ${j} Ih`).toBeLessThan(1e-15);
        n++;
      });
    }
    expect(n).toBe(cell.group("apical").nComp);
    expect(cell.group("soma").loc(0.5).pathDistance(soma)[0]).toBe(0);
  });
});

describe("full L5PC against NEURON", () => {
  it.each(CASES)(
    "%s",
    (name) => {
      const errors = checkFullCase(name);
      if (process.env.L5PC_VERBOSE) console.log(name, errors);
    },
    120_000,
  );
});
