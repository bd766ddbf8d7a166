/**
 * deserializeModel: a Network or Cell from a serialised model, after checking every
 * field (types, lengths, index ranges, sizes). Mechanisms are rebuilt from their specs.
 */
import { checkParents, Cell, Network } from "../api/modules.js";
import { DendrolabError } from "../errors.js";
import { Mechanism } from "../mechanisms/define.js";
import type { MechanismSpec } from "../mechanisms/types.js";
import { type CellTopology, ModelData } from "../model/data.js";
import { isObject } from "../guards.js";
import { decodeColumn, decodeMask, decodeSignal, isFiniteNumber, isIndex } from "./encode.js";
import { ModelFormatError } from "./errors.js";
import { MODEL_FORMAT, MODEL_LIMITS, MODEL_VERSION, type SerializedModel } from "./schema.js";

/**
 * Reads a serialised model (as produced by `serializeModel`, possibly after a JSON round
 * trip). Networks come back as a `Network`, everything else as a `Cell`.
 *
 * @example
 * const net = deserializeModel(JSON.parse(text)) as Network;
 * integrate(net); // the same traces as the original
 */
export function deserializeModel(input: unknown): Network | Cell {
  const m = checkHeader(input);
  const cells = readCells(m.cells);
  const d = new ModelData(cells);
  const n = d.nComp;
  if (n > MODEL_LIMITS.maxCompartments) throw new ModelFormatError("model.cells", `at most ${MODEL_LIMITS.maxCompartments} compartments`, n);
  readColumns(d, m.columns);
  readChannels(d, list(m.channels, "model.channels"));
  for (const [i, g] of list(m.groups, "model.groups").entries()) {
    const p = `model.groups[${i}]`;
    if (!isObject(g) || typeof g.name !== "string" || g.name === "") throw new ModelFormatError(`${p}.name`, "a non-empty string", isObject(g) ? g.name : g);
    if (d.groups.has(g.name)) throw new ModelFormatError(`${p}.name`, "a name not used by another group", g.name);
    d.groups.set(g.name, decodeMask(g.nodes, n, `${p}.nodes`));
  }
  readEdges(d, m);
  readInputs(d, m);
  readTrainables(d, m.trainables);
  const cell = Cell.fromData(d);
  if (m.kind !== "network") return cell;
  const net = new Network([cell]);
  net.base.trainables = d.trainables;
  return net;
}

function checkHeader(input: unknown): SerializedModel {
  if (!isObject(input)) throw new ModelFormatError("model", "an object", input);
  if (input.format !== MODEL_FORMAT) throw new ModelFormatError("model.format", `"${MODEL_FORMAT}"`, input.format);
  if (!isIndex(input.version) || input.version < 1) throw new ModelFormatError("model.version", "a positive integer", input.version);
  if (input.version > MODEL_VERSION) {
    throw new DendrolabError(
      `Cannot read the model: it was written in format version ${input.version}, and this version of Dendrolab reads up to ${MODEL_VERSION}. Update Dendrolab to open it.`,
    );
  }
  if (!["network", "cell", "branch", "compartment"].includes(input.kind as string)) {
    throw new ModelFormatError("model.kind", '"network", "cell", "branch" or "compartment"', input.kind);
  }
  return input as unknown as SerializedModel;
}

function list(v: unknown, path: string, max: number = MODEL_LIMITS.maxItems): unknown[] {
  if (!Array.isArray(v)) throw new ModelFormatError(path, "a list", v);
  if (v.length > max) throw new ModelFormatError(path, `at most ${max} entries`, `${v.length} entries`);
  return v;
}

function numbers(v: unknown, path: string, check: (x: unknown) => boolean, what: string, max: number): number[] {
  const a = list(v, path, max);
  a.forEach((x, i) => {
    if (!check(x)) throw new ModelFormatError(`${path}[${i}]`, what, x);
  });
  return a as number[];
}

