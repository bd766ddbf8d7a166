/**
 * Tables of compartments (`.view` / `.nodes`) and synapses (`.edges`), computed on
 * demand from the description.
 */
import { unknownNameError } from "../errors.js";
import { BASE_NODE_DEFAULTS, COORDINATE_KEYS, type ModelData, TRACED_GEOMETRY_KEYS } from "./data.js";

export type Cell = number | boolean | string;

/** A read-only table, printed like a pandas DataFrame. */
export class Table {
  /** Column names, in order. */
  readonly columns: string[];
  /** Global compartment (or edge) index of each row. */
  readonly index: number[];
  private readonly data: Map<string, Cell[]>;

  constructor(columns: string[], index: number[], data: Map<string, Cell[]>) {
    this.columns = columns;
    this.index = index;
    this.data = data;
  }

  /** Number of rows. */
  get length(): number {
    return this.index.length;
  }

  /** The values of one column. Unknown names list the valid ones. */
  column(name: string): Cell[] {
    const c = this.data.get(name);
    if (!c) throw unknownNameError("column", name, this.columns);
    return c.slice();
  }

  /** The rows as records. */
  rows(): Array<Record<string, Cell>> {
    return this.index.map((_, i) => {
      const r: Record<string, Cell> = {};
      for (const c of this.columns) r[c] = this.data.get(c)![i];
      return r;
    });
  }

  /** A pandas-like rendering, with a footer `[N rows x M columns]`. */
  toString(maxRows = 60): string {
    const shown = this.length > maxRows ? [...range(0, maxRows / 2), -1, ...range(this.length - maxRows / 2, this.length)] : range(0, this.length);
    const cols = ["", ...this.columns];
    const cells = shown.map((i) =>
      i < 0 ? cols.map(() => "...") : [String(this.index[i]), ...this.columns.map((c) => formatCell(this.data.get(c)![i], isIntegerColumn(c)))],
    );
    const widths = cols.map((c, j) => Math.max(c.length, ...cells.map((r) => r[j].length)));
    const line = (r: string[]) => r.map((s, j) => (j === 0 ? s.padEnd(widths[j]) : s.padStart(widths[j]))).join("  ");
    return [line(cols), ...cells.map(line), "", `[${this.length} rows x ${this.columns.length} columns]`].join("\n");
  }
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i < b; i++) out.push(i);
  return out;
}

/** Formats a value as pandas would: floats keep a decimal point, integers do not. */
function formatCell(v: Cell, integerColumn: boolean): string {
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "string") return v;
  if (Number.isNaN(v)) return "NaN";
  if (integerColumn) return String(v);
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return `${v}.0`;
  const abs = Math.abs(v);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e15)) return v.toExponential(6).replace(/\.?0+e/, "e");
  return String(Number(v.toPrecision(6)));
}

/** Index-like columns, printed as integers. */
function isIntegerColumn(name: string): boolean {
  return name.endsWith("_index") || name === "index_within_type";
}

/** Ranks of each node's cell, branch and compartment within the view (Jaxley's local indices). */
function localIndices(d: ModelData, nodes: Int32Array): { cell: number[]; branch: number[]; comp: number[] } {
  const t = d.topo;
  const cellRank = new Map<number, number>();
  const branchRank = new Map<number, number>();
  const branchCount = new Map<number, number>();
  const compCount = new Map<number, number>();
  const out = { cell: [] as number[], branch: [] as number[], comp: [] as number[] };
  for (const n of nodes) {
    const c = t.compCell[n];
    const b = t.compBranch[n];
    if (!cellRank.has(c)) cellRank.set(c, cellRank.size);
    if (!branchRank.has(b)) {
      const r = branchCount.get(c) ?? 0;
      branchRank.set(b, r);
      branchCount.set(c, r + 1);
    }
    const k = compCount.get(b) ?? 0;
    compCount.set(b, k + 1);
    out.cell.push(cellRank.get(c)!);
    out.branch.push(branchRank.get(b)!);
    out.comp.push(k);
  }
  return out;
}

