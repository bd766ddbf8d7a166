/**
 * Synapses between compartments of one network.
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

/** Checks that pre and post are views of one network and the synapse is a synapse. */
export function checkConnect(fn: string, pre: Endpoints, post: Endpoints, synapse: unknown): ModelData {
  for (const [name, v] of [["pre", pre], ["post", post]] as const) {
    if (v == null || typeof v !== "object" || !("base" in v)) throw new DendrolabError(`${fn}: ${name} must be a view of a network; got ${describe(v)}.`);
  }
  if (pre.base !== post.base) {
    throw new DendrolabError(`${fn}: pre (${pre.path}) and post (${post.path}) are views of two different models; both must come from the same network.`);
  }
  if (!(synapse instanceof Mechanism) || synapse.kind !== "synapse") {
    throw new DendrolabError(`${fn}: expected a synapse instance such as new IonotropicSynapse(); got ${describe(synapse)}.`);
  }
  if (pre.nodeIndices.length === 0) throw new DendrolabError(`${fn}: the pre view (${pre.path}) is empty.`);
  if (post.nodeIndices.length === 0) throw new DendrolabError(`${fn}: the post view (${post.path}) is empty.`);
  return pre.base;
}

/** Adds synapses of one type between the given compartment pairs. */
export function addSynapses(d: ModelData, synapse: Mechanism, pres: ArrayLike<number>, posts: ArrayLike<number>): void {
  const name = synapse.name;
  const known = d.synapseTypes.get(name);
  if (known && known !== synapse && JSON.stringify(known.spec) !== JSON.stringify(synapse.spec)) {
    throw new DendrolabError(`A different synapse named '${name}' is already in the network; give this one another name.`);
  }
  if (d.groups.has(name) || d.channels.some((c) => c.name === name)) {
    throw new DendrolabError(`Synapse name '${name}' clashes with a group or channel of that name.`);
  }
  if (!known) d.synapseTypes.set(name, synapse);
  const c = synapse.compiled;
  const keys = [...c.paramKeys, ...c.stateKeys];
  const defaults = [...c.paramDefaults, ...c.stateDefaults];
  const e = d.edges;
  const before = e.length;
  const cols = keys.map((k) => {
    let col = e.columns.get(k);
    if (!col) {
      col = new Array<number>(before).fill(NaN);
      e.columns.set(k, col);
    }
    return col;
  });
  const others = [...e.columns.entries()].filter(([k]) => !keys.includes(k)).map(([, v]) => v);
  for (let i = 0; i < pres.length; i++) {
    e.pre.push(pres[i]);
    e.post.push(posts[i]);
    e.type.push(name);
    cols.forEach((col, j) => col.push(defaults[j]));
    for (const o of others) o.push(NaN);
  }
  d.touch();
}

/** First compartment (branch 0, comp 0) of each cell in a view, in order. */
export function firstCompOfCells(d: ModelData, nodes: Int32Array): number[] {
  const cells: number[] = [];
  const seen = new Set<number>();
  for (const n of nodes) {
    const c = d.topo.compCell[n];
    if (!seen.has(c)) {
      seen.add(c);
      cells.push(c);
    }
  }
  return cells.map((c) => d.topo.cellFirstComp[c]);
}

/** A small seeded PRNG (mulberry32), so that random connectivity is reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
