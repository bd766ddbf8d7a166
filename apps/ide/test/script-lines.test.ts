import { describe, expect, it } from "vitest";
import { applyEdit } from "../src/session/script-edits.js";
import { deleteGroupInScript, renameGroupInScript } from "../src/session/group-lines.js";
import { replaceSetLines } from "../src/session/script-lines.js";
import { changedHunks, changedLines } from "../src/ui/editor/line-diff.js";
import { TUTORIAL_SCRIPT, tutorialTopology } from "./helpers.js";

const topo = tutorialTopology();

describe("set lines for a target and key already set", () => {
  it("replaces the tutorial's fast_spiking Na_gNa line where it is", () => {
    const { script, lines } = applyEdit(
      TUTORIAL_SCRIPT,
      { kind: "set", target: { kind: "group", name: "fast_spiking" }, key: "Na_gNa", value: 0.3 },
      topo,
    );
    expect(lines).toEqual(['network.group("fast_spiking").set("Na_gNa", 0.3);']);
    expect(script.match(/set\("Na_gNa"/g)).toHaveLength(1);
    expect(script).toContain(
      'network.cell(2).addToGroup("slow_spiking");\nnetwork.group("fast_spiking").set("Na_gNa", 0.3);',
    );
    expect(script.split("\n")).toHaveLength(TUTORIAL_SCRIPT.split("\n").length);
  });

  it("moves the line to the end when a later line names the key (the last set wins)", () => {
    const s = 'a.group("g").set("k", 1);\na.cell(0).set("k", 2);\nexport default a;';
    const r = replaceSetLines(s, ['a.group("g").set("k", 3);']);
    expect(r.script).toBe('a.cell(0).set("k", 2);\nexport default a;');
    expect(r.rest).toEqual(['a.group("g").set("k", 3);']);
  });

  it("matches a set written over several lines, and leaves other keys and targets alone", () => {
    const s = 'a\n  .cell(0)\n  .set("k", 1);\na.cell(1).set("j", 1);\na.cell(0).set("j", 1);';
    const r = replaceSetLines(s, ['a.cell(0).set("k", 5);', 'a.cell(2).set("k", 5);']);
    expect(r.script).toBe('a.cell(0).set("k", 5);\na.cell(1).set("j", 1);\na.cell(0).set("j", 1);');
    expect(r.rest).toEqual(['a.cell(2).set("k", 5);']);
  });
});

describe("renaming and deleting groups in the script", () => {
  it("renames every literal and property use, not other strings", () => {
    const s =
      'network.cell(0).addToGroup("fast");\nnetwork.group(\'fast\').set("x", 1);\nnetwork.fast.record();\nconsole.log("fast");\nnetwork.faster.set("y", 1);';
    const r = renameGroupInScript(s, "network", "fast", "quick");
    expect(r.count).toBe(3);
    expect(r.script).toBe(
      'network.cell(0).addToGroup("quick");\nnetwork.group("quick").set("x", 1);\nnetwork.quick.record();\nconsole.log("fast");\nnetwork.faster.set("y", 1);',
    );
  });

  it("deletes the tutorial's fast_spiking statements but not the lines inside a function", () => {
    const r = deleteGroupInScript(TUTORIAL_SCRIPT, "network", "fast_spiking");
    expect(r.removed).toBe(2);
    expect(r.kept).toHaveLength(1);
    expect(r.script).not.toContain('addToGroup("fast_spiking")');
    expect(r.script).not.toContain('group("fast_spiking").set');
    expect(r.script).toContain('ps = network.group("fast_spiking").dataSet');
    expect(r.script).toContain('network.cell(2).addToGroup("slow_spiking");');
  });

  it("deletes a chained statement over several lines whole", () => {
    const s = 'network\n  .cell(0)\n  .addToGroup("g");\nnetwork.cell(1).record("v");';
    expect(deleteGroupInScript(s, "network", "g").script).toBe('network.cell(1).record("v");');
  });
});

describe("changed lines", () => {
  it("finds inserted, replaced and removed lines", () => {
    expect(changedLines("a\nb\nc", "a\nx\ny\nb\nc")).toEqual({ from: 2, to: 3 });
    expect(changedLines("a\nb\nc", "a\nB\nc")).toEqual({ from: 2, to: 2 });
    expect(changedLines("a\nb\nc", "a\nc")).toEqual({ from: 2, to: 1 });
    expect(changedLines("a", "a")).toBeNull();
  });

  it("separates an import at the top from lines at the end", () => {
    const before = "import a;\nx\ny\nz\nexport default n;";
    const after = "import a;\nimport b;\nx\ny\nz\nn.insert(b);\nexport default n;";
    expect(changedHunks(before, after)).toEqual([
      { from: 2, to: 2 },
      { from: 6, to: 6 },
    ]);
    expect(changedHunks("a\nb\nc", "a\nB\nc")).toEqual([{ from: 2, to: 2 }]);
    expect(changedHunks("a\nb\nc\nd", "a\nd")).toEqual([{ from: 2, to: 1 }]);
  });
});
