/**
 * sweep: one parameter, or the stimulus, varied over a list of values, each value one
 * simulation of a runBatch.
 */
import type * as tf from "@tensorflow/tfjs-core";
import type { View } from "../api/view.js";
import { DendrolabError } from "../errors.js";
import { describe } from "../model/edit.js";
import type { TimedCurrent } from "../model/stimulus.js";
import type { IntegrateOptions } from "../run/options.js";
import type { DataValue } from "../run/trainables.js";
import { type RunBatchOptions, runBatch } from "./run-batch.js";

/** A parameter (`key`, set on `view`, default the whole module) taking each of `values`. */
export interface ParameterSweep {
  key: string;
  view?: View;
  /** One value per simulation: a number, or one value per row of `view` (as dataSet takes). */
  values: readonly DataValue[];
}

/** A stimulus (given to `view.dataStimulate`, default the whole module) per simulation. */
export interface StimulusSweep {
  stimuli: readonly (DataValue | TimedCurrent)[];
  view?: View;
}

/** What a sweep returns: the traces `[values, recordings, samples]` and the values, in order. */
export interface SweepResult<V> {
  traces: tf.Tensor3D;
  values: readonly V[];
}

/** A sweep's options: integrate's, shared by every run, and runBatch's pool options. */
export type SweepOptions = IntegrateOptions & RunBatchOptions;

const POOL_KEYS = ["workers", "signal", "onProgress"] as const;

/**
 * Runs one simulation per value of a parameter, or per stimulus, on the worker pool
 * (see {@link runBatch}); other options (tMax, deltaT, solver, params, paramState...) are
 * shared by every run. A parameter value goes through `view.dataSet(key, value, paramState)`,
 * a stimulus through `view.dataStimulate(stimulus, dataStimuli)`.
 *
 * @example
 * const gNa = [0.08, 0.1, 0.12];
 * const { traces } = await sweep(cell, { key: "HH_gNa", values: gNa }, { tMax: 50 });
 * // an f-I curve: 0.1 to 1 nA from 5 ms for 40 ms, at the soma
 * const amps = Array.from({ length: 10 }, (_, i) => 0.1 * (i + 1));
 * const fI = await sweep(cell, { view: cell.branch(0).comp(0), stimuli: amps.map((a) => stepCurrent(5, 40, a)) }, { tMax: 50 });
 */
export function sweep(module: View, spec: ParameterSweep, options?: SweepOptions): Promise<SweepResult<DataValue>>;
export function sweep(
  module: View,
  spec: StimulusSweep,
  options?: SweepOptions,
): Promise<SweepResult<DataValue | TimedCurrent>>;
export async function sweep(
  module: View,
  spec: ParameterSweep | StimulusSweep,
  options: SweepOptions = {},
): Promise<SweepResult<DataValue | TimedCurrent>> {
  if (module == null || typeof module !== "object" || !(module as View).base) {
    throw new DendrolabError(`sweep takes a module or view (e.g. a Cell or Network); got ${describe(module)}.`);
  }
  const isParam = spec != null && typeof spec === "object" && "key" in spec;
  const isStim = spec != null && typeof spec === "object" && "stimuli" in spec;
  if (isParam === isStim) {
    throw new DendrolabError(
      `sweep: give what varies as { key, values, view? } (a parameter) or { stimuli, view? } (a stimulus per run); got ${describe(spec)}.`,
    );
  }
  const view = spec.view ?? module;
  if (view == null || typeof view !== "object" || view.base !== module.base) {
    throw new DendrolabError(
      `sweep: view must be a view of the swept module (e.g. cell.branch(0)); got ${describe(view)}.`,
    );
  }
  const list: readonly unknown[] = isParam ? (spec as ParameterSweep).values : (spec as StimulusSweep).stimuli;
  const name = isParam ? "values" : "stimuli";
  if (!Array.isArray(list) || list.length === 0) {
    throw new DendrolabError(
      `sweep: ${name} must be a non-empty list, one per simulation; got ${Array.isArray(list) ? "an empty list" : describe(list)}.`,
      Array.isArray(list) ? "MISSING_INPUT" : "INVALID_ARGUMENT",
    );
  }
  if (options == null || typeof options !== "object") {
    throw new DendrolabError(`sweep: options must be an object like { tMax: 50 }; got ${describe(options)}.`);
  }
  const shared: Record<string, unknown> = { ...options };
  const pool: Record<string, unknown> = {};
  for (const k of POOL_KEYS) {
    if (k in shared) pool[k] = shared[k];
    delete shared[k];
  }
  const base = shared as IntegrateOptions;
  const runs: IntegrateOptions[] = list.map((value) =>
    isParam
      ? { ...base, paramState: view.dataSet((spec as ParameterSweep).key, value as DataValue, base.paramState ?? null) }
      : { ...base, dataStimuli: view.dataStimulate(value as DataValue | TimedCurrent, base.dataStimuli ?? null) },
  );
  try {
    const traces = await runBatch(module, runs, pool as RunBatchOptions);
    return { traces, values: list as readonly (DataValue | TimedCurrent)[] };
  } finally {
    // The tensors dataSet / dataStimulate made of the sweep's values (the caller's own stay).
    const given = new Set<unknown>([...list, ...(base.paramState ?? []), ...(base.dataStimuli ?? [])].map(tensorOf));
    for (const r of runs) {
      for (const x of [...(r.paramState ?? []), ...(r.dataStimuli ?? [])]) {
        const t = tensorOf(x);
        if (t && !given.has(t)) t.dispose();
      }
    }
  }
}

/** The tensor of a dataSet record or data stimulus (or the value itself). */
function tensorOf(x: unknown): tf.Tensor | undefined {
  const v = x != null && typeof x === "object" && "value" in x ? (x as { value?: unknown }).value : x;
  return v != null && typeof v === "object" && typeof (v as tf.Tensor).dispose === "function"
    ? (v as tf.Tensor)
    : undefined;
}
