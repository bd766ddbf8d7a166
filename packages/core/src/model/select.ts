/**
 * Selections: which compartments and synapses a view holds, how local indices (as in
 * Jaxley: ranks within the current view) map to global ones, and groups (named sets of
 * compartments).
 */
import { DendrolabError, unknownNameError } from "../errors.js";
import { COORDINATE_KEYS, type ModelData, TRACED_GEOMETRY_KEYS } from "./data.js";
import { describe, edgeKeys, nodeKeys } from "./edit.js";
import { groupNameProblem } from "./group-name.js";

/** A selection argument: one index, a list of indices, or "all". */
export type IndexArg = number | readonly number[] | "all";

/** How `makeTrainable` shares values among the rows of a view (Jaxley's rules). */
export type Sharing = "shared" | "cell" | "branch" | "comp" | "row" | "edge";

function normaliseIndices(arg: IndexArg, level: string, count: number, where: string): number[] | "all" {
  if (arg === "all") return "all";
  if (typeof arg !== "number" && !Array.isArray(arg) && !ArrayBuffer.isView(arg)) {
    throw new DendrolabError(
      `${level}(...) takes a number, a list of numbers or "all"${where}; got ${String(arg)}.`,
      "INVALID_ARGUMENT",
    );
  }
  const list = typeof arg === "number" ? [arg] : Array.from(arg);
  for (const i of list) {
    if (!Number.isInteger(i)) {
      throw new DendrolabError(`${level} index must be an integer${where}; got ${String(i)}.`, "INVALID_ARGUMENT");
    }
    if (i < 0 || i >= count) {
      const range = count === 0 ? "there are none" : `valid: 0 to ${count - 1}`;
      throw new DendrolabError(`${level} index ${i} is out of range${where} (${range}).`, "INDEX_OUT_OF_RANGE");
    }
  }
  return list;
}

/**
 * Keeps the nodes whose rank within their parent unit is listed. `unitOf` gives the unit
 * (cell, branch or compartment; `nUnits` of them) of a node, `parentOf` the unit's parent
 * (`nParents` of them). Ranks are in order of appearance (nodes are sorted).
 */
function selectByRank(
  nodes: Int32Array,
  unitOf: ArrayLike<number> | null,
  nUnits: number,
  parentOf: ArrayLike<number> | null,
  nParents: number,
  arg: IndexArg,
  level: string,
  where: string,
): Int32Array {
  const unit = (n: number) => (unitOf ? unitOf[n] : n);
  const rankOfUnit = new Int32Array(nUnits).fill(-1);
  const countInParent = new Int32Array(Math.max(nParents, 1));
  let maxCount = 0;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    const u = unit(n);
    if (rankOfUnit[u] >= 0) continue;
    const p = parentOf ? parentOf[n] : 0;
    const r = countInParent[p]++;
    rankOfUnit[u] = r;
    if (r + 1 > maxCount) maxCount = r + 1;
  }
  const wanted = normaliseIndices(arg, level, maxCount, where);
  if (wanted === "all") return nodes;
  const want = new Uint8Array(maxCount);
  for (const w of wanted) want[w] = 1;
  let count = 0;
  for (let i = 0; i < nodes.length; i++) if (want[rankOfUnit[unit(nodes[i])]]) count++;
  const out = new Int32Array(count);
  for (let i = 0, j = 0; i < nodes.length; i++) if (want[rankOfUnit[unit(nodes[i])]]) out[j++] = nodes[i];
  return out;
}

/** `view.cell(i)`: the i-th cell(s) of the view. */
export function selectCells(d: ModelData, nodes: Int32Array, arg: IndexArg, where: string): Int32Array {
  const t = d.topo;
  return selectByRank(nodes, t.compCell, t.nCell, null, 1, arg, "cell", where);
}

