/**
 * Trainable parameters (Jaxley's sharing rules), and per-run data: dataSet,
 * dataStimulate, dataClamp. Values meet tfjs here, through the bridge (tensors.ts): this
 * file imports no tfjs.
 */
import type { Tensor, Variable } from "@tensorflow/tfjs-core";
import { allowedText, ruleAllows, runValueRule } from "../model/value-rules.js";
import { DendrolabError, unknownNameError } from "../errors.js";
import type { ModelData, Trainable } from "../model/data.js";
import { describe, edgeKeys, nodeKeys } from "../model/edit.js";
import { targetsWithState } from "../model/inputs.js";
import { isTimedCurrent, type TimedCurrent } from "../model/stimulus.js";
import type { Sharing } from "../model/select.js";
import { type DataValue, isTensor, tensorBridge } from "./tensors.js";

export type { DataValue } from "./tensors.js";

/** Parameters as returned by getParameters: one single-key record per makeTrainable call. */
export type Params = Array<Record<string, Tensor>>;

/** One dataSet call: `value` (a scalar, or one per index) for `key` at `indices`. */
export interface DataSetRecord {
  key: string;
  target: "node" | "edge";
  indices: Int32Array;
  value: Tensor;
}

/** The result of chained dataSet calls, passed to integrate as `paramState`. */
export type ParamState = readonly DataSetRecord[];

/**
 * One dataStimulate call: currents (nA) `[nodes, T]` or `[T]` (to every node), or a
 * current defined in time (`timed`) sampled at the run's steps.
 */
export type DataStimulus =
  | { nodes: Int32Array; value: Tensor; timed?: undefined }
  | { nodes: Int32Array; value?: undefined; timed: TimedCurrent };
export type DataStimuli = readonly DataStimulus[];

/** One dataClamp call. */
export interface DataClamp {
  state: string;
  target: "node" | "edge";
  indices: Int32Array;
  value: Tensor;
}
export type DataClamps = readonly DataClamp[];

/** What the functions of this module take of a view: its model, rows, sharing rule and place. */
export interface ViewRows {
  readonly d: ModelData;
  /** Global compartment indices in view, ascending. */
  readonly nodes: Int32Array;
  /** Global synapse indices in view, ascending. */
  readonly edges: Int32Array;
  readonly sharing: Sharing;
  /** Where the view is, for error messages: ` (in network.cell(0))`. */
  readonly where: string;
}

/** Which rows of a view have `key`, and whether it is a compartment or synapse key. */
export function rowsWithKey(
  { d, nodes, edges, where }: ViewRows,
  key: string,
): { target: "node" | "edge"; rows: Int32Array } {
  if (typeof key !== "string")
    throw new DendrolabError(`expected a parameter key${where}; got ${describe(key)}.`, "INVALID_ARGUMENT");
  const valid = [...nodeKeys(d), ...edgeKeys(d)];
  const col = nodeKeys(d).includes(key) ? d.columns.get(key) : undefined;
  if (col) {
    const rows = nodes.filter((n) => !Number.isNaN(col[n]));
    if (rows.length === 0)
      throw new DendrolabError(
        `No compartment in view has '${key}'${where}; insert its channel first or select compartments that have it.`,
        "EMPTY_SELECTION",
      );
    return { target: "node", rows };
  }
  const ecol = d.edges.columns.get(key);
  if (ecol) {
    const rows = edges.filter((e) => !Number.isNaN(ecol[e]));
    if (rows.length === 0)
      throw new DendrolabError(
        `No synapse in view has '${key}'${where}; select a view that contains synapses of that type.`,
        "EMPTY_SELECTION",
      );
    return { target: "edge", rows };
  }
  throw unknownNameError("trainable key", key, valid, where, "UNKNOWN_KEY");
}

/** Splits rows into groups that share one value, by the view's sharing rule. */
function shareGroups(d: ModelData, target: "node" | "edge", rows: Int32Array, sharing: Sharing): number[][] {
  const by = (f: (r: number) => number) => {
    const m = new Map<number, number[]>();
    for (const r of rows) {
      const k = f(r);
      if (!m.has(k)) m.set(k, []);
      m.get(k)!.push(r);
    }
    return [...m.values()];
  };
  if (target === "edge")
    return sharing === "edge" || sharing === "row" ? Array.from(rows, (r) => [r]) : [Array.from(rows)];
  switch (sharing) {
    case "shared":
      return [Array.from(rows)];
    case "cell":
      return by((r) => d.topo.compCell[r]);
    case "branch":
      return by((r) => d.topo.compBranch[r]);
    default:
      return Array.from(rows, (r) => [r]);
  }
}

