/**
 * integrate: simulate a model and return its recordings as a tensor.
 */
import * as tf from "@tensorflow/tfjs";
import type { View } from "../api/view.js";
import { DendrolabError } from "../errors.js";
import { describe } from "../model/edit.js";
import { executePlan, type IntegrateOptions, planRun, type RunResult } from "./run-options.js";

export type { IntegrateOptions } from "./run-options.js";

function baseOf(module: View): View["base"] {
  if (module == null || typeof module !== "object" || !("base" in module) || !module.base) {
    throw new DendrolabError(`integrate() takes a module or view (e.g. a Cell or Network); got ${describe(module)}.`);
  }
  return module.base;
}

/**
 * Simulates `module` and returns its recordings as a `[recordings, samples]` tensor; sample
 * k is at t = k * deltaT. Row order follows the order of `record` calls.
 *
 * @example
 * cell.branch(0).comp(0).record("v");
 * cell.branch(0).comp(0).stimulate(stepCurrent(1, 5, 0.5, 0.025, 20));
 * const v = integrate(cell); // shape [1, 801], mV
 */
export function integrate(module: View, options: IntegrateOptions = {}): tf.Tensor2D {
  const r = simulate(module, options);
  return tf.tensor2d(Float32Array.from(r.values), [r.nRecordings, r.nSamples], "float32");
}

/**
 * The same simulation as `integrate`, in float64, without tfjs: `values` holds the
 * recordings row-major (`nSamples` per row).
 */
export function simulate(module: View, options: IntegrateOptions = {}): RunResult {
  const d = baseOf(module);
  return executePlan(d, planRun(d, options));
}
