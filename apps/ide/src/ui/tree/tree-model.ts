/**
 * The rows the tree shows, in order, given which items are expanded. Pure, so that the
 * visible order used for shift-ranges is testable.
 */
import type { CellShape } from "../../protocol/model.js";
import { branchKey, cellKey, compKey, type ItemKey } from "../../session/selection.js";

export interface TreeRow {
  key: ItemKey;
  depth: number;
  label: string;
  detail: string;
  expandable: boolean;
  testid: string;
}

export function treeRows(cells: readonly CellShape[], expanded: ReadonlySet<ItemKey>): TreeRow[] {
  const rows: TreeRow[] = [];
  cells.forEach((cell, c) => {
    const nComp = cell.branches.reduce((s, b) => s + b.ncomp, 0);
    const ck = cellKey(c);
    rows.push({
      key: ck,
      depth: 1,
      label: `cell ${c}`,
      detail: `${cell.branches.length} branches · ${nComp} comps`,
      expandable: true,
      testid: `tree-cell-${c}`,
    });
    if (!expanded.has(ck)) return;
    cell.branches.forEach((b, bi) => {
      const bk = branchKey(c, bi);
      const parent = b.parent < 0 ? "root" : `child of ${b.parent}`;
      rows.push({
        key: bk,
        depth: 2,
        label: `branch ${bi}`,
        detail: `${parent} · ${b.ncomp} comps`,
        expandable: true,
        testid: `tree-branch-${c}-${bi}`,
      });
      if (!expanded.has(bk)) return;
      for (let k = 0; k < b.ncomp; k++) {
        rows.push({
          key: compKey(c, bi, k),
          depth: 3,
          label: `comp ${k}`,
          detail: "",
          expandable: false,
          testid: `tree-comp-${c}-${bi}-${k}`,
        });
      }
    });
  });
  return rows;
}

/** Cells start expanded (showing branches) when there are few. */
export function defaultExpanded(cells: readonly CellShape[]): Set<ItemKey> {
  return new Set(cells.length <= 8 ? cells.map((_, c) => cellKey(c)) : []);
}

/** Trees with more rows than this are windowed (only the rows in view are rendered). */
export const VIRTUAL_FROM = 200;
