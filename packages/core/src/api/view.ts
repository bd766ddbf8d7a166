/**
 * Views: handles onto a selection of compartments and synapses of one model. Every
 * module (Compartment, Branch, Cell, Network) is the view of all of itself.
 */
import { DendrolabError, unknownNameError } from "../errors.js";
import type { Mechanism } from "../mechanisms/define.js";
import type { ModelData } from "../model/data.js";
import type { TimedCurrent } from "../model/stimulus.js";
import { deleteChannel, describe, insertChannel, nodeKeys, setValue } from "../model/edit.js";
import { addClamps, addRecordings, addStimuli, type Signal } from "../model/inputs.js";
import {
  addNodesToGroup,
  checkGroupName,
  edgesOfNodes,
  type IndexArg,
  selectBranches,
  selectCells,
  selectComps,
  selectEdgeIndices,
  selectEdgesByRank,
  selectGroup,
  selectLoc,
  selectNodes,
  type Sharing,
} from "../model/select.js";
import { edgeTable, nodeTable, type Table } from "../model/table.js";
import { initStates } from "../model/states.js";
import { pathDistances } from "../model/path-distance.js";
import { withNamedAccess } from "./proxy.js";
import * as trainables from "../run/trainables.js";
import type { ParamState } from "../run/trainables.js";

/** A selection of compartments (and the synapses touching them) of one model. */
export class View {
  /** The model behind this view. */
  readonly base: ModelData;
  /** Global compartment indices in view, ascending. */
  readonly nodeIndices: Int32Array;
  private readonly explicitEdges: Int32Array | null;
  private edgeCache: { version: number; edges: Int32Array } | null = null;
  /** How `makeTrainable` shares values among rows. */
  readonly sharing: Sharing;
  /** How this view was reached, for error messages: `network.cell(0).branch(1)`. */
  readonly path: string;

  constructor(base: ModelData, nodes: Int32Array, edges: Int32Array | null, sharing: Sharing, path: string) {
    this.base = base;
    this.nodeIndices = nodes;
    this.explicitEdges = edges;
    this.sharing = sharing;
    this.path = path;
    // biome-ignore lint/correctness/noConstructorReturn: by design every View is its Proxy (withNamedAccess), which resolves group, channel and synapse names as properties.
    return withNamedAccess(this);
  }

  /** Global synapse indices in view, ascending: given explicitly, or those touching the view's compartments. */
  get edgeIndices(): Int32Array {
    if (this.explicitEdges) return this.explicitEdges;
    const v = this.base.structureVersion;
    if (!this.edgeCache || this.edgeCache.version !== v)
      this.edgeCache = { version: v, edges: edgesOfNodes(this.base, this.nodeIndices) };
    return this.edgeCache.edges;
  }

  protected where(): string {
    return ` (in ${this.path})`;
  }

  /** The view as the trainables module takes it. */
  private rows(): trainables.ViewRows {
    return {
      d: this.base,
      nodes: this.nodeIndices,
      edges: this.edgeIndices,
      sharing: this.sharing,
      where: this.where(),
    };
  }

  private derive(nodes: Int32Array, sharing: Sharing, step: string, edges: Int32Array | null = null): View {
    return new View(this.base, nodes, edges, sharing, `${this.path}.${step}`);
  }

  /** The i-th cell(s) of this view: `net.cell(0)`, `net.cell([0, 1])`, `net.cell("all")`. */
  cell(i: IndexArg): View {
    return this.derive(selectCells(this.base, this.nodeIndices, i, this.where()), "cell", `cell(${fmt(i)})`);
  }

  /** The i-th branch(es) within each cell of this view. */
  branch(i: IndexArg): View {
    return this.derive(selectBranches(this.base, this.nodeIndices, i, this.where()), "branch", `branch(${fmt(i)})`);
  }

  /** The i-th compartment(s) within each branch of this view. */
  comp(i: IndexArg): View {
    return this.derive(selectComps(this.base, this.nodeIndices, i, this.where()), "comp", `comp(${fmt(i)})`);
  }