/** The compartment table of a view. */
export function nodeTable(d: ModelData, nodes: Int32Array): Table {
  const t = d.topo;
  const data = new Map<string, Cell[]>();
  const columns: string[] = [];
  const add = (name: string, values: Cell[]) => {
    columns.push(name);
    data.set(name, values);
  };
  const local = localIndices(d, nodes);
  const idx = Array.from(nodes);
  add("local_cell_index", local.cell);
  add("local_branch_index", local.branch);
  add("local_comp_index", local.comp);
  add("global_cell_index", idx.map((n) => t.compCell[n]));
  add("global_branch_index", idx.map((n) => t.compBranch[n]));
  add("global_comp_index", idx.slice());
  const listed = new Set<string>(columns);
  const addColumn = (key: string) => {
    if (listed.has(key)) return;
    const col = d.columns.get(key);
    if (!col) return;
    listed.add(key);
    add(key, idx.map((n) => col[n]));
  };
  for (const k of Object.keys(BASE_NODE_DEFAULTS)) addColumn(k);
  for (const k of TRACED_GEOMETRY_KEYS) {
    const col = d.columns.get(k);
    if (col && idx.some((n) => !Number.isNaN(col[n]))) addColumn(k);
  }
  for (const m of d.channels) {
    const mask = d.channelMask.get(m.name)!;
    add(m.name, idx.map((n) => mask[n] === 1));
    listed.add(m.name);
    for (const k of m.compiled.paramKeys) addColumn(k);
    for (const k of m.compiled.stateKeys) addColumn(k);
  }
  for (const [g, mask] of d.groups) {
    add(g, idx.map((n) => mask[n] === 1));
  }
  const xs = d.columns.get("x");
  if (xs && idx.some((n) => !Number.isNaN(xs[n]))) for (const k of COORDINATE_KEYS) addColumn(k);
  return new Table(columns, idx, data);
}

/** The synapse table of a view. */
export function edgeTable(d: ModelData, edges: Int32Array): Table {
  const e = d.edges;
  const t = d.topo;
  const idx = Array.from(edges);
  const data = new Map<string, Cell[]>();
  const columns: string[] = [];
  const add = (name: string, values: Cell[]) => {
    columns.push(name);
    data.set(name, values);
  };
  const rankInType = new Map<number, number>();
  const counts = new Map<string, number>();
  for (let i = 0; i < e.length; i++) {
    const r = counts.get(e.type[i]) ?? 0;
    rankInType.set(i, r);
    counts.set(e.type[i], r + 1);
  }
  add("global_edge_index", idx.slice());
  add("index_within_type", idx.map((i) => rankInType.get(i)!));
  add("type", idx.map((i) => e.type[i]));
  add("pre_global_comp_index", idx.map((i) => e.pre[i]));
  add("post_global_comp_index", idx.map((i) => e.post[i]));
  add("pre_global_cell_index", idx.map((i) => t.compCell[e.pre[i]]));
  add("post_global_cell_index", idx.map((i) => t.compCell[e.post[i]]));
  add("pre_locs", idx.map((i) => locOf(d, e.pre[i])));
  add("post_locs", idx.map((i) => locOf(d, e.post[i])));
  for (const m of d.synapseTypes.values()) {
    for (const k of [...m.compiled.paramKeys, ...m.compiled.stateKeys]) {
      const col = e.columns.get(k);
      if (col && !columns.includes(k)) add(k, idx.map((i) => col[i]));
    }
  }
  return new Table(columns, idx, data);
}

/** Location (compartment centre, in [0, 1]) of a compartment within its branch. */
export function locOf(d: ModelData, node: number): number {
  const t = d.topo;
  return (t.compLocal[node] + 0.5) / t.branchNComp[t.compBranch[node]];
}

