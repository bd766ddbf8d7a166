/**
 * The model description: topology, per-compartment columns, mechanisms, groups,
 * synapses, inputs and outputs. Modules and views are handles onto one `ModelData`;
 * tables are computed from it, never stored beside it (docs/design.md#model).
 */
import type { Mechanism } from "../mechanisms/define.js";
import { copySignal, type StimulusSignal } from "./stimulus.js";

/** Compartment columns every model has, with their defaults (Jaxley's). */
export const BASE_NODE_DEFAULTS: Readonly<Record<string, number>> = {
  length: 10, // um
  radius: 1, // um
  axial_resistivity: 5000, // ohm cm
  capacitance: 1, // uF/cm2
  v: -70, // mV
  celsius: 6.3, // degrees C (NEURON's default; read by mechanisms that use it and by Nernst)
};

/** Optional geometry columns of traced (SWC) cells; NaN means "a cylinder of length and radius". */
export const TRACED_GEOMETRY_KEYS = ["area", "resistive_load_in", "resistive_load_out"] as const;

/** Compartment coordinates (um); NaN where unknown. */
export const COORDINATE_KEYS = ["x", "y", "z"] as const;

/** The branch structure of one cell. Branch indices are local to the cell. */
export interface CellTopology {
  /** Parent branch of each branch; -1 for the root (only branch 0). */
  parents: number[];
  /** Where each branch attaches to its parent, in [0, 1]; 1 is the parent's distal end. */
  parentX: number[];
  /** Compartments per branch. */
  ncomp: number[];
  /** Traced points (x, y, z, r) per branch, when known (for drawing). */
  points?: Array<Array<[number, number, number, number]>>;
}

/** One recording: a node state or current, or a synapse state or current. */
export interface Recording {
  target: "node" | "edge";
  /** Global compartment index (node) or global edge index (edge). */
  index: number;
  /** State or current name, e.g. "v", "HH_m", "i_Na", "IonotropicSynapse_s". */
  state: string;
}

/**
 * A current (nA) injected into one compartment; sample k flows from t_k to t_k+1. A
 * current defined in time is sampled at each run's steps.
 */
export interface Stimulus {
  node: number;
  values: StimulusSignal;
}

/** A state held to given values; sample k is imposed at t_k. */
export interface Clamp {
  target: "node" | "edge";
  index: number;
  state: string;
  values: Float64Array;
}

/** Synapses, as parallel arrays. Parameter and state columns are NaN for other types. */
class EdgeTable {
  pre: number[] = [];
  post: number[] = [];
  type: string[] = [];
  columns = new Map<string, number[]>();

  get length(): number {
    return this.pre.length;
  }

  clone(): EdgeTable {
    const e = new EdgeTable();
    e.pre = this.pre.slice();
    e.post = this.post.slice();
    e.type = this.type.slice();
    for (const [k, v] of this.columns) e.columns.set(k, v.slice());
    return e;
  }
}

/** A trainable parameter: one value per index group, shared by the indices of the group. */
export interface Trainable {
  key: string;
  target: "node" | "edge";
  /** For each parameter value, the global node or edge indices it controls. */
  groups: number[][];
  /** Initial values, one per group. */
  init: number[];
}

/** Index arrays derived from the topology. */
export interface TopologyIndex {
  nCell: number;
  nBranch: number;
  nComp: number;
  /** Per compartment: global cell, global branch, index within its branch. */
  compCell: Int32Array;
  compBranch: Int32Array;
  compLocal: Int32Array;
  /** Per global branch: cell, first global compartment, compartment count, local index in cell. */
  branchCell: Int32Array;
  branchFirstComp: Int32Array;
  branchNComp: Int32Array;
  branchLocal: Int32Array;
  /** Per cell: first global branch and first global compartment. */
  cellFirstBranch: Int32Array;
  cellFirstComp: Int32Array;
}

/** Builds the index arrays of a list of cell topologies. */
export function indexTopology(cells: readonly CellTopology[]): TopologyIndex {
  let nBranch = 0;
  let nComp = 0;
  for (const c of cells) {
    nBranch += c.ncomp.length;
    for (const n of c.ncomp) nComp += n;
  }
  const idx: TopologyIndex = {
    nCell: cells.length,
    nBranch,
    nComp,
    compCell: new Int32Array(nComp),
    compBranch: new Int32Array(nComp),
    compLocal: new Int32Array(nComp),
    branchCell: new Int32Array(nBranch),
    branchFirstComp: new Int32Array(nBranch),
    branchNComp: new Int32Array(nBranch),
    branchLocal: new Int32Array(nBranch),
    cellFirstBranch: new Int32Array(cells.length),
    cellFirstComp: new Int32Array(cells.length),
  };
  let b = 0;
  let k = 0;
  cells.forEach((c, ci) => {
    idx.cellFirstBranch[ci] = b;
    idx.cellFirstComp[ci] = k;
    c.ncomp.forEach((n, bl) => {
      idx.branchCell[b] = ci;
      idx.branchFirstComp[b] = k;
      idx.branchNComp[b] = n;
      idx.branchLocal[b] = bl;
      for (let j = 0; j < n; j++, k++) {
        idx.compCell[k] = ci;
        idx.compBranch[k] = b;
        idx.compLocal[k] = j;
      }
      b++;
    });
  });
  return idx;
}