function readCells(v: unknown): CellTopology[] {
  const cells = list(v, "model.cells", MODEL_LIMITS.maxCells);
  if (cells.length === 0) throw new ModelFormatError("model.cells", "at least one cell", "none");
  let branches = 0;
  return cells.map((c, i) => {
    const p = `model.cells[${i}]`;
    if (!isObject(c)) throw new ModelFormatError(p, "a cell { parents, parentX, ncomp }", c);
    const parents = numbers(c.parents, `${p}.parents`, (x) => Number.isInteger(x), "an integer", MODEL_LIMITS.maxBranches);
    branches += parents.length;
    if (branches > MODEL_LIMITS.maxBranches) throw new ModelFormatError("model.cells", `at most ${MODEL_LIMITS.maxBranches} branches`, branches);
    try {
      checkParents(parents);
    } catch (e) {
      throw new ModelFormatError(`${p}.parents`, "a tree of branches", `${(e as Error).message}`);
    }
    const nb = parents.length;
    const parentX = numbers(c.parentX, `${p}.parentX`, (x) => isFiniteNumber(x) && x >= 0 && x <= 1, "a number in [0, 1]", nb);
    const ncomp = numbers(c.ncomp, `${p}.ncomp`, (x) => isIndex(x) && x >= 1 && x <= MODEL_LIMITS.maxCompartments, "a positive integer", nb);
    if (parentX.length !== nb || ncomp.length !== nb) {
      throw new ModelFormatError(p, `parentX and ncomp with ${nb} entries (one per branch)`, `${parentX.length} and ${ncomp.length}`);
    }
    const topo: CellTopology = { parents: parents.slice(), parentX: parentX.slice(), ncomp: ncomp.slice() };
    if (c.points !== undefined) topo.points = readPoints(c.points, nb, `${p}.points`);
    return topo;
  });
}

function readPoints(v: unknown, nb: number, path: string): Array<Array<[number, number, number, number]>> {
  const branches = list(v, path, nb);
  if (branches.length !== nb) throw new ModelFormatError(path, `${nb} lists (one per branch)`, branches.length);
  return branches.map((b, i) =>
    list(b, `${path}[${i}]`, MODEL_LIMITS.maxCompartments).map((pt, j) => {
      if (!Array.isArray(pt) || pt.length !== 4 || !pt.every(isFiniteNumber)) throw new ModelFormatError(`${path}[${i}][${j}]`, "[x, y, z, r]", pt);
      return [pt[0], pt[1], pt[2], pt[3]] as [number, number, number, number];
    }),
  );
}

function readColumns(d: ModelData, v: unknown): void {
  if (!isObject(v)) throw new ModelFormatError("model.columns", "an object of columns by key", v);
  for (const [k, col] of Object.entries(v)) d.columns.set(k, decodeColumn(col, d.nComp, `model.columns.${k}`));
}

function mechanism(spec: unknown, kind: "channel" | "synapse", path: string): Mechanism {
  if (!isObject(spec) || spec.kind !== kind) throw new ModelFormatError(`${path}.kind`, `"${kind}"`, isObject(spec) ? spec.kind : spec);
  try {
    return new Mechanism(spec as unknown as MechanismSpec);
  } catch (e) {
    throw new ModelFormatError(path, `a valid ${kind} spec`, (e as Error).message);
  }
}

function readChannels(d: ModelData, channels: unknown[]): void {
  channels.forEach((c, i) => {
    const p = `model.channels[${i}]`;
    if (!isObject(c)) throw new ModelFormatError(p, "a channel { spec, nodes }", c);
    const m = mechanism(c.spec, "channel", `${p}.spec`);
    if (d.channelMask.has(m.name)) throw new ModelFormatError(`${p}.spec.name`, "a name not used by another channel", m.name);
    for (const k of [...m.paramKeys, ...m.stateKeys]) {
      if (!d.columns.has(k)) throw new ModelFormatError(`model.columns.${k}`, `a column (channel ${m.name} uses it)`, undefined);
    }
    d.channels.push(m);
    d.channelMask.set(m.name, decodeMask(c.nodes, d.nComp, `${p}.nodes`));
  });
}