/** Jaxley's make_trainable: one value per sharing group. */
export function makeTrainable(view: ViewRows, key: string, initVal: number | readonly number[] | undefined): number {
  const { d, sharing, where } = view;
  const { target, rows } = rowsWithKey(view, key);
  const groups = shareGroups(d, target, rows, sharing);
  const current = (i: number) => (target === "node" ? d.columns.get(key)![i] : d.edges.columns.get(key)![i]);
  let init: number[];
  if (initVal === undefined) init = groups.map((g) => g.reduce((s, i) => s + current(i), 0) / g.length);
  else if (typeof initVal === "number") init = groups.map(() => initVal);
  else if (typeof initVal === "string")
    throw new DendrolabError(
      `makeTrainable('${key}'): initVal is the string ${JSON.stringify((initVal as string).slice(0, 40))}${where}: a number is needed (or one number per parameter).`,
      "INVALID_ARGUMENT",
    );
  else {
    if (!Array.isArray(initVal) || initVal.length !== groups.length) {
      throw new DendrolabError(
        `makeTrainable('${key}'): initVal has ${Array.isArray(initVal) ? initVal.length : describe(initVal)} values, ` +
          `but this view creates ${groups.length} parameter(s)${where}; pass one number or ${groups.length} numbers.`,
        "SHAPE_MISMATCH",
      );
    }
    init = initVal.slice();
  }
  const rule = runValueRule([...d.channels, ...d.synapseTypes.values()], key);
  for (const v of init) {
    if (typeof v !== "number" || !Number.isFinite(v))
      throw new DendrolabError(
        `makeTrainable('${key}'): initial value ${typeof v === "string" ? `is the string ${JSON.stringify(v)}: a number is needed` : `${v} is not finite`}${where}; pass finite numbers.`,
        "INVALID_ARGUMENT",
      );
    if (rule && !ruleAllows(rule, v))
      throw new DendrolabError(
        `makeTrainable('${key}'): initial value ${v}${where}; ${key} must be ${allowedText(rule)} (${rule.what}).`,
        "INVALID_ARGUMENT",
      );
  }
  d.trainables.push({ key, target, groups, init });
  return groups.length;
}

const variables = new WeakMap<Trainable, Variable>();

/** The trainables as tf.Variables (created once per trainable, then reused). */
export function getParameters(d: ModelData): Params {
  const tf = tensorBridge("getParameters()");
  return d.trainables.map((t) => {
    let v = variables.get(t);
    if (!v || v.isDisposed) {
      v = tf.variable(t.init);
      variables.set(t, v);
    }
    return { [t.key]: v };
  });
}

/** Checks that `params` matches the model's trainables; returns the values as float64 arrays. */
export function checkParams(d: ModelData, params: unknown): Float64Array[] {
  if (!Array.isArray(params))
    throw new DendrolabError(
      `params must be the list returned by getParameters(); got ${describe(params)}.`,
      "INVALID_ARGUMENT",
    );
  if (params.length !== d.trainables.length) {
    throw new DendrolabError(
      `params has ${params.length} entries but the model has ${d.trainables.length} trainables ` +
        `(${d.trainables.map((t) => t.key).join(", ") || "none"}).`,
      "SHAPE_MISMATCH",
    );
  }
  return d.trainables.map((t, i) => {
    const rec = params[i] as Record<string, unknown>;
    const keys = rec && typeof rec === "object" ? Object.keys(rec) : [];
    if (keys.length !== 1 || keys[0] !== t.key) {
      throw new DendrolabError(
        `params[${i}] should be { ${t.key}: ... }; got keys [${keys.join(", ")}].`,
        "UNKNOWN_KEY",
      );
    }
    const values = toFloat64(rec[t.key], `params[${i}].${t.key}`);
    if (values.length !== t.groups.length) {
      throw new DendrolabError(
        `params[${i}].${t.key} has ${values.length} values; the trainable has ${t.groups.length}, so pass ${t.groups.length} (as getParameters() returns).`,
        "SHAPE_MISMATCH",
      );
    }
    values.forEach((v, j) => {
      if (!Number.isFinite(v))
        throw new DendrolabError(`params[${i}].${t.key}[${j}] is ${v}; parameters must be finite.`, "INVALID_ARGUMENT");
    });
    return values;
  });
}

