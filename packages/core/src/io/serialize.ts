/**
 * serializeModel: a module's whole description as a versioned, JSON-safe object.
 */
import { Branch, Cell, Compartment, Network } from "../api/modules.js";
import type { View } from "../api/view.js";
import { DendrolabError } from "../errors.js";
import { describe } from "../model/edit.js";
import { isTimedCurrent } from "../model/stimulus.js";
import { encodeColumn, encodeMask, encodeSignal } from "./encode.js";
import { MODEL_FORMAT, MODEL_VERSION, type SerializedModel } from "./schema.js";

/**
 * Serialises the model behind a module or view (always the whole model): topology,
 * columns, channels and synapses as specs, groups, synapses, recordings, stimuli,
 * clamps and trainables. `JSON.stringify` of the result is exact (doubles survive).
 *
 * @example
 * const data = serializeModel(network);
 * const copy = deserializeModel(JSON.parse(JSON.stringify(data))); // a Network
 */
export function serializeModel(module: View): SerializedModel {
  const d = module != null && typeof module === "object" ? (module as View).base : undefined;
  if (!d || !(d.columns instanceof Map)) {
    throw new DendrolabError(
      `serializeModel() takes a module or view (e.g. a Network or Cell); got ${describe(module)}.`,
      "INVALID_ARGUMENT",
    );
  }
  const typeIndex = new Map([...d.synapseTypes.keys()].map((name, i) => [name, i]));
  const columns: SerializedModel["columns"] = {};
  for (const [k, v] of d.columns) columns[k] = encodeColumn(v);
  const edgeColumns: SerializedModel["edges"]["columns"] = {};
  for (const [k, v] of d.edges.columns) edgeColumns[k] = encodeColumn(v);
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    kind: kindOf(module, d.cells.length),
    cells: d.cells.map((c) => ({
      parents: c.parents.slice(),
      parentX: c.parentX.slice(),
      ncomp: c.ncomp.slice(),
      ...(c.points ? { points: c.points.map((b) => b.map((p) => [p[0], p[1], p[2], p[3]])) } : {}),
    })),
    columns,
    channels: d.channels.map((m) => ({ spec: plain(m.spec), nodes: encodeMask(d.channelMask.get(m.name)!) })),
    groups: [...d.groups].map(([name, mask]) => ({ name, nodes: encodeMask(mask) })),
    synapseTypes: [...d.synapseTypes.values()].map((m) => plain(m.spec)),
    edges: {
      pre: d.edges.pre.slice(),
      post: d.edges.post.slice(),
      type: d.edges.type.map((t) => typeIndex.get(t)!),
      columns: edgeColumns,
    },
    recordings: d.recordings.map((r) => ({ target: r.target, index: r.index, state: r.state })),
    stimuli: d.stimuli.map((s) => ({
      node: s.node,
      values: isTimedCurrent(s.values) ? { ...s.values } : encodeSignal(s.values),
    })),
    clamps: d.clamps.map((c) => ({ target: c.target, index: c.index, state: c.state, values: encodeSignal(c.values) })),
    trainables: d.trainables.map((t) => ({
      key: t.key,
      target: t.target,
      groups: t.groups.map((g) => g.slice()),
      init: t.init.slice(),
    })),
  };
}

function kindOf(module: View, nCells: number): SerializedModel["kind"] {
  if (module instanceof Network) return "network";
  if (module instanceof Cell) return "cell";
  if (module instanceof Branch) return "branch";
  if (module instanceof Compartment) return "compartment";
  return nCells > 1 ? "network" : "cell";
}

/** A deep, unfrozen copy of plain data (specs are deep-frozen). */
function plain<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
