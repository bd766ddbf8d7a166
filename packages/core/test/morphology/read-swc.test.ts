/**
 * readSwc: SWC files become simulatable cells with groups, coordinates and traced geometry.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import { HH } from "../../src/channels.js";

const dir = join(dirname(fileURLToPath(import.meta.url)), "swc");
const read = (f: string) => readFileSync(join(dir, f), "utf8");

describe("readSwc", () => {
  it("reads the CA1 morphology with groups, coordinates and frustum areas, and simulates it", () => {
    const cell = jx.readSwc(read("morph_ca1_n120_250.swc"), { ncomp: 2 });
    expect(cell.groupNames).toEqual(expect.arrayContaining(["soma", "apical"]));
    const t = cell.view;
    expect(t.columns).toEqual(expect.arrayContaining(["x", "y", "z", "area", "soma", "apical"]));
    const area = t.column("area") as number[];
    const cyl = (t.column("radius") as number[]).map((r, i) => 2 * Math.PI * r * (t.column("length")[i] as number));
    expect(area.some((a, i) => Math.abs(a - cyl[i]) / cyl[i] > 1e-3)).toBe(true); // frusta, not cylinders
    expect(cell.sampleToComp.size).toBeGreaterThan(200);
    cell.insert(new HH());
    cell
      .group("soma")
      .comp(0)
      .stimulate(jx.stepCurrent(1, 5, 0.5, 0.025, 10));
    cell.group("soma").comp(0).record();
    cell.group("apical").branch(3).comp(1).record();
    const r = jx.simulate(cell);
    expect(r.nSamples).toBe(401);
    expect(Math.max(...r.values.subarray(0, 401))).toBeGreaterThan(0);
  });

  it("the NEURON reading attaches dendrites inside the soma", () => {
    const cell = jx.readSwc(read("morph_ca1_n120_250_single_point_soma.swc"), { ncomp: 3, reading: "neuron" });
    const parentX = cell.base.cells[0].parentX;
    expect(parentX.some((x) => x > 0 && x < 1)).toBe(true);
    cell.insert(new HH());
    cell.branch(0).comp(1).record();
    expect(jx.simulate(cell, { tMax: 2 }).nSamples).toBe(81);
  });

  it("set('radius') turns traced compartments into cylinders", () => {
    const cell = jx.readSwc(read("morph_ca1_n120_250.swc"), { ncomp: 2 });
    cell.branch(1).set("radius", 0.5);
    const area = cell.base.columns.get("area")!;
    for (const n of cell.branch(1).nodeIndices) expect(area[n]).toBeNaN();
    expect(area[cell.branch(2).nodeIndices[0]]).not.toBeNaN();
  });

  it("errors name the line", () => {
    expect(() => jx.readSwc("1 1 0 0 0 1 -1\n2 3 0 0 x 1 1\n", { ncomp: 1 })).toThrow(/line 2/);
    expect(() => jx.readSwc("1 1 0 0 0 1 -1\n2 3 0 0 1 1 7\n", { ncomp: 1 })).toThrow(jx.SwcError);
  });
});
