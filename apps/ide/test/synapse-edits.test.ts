import { serializeModel } from "@dendrolab/core/io";
import { describe, expect, it } from "vitest";
import { runScript } from "../src/sandbox/run-script.js";
import { applyEdit } from "../src/session/script-edits.js";
import { ModelEngine } from "../src/workers/model-engine.js";
import { TUTORIAL_SCRIPT, tutorialTopology } from "./helpers.js";

const topo = tutorialTopology();
const syn = { kind: "module", module: "@dendrolab/core/synapses", exportName: "IonotropicSynapse" } as const;

function engineOf(script: string) {
  const engine = new ModelEngine();
  engine.load(serializeModel(runScript(script, () => undefined)));
  return engine;
}

describe("synapses from the GUI as script lines", () => {
  it("writes sparseConnect with p and seed, and the model gets those synapses", () => {
    const { script, lines } = applyEdit(
      TUTORIAL_SCRIPT,
      {
        kind: "connect",
        how: "sparseConnect",
        pre: { kind: "group", name: "slow_spiking" },
        post: { kind: "nodes", nodes: [0, 1, 8, 9] },
        synapse: syn,
        name: "IonotropicSynapse",
        p: 1,
        seed: 3,
      },
      topo,
    );
    expect(lines).toEqual([
      'jx.sparseConnect(network.group("slow_spiking"), network.cell([0, 1]).branch(0), new IonotropicSynapse(), 1, { seed: 3 });',
    ]);
    // The tutorial imports IonotropicSynapse already (the first name in its braces): no second import.
    expect(script.match(/import \{ IonotropicSynapse \}/g)).toHaveLength(1);
    const t = engineOf(script).edgeTable();
    expect(t.index).toHaveLength(4); // the tutorial's 2, and cell 2 onto cells 0 and 1
    expect(t.editable[t.columns.indexOf("IonotropicSynapse_gS")]).toBe(true);
    expect(t.editable[t.columns.indexOf("type")]).toBe(false);
  });

  it("writes set on one synapse and on all, replacing an earlier line for the same edge and key", () => {
    const one = applyEdit(
      TUTORIAL_SCRIPT,
      { kind: "setEdge", edges: [1], key: "IonotropicSynapse_gS", value: 0.7 },
      topo,
    );
    expect(one.lines).toEqual(['network.edge(1).set("IonotropicSynapse_gS", 0.7);']);
    const again = applyEdit(one.script, { kind: "setEdge", edges: [1], key: "IonotropicSynapse_gS", value: 0.2 }, topo);
    expect(again.script.match(/edge\(1\)/g)).toHaveLength(1);
    const t = engineOf(again.script).edgeTable();
    expect(t.data[t.columns.indexOf("IonotropicSynapse_gS")][1]).toBe(0.2);
    const all = applyEdit(
      TUTORIAL_SCRIPT,
      { kind: "setEdge", edges: "all", key: "IonotropicSynapse_gS", value: 0.3 },
      topo,
    );
    const ta = engineOf(all.script).edgeTable();
    expect(ta.data[ta.columns.indexOf("IonotropicSynapse_gS")]).toEqual([0.3, 0.3]);
  });

  it("applies a trained synapse parameter with named()", () => {
    const { lines } = applyEdit(
      TUTORIAL_SCRIPT,
      { kind: "applyTrained", values: [{ group: "IonotropicSynapse", key: "IonotropicSynapse_gS", value: 0.25 }] },
      topo,
    );
    expect(lines).toEqual(['network.named("IonotropicSynapse").set("IonotropicSynapse_gS", 0.25);']);
  });
});

describe("training a synapse type's parameter", () => {
  it("starts from the synapses' value and moves towards the target", async () => {
    const { insertLines } = await import("../src/session/script-edits.js");
    const { train } = await import("../src/workers/trainer-loop.js");
    const script = insertLines(TUTORIAL_SCRIPT, ['network.cell(2).branch(0).comp(0).record("v");']);
    const model = serializeModel(runScript(script, () => undefined));
    let initial: number[] = [];
    const r = await train(
      {
        model,
        sim: { tMax: 20, dt: 0.025, solver: "bwd_euler" },
        params: [{ group: "IonotropicSynapse", key: "IonotropicSynapse_gS", target: 0.002 }],
        target: { kind: "model" },
        loss: "mse",
        lr: 0.2,
        steps: 4,
        transform: "log",
        gradient: "auto",
      },
      {
        started: (i) => {
          initial = i.initial;
        },
        progress: () => undefined,
        shouldStop: () => false,
      },
    );
    expect(initial[0]).toBeCloseTo(1e-4, 12);
    expect(r.values[0]).toBeGreaterThan(1e-4);
  }, 120_000);
});
