/**
 * deserializeModel: a Network or Cell from a serialised model. The document is first
 * checked against its schema (types, shapes, sizes; `schema.ts`), then against itself
 * (lengths, index ranges, trees). Mechanisms are rebuilt from their specs.
 */
import { checkParents, Cell, Network } from "../api/modules.js";
import { DendrolabError } from "../errors.js";
import { Mechanism } from "../mechanisms/define.js";
import type { MechanismSpec } from "../mechanisms/types.js";
import { type CellTopology, ModelData } from "../model/data.js";
import { checkDocument } from "./document.js";
import { decodeColumn, decodeMask, decodeSignal } from "./encode.js";
import { ModelFormatError } from "./errors.js";
import {
  MODEL_LIMITS,
  MODEL_VERSION,
  ModelHeaderSchema,
  type SerializedCell,
  type SerializedColumn,
  type SerializedModel,
  SerializedModelSchema,
} from "./schema.js";
import { checkValueRanges } from "./value-check.js";

/**
 * Reads a serialised model (as produced by `serializeModel`, possibly after a JSON round
 * trip). Networks come back as a `Network`, everything else as a `Cell`.
 *
 * @example
 * const net = deserializeModel(JSON.parse(text)) as Network;
 * integrate(net); // the same traces as the original
 */
export function deserializeModel(input: unknown): Network | Cell {
  const m = checkModel(input);
  const d = new ModelData(readCells(m.cells));
  const n = d.nComp;
  readColumns(d.columns, m.columns, n, "model.columns");
  readChannels(d, m.channels);
  m.groups.forEach((g, i) => {
    if (d.groups.has(g.name))
      throw new ModelFormatError(`model.groups[${i}].name`, "a name not used by another group", g.name);
    d.groups.set(g.name, decodeMask(g.nodes, n, `model.groups[${i}].nodes`));
  });
  readEdges(d, m);
  checkValueRanges(d);
  readInputs(d, m);
  readTrainables(d, m.trainables);
  const cell = Cell.fromData(d);
  if (m.kind !== "network") return cell;
  const net = new Network([cell]);
  net.base.trainables = d.trainables;
  return net;
}

/** The header first (a newer version is refused as such), then the whole schema. */
function checkModel(input: unknown): SerializedModel {
  const header = checkDocument(ModelHeaderSchema, input, "model");
  if (!header.ok) throw problem(header.problem);
  if (header.value.version > MODEL_VERSION) {
    throw new DendrolabError(
      `Cannot read the model: it was written in format version ${header.value.version}, and this version of Dendrolab reads up to ${MODEL_VERSION}. Update Dendrolab to open it.`,
      "MODEL_FORMAT",
    );
  }
  const r = checkDocument(SerializedModelSchema, input, "model");
  if (!r.ok) throw problem(r.problem);
  return r.value;
}

function problem(p: { path: string; expected: string; got: unknown }): ModelFormatError {
  return new ModelFormatError(p.path, p.expected, p.got);
}

/** Checks each cell's tree and the totals (before any per-compartment array is made). */
function readCells(cells: SerializedCell[]): CellTopology[] {
  let branches = 0;
  let comps = 0;
  return cells.map((c, i) => {
    const p = `model.cells[${i}]`;
    const nb = c.parents.length;
    branches += nb;
    if (branches > MODEL_LIMITS.maxBranches)
      throw new ModelFormatError("model.cells", `at most ${MODEL_LIMITS.maxBranches} branches`, branches);
    try {
      checkParents(c.parents);
    } catch (e) {
      throw new ModelFormatError(`${p}.parents`, "a tree of branches", `${(e as Error).message}`);
    }
    if (c.parentX.length !== nb || c.ncomp.length !== nb) {
      throw new ModelFormatError(
        p,
        `parentX and ncomp with ${nb} entries (one per branch)`,
        `${c.parentX.length} and ${c.ncomp.length}`,
      );
    }
    comps += c.ncomp.reduce((a, b) => a + b, 0);
    if (comps > MODEL_LIMITS.maxCompartments)
      throw new ModelFormatError("model.cells", `at most ${MODEL_LIMITS.maxCompartments} compartments`, comps);
    const topo: CellTopology = { parents: c.parents, parentX: c.parentX, ncomp: c.ncomp };
    if (c.points !== undefined) {
      if (c.points.length !== nb)
        throw new ModelFormatError(`${p}.points`, `${nb} lists (one per branch)`, c.points.length);
      topo.points = c.points;
    }
    return topo;
  });
}

function readColumns<T>(
  out: Map<string, T>,
  columns: Record<string, SerializedColumn>,
  length: number,
  path: string,
  as?: (v: Float64Array) => T,
): void {
  for (const [k, col] of Object.entries(columns)) {
    const v = decodeColumn(col, length, `${path}.${k}`);
    out.set(k, as ? as(v) : (v as T));
  }
}

