/**
 * Selections: which compartments and synapses a view holds, and how local indices
 * (as in Jaxley: ranks within the current view) map to global ones.
 */
import { DendrolabError } from "../errors.js";
import type { ModelData } from "./data.js";

/** A selection argument: one index, a list of indices, or "all". */
export type IndexArg = number | readonly number[] | "all";

/** How `makeTrainable` shares values among the rows of a view (Jaxley's rules). */
export type Sharing = "shared" | "cell" | "branch" | "comp" | "row" | "edge";

function normaliseIndices(arg: IndexArg, level: string, count: number, where: string): number[] | "all" {
  if (arg === "all") return "all";
  if (typeof arg !== "number" && !Array.isArray(arg) && !ArrayBuffer.isView(arg)) {
    throw new DendrolabError(`${level}(...) takes a number, a list of numbers or "all"${where}; got ${String(arg)}.`);
  }
  const list = typeof arg === "number" ? [arg] : Array.from(arg);
  for (const i of list) {
    if (!Number.isInteger(i)) {
      throw new DendrolabError(`${level} index must be an integer${where}; got ${String(i)}.`);
    }
    if (i < 0 || i >= count) {
      const range = count === 0 ? "there are none" : `valid: 0 to ${count - 1}`;
      throw new DendrolabError(`${level} index ${i} is out of range${where} (${range}).`);
    }
  }
  return list;
}

/**
 * Keeps the nodes whose rank within their parent unit is listed. `unitOf` gives the unit
 * (cell, branch or compartment) of a node, `parentOf` the unit's parent (or 0).
 */
function selectByRank(
  nodes: Int32Array,
  unitOf: (node: number) => number,
  parentOf: (node: number) => number,
  arg: IndexArg,
  level: string,
  where: string,
): Int32Array {
  // Rank of each unit within its parent, in order of appearance (nodes are sorted).
  const rankOfUnit = new Map<number, number>();
  const countInParent = new Map<number, number>();
  for (let i = 0; i < nodes.length; i++) {
    const u = unitOf(nodes[i]);
    if (!rankOfUnit.has(u)) {
      const p = parentOf(nodes[i]);
      const r = countInParent.get(p) ?? 0;
      rankOfUnit.set(u, r);
      countInParent.set(p, r + 1);
    }
  }
  let maxCount = 0;
  for (const c of countInParent.values()) maxCount = Math.max(maxCount, c);
  const wanted = normaliseIndices(arg, level, maxCount, where);
  if (wanted === "all") return nodes;
  const want = new Set(wanted);
  const out: number[] = [];
  for (let i = 0; i < nodes.length; i++) {
    if (want.has(rankOfUnit.get(unitOf(nodes[i]))!)) out.push(nodes[i]);
  }
  return Int32Array.from(out);
}

/** `view.cell(i)`: the i-th cell(s) of the view. */
export function selectCells(d: ModelData, nodes: Int32Array, arg: IndexArg, where: string): Int32Array {
  const t = d.topo;
  return selectByRank(nodes, (n) => t.compCell[n], () => 0, arg, "cell", where);
}

/** `view.branch(i)`: the i-th branch(es) within each cell of the view. */
export function selectBranches(d: ModelData, nodes: Int32Array, arg: IndexArg, where: string): Int32Array {
  const t = d.topo;
  return selectByRank(nodes, (n) => t.compBranch[n], (n) => t.compCell[n], arg, "branch", where);
}

/** `view.comp(i)`: the i-th compartment(s) within each branch of the view. */
export function selectComps(d: ModelData, nodes: Int32Array, arg: IndexArg, where: string): Int32Array {
  const t = d.topo;
  return selectByRank(nodes, (n) => n, (n) => t.compBranch[n], arg, "comp", where);
}

/**
 * `view.loc(x)`: in each branch of the view, the compartment containing x in [0, 1]
 * (compartment k covers [k/n, (k+1)/n); x = 1 is the last one).
 */
export function selectLoc(d: ModelData, nodes: Int32Array, x: number | readonly number[] | "all", where: string): Int32Array {
  if (x === "all") return nodes;
  const xs = typeof x === "number" ? [x] : Array.from(x);
  for (const v of xs) {
    if (!(typeof v === "number" && v >= 0 && v <= 1)) {
      throw new DendrolabError(`loc(x) needs x in [0, 1]${where}; got ${String(v)}.`);
    }
  }
  const t = d.topo;
  const inView = new Set(nodes);
  const out = new Set<number>();
  const seenBranches = new Set<number>();
  for (const n of nodes) {
    const b = t.compBranch[n];
    if (seenBranches.has(b)) continue;
    seenBranches.add(b);
    const nc = t.branchNComp[b];
    for (const v of xs) {
      const k = Math.min(Math.floor(v * nc), nc - 1);
      const g = t.branchFirstComp[b] + k;
      if (inView.has(g)) out.add(g);
    }
  }
  return Int32Array.from([...out].sort((a, b) => a - b));
}

/** Global compartment indices, validated and sorted without duplicates. */
export function selectNodes(d: ModelData, nodes: readonly number[], where: string): Int32Array {
  const set = new Set<number>();
  for (const n of nodes) {
    if (!Number.isInteger(n) || n < 0 || n >= d.nComp) {
      throw new DendrolabError(`select: node ${String(n)} is out of range${where} (valid: 0 to ${d.nComp - 1}).`);
    }
    set.add(n);
  }
  return Int32Array.from([...set].sort((a, b) => a - b));
}

/** Global edge indices, validated and sorted without duplicates. */
export function selectEdgeIndices(d: ModelData, edges: readonly number[], where: string): Int32Array {
  const set = new Set<number>();
  for (const e of edges) {
    if (!Number.isInteger(e) || e < 0 || e >= d.edges.length) {
      const range = d.edges.length === 0 ? "there are no synapses" : `valid: 0 to ${d.edges.length - 1}`;
      throw new DendrolabError(`edge ${String(e)} is out of range${where} (${range}).`);
    }
    set.add(e);
  }
  return Int32Array.from([...set].sort((a, b) => a - b));
}

/** The synapses that touch (pre or post) a compartment of the view. */
export function edgesOfNodes(d: ModelData, nodes: Int32Array): Int32Array {
  if (d.edges.length === 0) return new Int32Array(0);
  const mask = new Uint8Array(d.nComp);
  for (const n of nodes) mask[n] = 1;
  const out: number[] = [];
  const { pre, post } = d.edges;
  for (let e = 0; e < pre.length; e++) if (mask[pre[e]] || mask[post[e]]) out.push(e);
  return Int32Array.from(out);
}

/** `view.edge(i)`: the i-th synapse(s) of the view (by rank among the view's synapses). */
export function selectEdgesByRank(edges: Int32Array, arg: IndexArg, where: string): Int32Array {
  const wanted = normaliseIndices(arg, "edge", edges.length, where);
  if (wanted === "all") return edges;
  return Int32Array.from([...new Set(wanted)].sort((a, b) => a - b).map((i) => edges[i]));
}

/** The nodes of a view that belong to group `name`. */
export function selectGroup(d: ModelData, nodes: Int32Array, name: string): Int32Array {
  const mask = d.groups.get(name)!;
  return nodes.filter((n) => mask[n] === 1);
}