  /** In each branch of this view, the compartment containing x in [0, 1]. */
  loc(x: number | readonly number[] | "all"): View {
    return this.derive(selectLoc(this.base, this.nodeIndices, x, this.where()), "comp", `loc(${fmt(x)})`);
  }

  /**
   * Arbitrary compartments or synapses by global index; one trainable value per row.
   *
   * @example net.select({ nodes: [0, 5] }); net.select({ edges: [2, 3] }).set("IonotropicSynapse_gS", 0.01);
   */
  select(which: { nodes?: readonly number[]; edges?: readonly number[] }): View {
    if (which == null || typeof which !== "object" || Array.isArray(which)) {
      throw new DendrolabError(
        `select() takes { nodes } and/or { edges } (global indices)${this.where()}; got ${describe(which)}.`,
        "INVALID_ARGUMENT",
      );
    }
    for (const k of Object.keys(which)) {
      if (k !== "nodes" && k !== "edges")
        throw unknownNameError("select() option", k, ["nodes", "edges"], this.where().trim());
    }
    if (which.nodes === undefined && which.edges === undefined) {
      throw new DendrolabError(
        `select() needs nodes or edges${this.where()}, e.g. select({ nodes: [0, 1] }) or select({ edges: [0] }).`,
        "MISSING_INPUT",
      );
    }
    const nodes = which.nodes !== undefined ? selectNodes(this.base, which.nodes, this.where()) : new Int32Array(0);
    const edges = which.edges !== undefined ? selectEdgeIndices(this.base, which.edges, this.where()) : null;
    const sharing: Sharing = which.edges !== undefined && which.nodes === undefined ? "edge" : "row";
    return this.derive(nodes, sharing, "select(...)", edges ?? (which.nodes !== undefined ? null : new Int32Array(0)));
  }

  /** The i-th synapse(s) of this view. */
  edge(i: IndexArg): View {
    const edges = selectEdgesByRank(this.edgeIndices, i, this.where());
    return this.derive(new Int32Array(0), "edge", `edge(${fmt(i)})`, edges);
  }

  /** The compartments of this view in group `name`; one shared trainable value. */
  group(name: string): View {
    return this.derive(selectGroup(this.base, this.nodeIndices, name, this.where()), "shared", name);
  }

  /**
   * Adds the compartments of this view to group `name` (created if new). The name must
   * not be a channel, a synapse type, a table column or a member of views.
   *
   * @example net.cell(0).branch(1).addToGroup("apical"); net.group("apical").set("radius", 0.3);
   */
  addToGroup(name: string): void {
    checkGroupName(this.base, name, (n) => n in this, this.where());
    addNodesToGroup(this.base, this.nodeIndices, name, this.where());
  }

  /** Names of the groups of the model. */
  get groupNames(): string[] {
    return [...this.base.groups.keys()];
  }

  /** Number of compartments in view. */
  get nComp(): number {
    return this.nodeIndices.length;
  }

  /** Table of the compartments in view. */
  get view(): Table {
    return nodeTable(this.base, this.nodeIndices);
  }

  /** Alias of `view`. */
  get nodes(): Table {
    return this.view;
  }

  /** Table of the synapses in view. */
  get edges(): Table {
    return edgeTable(this.base, this.edgeIndices);
  }

  /** Inserts a channel into every compartment in view. */
  insert(mech: Mechanism): void {
    insertChannel(this.base, this.nodeIndices, mech, this.where());
  }

  /** Removes a channel from every compartment in view. */
  delete(mech: Mechanism): void {
    deleteChannel(this.base, this.nodeIndices, mech, this.where());
  }

  /** Sets a compartment or synapse value: a number, or one value per row in view that has the key. */
  set(key: string, value: number | ArrayLike<number>): void {
    setValue(this.base, this.nodeIndices, this.edgeIndices, key, value, this.where());
  }