function readEdges(d: ModelData, m: SerializedModel): void {
  const types = list(m.synapseTypes, "model.synapseTypes").map((s, i) => mechanism(s, "synapse", `model.synapseTypes[${i}]`));
  for (const t of types) {
    if (d.synapseTypes.has(t.name)) throw new ModelFormatError("model.synapseTypes", "distinct names", t.name);
    d.synapseTypes.set(t.name, t);
  }
  const e = m.edges;
  if (!isObject(e)) throw new ModelFormatError("model.edges", "an object { pre, post, type, columns }", e);
  const n = d.nComp;
  const pre = numbers(e.pre, "model.edges.pre", (x) => isIndex(x) && x < n, `a compartment index below ${n}`, MODEL_LIMITS.maxEdges);
  const post = numbers(e.post, "model.edges.post", (x) => isIndex(x) && x < n, `a compartment index below ${n}`, MODEL_LIMITS.maxEdges);
  const type = numbers(e.type, "model.edges.type", (x) => isIndex(x) && x < types.length, `a synapse type index below ${types.length}`, MODEL_LIMITS.maxEdges);
  if (post.length !== pre.length || type.length !== pre.length) {
    throw new ModelFormatError("model.edges", "pre, post and type of equal length", `${pre.length}, ${post.length}, ${type.length}`);
  }
  d.edges.pre = pre.slice();
  d.edges.post = post.slice();
  d.edges.type = type.map((t) => types[t].name);
  if (!isObject(e.columns)) throw new ModelFormatError("model.edges.columns", "an object of columns by key", e.columns);
  for (const [k, col] of Object.entries(e.columns)) d.edges.columns.set(k, Array.from(decodeColumn(col, pre.length, `model.edges.columns.${k}`)));
}

function target(v: unknown, path: string): "node" | "edge" {
  if (v !== "node" && v !== "edge") throw new ModelFormatError(path, '"node" or "edge"', v);
  return v;
}

function indexIn(d: ModelData, t: "node" | "edge", v: unknown, path: string): number {
  const count = t === "node" ? d.nComp : d.edges.length;
  if (!isIndex(v) || v >= count) throw new ModelFormatError(path, `a ${t} index below ${count}`, v);
  return v;
}

function state(v: unknown, path: string): string {
  if (typeof v !== "string" || v === "") throw new ModelFormatError(path, "a state name", v);
  return v;
}

function readInputs(d: ModelData, m: SerializedModel): void {
  list(m.recordings, "model.recordings").forEach((r, i) => {
    const p = `model.recordings[${i}]`;
    if (!isObject(r)) throw new ModelFormatError(p, "a recording { target, index, state }", r);
    const t = target(r.target, `${p}.target`);
    d.recordings.push({ target: t, index: indexIn(d, t, r.index, `${p}.index`), state: state(r.state, `${p}.state`) });
  });
  list(m.stimuli, "model.stimuli").forEach((s, i) => {
    const p = `model.stimuli[${i}]`;
    if (!isObject(s)) throw new ModelFormatError(p, "a stimulus { node, values }", s);
    d.stimuli.push({ node: indexIn(d, "node", s.node, `${p}.node`), values: decodeSignal(s.values, MODEL_LIMITS.maxSamples, `${p}.values`) });
  });
  list(m.clamps, "model.clamps").forEach((c, i) => {
    const p = `model.clamps[${i}]`;
    if (!isObject(c)) throw new ModelFormatError(p, "a clamp { target, index, state, values }", c);
    const t = target(c.target, `${p}.target`);
    d.clamps.push({
      target: t,
      index: indexIn(d, t, c.index, `${p}.index`),
      state: state(c.state, `${p}.state`),
      values: decodeSignal(c.values, MODEL_LIMITS.maxSamples, `${p}.values`),
    });
  });
}

function readTrainables(d: ModelData, v: unknown): void {
  list(v, "model.trainables").forEach((t, i) => {
    const p = `model.trainables[${i}]`;
    if (!isObject(t) || typeof t.key !== "string") throw new ModelFormatError(p, "a trainable { key, target, groups, init }", t);
    const tg = target(t.target, `${p}.target`);
    const col = tg === "node" ? d.columns.has(t.key) : d.edges.columns.has(t.key);
    if (!col) throw new ModelFormatError(`${p}.key`, `a ${tg} column of the model`, t.key);
    const groups = list(t.groups, `${p}.groups`, MODEL_LIMITS.maxCompartments).map((g, j) =>
      numbers(g, `${p}.groups[${j}]`, (x) => isIndex(x) && x < (tg === "node" ? d.nComp : d.edges.length), "an index in range", MODEL_LIMITS.maxCompartments).slice(),
    );
    const init = numbers(t.init, `${p}.init`, isFiniteNumber, "a finite number", groups.length);
    if (init.length !== groups.length) throw new ModelFormatError(`${p}.init`, `${groups.length} values (one per group)`, init.length);
    d.trainables.push({ key: t.key, target: tg, groups, init: init.slice() });
  });
}
