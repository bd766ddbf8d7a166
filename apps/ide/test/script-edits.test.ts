import { describe, expect, it } from "vitest";
import { serializeModel } from "@dendrolab/core/io";
import { runScript } from "../src/sandbox/run-script.js";
import { applyEdit, insertLines, numberLiteral, roundTrained, scriptNames } from "../src/session/script-edits.js";
import { ModelEngine } from "../src/workers/model-engine.js";
import { TUTORIAL_SCRIPT, tutorialTopology } from "./helpers.js";

const topo = tutorialTopology();
const apicalNodes = [0, 1, 2].flatMap((c) => [1, 3].flatMap((b) => topo.compsOfBranch(c, b)));

function tableOf(script: string, group: string) {
  const engine = new ModelEngine();
  engine.load(serializeModel(runScript(script, () => undefined)));
  return engine.table({ kind: "group", name: group });
}

describe("GUI edits as script lines", () => {
  it("finds the model variable and the core namespace", () => {
    expect(scriptNames(TUTORIAL_SCRIPT)).toEqual({ model: "network", jx: "jx" });
    expect(scriptNames('import * as dl from "@dendrolab/core";\nconst net = 1;\nexport default net;')).toEqual({
      model: "net",
      jx: "dl",
    });
    expect(scriptNames("const network = 1;").model).toBe("network");
  });

  it("writes 'add to group apical' as one compact line before export default, and it builds the tutorial's group", () => {
    const { script, lines, label } = applyEdit(
      TUTORIAL_SCRIPT,
      { kind: "addToGroup", nodes: apicalNodes, group: "apical" },
      topo,
    );
    expect(lines).toEqual(['network.cell("all").branch([1, 3]).addToGroup("apical");']);
    expect(label).toBe("Add to group apical");
    expect(
      script.trimEnd().endsWith('network.cell("all").branch([1, 3]).addToGroup("apical");\n\nexport default network;'),
    ).toBe(true);
    const next = applyEdit(
      script,
      { kind: "set", target: { kind: "group", name: "apical" }, key: "radius", value: 0.3 },
      topo,
    );
    expect(next.lines).toEqual(['network.group("apical").set("radius", 0.3);']);
    const t = tableOf(next.script, "apical");
    expect(t.index).toEqual([2, 3, 6, 7, 10, 11, 14, 15, 18, 19, 22, 23]);
    expect(t.data[t.columns.indexOf("radius")]).toEqual(Array(12).fill(0.3));
  });

  it("writes instruments and trained values", () => {
    const stim = applyEdit(
      TUTORIAL_SCRIPT,
      { kind: "stimulate", nodes: [16], delay: 2, duration: 10, amplitude: 0.25, dt: 0.025, tMax: 30 },
      topo,
    );
    expect(stim.lines).toEqual([
      "network.cell(2).branch(0).comp(0).stimulate(jx.stepCurrent(2, 10, 0.25, 0.025, 30));",
    ]);
    const rec = applyEdit(TUTORIAL_SCRIPT, { kind: "record", nodes: [16, 8], state: "v" }, topo);
    expect(rec.lines).toEqual(['network.cell([1, 2]).branch(0).comp(0).record("v");']);
    const trained = applyEdit(
      TUTORIAL_SCRIPT,
      { kind: "applyTrained", values: [{ group: "fast_spiking", key: "Na_gNa", value: 0.2000001234 }] },
      topo,
    );
    expect(trained.lines).toEqual(['network.group("fast_spiking").set("Na_gNa", 0.2);']);
    const noNs = applyEdit(
      "const network = x;\n",
      { kind: "stimulate", nodes: [0], delay: 1, duration: 1, amplitude: 1, dt: 0.1, tMax: 5 },
      topo,
    );
    expect(noNs.script.startsWith('import * as jx from "@dendrolab/core";\n')).toBe(true);
  });

  it("appends when there is no export default, and formats numbers exactly", () => {
    expect(insertLines("a;\n\n", ["b;"])).toBe("a;\nb;\n");
    expect(numberLiteral(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(numberLiteral(-0)).toBe("0");
    expect(() => numberLiteral(NaN)).toThrow();
    expect(roundTrained(0.123456789)).toBe(0.123457);
  });
});