function mechanism(spec: MechanismSpec, kind: "channel" | "synapse", path: string): Mechanism {
  try {
    return new Mechanism(spec);
  } catch (e) {
    throw new ModelFormatError(path, `a valid ${kind} spec`, (e as Error).message);
  }
}

function readChannels(d: ModelData, channels: SerializedModel["channels"]): void {
  channels.forEach((c, i) => {
    const p = `model.channels[${i}]`;
    const m = mechanism(c.spec, "channel", `${p}.spec`);
    if (d.channelMask.has(m.name))
      throw new ModelFormatError(`${p}.spec.name`, "a name not used by another channel", m.name);
    for (const k of [...m.paramKeys, ...m.stateKeys]) {
      if (!d.columns.has(k))
        throw new ModelFormatError(`model.columns.${k}`, `a column (channel ${m.name} uses it)`, undefined);
    }
    d.channels.push(m);
    d.channelMask.set(m.name, decodeMask(c.nodes, d.nComp, `${p}.nodes`));
  });
}

function readEdges(d: ModelData, m: SerializedModel): void {
  const types = m.synapseTypes.map((s, i) => mechanism(s, "synapse", `model.synapseTypes[${i}]`));
  for (const t of types) {
    if (d.synapseTypes.has(t.name)) throw new ModelFormatError("model.synapseTypes", "distinct names", t.name);
    d.synapseTypes.set(t.name, t);
  }
  const { pre, post, type, columns } = m.edges;
  const n = d.nComp;
  inRange(pre, n, "model.edges.pre", `a compartment index below ${n}`);
  inRange(post, n, "model.edges.post", `a compartment index below ${n}`);
  inRange(type, types.length, "model.edges.type", `a synapse type index below ${types.length}`);
  if (post.length !== pre.length || type.length !== pre.length) {
    throw new ModelFormatError(
      "model.edges",
      "pre, post and type of equal length",
      `${pre.length}, ${post.length}, ${type.length}`,
    );
  }
  d.edges.pre = pre;
  d.edges.post = post;
  d.edges.type = type.map((t) => types[t].name);
  readColumns(d.edges.columns, columns, pre.length, "model.edges.columns", (v) => Array.from(v));
}

/** Throws at the first index not below `count`. */
function inRange(indices: readonly number[], count: number, path: string, expected: string): void {
  const i = indices.findIndex((x) => x >= count);
  if (i >= 0) throw new ModelFormatError(`${path}[${i}]`, expected, indices[i]);
}

function indexIn(d: ModelData, t: "node" | "edge", v: number, path: string): number {
  const count = t === "node" ? d.nComp : d.edges.length;
  if (v >= count) throw new ModelFormatError(path, `a ${t} index below ${count}`, v);
  return v;
}

function readInputs(d: ModelData, m: SerializedModel): void {
  m.recordings.forEach((r, i) => {
    d.recordings.push({
      target: r.target,
      index: indexIn(d, r.target, r.index, `model.recordings[${i}].index`),
      state: r.state,
    });
  });
  m.stimuli.forEach((s, i) => {
    const p = `model.stimuli[${i}]`;
    d.stimuli.push({
      node: indexIn(d, "node", s.node, `${p}.node`),
      values:
        "kind" in s.values
          ? Object.freeze({ ...s.values })
          : decodeSignal(s.values, MODEL_LIMITS.maxSamples, `${p}.values`),
    });
  });
  m.clamps.forEach((c, i) => {
    const p = `model.clamps[${i}]`;
    d.clamps.push({
      target: c.target,
      index: indexIn(d, c.target, c.index, `${p}.index`),
      state: c.state,
      values: decodeSignal(c.values, MODEL_LIMITS.maxSamples, `${p}.values`),
    });
  });
}

function readTrainables(d: ModelData, trainables: SerializedModel["trainables"]): void {
  trainables.forEach((t, i) => {
    const p = `model.trainables[${i}]`;
    const count = t.target === "node" ? d.nComp : d.edges.length;
    const col = t.target === "node" ? d.columns.has(t.key) : d.edges.columns.has(t.key);
    if (!col) throw new ModelFormatError(`${p}.key`, `a ${t.target} column of the model`, t.key);
    for (const [j, g] of t.groups.entries()) inRange(g, count, `${p}.groups[${j}]`, "an index in range");
    if (t.init.length !== t.groups.length)
      throw new ModelFormatError(`${p}.init`, `${t.groups.length} values (one per group)`, t.init.length);
    d.trainables.push({ key: t.key, target: t.target, groups: t.groups, init: t.init });
  });
}
