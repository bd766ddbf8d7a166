/**
 * The user's groups tutorial (../shared/seed/groups-tutorial.txt), as written in API.md:
 * every number it shows must come out the same.
 */
import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import * as jx from "../src/index.js";
import { Na } from "../src/channels.js";
import { buildTutorialNetwork } from "./tutorial-network.js";

describe("groups tutorial", () => {
  it("builds the network: 3 cells x 4 branches x 2 compartments, 2 synapses", () => {
    const net = buildTutorialNetwork();
    expect(net.view.length).toBe(24);
    expect(net.edges.length).toBe(2);
    expect(net.edges.column("pre_global_cell_index")).toEqual([0, 1]);
    expect(net.edges.column("post_global_cell_index")).toEqual([2, 2]);
  });

  it("apical group: 12 rows of radius 0.3 at the tutorial's indices", () => {
    const network = buildTutorialNetwork();
    for (const i of [0, 1, 2]) {
      network.cell(i).branch(1).addToGroup("apical");
      network.cell(i).branch(3).addToGroup("apical");
    }
    network.group("apical").set("radius", 0.3);
    const t = network.group("apical").view;
    expect(t.length).toBe(12);
    expect(t.index).toEqual([2, 3, 6, 7, 10, 11, 14, 15, 18, 19, 22, 23]);
    expect(t.column("radius")).toEqual(new Array(12).fill(0.3));
    expect(t.column("global_branch_index")).toEqual([1, 1, 3, 3, 5, 5, 7, 7, 9, 9, 11, 11]);
    expect(t.column("global_cell_index")).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]);
    expect(t.column("Na_gNa")).toEqual(new Array(12).fill(0.05));
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

  it("fast_spiking group: 16 rows of Na_gNa 0.4", () => {
    const network = buildTutorialNetwork();
    for (const i of [0, 1, 2]) {
      network.cell(i).branch(1).addToGroup("apical");
      network.cell(i).branch(3).addToGroup("apical");
    }
    network.group("apical").set("radius", 0.3);
    network.cell(0).addToGroup("fast_spiking");
    network.cell(1).addToGroup("fast_spiking");
    network.group("fast_spiking").set("Na_gNa", 0.4);
    const t = network.group("fast_spiking").view;
    expect(t.length).toBe(16);
    expect(t.index).toEqual([...Array(16).keys()]);
    expect(t.column("Na_gNa")).toEqual(new Array(16).fill(0.4));
    expect(t.column("radius")).toEqual([1, 1, 0.3, 0.3, 1, 1, 0.3, 0.3, 1, 1, 0.3, 0.3, 1, 1, 0.3, 0.3]);
    expect(network.group("fast_spiking")).toBeDefined();
    expect(network.groupNames).toEqual(["apical", "fast_spiking"]);
    expect(network.cell(2).view.column("Na_gNa")).toEqual(new Array(8).fill(0.05));
  });

  it("trainables: 1 shared Na_gNa, then 2 axial resistivities", () => {
    const network = buildTutorialNetwork();
    network.cell(0).addToGroup("fast_spiking");
    network.cell(1).addToGroup("fast_spiking");
    network.group("fast_spiking").set("Na_gNa", 0.4);
    network.group("fast_spiking").makeTrainable("Na_gNa");
    let params = network.getParameters();
    expect(params).toHaveLength(1);
    expect(Object.keys(params[0])).toEqual(["Na_gNa"]);
    expect(Array.from(params[0].Na_gNa.dataSync())).toEqual([Math.fround(0.4)]);
    network.cell([0, 1]).makeTrainable("axial_resistivity");
    params = network.getParameters();
    expect(params).toHaveLength(2);
    expect(Object.keys(params[1])).toEqual(["axial_resistivity"]);
    expect(Array.from(params[1].axial_resistivity.dataSync())).toEqual([5000, 5000]);
    const total = params.reduce((s, p) => s + Object.values(p)[0].size, 0);
    expect(total).toBe(3);
  });

  it("changing a value does not rebuild the compiled structure; a structural change does", async () => {
    const { programOf } = await import("../src/model/lower.js");
    const network = buildTutorialNetwork();
    network.cell(0).branch(0).comp(0).record("v");
    const first = programOf(network.base);
    network.set("Na_gNa", 0.3);
    network.cell(1).set("radius", 0.7);
    expect(programOf(network.base)).toBe(first);
    const compiled = new Na().compiled;
    expect(new Na().compiled).toBe(compiled); // mechanisms compile once per definition
    network.cell(2).branch(0).comp(0).record("v");
    expect(programOf(network.base)).not.toBe(first);
  });

  it("simulate(params) runs through dataSet and gives shape [1, 801]", () => {
    const network = buildTutorialNetwork();
    network.cell(0).addToGroup("fast_spiking");
    network.cell(1).addToGroup("fast_spiking");
    network.cell(2).addToGroup("slow_spiking");
    network.cell(0).branch(0).comp(0).record("v");
    network.cell(0).branch(0).comp(0).stimulate(jx.stepCurrent(1, 5, 0.5, 0.025, 20));
    function simulate(params: tf.Tensor1D): tf.Tensor2D {
      let ps: jx.ParamState | null = null;
      ps = network.group("fast_spiking").dataSet("Na_gNa", params.slice(0, 1), ps);
      ps = network.group("slow_spiking").dataSet("Na_gNa", params.slice(1, 1), ps);
      return jx.integrate(network, { paramState: ps });
    }
    const voltages = simulate(tf.tensor1d([1.0, 0.1]));
    expect(voltages.shape).toEqual([1, 801]);
    const v = voltages.dataSync();
    expect(v[0]).toBeCloseTo(-70, 5);
    expect(Math.max(...v)).toBeGreaterThan(0); // gNa = 1.0 makes cell 0 spike
  });
});