/** Writes parameter values into the model (and into the cached variables). */
export function writeTrainables(d: ModelData, params: Params): void {
  const values = checkParams(d, params);
  d.trainables.forEach((t, i) => {
    const col = t.target === "node" ? d.columns.get(t.key)! : d.edges.columns.get(t.key)!;
    for (const [j, g] of t.groups.entries()) for (const idx of g) col[idx] = values[i][j];
    t.init = Array.from(values[i]);
    const v = variables.get(t);
    if (v && !v.isDisposed) tensorBridge("writeTrainables()").assign(v, t.init);
  });
}

/** Removes trainables: all of them, or (for a sub-view) those touching the view. */
export function deleteTrainables(d: ModelData, nodes: Int32Array, edges: Int32Array, isSubView: boolean): void {
  if (!isSubView) {
    d.trainables = [];
    return;
  }
  const n = new Set(nodes);
  const e = new Set(edges);
  d.trainables = d.trainables.filter((t) => !t.groups.some((g) => g.some((i) => (t.target === "node" ? n : e).has(i))));
}

/** The values of a tensor or array as float64. */
export function toFloat64(value: unknown, what: string): Float64Array {
  if (isTensor(value)) return Float64Array.from(value.dataSync());
  if (typeof value === "number") return Float64Array.of(value);
  if (value != null && typeof value !== "string" && typeof (value as ArrayLike<number>).length === "number")
    return Float64Array.from(value as ArrayLike<number>);
  throw new DendrolabError(`${what} must be a tf.Tensor or numbers; got ${describe(value)}.`, "INVALID_ARGUMENT");
}

/** Jaxley's data_set: a value for one run, differentiable. */
export function dataSet(view: ViewRows, key: string, value: DataValue, prev: ParamState | null): ParamState {
  const { target, rows } = rowsWithKey(view, key);
  const t = tensorBridge("dataSet()").toTensor(value, `dataSet('${key}')`);
  if (t.size !== 1 && t.size !== rows.length) {
    throw new DendrolabError(
      `dataSet('${key}'): got ${t.size} values for ${rows.length} rows${view.where}; pass one value or ${rows.length}.`,
      "SHAPE_MISMATCH",
    );
  }
  return [...(prev ?? []), { key, target, indices: rows, value: t }];
}

/**
 * Checks the signals of a data method: one 1-D signal for every target, or one row per
 * target (`n` of them).
 */
function checkRows(method: string, t: Tensor, n: number, targets: string, signal: string, where: string): void {
  if (t.rank === 2 && t.shape[0] !== n) {
    throw new DendrolabError(
      `${method}: got ${t.shape[0]} rows for ${n} ${targets}${where}; give one 1-D ${signal} or ${n} rows.`,
      "SHAPE_MISMATCH",
    );
  }
}

/** Jaxley's data_stimulate: currents for one run, differentiable (a current defined in time is sampled at the run's steps). */
export function dataStimulate(
  { nodes, where }: ViewRows,
  current: DataValue | TimedCurrent,
  prev: DataStimuli | null,
): DataStimuli {
  if (nodes.length === 0)
    throw new DendrolabError(
      `dataStimulate(): the view is empty${where}; select at least one compartment.`,
      "EMPTY_SELECTION",
    );
  if (isTimedCurrent(current)) return [...(prev ?? []), { nodes: nodes.slice(), timed: current }];
  const t = tensorBridge("dataStimulate()").toTensor(current, "dataStimulate()");
  checkRows("dataStimulate()", t, nodes.length, "compartments", "current", where);
  if (t.rank < 1 || t.rank > 2)
    throw new DendrolabError(
      `dataStimulate(): the current must be 1-D or 2-D${where}; got shape [${t.shape}].`,
      "INVALID_ARGUMENT",
    );
  return [...(prev ?? []), { nodes: nodes.slice(), value: t }];
}

/** Jaxley's data_clamp: held values for one run. */
export function dataClamp(
  { d, nodes, edges, where }: ViewRows,
  state: string,
  values: DataValue,
  prev: DataClamps | null,
): DataClamps {
  const { target, indices } = targetsWithState(d, nodes, edges, state, where);
  const t = tensorBridge("dataClamp()").toTensor(values, `dataClamp('${state}')`);
  checkRows(`dataClamp('${state}')`, t, indices.length, "targets", "signal", where);
  return [...(prev ?? []), { state, target, indices: Int32Array.from(indices), value: t }];
}
