/**
 * Building descriptions: a compartment, and the stacking of parts (compartments into a
 * branch, branches into a cell, cells into a network).
 */
import { DendrolabError } from "../errors.js";
import { BASE_NODE_DEFAULTS, type CellTopology, ModelData } from "./data.js";
import { copySignal } from "./stimulus.js";

/** A single compartment with Jaxley's defaults. */
export function compartmentData(): ModelData {
  const d = new ModelData([{ parents: [-1], parentX: [1], ncomp: [1] }]);
  for (const [k, v] of Object.entries(BASE_NODE_DEFAULTS)) d.ensureColumn(k, v);
  return d;
}

/**
 * Concatenates the compartments of `parts`, in order, under a new topology `cells`
 * (whose compartment count must equal the parts' total). Columns, channels, groups,
 * synapses and inputs are carried over with their indices shifted.
 */
export function concatData(parts: readonly ModelData[], cells: CellTopology[]): ModelData {
  const out = new ModelData(cells);
  const total = parts.reduce((s, p) => s + p.nComp, 0);
  if (total !== out.nComp) {
    throw new Error(`internal: parts have ${total} compartments, topology ${out.nComp}`);
  }
  // Columns: union of keys; base keys keep their defaults where a part lacks them.
  const keys = new Set<string>();
  for (const p of parts) for (const k of p.columns.keys()) keys.add(k);
  for (const k of keys) {
    const col = out.ensureColumn(k, BASE_NODE_DEFAULTS[k] ?? NaN);
    let off = 0;
    for (const p of parts) {
      const src = p.columns.get(k);
      if (src) col.set(src, off);
      off += p.nComp;
    }
  }
  // Channels and their masks.
  for (const p of parts) {
    for (const m of p.channels) {
      const existing = out.channels.find((c) => c.name === m.name);
      if (!existing) out.channels.push(m);
      else if (existing !== m && JSON.stringify(existing.spec) !== JSON.stringify(m.spec)) {
        throw new DendrolabError(
          `Two different mechanisms are both named '${m.name}'; rename one (e.g. new ${m.name}Class("${m.name}2")).`,
          "NAME_CONFLICT",
        );
      }
    }
  }
  for (const m of out.channels) {
    const mask = new Uint8Array(out.nComp);
    let off = 0;
    for (const p of parts) {
      const src = p.channelMask.get(m.name);
      if (src) mask.set(src, off);
      off += p.nComp;
    }
    out.channelMask.set(m.name, mask);
  }
  // Groups.
  const groupNames = new Set<string>();
  for (const p of parts) for (const g of p.groups.keys()) groupNames.add(g);
  for (const g of groupNames) {
    const mask = new Uint8Array(out.nComp);
    let off = 0;
    for (const p of parts) {
      const src = p.groups.get(g);
      if (src) mask.set(src, off);
      off += p.nComp;
    }
    out.groups.set(g, mask);
  }
  // Synapses, inputs and outputs, shifted.
  let nodeOff = 0;
  let edgeOff = 0;
  const edgeKeys = new Set<string>();
  for (const p of parts) for (const k of p.edges.columns.keys()) edgeKeys.add(k);
  for (const k of edgeKeys) out.edges.columns.set(k, []);
  for (const p of parts) {
    for (const [name, m] of p.synapseTypes) if (!out.synapseTypes.has(name)) out.synapseTypes.set(name, m);
    const e = p.edges;
    for (let i = 0; i < e.length; i++) {
      out.edges.pre.push(e.pre[i] + nodeOff);
      out.edges.post.push(e.post[i] + nodeOff);
      out.edges.type.push(e.type[i]);
    }
    for (const k of edgeKeys) {
      const src = e.columns.get(k);
      const dst = out.edges.columns.get(k)!;
      for (let i = 0; i < e.length; i++) dst.push(src ? src[i] : NaN);
    }
    for (const r of p.recordings)
      out.recordings.push({ ...r, index: r.index + (r.target === "node" ? nodeOff : edgeOff) });
    for (const s of p.stimuli) out.stimuli.push({ node: s.node + nodeOff, values: copySignal(s.values) });
    for (const c of p.clamps) {
      out.clamps.push({ ...c, index: c.index + (c.target === "node" ? nodeOff : edgeOff), values: c.values.slice() });
    }
    nodeOff += p.nComp;
    edgeOff += e.length;
  }
  return out;
}
