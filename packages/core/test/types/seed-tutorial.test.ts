/**
 * The seed tutorial of the API contract (../shared/API.md, next to the repository),
 * copied verbatim (the last test checks that it still is, when that file is there): it must
 * type-check unchanged (this file is in the core's tsconfig) and give the tutorial's
 * numbers. The tutorial network the examples, the IDE and other tests use is
 * examples/tutorial-network.ts.
 *
 * One line does not type-check as written, under `strict` (here and in the IDE's editor):
 * tfjs declares `grad(f: (x: Tensor) => Tensor)`, so the callback `(p: tf.Tensor1D) => ...`
 * is rejected. It is marked with `@ts-expect-error` rather than changed; README.md writes
 * `tf.grad((p) => simulate(p as tf.Tensor1D).mean())`, which compiles. When API.md or
 * tfjs changes, the directive becomes unused and the type check says so.
 */
import * as tf from "@tensorflow/tfjs";
import * as jx from "@dendrolab/core";
import { Na, K, Leak } from "@dendrolab/core/channels";
import { IonotropicSynapse } from "@dendrolab/core/synapses";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// ---- API.md, "The seed tutorial, in TypeScript", verbatim ----

const comp = new jx.Compartment();
const branch = new jx.Branch(comp, 2);                // 2 compartments
const cell = new jx.Cell(branch, [-1, 0, 0, 1]);      // parents of the 4 branches
const network = new jx.Network([cell, cell, cell]);   // cells are copied in

jx.fullyConnect(network.cell([0, 1]), network.cell([2]), new IonotropicSynapse());
network.insert(new Na());
network.insert(new K());
network.insert(new Leak());

for (const i of [0, 1, 2]) {
  network.cell(i).branch(1).addToGroup("apical");
  network.cell(i).branch(3).addToGroup("apical");
}
network.group("apical").set("radius", 0.3);
network.group("apical").view;          // Table with 12 rows
network.cell(0).addToGroup("fast_spiking");
network.cell(1).addToGroup("fast_spiking");
network.group("fast_spiking").set("Na_gNa", 0.4);
network.group("fast_spiking").view;    // Table with 16 rows

network.group("fast_spiking").makeTrainable("Na_gNa");   // 1 shared parameter
network.cell([0, 1]).makeTrainable("axial_resistivity"); // 2 more, one per cell
network.getParameters();  // [{ Na_gNa: [0.4] }, { axial_resistivity: [5000, 5000] }]

network.cell(2).addToGroup("slow_spiking");
network.cell(0).branch(0).comp(0).record("v");
network.cell(0).branch(0).comp(0).stimulate(jx.stepCurrent(1, 5, 0.5, 0.025, 20));

function simulate(params: tf.Tensor1D): tf.Tensor2D {
  let ps: jx.ParamState | null = null;
  ps = network.group("fast_spiking").dataSet("Na_gNa", params.slice(0, 1), ps);
  ps = network.group("slow_spiking").dataSet("Na_gNa", params.slice(1, 1), ps);
  return jx.integrate(network, { paramState: ps });
}
const voltages = simulate(tf.tensor1d([1.0, 0.1]));      // shape [1, 801]
// @ts-expect-error tfjs types grad's argument as (x: Tensor) => Tensor; under strict, a (p: Tensor1D) callback is rejected (TS2345). Not our API; see the header.
const g = tf.grad((p: tf.Tensor1D) => simulate(p).mean())(tf.tensor1d([1.0, 0.1]));
// ---- end of the seed tutorial ----