/** `view.branch(i)`: the i-th branch(es) within each cell of the view. */
export function selectBranches(d: ModelData, nodes: Int32Array, arg: IndexArg, where: string): Int32Array {
  const t = d.topo;
  return selectByRank(nodes, t.compBranch, t.nBranch, t.compCell, t.nCell, arg, "branch", where);
}

/** `view.comp(i)`: the i-th compartment(s) within each branch of the view. */
export function selectComps(d: ModelData, nodes: Int32Array, arg: IndexArg, where: string): Int32Array {
  const t = d.topo;
  return selectByRank(nodes, null, t.nComp, t.compBranch, t.nBranch, arg, "comp", where);
}

/**
 * `view.loc(x)`: in each branch of the view, the compartment containing x in [0, 1]
 * (compartment k covers [k/n, (k+1)/n); x = 1 is the last one).
 */
export function selectLoc(
  d: ModelData,
  nodes: Int32Array,
  x: number | readonly number[] | "all",
  where: string,
): Int32Array {
  if (x === "all") return nodes;
  if (typeof x !== "number" && !Array.isArray(x) && !ArrayBuffer.isView(x)) {
    throw new DendrolabError(
      `loc(x) takes a number in [0, 1], a list of them or "all"${where}; got ${describe(x)}.`,
      "INVALID_ARGUMENT",
    );
  }
  const xs = typeof x === "number" ? [x] : Array.from(x);
  for (const v of xs) {
    if (!(typeof v === "number" && v >= 0 && v <= 1)) {
      throw new DendrolabError(`loc(x) needs x in [0, 1]${where}; got ${String(v)}.`, "INVALID_ARGUMENT");
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

function indexList(what: string, list: unknown, where: string): ArrayLike<number> {
  if (list == null || typeof list !== "object" || typeof (list as ArrayLike<number>).length !== "number") {
    throw new DendrolabError(
      `select({ ${what} }) takes a list of global indices${where}; got ${describe(list)}.`,
      "INVALID_ARGUMENT",
    );
  }
  return list as ArrayLike<number>;
}

/** Global compartment indices, validated and sorted without duplicates. */
export function selectNodes(d: ModelData, nodes: ArrayLike<number>, where: string): Int32Array {
  const list = indexList("nodes", nodes, where);
  const set = new Set<number>();
  for (let i = 0; i < list.length; i++) {
    const n = list[i];
    if (!Number.isInteger(n) || n < 0 || n >= d.nComp) {
      throw new DendrolabError(
        `select: node ${String(n)} is out of range${where} (valid: 0 to ${d.nComp - 1}).`,
        "INDEX_OUT_OF_RANGE",
      );
    }
    set.add(n);
  }
  return Int32Array.from(set).sort();
}

/** Global edge indices, validated and sorted without duplicates. */
export function selectEdgeIndices(d: ModelData, edges: ArrayLike<number>, where: string): Int32Array {
  const list = indexList("edges", edges, where);
  const set = new Set<number>();
  for (let i = 0; i < list.length; i++) {
    const e = list[i];
    if (!Number.isInteger(e) || e < 0 || e >= d.edges.length) {
      const range = d.edges.length === 0 ? "there are no synapses" : `valid: 0 to ${d.edges.length - 1}`;
      throw new DendrolabError(`edge ${String(e)} is out of range${where} (${range}).`, "INDEX_OUT_OF_RANGE");
    }
    set.add(e);
  }
  return Int32Array.from(set).sort();
}

/** The synapses that touch (pre or post) a compartment of the view, ascending. */
export function edgesOfNodes(d: ModelData, nodes: Int32Array): Int32Array {
  const { pre, post } = d.edges;
  const nEdges = pre.length;
  if (nEdges === 0) return new Int32Array(0);
  const mask = new Uint8Array(d.nComp);
  for (let i = 0; i < nodes.length; i++) mask[nodes[i]] = 1;
  const hit = new Uint8Array(nEdges);
  let count = 0;
  for (let e = 0; e < nEdges; e++) {
    if (mask[pre[e]] || mask[post[e]]) {
      hit[e] = 1;
      count++;
    }
  }
  const out = new Int32Array(count);
  for (let e = 0, j = 0; e < nEdges; e++) if (hit[e]) out[j++] = e;
  return out;
}

/** `view.edge(i)`: the i-th synapse(s) of the view (by rank among the view's synapses). */
export function selectEdgesByRank(edges: Int32Array, arg: IndexArg, where: string): Int32Array {
  const wanted = normaliseIndices(arg, "edge", edges.length, where);
  if (wanted === "all") return edges;
  return Int32Array.from([...new Set(wanted)].sort((a, b) => a - b).map((i) => edges[i]));
}

/** The nodes of a view that belong to group `name` (which must exist). */
export function selectGroup(d: ModelData, nodes: Int32Array, name: string, where = ""): Int32Array {
  const mask = d.groups.get(name);
  if (!mask) throw unknownNameError("group", String(name), [...d.groups.keys()], where.trim());
  return nodes.filter((n) => mask[n] === 1);
}

/** Columns of the compartment table that are not values (a group may not take these names). */
const INDEX_COLUMNS = [
  "local_cell_index",
  "local_branch_index",
  "local_comp_index",
  "global_cell_index",
  "global_branch_index",
  "global_comp_index",
] as const;

function groupList(d: ModelData): string {
  return d.groups.size > 0 ? [...d.groups.keys()].join(", ") : "(none)";
}

/**
 * Checks that `name` can name a group: an identifier (group-name.ts) that is not a channel, a
 * synapse type, a column of the tables or a member of views (`isMember`). Errors list
 * the groups that exist.
 */
export function checkGroupName(
  d: ModelData,
  name: unknown,
  isMember: (name: string) => boolean,
  where: string,
): asserts name is string {
  const existing = ` Existing groups: ${groupList(d)}.`;
  const problem = groupNameProblem(name, where);
  if (problem !== null || typeof name !== "string")
    throw new DendrolabError(`${problem}${existing}`, "INVALID_ARGUMENT");
  if (d.channels.some((c) => c.name === name)) {
    throw new DendrolabError(
      `Group name '${name}' clashes with a mechanism (the channel '${name}')${where}; choose another (e.g. '${name}_group').${existing}`,
      "NAME_CONFLICT",
    );
  }
  if (d.synapseTypes.has(name)) {
    throw new DendrolabError(
      `Group name '${name}' clashes with a mechanism (the synapse type '${name}')${where}; choose another (e.g. '${name}_group').${existing}`,
      "NAME_CONFLICT",
    );
  }
  const columns = new Set<string>([
    ...INDEX_COLUMNS,
    ...nodeKeys(d),
    ...edgeKeys(d),
    ...TRACED_GEOMETRY_KEYS,
    ...COORDINATE_KEYS,
  ]);
  if (columns.has(name)) {
    throw new DendrolabError(
      `Group name '${name}' clashes with the table column '${name}'${where}; choose another (e.g. '${name}_group').${existing}`,
      "NAME_CONFLICT",
    );
  }
  if (isMember(name)) {
    throw new DendrolabError(
      `Group name '${name}' clashes with a member of views (view.${name})${where}; choose another (e.g. '${name}_group').${existing}`,
      "NAME_CONFLICT",
    );
  }
}

/** Adds `nodes` to group `name`, creating it if new. */
export function addNodesToGroup(d: ModelData, nodes: Int32Array, name: string, where: string): void {
  if (nodes.length === 0) {
    throw new DendrolabError(
      `addToGroup('${name}'): the view has no compartments${where}; a group holds compartments ` +
        `(select some with cell(), branch(), comp() or loc()). Existing groups: ${groupList(d)}.`,
      "EMPTY_SELECTION",
    );
  }
  let mask = d.groups.get(name);
  if (!mask) {
    mask = new Uint8Array(d.nComp);
    d.groups.set(name, mask);
  }
  for (let i = 0; i < nodes.length; i++) mask[nodes[i]] = 1;
}
