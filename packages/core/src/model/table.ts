/**
 * Tables of compartments (`.view` / `.nodes`) and synapses (`.edges`): snapshots of
 * the description, turned into lists on demand.
 */
import { unknownNameError } from "../errors.js";
import { formatValue, isIntegerColumn, type TableValue } from "./format.js";
import { BASE_NODE_DEFAULTS, COORDINATE_KEYS, type ModelData, TRACED_GEOMETRY_KEYS } from "./data.js";

/** A column as a row accessor: the value of row r (0-based). */
type RowAccessor = (r: number) => TableValue;

/**
 * A read-only snapshot, printed like a pandas DataFrame. Values are copied when the
 * table is made; lists are built on first use (and printing reads only the rows it
 * shows), so `length`, `index` and `columns` of a large table cost little.
 */
export class Table {
  /** Column names, in order. */
  readonly columns: string[];
  private indexCache: number[] | null = null;
  private readonly indexSource: ArrayLike<number>;
  private readonly accessors: Map<string, RowAccessor>;
  private readonly lists = new Map<string, TableValue[]>();

  /** @internal Tables are made by `view.view` and `view.edges`. */
  constructor(columns: string[], index: ArrayLike<number>, accessors: Map<string, RowAccessor>) {
    this.columns = columns;
    this.indexSource = index;
    this.accessors = accessors;
  }

  /** Global compartment (or edge) index of each row. */
  get index(): number[] {
    this.indexCache ??= Array.from(this.indexSource);
    return this.indexCache;
  }

  /** Number of rows. */
  get length(): number {
    return this.indexSource.length;
  }

  private values(name: string): TableValue[] {
    let v = this.lists.get(name);
    if (!v) {
      const at = this.accessors.get(name)!;
      v = Array.from({ length: this.length }, (_, r) => at(r));
      this.lists.set(name, v);
    }
    return v;
  }

  /** The values of one column. Unknown names list the valid ones. */
  column(name: string): TableValue[] {
    if (!this.accessors.has(name)) throw unknownNameError("column", name, this.columns, "", "UNKNOWN_KEY");
    return this.values(name).slice();
  }

  /** The rows as records. */
  rows(): Array<Record<string, TableValue>> {
    const cols = this.columns.map((c) => this.values(c));
    return Array.from({ length: this.length }, (_, i) => {
      const r: Record<string, TableValue> = {};
      for (let j = 0; j < this.columns.length; j++) r[this.columns[j]] = cols[j][i];
      return r;
    });
  }

