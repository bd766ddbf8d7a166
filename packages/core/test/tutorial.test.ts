/**
 * The tutorial network of examples/tutorial-network.ts (the IDE's opening script, which
 * the examples import too). The tutorial's steps as the API contract writes them are
 * test/types/seed-tutorial.test.ts.
 */
import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import * as jx from "../src/index.js";
import { Na } from "../src/channels.js";
import opening, { buildTutorialNetwork, simulateTutorial } from "../../../examples/tutorial-network.js";

describe("the tutorial network", () => {
  it("builds 3 cells x 4 branches x 2 compartments, 2 synapses onto cell 2, with the core's own classes", () => {
    const net = buildTutorialNetwork();
    expect(net).toBeInstanceOf(jx.Network); // one module instance: the file imports "@dendrolab/core"
    expect(net.view.length).toBe(24);
    expect(net.view.column("local_branch_index")).toEqual(Array.from({ length: 24 }, (_, i) => Math.floor(i / 2) % 4));
    expect(net.edges.length).toBe(2);
    expect(net.edges.column("pre_global_cell_index")).toEqual([0, 1]);
    expect(net.edges.column("post_global_cell_index")).toEqual([2, 2]);
    expect(net.named("Na").view.length).toBe(24);
    expect(net.groupNames).toEqual([]);
  });

  it("the opening network (the IDE's): fast and slow spiking groups, Na_gNa 0.4, one clamp and one recording", () => {
    expect(opening.groupNames).toEqual(["fast_spiking", "slow_spiking"]);
    expect(opening.group("fast_spiking").view.column("Na_gNa")).toEqual(new Array(16).fill(0.4));
    expect(opening.group("slow_spiking").view.index).toEqual([...Array(8).keys()].map((i) => 16 + i));
    expect(opening.base.recordings).toEqual([{ target: "node", index: 0, state: "v" }]);
    expect(opening.base.stimuli.map((s) => s.node)).toEqual([0]);
  });

  it("simulateTutorial(params) sets the groups' Na_gNa for one run, as set() would", () => {
    const network = buildTutorialNetwork();
    network.cell([0, 1]).addToGroup("fast_spiking");
    network.cell(2).addToGroup("slow_spiking");
    network
      .cell(0)
      .branch(0)
      .comp(0)
      .stimulate(jx.stepCurrent(1, 5, 0.5, 0.025, 20));
    network.cell([0, 2]).branch(0).comp(0).record("v");
    const viaData = simulateTutorial(network, tf.tensor1d([0.3, 0.08]));
    expect(network.group("fast_spiking").view.column("Na_gNa")).toEqual(new Array(16).fill(0.05)); // unchanged
    network.group("fast_spiking").set("Na_gNa", 0.3);
    network.group("slow_spiking").set("Na_gNa", 0.08);
    const viaSet = jx.integrate(network);
    expect(viaData.shape).toEqual([2, 801]);
    const a = viaData.dataSync();
    const b = viaSet.dataSync();
    let worst = 0;
    for (let k = 0; k < a.length; k++) worst = Math.max(worst, Math.abs(a[k] - b[k]));
    expect(worst).toBeLessThan(1e-4); // float32 parameters at the boundary
    expect(Math.max(...a.slice(0, 801))).toBeGreaterThan(0); // cell 0 spikes
    expect(Math.max(...a.slice(801))).toBeLessThan(Math.max(...a.slice(0, 801)));
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
});
