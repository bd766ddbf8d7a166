/**
 * Inputs and outputs of a description: recordings, stimuli and clamps.
 */
import { DendrolabError } from "../errors.js";
import type { ModelData } from "./data.js";
import { describe } from "./edit.js";
import { recordableNames } from "./lower.js";
import { unknownNameError } from "../errors.js";
import { isTimedCurrent, type TimedCurrent } from "./stimulus.js";
import { allowedText, ruleAllows, runValueRule } from "./value-rules.js";

/** A 1-D or 2-D array of numbers given by a user. */
export type Signal = ArrayLike<number> | ReadonlyArray<ArrayLike<number>>;

/** Splits a signal into one row per target: a 1-D signal is copied to every target. */
function signalRows(what: string, signal: Signal, count: number, where: string): Float64Array[] {
  if (signal == null || typeof signal === "string" || typeof (signal as ArrayLike<unknown>).length !== "number") {
    throw new DendrolabError(
      `${what} needs a 1-D array of numbers or one row per compartment${where}; got ${describe(signal)}.`,
      "INVALID_ARGUMENT",
    );
  }
  if (count === 0)
    throw new DendrolabError(
      `${what}: the view is empty${where}; select at least one compartment or synapse.`,
      "EMPTY_SELECTION",
    );
  const first = (signal as ArrayLike<unknown>)[0];
  const is2d = first != null && typeof first === "object";
  let rows: Float64Array[];
  if (!is2d) {
    const row = Float64Array.from(signal as ArrayLike<number>);
    rows = Array.from({ length: count }, () => row);
  } else {
    const list = signal as ReadonlyArray<ArrayLike<number>>;
    if (list.length !== count) {
      throw new DendrolabError(
        `${what}: got ${list.length} rows but the view has ${count} targets${where}; give one 1-D array or ${count} rows.`,
        "SHAPE_MISMATCH",
      );
    }
    const len = list[0].length;
    rows = list.map((r, i) => {
      if (r == null || r.length !== len) {
        throw new DendrolabError(
          `${what}: row ${i} has ${r?.length} samples, row 0 has ${len}${where}; rows must have equal length.`,
          "SHAPE_MISMATCH",
        );
      }
      return Float64Array.from(r);
    });
  }
  if (rows[0].length === 0)
    throw new DendrolabError(
      `${what}: the signal has no samples${where}; give at least one sample.`,
      "INVALID_ARGUMENT",
    );
  for (const r of rows) {
    for (let k = 0; k < r.length; k++) {
      if (!Number.isFinite(r[k])) {
        throw new DendrolabError(
          `${what}: sample ${k} is ${r[k]}${where}; samples must be finite numbers.`,
          "INVALID_ARGUMENT",
        );
      }
    }
  }
  return rows;
}

/**
 * Clamped values must be in the state's range (`runValueRule`): a voltage within
 * -200..200 mV, a gating state within 0..1.
 */
export function checkClampValues(d: ModelData, state: string, rows: readonly Float64Array[], where: string): void {
  const rule = runValueRule([...d.channels, ...d.synapseTypes.values()], state);
  if (!rule) return;
  const what = state === "v" ? "a voltage (mV)" : rule.what;
  for (const r of rows) {
    for (let k = 0; k < r.length; k++) {
      if (!ruleAllows(rule, r[k]))
        throw new DendrolabError(
          `clamp('${state}'): sample ${k} is ${r[k]}${where}; ${state} must be ${allowedText(rule)} (${state} is ${what}).`,
          "INVALID_ARGUMENT",
        );
    }
  }
}

/** Is `state` recordable on compartments or on synapses of this model? */
function targetOfState(d: ModelData, state: string, where: string): "node" | "edge" {
  if (typeof state !== "string")
    throw new DendrolabError(`expected a state name${where}; got ${describe(state)}.`, "INVALID_ARGUMENT");
  if (recordableNames(d, "node").includes(state)) return "node";
  if (recordableNames(d, "edge").includes(state)) return "edge";
  throw unknownNameError(
    "state",
    state,
    [...recordableNames(d, "node"), ...recordableNames(d, "edge")],
    where,
    "UNKNOWN_KEY",
  );
}

