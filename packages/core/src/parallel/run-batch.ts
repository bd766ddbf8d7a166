/**
 * runBatch: integrateBatch split across a pool of workers, with the same options and the
 * same numbers, bit for bit.
 */
import * as tf from "@tensorflow/tfjs-core";
import type { View } from "../api/view.js";
import { DendrolabError, unknownNameError } from "../errors.js";
import { serializeModel } from "../io/serialize.js";
import { describe } from "../model/edit.js";
import { type IntegrateOptions, planRun } from "../run/options.js";
import { requireBackend } from "../train/bridge.js";
import { isNode, nodeCores } from "./node-transport.js";
import { type AbortSignalLike, type Job, type RunValues, runOnPool } from "./pool.js";
import { browserCores } from "./web-transport.js";
import { encodeOptions } from "./wire.js";

export type { AbortSignalLike } from "./pool.js";

/** How runBatch runs its pool. */
export interface RunBatchOptions {
  /** Worker threads (an integer >= 1); default: one per logical core. Never more than runs. */
  workers?: number;
  /** Stops the batch: its workers are terminated and the promise rejects (code "ABORTED"). */
  signal?: AbortSignalLike;
  /** Called after each finished simulation with the count done and the total. */
  onProgress?: (done: number, total: number) => void;
}

const POOL_KEYS = ["workers", "signal", "onProgress"];

/**
 * Logical cores of this machine: `os.availableParallelism()` in Node,
 * `navigator.hardwareConcurrency` in the browser; runBatch's default pool size.
 *
 * @example
 * const n = await defaultWorkerCount(); // 2 on a 2-core machine
 */
export async function defaultWorkerCount(): Promise<number> {
  return isNode() ? nodeCores() : browserCores();
}

/** Checks runBatch's pool options; returns the worker count asked for, if any. */
export function checkPoolOptions(pool: unknown, what: string): RunBatchOptions {
  if (pool === undefined) return {};
  if (pool === null || typeof pool !== "object" || Array.isArray(pool)) {
    throw new DendrolabError(
      `${what}: the pool options must be an object like { workers: 4 }; got ${describe(pool)}.`,
      "INVALID_ARGUMENT",
    );
  }
  for (const k of Object.keys(pool)) if (!POOL_KEYS.includes(k)) throw unknownNameError(`${what} option`, k, POOL_KEYS);
  const { workers, signal, onProgress } = pool as RunBatchOptions;
  if (workers !== undefined && !(typeof workers === "number" && Number.isInteger(workers) && workers >= 1)) {
    throw new DendrolabError(
      `${what}: workers must be an integer >= 1 (the number of worker threads; omit it for one per core); got ${typeof workers === "number" ? workers : describe(workers)}.`,
      "INVALID_ARGUMENT",
    );
  }
  const s = signal as Partial<AbortSignalLike> | undefined;
  if (s !== undefined && (s === null || typeof s.aborted !== "boolean" || typeof s.addEventListener !== "function")) {
    throw new DendrolabError(
      `${what}: signal must be an AbortSignal (new AbortController().signal); got ${describe(signal)}.`,
      "INVALID_ARGUMENT",
    );
  }
  if (onProgress !== undefined && typeof onProgress !== "function") {
    throw new DendrolabError(
      `${what}: onProgress must be a function (done, total) => void; got ${describe(onProgress)}.`,
      "INVALID_ARGUMENT",
    );
  }
  return pool as RunBatchOptions;
}

/**
 * Many simulations of one module on all cores: {@link integrateBatch}'s parallel form, with
 * the same options and result, `[runs, recordings, samples]` (mV for voltages), identical bit
 * for bit. The model is serialised once and sent to each worker (`worker_threads` in Node,
 * module Web Workers in the browser); each run's tensors are copied and transferred. Every
 * run's options are checked here, before any worker starts. The result is not
 * differentiable: for gradients use integrateBatch inside `tf.grad`.
 *
 * @example
 * const gs = [0.08, 0.1, 0.12, 0.14];
 * const v = await runBatch(cell, gs.map((g) => ({ paramState: cell.dataSet("HH_gNa", g), tMax: 20 })));
 * v.shape; // [4, recordings, 801]
 * const stop = new AbortController();
 * const pending = runBatch(cell, many, { workers: 2, signal: stop.signal }); // stop.abort() rejects it
 */
export async function runBatch(
  module: View,
  optionsList: readonly IntegrateOptions[],
  pool?: RunBatchOptions,
): Promise<tf.Tensor3D> {
  const what = "runBatch";
  if (module == null || typeof module !== "object" || !(module as View).base) {
    throw new DendrolabError(`${what} takes a module or view (e.g. a Cell or Network); got ${describe(module)}.`);
  }
  if (!Array.isArray(optionsList) || optionsList.length === 0) {
    throw new DendrolabError(
      `${what} needs a non-empty list of options, one per simulation (e.g. [{ tMax: 20 }]); got ${Array.isArray(optionsList) ? "an empty list" : describe(optionsList)}.`,
      Array.isArray(optionsList) ? "MISSING_INPUT" : "INVALID_ARGUMENT",
    );
  }
  const runs = await runJobs(module, optionsList, pool, what);
  const { nRecordings, nSamples } = runs[0];
  const out = new Float32Array(runs.length * nRecordings * nSamples);
  for (const [i, r] of runs.entries()) out.set(r.values, i * nRecordings * nSamples);
  return tf.tensor3d(out, [runs.length, nRecordings, nSamples], "float32");
}

/**
 * @internal Checks `optionsList` and `pool` and runs every simulation on the pool; with
 * `dyOf`, each run also returns the gradient of a loss whose weights on run i's recordings
 * are `dyOf(i)`. The results come in run order.
 */
export async function runJobs(
  module: View,
  optionsList: readonly IntegrateOptions[],
  pool: RunBatchOptions | undefined,
  what: string,
  dyOf?: (run: number) => Float32Array,
): Promise<RunValues[]> {
  const { workers, signal, onProgress } = checkPoolOptions(pool, what);
  const d = module.base;
  const plans = optionsList.map((o, i) => {
    try {
      return planRun(d, o);
    } catch (e) {
      if (e instanceof Error) e.message = `${what}: options ${i}: ${e.message}`;
      throw e;
    }
  });
  const n0 = plans[0].nSteps + 1;
  plans.forEach((p, i) => {
    if (p.nSteps + 1 !== n0) {
      throw new DendrolabError(
        `${what}: run ${i} has ${p.nSteps + 1} samples but run 0 has ${n0}; give every run the same tMax.`,
        "SHAPE_MISMATCH",
      );
    }
  });
  requireBackend(`${what}()`);
  const jobs: Job[] = optionsList.map((o, i) => () => {
    const { wire, transfer } = encodeOptions(o);
    if (!dyOf) return { wire, transfer };
    const dy = dyOf(i);
    return { wire, transfer: [...transfer, dy.buffer as ArrayBuffer], dy };
  });
  const size = Math.min(workers ?? (await defaultWorkerCount()), jobs.length);
  return runOnPool({ model: serializeModel(module), jobs, workers: size, signal, onProgress, what });
}
