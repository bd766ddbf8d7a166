import { describe, expect, it } from "vitest";
import {
  branchKey,
  cellKey,
  clickItem,
  EMPTY_SELECTION,
  nodesOfItem,
  pruneSelection,
  selectedNodes,
} from "../src/session/selection.js";
import { Topology } from "../src/session/topology.js";
import { tutorialTopology } from "./helpers.js";

describe("tree selection", () => {
  const topo = tutorialTopology();
  const visible = [cellKey(0), branchKey(0, 0), branchKey(0, 1), branchKey(0, 2), branchKey(0, 3), cellKey(1)];

  it("click selects one item, ctrl-click toggles, shift-click takes the range from the anchor", () => {
    let s = clickItem(EMPTY_SELECTION, branchKey(0, 1), {}, visible);
    expect(s.keys).toEqual(["branch:0:1"]);
    s = clickItem(s, branchKey(0, 3), { toggle: true }, visible);
    expect(s.keys).toEqual(["branch:0:1", "branch:0:3"]);
    s = clickItem(s, branchKey(0, 1), { toggle: true }, visible);
    expect(s.keys).toEqual(["branch:0:3"]);
    s = clickItem(s, cellKey(1), { range: true }, visible);
    expect(s.keys).toEqual(["branch:0:1", "branch:0:2", "branch:0:3", "cell:1"]); // anchor: the last toggled item
    s = clickItem(s, branchKey(0, 0), { range: true }, visible);
    expect(s.keys).toEqual(["branch:0:0", "branch:0:1"]);
    s = clickItem({ keys: ["cell:1"], anchor: "branch:0:0" }, branchKey(0, 1), { range: true, toggle: true }, visible);
    expect(s.keys).toEqual(["cell:1", "branch:0:0", "branch:0:1"]);
  });

  it("maps items to compartments and prunes items that vanished", () => {
    expect(nodesOfItem("cell:1", topo)).toEqual([8, 9, 10, 11, 12, 13, 14, 15]);
    expect(nodesOfItem("comp:2:3:1", topo)).toEqual([23]);
    expect(nodesOfItem("branch:5:0", topo)).toEqual([]);
    const s = { keys: ["branch:0:1", "cell:2", "branch:0:3"], anchor: "cell:2" };
    expect(selectedNodes(s, topo)).toEqual([2, 3, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23]);
    const small = new Topology([{ branches: [{ parent: -1, ncomp: 1 }] }]);
    expect(pruneSelection(s, small)).toEqual({ keys: [], anchor: null });
  });
});
