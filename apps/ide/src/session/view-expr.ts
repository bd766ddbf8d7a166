/**
 * Turning a set of compartments into the shortest API expressions that select them,
 * e.g. branches 1 and 3 of every cell -> `network.cell("all").branch([1, 3])`.
 * Indices are those of a view taken from the whole model, as in the script.
 */
import type { Topology } from "./topology.js";

/** Formats an index argument: `2`, `[0, 2]`, or `"all"` when it lists every one of `total`. */
export function indexArg(list: readonly number[], total: number): string {
  if (list.length === total && total > 1) return '"all"';
  return list.length === 1 ? String(list[0]) : `[${list.join(", ")}]`;
}

interface Part {
  cells: number[];
  suffix: string;
}

/**
 * Expressions (on `root`) whose views together hold exactly `nodes`. Whole cells come
 * first, then whole branches grouped by cells with the same branch list, then single
 * compartments grouped the same way.
 *
 * @example viewExpressions(topo, [2, 3, 6, 7, 10, 11, ...]) // ['network.cell("all").branch([1, 3])']
 */
export function viewExpressions(topo: Topology, nodes: Iterable<number>, root = "network"): string[] {
  const selected = new Set(nodes);
  if (selected.size === 0) return [];
  if (selected.size === topo.nComp) return [root];
  const wholeCells: number[] = [];
  const branchParts = new Map<string, Part>();
  const compParts = new Map<string, Part>();
  const addTo = (parts: Map<string, Part>, suffix: string, cell: number) => {
    const p = parts.get(suffix) ?? { cells: [], suffix };
    p.cells.push(cell);
    parts.set(suffix, p);
  };
  topo.cells.forEach((shape, c) => {
    const comps = topo.compsOfCell(c);
    const count = comps.filter((n) => selected.has(n)).length;
    if (count === 0) return;
    if (count === comps.length) {
      wholeCells.push(c);
      return;
    }
    const wholeBranches: number[] = [];
    shape.branches.forEach((b, bi) => {
      const inBranch = topo
        .compsOfBranch(c, bi)
        .map((n, j) => (selected.has(n) ? j : -1))
        .filter((j) => j >= 0);
      if (inBranch.length === b.ncomp) wholeBranches.push(bi);
      else if (inBranch.length > 0) addTo(compParts, `.branch(${bi}).comp(${indexArg(inBranch, b.ncomp)})`, c);
    });
    if (wholeBranches.length > 0) addTo(branchParts, `.branch(${indexArg(wholeBranches, shape.branches.length)})`, c);
  });
  const cellsArg = (cells: number[]) => indexArg(cells, topo.nCells);
  const out: string[] = [];
  if (wholeCells.length > 0) out.push(`${root}.cell(${cellsArg(wholeCells)})`);
  for (const parts of [branchParts, compParts]) {
    for (const p of parts.values()) out.push(`${root}.cell(${cellsArg(p.cells)})${p.suffix}`);
  }
  return out;
}
