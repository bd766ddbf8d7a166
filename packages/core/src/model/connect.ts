/**
 * Synapses between compartments of one network: checking the endpoints, finding the
 * synapse sites of each cell in a view, and appending synapses to the edge table.
 */
import { DendrolabError } from "../errors.js";
import { Mechanism } from "../mechanisms/define.js";
import type { ModelData } from "./data.js";
import { describe } from "./edit.js";

/** What connect functions need from a view. */
export interface Endpoints {
  base: ModelData;
  nodeIndices: Int32Array;
  path: string;
}

function groupList(d: ModelData): string {
  return d.groups.size > 0 ? [...d.groups.keys()].join(", ") : "(none)";
}

/** Checks that `synapse` is a synapse instance (not a class, not a channel). */
function checkSynapse(fn: string, synapse: unknown): asserts synapse is Mechanism {
  if (typeof synapse === "function") {
    const name = (synapse as { name?: string }).name ?? "Synapse";
    throw new DendrolabError(
      `${fn}: expected a synapse instance; a class was given: write new ${name}().`,
      "INVALID_ARGUMENT",
    );
  }
  if (!(synapse instanceof Mechanism)) {
    throw new DendrolabError(
      `${fn}: expected a synapse instance such as new IonotropicSynapse(); got ${describe(synapse)}.`,
      "INVALID_ARGUMENT",
    );
  }
  if (synapse.kind !== "synapse") {
    throw new DendrolabError(
      `${fn}: '${synapse.name}' is a channel, not a synapse; insert channels with view.insert(new ${synapse.name}()).`,
      "INVALID_ARGUMENT",
    );
  }
}

/**
 * Checks that pre and post are non-empty views of one model and the synapse is a
 * synapse. Returns the model.
 */
export function checkConnect(fn: string, pre: Endpoints, post: Endpoints, synapse: unknown): ModelData {
  for (const [name, v] of [
    ["pre", pre],
    ["post", post],
  ] as const) {
    if (v == null || typeof v !== "object" || !("base" in v) || !("nodeIndices" in v)) {
      throw new DendrolabError(
        `${fn}: ${name} must be a view of a network, e.g. net.cell(0); got ${describe(v)}.`,
        "INVALID_ARGUMENT",
      );
    }
  }
  if (pre.base !== post.base) {
    throw new DendrolabError(
      `${fn}: pre (${pre.path}) and post (${post.path}) are views of two different networks; both must come from the same network. ` +
        "A Network copies its cells, so select both ends from the network, e.g. net.cell(0) and net.cell(1).",
      "INVALID_ARGUMENT",
    );
  }
  checkSynapse(fn, synapse);
  for (const [name, v] of [
    ["pre", pre],
    ["post", post],
  ] as const) {
    if (v.nodeIndices.length === 0) {
      throw new DendrolabError(
        `${fn}: the ${name} view (${v.path}) is empty: it has no compartments, so there is nothing to connect.`,
        "EMPTY_SELECTION",
      );
    }
  }
  return pre.base;
}

/** Adds synapses of one type between the given compartment pairs (global compartment indices); none is a no-op. */
export function addSynapses(d: ModelData, synapse: Mechanism, pres: ArrayLike<number>, posts: ArrayLike<number>): void {
  const name = synapse.name;
  const known = d.synapseTypes.get(name);
  if (known && known !== synapse && JSON.stringify(known.spec) !== JSON.stringify(synapse.spec)) {
    throw new DendrolabError(
      `A different synapse named '${name}' is already in the network; give this one another name (new ${name}Class("${name}2")).`,
      "NAME_CONFLICT",
    );
  }
  if (d.groups.has(name)) {
    throw new DendrolabError(
      `Synapse name '${name}' clashes with the group '${name}'; rename the synapse or the group. Existing groups: ${groupList(d)}.`,
      "NAME_CONFLICT",
    );
  }
  if (d.channels.some((c) => c.name === name)) {
    throw new DendrolabError(
      `Synapse name '${name}' clashes with the channel '${name}'; give the synapse another name.`,
      "NAME_CONFLICT",
    );
  }
  if (pres.length !== posts.length)
    throw new Error(`internal: ${pres.length} pre sites but ${posts.length} post sites`);
  const n = pres.length;
  if (n === 0) return;
  if (!known) d.synapseTypes.set(name, synapse);
  const c = synapse.compiled;
  const keys = [...c.paramKeys, ...c.stateKeys];
  const defaults = [...c.paramDefaults, ...c.stateDefaults];
  const e = d.edges;
  const before = e.length;
  for (const k of keys) if (!e.columns.has(k)) e.columns.set(k, new Array<number>(before).fill(NaN));
  for (const [k, col] of e.columns) {
    const j = keys.indexOf(k);
    const fill = j >= 0 ? defaults[j] : NaN;
    for (let i = 0; i < n; i++) col.push(fill);
  }
  for (let i = 0; i < n; i++) {
    e.pre.push(pres[i]);
    e.post.push(posts[i]);
    e.type.push(name);
  }
  d.touch();
}

/** The cells of a view: for each (in order), its compartments in view as a run of `nodes`. */
export interface CellsInView {
  /** Global cell index of each cell in view. */
  cell: Int32Array;
  /** Start of each cell's run in `nodes`, and its length. */
  start: Int32Array;
  count: Int32Array;
  /** The view's compartments (ascending; each cell's compartments are contiguous). */
  nodes: Int32Array;
}

/** Splits a view's compartments by cell. */
export function cellsInView(d: ModelData, nodes: Int32Array): CellsInView {
  const compCell = d.topo.compCell;
  let n = 0;
  for (let i = 0; i < nodes.length; i++) if (i === 0 || compCell[nodes[i]] !== compCell[nodes[i - 1]]) n++;
  const out: CellsInView = { cell: new Int32Array(n), start: new Int32Array(n), count: new Int32Array(n), nodes };
  let k = -1;
  for (let i = 0; i < nodes.length; i++) {
    if (i === 0 || compCell[nodes[i]] !== compCell[nodes[i - 1]]) {
      k++;
      out.cell[k] = compCell[nodes[i]];
      out.start[k] = i;
    }
    out.count[k]++;
  }
  return out;
}

/**
 * The synapse site of each cell of a view: its first compartment in view (Jaxley's local
 * branch 0, comp 0 of the view; for a whole cell, branch 0, comp 0), or with `rand` a
 * compartment of the cell's view drawn uniformly.
 */
export function siteOfCell(c: CellsInView, i: number, rand?: () => number): number {
  const k = rand ? Math.min(Math.floor(rand() * c.count[i]), c.count[i] - 1) : 0;
  return c.nodes[c.start[i] + k];
}
