/** The model tree's keyboard: arrows, Home/End, Right/Left to expand and collapse, Enter/Space to select. */
import { describe, expect, it } from "vitest";
import { treeKeyAction } from "../src/ui/tree/tree-keys.js";

// network (-1) > cell 0 (0, expanded) > branch 0 (1, collapsed), branch 1 (2, expanded) > comp 0 (3); cell 1 (4)
const rows = [
  { depth: 1, expandable: true },
  { depth: 2, expandable: true },
  { depth: 2, expandable: true },
  { depth: 3, expandable: false },
  { depth: 1, expandable: true },
];
const expanded = new Set([0, 2]);
const act = (key: string, position: number) => treeKeyAction(key, position, rows, (p) => expanded.has(p));

describe("tree keyboard", () => {
  it("moves the focus with the arrows and Home/End, stopping at the ends", () => {
    expect(act("ArrowDown", -1)).toEqual({ kind: "focus", position: 0 });
    expect(act("ArrowDown", 4)).toEqual({ kind: "focus", position: 4 });
    expect(act("ArrowUp", 0)).toEqual({ kind: "focus", position: -1 });
    expect(act("ArrowUp", -1)).toEqual({ kind: "focus", position: -1 });
    expect(act("Home", 3)).toEqual({ kind: "focus", position: -1 });
    expect(act("End", 0)).toEqual({ kind: "focus", position: 4 });
  });

  it("Right expands a collapsed row, else goes to its first child; leaves stay", () => {
    expect(act("ArrowRight", 1)).toEqual({ kind: "toggle", position: 1 });
    expect(act("ArrowRight", 2)).toEqual({ kind: "focus", position: 3 });
    expect(act("ArrowRight", -1)).toEqual({ kind: "focus", position: 0 });
    expect(act("ArrowRight", 3)).toEqual({ kind: "focus", position: 3 });
  });

  it("Left collapses an expanded row, else goes to its parent (the network row for cells)", () => {
    expect(act("ArrowLeft", 2)).toEqual({ kind: "toggle", position: 2 });
    expect(act("ArrowLeft", 3)).toEqual({ kind: "focus", position: 2 });
    expect(act("ArrowLeft", 1)).toEqual({ kind: "focus", position: 0 });
    expect(act("ArrowLeft", 4)).toEqual({ kind: "focus", position: -1 });
    expect(act("ArrowLeft", -1)).toEqual({ kind: "focus", position: -1 });
  });

  it("Enter and Space select; other keys are not the tree's", () => {
    expect(act("Enter", 3)).toEqual({ kind: "select", position: 3 });
    expect(act(" ", -1)).toEqual({ kind: "select", position: -1 });
    expect(act("a", 0)).toBeNull();
    expect(act("Tab", 0)).toBeNull();
  });
});

describe("tree keyboard: shift extends the selection", () => {
  const shift = (key: string, position: number) => treeKeyAction(key, position, rows, (p) => expanded.has(p), true);
  it("Shift+Up/Down/Home/End extend to the row they move to, within the selectable rows", () => {
    expect(shift("ArrowDown", 1)).toEqual({ kind: "extend", position: 2 });
    expect(shift("ArrowUp", 1)).toEqual({ kind: "extend", position: 0 });
    expect(shift("ArrowUp", 0)).toEqual({ kind: "extend", position: 0 });
    expect(shift("ArrowDown", 4)).toEqual({ kind: "extend", position: 4 });
    expect(shift("End", 1)).toEqual({ kind: "extend", position: 4 });
    expect(shift("Home", 3)).toEqual({ kind: "extend", position: 0 });
    expect(shift("ArrowRight", 1)).toEqual({ kind: "toggle", position: 1 });
  });
});
