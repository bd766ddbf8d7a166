/**
 * Selection in the tree and the morphology: items are cells, branches and compartments;
 * click selects one, ctrl/cmd-click toggles, shift-click selects the range from the
 * anchor in the visible order (adding to the selection with ctrl/cmd held).
 */
import type { Topology } from "./topology.js";

/** A tree item: `cell:0`, `branch:0:1` (cell 0, branch 1), `comp:0:1:0`. */
export type ItemKey = string;

export interface Selection {
  /** Selected items, in the order they were selected. */
  keys: ItemKey[];
  /** Where a shift-click range starts. */
  anchor: ItemKey | null;
}

export const EMPTY_SELECTION: Selection = { keys: [], anchor: null };

export const cellKey = (c: number): ItemKey => `cell:${c}`;
export const branchKey = (c: number, b: number): ItemKey => `branch:${c}:${b}`;
export const compKey = (c: number, b: number, k: number): ItemKey => `comp:${c}:${b}:${k}`;

/** Modifier keys of a click. */
export interface ClickModifiers {
  toggle?: boolean;
  range?: boolean;
}

/**
 * The selection after clicking `key`. `visible` is the order of items as shown (needed
 * for shift ranges).
 */
export function clickItem(sel: Selection, key: ItemKey, mods: ClickModifiers, visible: readonly ItemKey[]): Selection {
  if (mods.range && sel.anchor !== null) {
    const a = visible.indexOf(sel.anchor);
    const b = visible.indexOf(key);
    if (a >= 0 && b >= 0) {
      const range = visible.slice(Math.min(a, b), Math.max(a, b) + 1);
      const keys = mods.toggle ? [...sel.keys, ...range.filter((k) => !sel.keys.includes(k))] : range;
      return { keys, anchor: sel.anchor };
    }
  }
  if (mods.toggle) {
    const keys = sel.keys.includes(key) ? sel.keys.filter((k) => k !== key) : [...sel.keys, key];
    return { keys, anchor: key };
  }
  return { keys: [key], anchor: key };
}

/** The global compartments of the selected items, ascending. */
export function selectedNodes(sel: Selection, topo: Topology): number[] {
  const out = new Set<number>();
  for (const key of sel.keys) for (const n of nodesOfItem(key, topo)) out.add(n);
  return [...out].sort((a, b) => a - b);
}

/** The compartments of one item (none if the item does not exist in this topology). */
export function nodesOfItem(key: ItemKey, topo: Topology): number[] {
  const [kind, ...rest] = key.split(":");
  const [c, b, k] = rest.map(Number);
  if (!(c >= 0 && c < topo.nCells)) return [];
  if (kind === "cell") return topo.compsOfCell(c);
  const branches = topo.cells[c].branches;
  if (!(b >= 0 && b < branches.length)) return [];
  if (kind === "branch") return topo.compsOfBranch(c, b);
  if (kind === "comp" && k >= 0 && k < branches[b].ncomp) return [topo.globalComp(c, b, k)];
  return [];
}

/** Drops items that no longer exist (after the model changed). */
export function pruneSelection(sel: Selection, topo: Topology): Selection {
  const keys = sel.keys.filter((k) => nodesOfItem(k, topo).length > 0);
  return { keys, anchor: sel.anchor && keys.includes(sel.anchor) ? sel.anchor : (keys[0] ?? null) };
}