  /** Records a state or current (default "v") at every compartment or synapse in view. */
  record(state = "v"): void {
    addRecordings(this.base, this.nodeIndices, this.edgeIndices, state, this.where());
  }

  /**
   * Injects a current (nA) into every compartment in view; 1-D goes to each, 2-D one row
   * each. A current defined in time (`stepCurrent(1, 5, 0.5)`) is sampled at each run's
   * steps.
   */
  stimulate(current: Signal | TimedCurrent): void {
    addStimuli(this.base, this.nodeIndices, current, this.where());
  }

  /** Holds a state to the given values (sample k at t_k). */
  clamp(state: string, values: Signal): void {
    addClamps(this.base, this.nodeIndices, this.edgeIndices, state, values, this.where());
  }

  /** Removes the recordings of the compartments and synapses in view. */
  deleteRecordings(): void {
    const nodes = new Set(this.nodeIndices);
    const edges = new Set(this.edgeIndices);
    this.base.recordings = this.base.recordings.filter((r) => !(r.target === "node" ? nodes : edges).has(r.index));
    this.base.touch();
  }

  /** Removes the stimuli of the compartments in view. */
  deleteStimuli(): void {
    const nodes = new Set(this.nodeIndices);
    this.base.stimuli = this.base.stimuli.filter((s) => !nodes.has(s.node));
    this.base.touch();
  }

  /** Removes the clamps of the compartments and synapses in view (of one state, or all). */
  deleteClamps(state?: string): void {
    const nodes = new Set(this.nodeIndices);
    const edges = new Set(this.edgeIndices);
    this.base.clamps = this.base.clamps.filter(
      (c) => !((c.target === "node" ? nodes : edges).has(c.index) && (state === undefined || c.state === state)),
    );
    this.base.touch();
  }

  /**
   * Sets every channel state in view to its initial value at the compartment's `v` (its
   * `initial`, else its steady state; an NMODL file's INITIAL block, as `finitialize`).
   * `deltaT` (ms, default 0.025 as `integrate`'s) is the `dt` an INITIAL block that reads
   * `dt` sees: pass the step you will integrate with.
   *
   * @example cell.initStates({ deltaT: 0.01 });
   */
  initStates(options: { deltaT?: number } = {}): void {
    const dt = options.deltaT ?? 0.025;
    if (!(typeof dt === "number" && Number.isFinite(dt) && dt > 0)) {
      throw new DendrolabError(
        `initStates: deltaT must be a finite number of ms > 0; got ${describe(dt)}.`,
        "INVALID_ARGUMENT",
      );
    }
    initStates(this.base, this.nodeIndices, dt);
  }

  /**
   * Path distance in um along the tree from the centre of `ref`'s first compartment to the
   * centre of every compartment in view, in row order (NEURON's `h.distance(ref_seg, seg)`;
   * lengths from the `length` column, the traced path lengths for SWC cells). `ref` must be
   * a non-empty view of the same model, and every compartment in view in the same cell.
   *
   * @example
   * const d = cell.group("apical").pathDistance(cell.group("soma").comp(2));
   * cell.group("apical").set("Ih_gIhbar", Array.from(d, (x) => (-0.8696 + 2.087 * Math.exp(0.0031 * x)) * 8e-5));
   */
  pathDistance(ref: View): Float64Array {
    if (!(ref instanceof View))
      throw new DendrolabError(
        `pathDistance(ref) takes a view (e.g. cell.group("soma").comp(0))${this.where()}; got ${describe(ref)}.`,
        "INVALID_ARGUMENT",
      );
    if (ref.base !== this.base)
      throw new DendrolabError(
        `pathDistance: ref ${ref.path} belongs to another model than ${this.path}; take the reference from the same ` +
          "cell (a network copies its cells, so select it through the network).",
        "INVALID_ARGUMENT",
      );
    if (ref.nodeIndices.length === 0)
      throw new DendrolabError(
        `pathDistance: ref ${ref.path} holds no compartments${this.where()}; pass a view of at least one compartment.`,
        "EMPTY_SELECTION",
      );
    return pathDistances(this.base, this.nodeIndices, ref.nodeIndices[0], this.where());
  }