/** Targets of a state among the view's compartments or synapses (only those that have it). */
export function targetsWithState(
  d: ModelData,
  nodes: Int32Array,
  edges: Int32Array,
  state: string,
  where: string,
): { target: "node" | "edge"; indices: number[] } {
  const target = targetOfState(d, state, where);
  if (target === "node") {
    if (state === "v") return { target, indices: Array.from(nodes) };
    const carriers = d.channels.filter(
      (m) =>
        m.compiled.stateKeys.includes(state) ||
        m.compiled.currentName === state ||
        m.compiled.outputKeys.includes(state) ||
        (m.compiled.usesNodeVars && (m.compiled.nodeVars.includes(state) || m.compiled.ionColumnKeys.includes(state))),
    );
    const indices = Array.from(nodes).filter((n) => carriers.some((m) => d.channelMask.get(m.name)![n] === 1));
    if (indices.length === 0)
      throw new DendrolabError(
        `No compartment in view has '${state}'${where}; insert its channel first or select compartments that have it.`,
        "EMPTY_SELECTION",
      );
    return { target, indices };
  }
  const types = [...d.synapseTypes.values()]
    .filter((m) => m.compiled.stateKeys.includes(state) || m.compiled.currentName === state)
    .map((m) => m.name);
  const indices = Array.from(edges).filter((e) => types.includes(d.edges.type[e]));
  if (indices.length === 0)
    throw new DendrolabError(
      `No synapse in view has '${state}'${where}; select a view that contains synapses of that type.`,
      "EMPTY_SELECTION",
    );
  return { target, indices };
}

/** Adds recordings of `state` for every target in view, skipping duplicates. */
export function addRecordings(
  d: ModelData,
  nodes: Int32Array,
  edges: Int32Array,
  state: string,
  where: string,
): number {
  const { target, indices } = targetsWithState(d, nodes, edges, state, where);
  if (indices.length === 0)
    throw new DendrolabError(
      `record('${state}'): the view holds no ${target === "node" ? "compartments" : "synapses"}${where}; select at least one compartment or synapse.`,
      "EMPTY_SELECTION",
    );
  const seen = new Set(d.recordings.map((r) => `${r.target}:${r.index}:${r.state}`));
  let added = 0;
  for (const index of indices) {
    const key = `${target}:${index}:${state}`;
    if (seen.has(key)) continue;
    seen.add(key);
    d.recordings.push({ target, index, state });
    added++;
  }
  d.touch();
  return added;
}

/** Adds a stimulus (nA), samples or a current defined in time, to every compartment in view. */
export function addStimuli(d: ModelData, nodes: Int32Array, current: Signal | TimedCurrent, where: string): void {
  if (isTimedCurrent(current)) {
    if (nodes.length === 0)
      throw new DendrolabError(
        `stimulate(): the view is empty${where}; select at least one compartment or synapse.`,
        "EMPTY_SELECTION",
      );
    for (const node of nodes) d.stimuli.push({ node, values: current });
    d.touch();
    return;
  }
  const rows = signalRows("stimulate()", current, nodes.length, where);
  for (let i = 0; i < nodes.length; i++) d.stimuli.push({ node: nodes[i], values: rows[i] });
  d.touch();
}

/** Holds `state` to given values in every target in view. */
export function addClamps(
  d: ModelData,
  nodes: Int32Array,
  edges: Int32Array,
  state: string,
  values: Signal,
  where: string,
): void {
  const { target, indices } = targetsWithState(d, nodes, edges, state, where);
  if (state.startsWith("i_"))
    throw new DendrolabError(`clamp(): '${state}' is a current; clamp 'v' or a state${where}.`, "INVALID_ARGUMENT");
  const rows = signalRows(`clamp('${state}')`, values, indices.length, where);
  checkClampValues(d, state, rows, where);
  for (let i = 0; i < indices.length; i++) d.clamps.push({ target, index: indices[i], state, values: rows[i] });
  d.touch();
}
