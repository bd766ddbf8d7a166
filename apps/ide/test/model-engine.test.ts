import { describe, expect, it } from "vitest";
import { serializeModel } from "@dendrolab/core/io";
import { runScript } from "../src/sandbox/run-script.js";
import { ModelEngine } from "../src/workers/model-engine.js";
import { TUTORIAL_SCRIPT } from "./helpers.js";

function loaded(script = TUTORIAL_SCRIPT) {
  const engine = new ModelEngine();
  const summary = engine.load(serializeModel(runScript(script, () => undefined)));
  return { engine, summary };
}

describe("model engine", () => {
  it("summarises the tutorial network: cells, groups, keys, instruments, coordinates", () => {
    const { summary } = loaded();
    expect(summary.kind).toBe("network");
    expect(summary.nComp).toBe(24);
    expect(summary.cells).toHaveLength(3);
    expect(summary.cells[0].branches).toEqual([-1, 0, 0, 1].map((parent) => ({ parent, ncomp: 2 })));
    expect(summary.groups.map((g) => [g.name, g.nodes.length])).toEqual([
      ["fast_spiking", 16],
      ["slow_spiking", 8],
    ]);
    expect(summary.channels).toEqual(["Na", "K", "Leak"]);
    expect(summary.edges).toEqual([
      { pre: 0, post: 16, type: "IonotropicSynapse" },
      { pre: 8, post: 16, type: "IonotropicSynapse" },
    ]);
    expect(summary.nodeKeys).toEqual(expect.arrayContaining(["radius", "length", "Na_gNa", "K_gK", "Leak_gLeak"]));
    expect(summary.recordable).toEqual(expect.arrayContaining(["v", "Na_m", "Na_h", "K_n", "i_Na"]));
    expect(summary.recordings).toEqual([{ target: "node", index: 0, state: "v" }]);
    expect(summary.stimuli).toEqual([{ node: 0, peakNa: 0.5 }]);
    expect(summary.groupMeans.fast_spiking.Na_gNa).toBeCloseTo(0.4, 12);
    expect(summary.groupMeans.slow_spiking.Na_gNa).toBeCloseTo(0.05, 12);
    expect(summary.coords.source).toBe("layout");
    expect(summary.coords.x).toHaveLength(24);
    expect(summary.coords.branchPaths).toHaveLength(12);
  });

  it("gives .view tables of all compartments, a group and a selection, with editable numeric columns", () => {
    const { engine } = loaded();
    const all = engine.table({ kind: "all" });
    expect(all.index).toHaveLength(24);
    expect(all.columns.slice(0, 6)).toEqual([
      "local_cell_index",
      "local_branch_index",
      "local_comp_index",
      "global_cell_index",
      "global_branch_index",
      "global_comp_index",
    ]);
    const editable = all.columns.filter((_, i) => all.editable[i]);
    expect(editable).toEqual(expect.arrayContaining(["radius", "Na_gNa", "v"]));
    expect(editable).not.toContain("Na");
    expect(editable).not.toContain("global_comp_index");
    const fast = engine.table({ kind: "group", name: "fast_spiking" });
    expect(fast.index).toHaveLength(16);
    expect(fast.data[fast.columns.indexOf("Na_gNa")]).toEqual(Array(16).fill(0.4));
    const sel = engine.table({ kind: "nodes", nodes: [2, 3, 10, 11] });
    expect(sel.data[sel.columns.indexOf("local_cell_index")]).toEqual([0, 0, 1, 1]);
    expect(() => engine.table({ kind: "group", name: "nope" })).toThrow(/nope/);
  });

  it("simulates the recordings: one spiking voltage trace of 801 samples", () => {
    const { engine } = loaded();
    const t = engine.simulate({ tMax: 20, dt: 0.025, solver: "bwd_euler" });
    expect(t.nSamples).toBe(801);
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0].label).toBe("cell 0 · branch 0 · comp 0 · v");
    expect(t.rows[0].values[0]).toBeCloseTo(-70, 5);
    expect(Math.max(...t.rows[0].values)).toBeGreaterThan(20);
  });

  it("gives columns for colouring and rejects malformed models", () => {
    const { engine } = loaded();
    expect(engine.column("radius")).toEqual(Array(24).fill(1));
    expect(() => engine.column("nope")).toThrow(/Unknown column 'nope'/);
    expect(() => new ModelEngine().load({ format: "x" } as never)).toThrow(/model.format/);
  });
});
