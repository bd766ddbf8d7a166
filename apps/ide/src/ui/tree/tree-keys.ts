/**
 * The model tree's keyboard (the WAI-ARIA tree pattern): arrows move the focus, Right and
 * Left expand and collapse, Enter and Space select (Enter also shows the row's table),
 * Shift with Up, Down, Home or End extends the selection to the row it moves to. Pure,
 * so that it is testable.
 * Positions: -1 is the network row, 0..n-1 the rows of `treeRows`.
 */
import type { TreeRow } from "./tree-model.js";

/** What a key press does in the tree. */
export type TreeKeyAction =
  | { kind: "focus"; position: number }
  | { kind: "toggle"; position: number }
  | { kind: "select"; position: number }
  /** Move the focus and extend the selection from its anchor to there (shift+arrows). */
  | { kind: "extend"; position: number }
  | null;

/**
 * The action of `key` pressed on the row at `position` (-1: the network row) of `rows`,
 * given which rows are expanded; null for keys the tree does not handle.
 */
export function treeKeyAction(
  key: string,
  position: number,
  rows: readonly Pick<TreeRow, "depth" | "expandable">[],
  isExpanded: (position: number) => boolean,
  shift = false,
): TreeKeyAction {
  const last = rows.length - 1;
  const row = position >= 0 ? rows[position] : undefined;
  if (shift) {
    const to = { ArrowDown: position + 1, ArrowUp: position - 1, Home: 0, End: last }[key];
    // The network row (-1) is not selectable: ranges stop at the first row.
    if (to !== undefined) return { kind: "extend", position: Math.min(last, Math.max(0, to)) };
  }
  switch (key) {
    case "ArrowDown":
      return { kind: "focus", position: Math.min(last, position + 1) };
    case "ArrowUp":
      return { kind: "focus", position: Math.max(-1, position - 1) };
    case "Home":
      return { kind: "focus", position: -1 };
    case "End":
      return { kind: "focus", position: last };
    case "ArrowRight":
      if (row?.expandable && !isExpanded(position)) return { kind: "toggle", position };
      // Expanded (or the network row): to the first child.
      if (position < last && (row === undefined || rows[position + 1].depth > row.depth))
        return { kind: "focus", position: position + 1 };
      return { kind: "focus", position };
    case "ArrowLeft": {
      if (row?.expandable && isExpanded(position)) return { kind: "toggle", position };
      if (!row) return { kind: "focus", position };
      let p = position - 1;
      while (p >= 0 && rows[p].depth >= row.depth) p--;
      return { kind: "focus", position: p };
    }
    case "Enter":
    case " ":
      return { kind: "select", position };
    default:
      return null;
  }
}