/**
 * The whole mutable description behind a module and all its views.
 * Compartment ("node") columns are Float64Arrays over global compartment indices.
 */
export class ModelData {
  cells: CellTopology[];
  topo: TopologyIndex;
  /** Per-compartment numeric columns; mechanism columns are NaN where absent. */
  columns = new Map<string, Float64Array>();
  /** Channels in insertion order, with the compartments that carry each. */
  channels: Mechanism[] = [];
  channelMask = new Map<string, Uint8Array>();
  /** Groups of compartments, in creation order. */
  groups = new Map<string, Uint8Array>();
  edges = new EdgeTable();
  /** Synapse types in order of first use. */
  synapseTypes = new Map<string, Mechanism>();
  recordings: Recording[] = [];
  stimuli: Stimulus[] = [];
  clamps: Clamp[] = [];
  trainables: Trainable[] = [];
  /** Changes whenever the structure (not only values) changes; keys compile caches. */
  structureVersion = 0;
  /** A unique id, so that views of different models are never mixed. */
  readonly id: number;
  private static nextId = 1;

  constructor(cells: CellTopology[]) {
    this.cells = cells;
    this.topo = indexTopology(cells);
    this.id = ModelData.nextId++;
  }

  get nComp(): number {
    return this.topo.nComp;
  }

  /** The column `key`, or undefined. */
  column(key: string): Float64Array | undefined {
    return this.columns.get(key);
  }

  /** The column `key`, created filled with `fill` if it does not exist. */
  ensureColumn(key: string, fill = NaN): Float64Array {
    let c = this.columns.get(key);
    if (!c) {
      c = new Float64Array(this.nComp).fill(fill);
      this.columns.set(key, c);
    }
    return c;
  }

  /** Marks a structural change (mechanisms, synapses, inputs, topology). */
  touch(): void {
    this.structureVersion++;
  }

  /** Names of all channel parameter keys, state keys. */
  channelKeys(): { params: Set<string>; states: Set<string> } {
    const params = new Set<string>();
    const states = new Set<string>();
    for (const m of this.channels) {
      for (const k of m.compiled.paramKeys) params.add(k);
      for (const k of m.compiled.ionColumnKeys) params.add(k);
      for (const k of m.compiled.stateKeys) states.add(k);
    }
    return { params, states };
  }

  /** Names of all synapse parameter and state keys. */
  synapseKeys(): { params: Set<string>; states: Set<string> } {
    const params = new Set<string>();
    const states = new Set<string>();
    for (const m of this.synapseTypes.values()) {
      for (const k of m.compiled.paramKeys) params.add(k);
      for (const k of m.compiled.stateKeys) states.add(k);
    }
    return { params, states };
  }

  /** A deep copy (used when cells are copied into a network). */
  clone(): ModelData {
    const d = new ModelData(this.cells.map(cloneTopology));
    for (const [k, v] of this.columns) d.columns.set(k, v.slice());
    d.channels = this.channels.slice();
    for (const [k, v] of this.channelMask) d.channelMask.set(k, v.slice());
    for (const [k, v] of this.groups) d.groups.set(k, v.slice());
    d.edges = this.edges.clone();
    d.synapseTypes = new Map(this.synapseTypes);
    d.recordings = this.recordings.map((r) => ({ ...r }));
    d.stimuli = this.stimuli.map((s) => ({ node: s.node, values: copySignal(s.values) }));
    d.clamps = this.clamps.map((c) => ({ ...c, values: c.values.slice() }));
    d.trainables = this.trainables.map((t) => ({ ...t, groups: t.groups.map((g) => g.slice()), init: t.init.slice() }));
    return d;
  }
}

/** A deep copy of a cell topology. */
export function cloneTopology(c: CellTopology): CellTopology {
  return {
    parents: c.parents.slice(),
    parentX: c.parentX.slice(),
    ncomp: c.ncomp.slice(),
    points: c.points?.map((b) => b.map((p) => [p[0], p[1], p[2], p[3]] as [number, number, number, number])),
  };
}