  /** Makes `key` trainable with Jaxley's sharing rules for this kind of view. */
  makeTrainable(key: string, initVal?: number | readonly number[]): void {
    trainables.makeTrainable(this.rows(), key, initVal);
  }

  /** The trainable parameters, one single-key record of a tf.Variable per makeTrainable call. */
  getParameters(): trainables.Params {
    return trainables.getParameters(this.base);
  }

  /** Writes trained values back into the model. */
  writeTrainables(params: trainables.Params): void {
    trainables.writeTrainables(this.base, params);
  }

  /** Removes all trainables (or those touching this view). */
  deleteTrainables(): void {
    trainables.deleteTrainables(this.base, this.nodeIndices, this.edgeIndices, this.path.includes("."));
  }

  /** Sets a value for one simulation (differentiable); returns the extended ParamState. */
  dataSet(key: string, value: trainables.DataValue, paramState: ParamState | null = null): ParamState {
    return trainables.dataSet(this.rows(), key, value, paramState);
  }

  /**
   * A data stimulus for `integrate` (differentiable); returns the extended list. A current
   * defined in time is sampled at the run's steps (it is not itself differentiated).
   */
  dataStimulate(
    current: trainables.DataValue | TimedCurrent,
    dataStimuli: trainables.DataStimuli | null = null,
  ): trainables.DataStimuli {
    return trainables.dataStimulate(this.rows(), current, dataStimuli);
  }

  /** A data clamp for `integrate`; returns the extended list. */
  dataClamp(
    state: string,
    values: trainables.DataValue,
    dataClamps: trainables.DataClamps | null = null,
  ): trainables.DataClamps {
    return trainables.dataClamp(this.rows(), state, values, dataClamps);
  }

  /**
   * The view a group, channel or synapse-type name reaches: the typed form of the
   * property access `net.apical`, `net.HH` or `net.IonotropicSynapse`, which works at run
   * time (see `withNamedAccess`) but is not part of the type, so that a misspelt member
   * is a compile error. For groups, `group(name)` says the same more plainly.
   *
   * @example net.named("IonotropicSynapse").edge(0).set("IonotropicSynapse_gS", 0.01); net.named("HH").record("HH_m");
   */
  named(name: string): View {
    const v = this.namedView(name);
    if (v === undefined)
      throw unknownNameError("group, channel or synapse", name, this.namedViewNames(), this.where().trim());
    return v;
  }

  /** @internal Group, channel or synapse view by property name. */
  namedView(name: string): View | undefined {
    const d = this.base;
    if (d.groups.has(name)) return this.group(name);
    const ch = d.channelMask.get(name);
    if (ch)
      return this.derive(
        this.nodeIndices.filter((n) => ch[n] === 1),
        "shared",
        name,
      );
    if (d.synapseTypes.has(name)) {
      const edges = this.edgeIndices.filter((e) => d.edges.type[e] === name);
      return this.derive(new Int32Array(0), "shared", name, edges);
    }
    return undefined;
  }

  /** @internal */
  namedViewNames(): string[] {
    const d = this.base;
    return [...d.groups.keys(), ...d.channels.map((c) => c.name), ...d.synapseTypes.keys()];
  }

  /** Valid keys for `set` on compartments. */
  get keys(): string[] {
    return nodeKeys(this.base);
  }

  toString(): string {
    return `${this.constructor.name}(${this.path}: ${this.nodeIndices.length} compartments, ${this.edgeIndices.length} synapses)`;
  }
}

function fmt(i: unknown): string {
  return Array.isArray(i) ? `[${i.join(", ")}]` : typeof i === "string" ? `"${i}"` : String(i);
}