describe("the seed tutorial of API.md", () => {
  const apiMd = new URL("../../../../../shared/API.md", import.meta.url);
  it("is a verbatim copy of API.md's (but for the one @ts-expect-error line)", () => {
    const contract = /## The seed tutorial, in TypeScript\n\n```ts\n([\s\S]*?)```/.exec(readFileSync(apiMd, "utf8"));
    expect(contract).not.toBeNull();
    const here = readFileSync(new URL(import.meta.url), "utf8");
    const copy = /\/\/ ---- API\.md, .*verbatim ----\n([\s\S]*?)\/\/ ---- end of the seed tutorial ----/.exec(here)![1];
    const imports = contract![1].split("\n").filter((l) => l.startsWith("import "));
    for (const line of imports) expect(here).toContain(line);
    const body = copy.split("\n").filter((l) => !l.startsWith("// @ts-expect-error")).join("\n");
    expect(body.trim()).toBe(contract![1].split("\n").filter((l) => !l.startsWith("import ")).join("\n").trim());
  });


  it("apical: 12 rows of radius 0.3, in branches 1 and 3 of every cell", () => {
    const t = network.group("apical").view;
    expect(t.length).toBe(12);
    expect(t.index).toEqual([2, 3, 6, 7, 10, 11, 14, 15, 18, 19, 22, 23]);
    expect(t.column("radius")).toEqual(new Array(12).fill(0.3));
    expect(t.column("global_branch_index")).toEqual([1, 1, 3, 3, 5, 5, 7, 7, 9, 9, 11, 11]);
    expect(t.column("global_cell_index")).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]);
    expect(t.column("K_n")).toEqual(new Array(12).fill(0.2));
    expect(t.column("eK")).toEqual(new Array(12).fill(-90));
    expect(t.column("Leak_eLeak")).toEqual(new Array(12).fill(-70));
    for (const c of ["length", "radius", "axial_resistivity", "capacitance", "v", "Na", "Na_gNa", "eNa", "vt",
      "Na_m", "Na_h", "K", "K_gK", "eK", "K_n", "Leak", "Leak_gLeak", "Leak_eLeak", "global_comp_index",
      "global_branch_index", "global_cell_index", "apical"]) {
      expect(t.columns).toContain(c);
    }
    expect(network.view.column("radius").filter((r) => r === 0.3)).toHaveLength(12);
    expect(t.toString()).toContain("[12 rows x");
  });

  it("fast_spiking: 16 rows of Na_gNa 0.4; cell 2 keeps the default 0.05", () => {
    const t = network.group("fast_spiking").view;
    expect(t.length).toBe(16);
    expect(t.index).toEqual([...Array(16).keys()]);
    expect(t.column("Na_gNa")).toEqual(new Array(16).fill(0.4));
    expect(t.column("radius")).toEqual([1, 1, 0.3, 0.3, 1, 1, 0.3, 0.3, 1, 1, 0.3, 0.3, 1, 1, 0.3, 0.3]);
    expect(network.groupNames).toEqual(["apical", "fast_spiking", "slow_spiking"]);
    expect(network.group("slow_spiking").view.column("Na_gNa")).toEqual(new Array(8).fill(0.05));
  });

  it("parameters: one shared Na_gNa, then one axial resistivity per cell", () => {
    const params = network.getParameters();
    expect(params.map((p) => Object.keys(p))).toEqual([["Na_gNa"], ["axial_resistivity"]]);
    expect(Array.from(params[0].Na_gNa.dataSync())).toEqual([Math.fround(0.4)]);
    expect(Array.from(params[1].axial_resistivity.dataSync())).toEqual([5000, 5000]);
  });

  it("voltages: shape [1, 801], from rest, cell 0 spikes with gNa = 1.0", () => {
    expect(voltages.shape).toEqual([1, 801]);
    const v = voltages.dataSync();
    expect(v[0]).toBeCloseTo(-70, 5);
    expect(Math.max(...v)).toBeGreaterThan(0);
  });

  it("the gradient: two finite numbers, not both zero", () => {
    expect(g.shape).toEqual([2]);
    const d = Array.from(g.dataSync());
    expect(d.every(Number.isFinite)).toBe(true);
    expect(d.some((x) => x !== 0)).toBe(true);
  });
});