  /** A pandas-like rendering, with a footer `[N rows x M columns]`. */
  toString(maxRows = 60): string {
    const shown =
      this.length > maxRows
        ? [...range(0, maxRows / 2), -1, ...range(this.length - maxRows / 2, this.length)]
        : range(0, this.length);
    const cols = ["", ...this.columns];
    const at = this.columns.map((c) => this.accessors.get(c)!);
    const cells = shown.map((i) =>
      i < 0
        ? cols.map(() => "...")
        : [String(this.indexSource[i]), ...this.columns.map((c, j) => formatValue(at[j](i), isIntegerColumn(c)))],
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

/** Ranks of each node's cell, branch and compartment within the view (Jaxley's local indices). */
function localIndices(d: ModelData, nodes: Int32Array): { cell: number[]; branch: number[]; comp: number[] } {
  const t = d.topo;
  const cellRank = new Int32Array(t.nCell).fill(-1);
  const branchRank = new Int32Array(t.nBranch).fill(-1);
  const branchCount = new Int32Array(t.nCell);
  const compCount = new Int32Array(t.nBranch);
  let nCells = 0;
  const n = nodes.length;
  const out = { cell: new Array<number>(n), branch: new Array<number>(n), comp: new Array<number>(n) };
  for (let i = 0; i < n; i++) {
    const c = t.compCell[nodes[i]];
    const b = t.compBranch[nodes[i]];
    if (cellRank[c] < 0) cellRank[c] = nCells++;
    if (branchRank[b] < 0) branchRank[b] = branchCount[c]++;
    out.cell[i] = cellRank[c];
    out.branch[i] = branchRank[b];
    out.comp[i] = compCount[b]++;
  }
  return out;
}

/** Collects columns in order. */
class Columns {
  readonly names: string[] = [];
  readonly accessors = new Map<string, RowAccessor>();
  add(name: string, at: RowAccessor): void {
    if (this.accessors.has(name)) return;
    this.names.push(name);
    this.accessors.set(name, at);
  }
  has(name: string): boolean {
    return this.accessors.has(name);
  }
}

/** Values of `col` at `idx`, copied now (the table is a snapshot). */
function snapshot(col: ArrayLike<number>, idx: Int32Array): RowAccessor {
  const v = new Float64Array(idx.length);
  for (let r = 0; r < idx.length; r++) v[r] = col[idx[r]];
  return (r) => v[r];
}

/** A boolean column from a 0/1 mask at `idx`, copied now. */
function snapshotMask(mask: Uint8Array, idx: Int32Array): RowAccessor {
  const v = new Uint8Array(idx.length);
  for (let r = 0; r < idx.length; r++) v[r] = mask[idx[r]];
  return (r) => v[r] === 1;
}

function anyFinite(col: Float64Array, idx: Int32Array): boolean {
  for (let r = 0; r < idx.length; r++) if (!Number.isNaN(col[idx[r]])) return true;
  return false;
}

/**
 * The compartment table of a view: local and global cell, branch and compartment
 * indices, geometry, `v`, per channel a boolean column and its parameters and states,
 * a boolean column per group, and x, y, z where known.
 */
export function nodeTable(d: ModelData, nodes: Int32Array): Table {
  const t = d.topo;
  const cols = new Columns();
  let local: ReturnType<typeof localIndices> | null = null;
  const loc = () => (local ??= localIndices(d, nodes));
  cols.add("local_cell_index", (r) => loc().cell[r]);
  cols.add("local_branch_index", (r) => loc().branch[r]);
  cols.add("local_comp_index", (r) => loc().comp[r]);
  cols.add("global_cell_index", (r) => t.compCell[nodes[r]]);
  cols.add("global_branch_index", (r) => t.compBranch[nodes[r]]);
  cols.add("global_comp_index", (r) => nodes[r]);
  const addColumn = (key: string) => {
    const col = d.columns.get(key);
    if (col && !cols.has(key)) cols.add(key, snapshot(col, nodes));
  };
  // `celsius` is shown where it matters: a mechanism reads node variables (temperature,
  // ions), or a value in view differs from the default (as Jaxley's tables, which have none).
  const usesCelsius = d.channels.some((m) => m.compiled.usesNodeVars);
  for (const k of Object.keys(BASE_NODE_DEFAULTS)) {
    if (k === "celsius" && !usesCelsius && !differsFrom(d.columns.get(k), nodes, BASE_NODE_DEFAULTS[k]!)) continue;
    addColumn(k);
  }
  for (const k of TRACED_GEOMETRY_KEYS) {
    const col = d.columns.get(k);
    if (col && anyFinite(col, nodes)) addColumn(k);
  }
  for (const m of d.channels) {
    const mask = d.channelMask.get(m.name)!;
    cols.add(m.name, snapshotMask(mask, nodes));
    for (const k of m.compiled.paramKeys) addColumn(k);
    for (const k of m.compiled.stateKeys) addColumn(k);
    for (const k of m.compiled.ionColumnKeys) addColumn(k);
  }
  for (const [g, mask] of d.groups) cols.add(g, snapshotMask(mask, nodes));
  const xs = d.columns.get("x");
  if (xs && anyFinite(xs, nodes)) for (const k of COORDINATE_KEYS) addColumn(k);
  return new Table(cols.names, nodes, cols.accessors);
}

/** Does any row in view hold a value other than `value`? */
function differsFrom(col: Float64Array | undefined, nodes: Int32Array, value: number): boolean {
  if (!col) return false;
  for (const n of nodes) if (col[n] !== value) return true;
  return false;
}

/**
 * The synapse table of a view. Index columns: `local_edge_index` (rank in this view),
 * `global_edge_index`, `index_within_type`, `type`, `type_ind` (rank of the type in
 * order of first use), `pre_index` / `post_index` (global compartment, as Jaxley's node
 * index), `pre_locs` / `post_locs` (compartment centre in [0, 1] along its branch), and
 * the global cell, branch and compartment index of each end; then every synapse
 * parameter and state (NaN for other types).
 */
export function edgeTable(d: ModelData, edges: Int32Array): Table {
  const e = d.edges;
  const t = d.topo;
  const cols = new Columns();
  const typeInd = new Map([...d.synapseTypes.keys()].map((name, i) => [name, i]));
  let ranks: Int32Array | null = null;
  const rankInType = () => {
    if (ranks) return ranks;
    ranks = new Int32Array(e.length);
    const counts = new Map<string, number>();
    for (let i = 0; i < e.length; i++) {
      const r = counts.get(e.type[i]) ?? 0;
      ranks[i] = r;
      counts.set(e.type[i], r + 1);
    }
    return ranks;
  };
  cols.add("local_edge_index", (r) => r);
  cols.add("global_edge_index", (r) => edges[r]);
  cols.add("index_within_type", (r) => rankInType()[edges[r]]);
  cols.add("type", (r) => e.type[edges[r]]);
  cols.add("type_ind", (r) => typeInd.get(e.type[edges[r]])!);
  cols.add("pre_index", (r) => e.pre[edges[r]]);
  cols.add("post_index", (r) => e.post[edges[r]]);
  cols.add("pre_locs", (r) => locOf(d, e.pre[edges[r]]));
  cols.add("post_locs", (r) => locOf(d, e.post[edges[r]]));
  for (const side of ["pre", "post"] as const) {
    const ends = e[side];
    cols.add(`${side}_global_cell_index`, (r) => t.compCell[ends[edges[r]]]);
    cols.add(`${side}_global_branch_index`, (r) => t.compBranch[ends[edges[r]]]);
    cols.add(`${side}_global_comp_index`, (r) => ends[edges[r]]);
  }
  for (const m of d.synapseTypes.values()) {
    for (const k of [...m.compiled.paramKeys, ...m.compiled.stateKeys]) {
      const col = e.columns.get(k);
      if (col && !cols.has(k)) cols.add(k, snapshot(col, edges));
    }
  }
  return new Table(cols.names, edges, cols.accessors);
}

/** Location (compartment centre, in [0, 1]) of a compartment within its branch. */
function locOf(d: ModelData, node: number): number {
  const t = d.topo;
  return (t.compLocal[node] + 0.5) / t.branchNComp[t.compBranch[node]];
}
