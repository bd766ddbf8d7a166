/**
 * integrate: simulate a model and return its recordings as a tensor, differentiable with
 * respect to parameters, dataSet values and data stimuli.
 */
import * as tf from "@tensorflow/tfjs-core";
import type { View } from "../api/view.js";
import { DendrolabError } from "../errors.js";
import { describe } from "../model/edit.js";
import { executePlan, type IntegrateOptions, planRun } from "../run/options.js";
import { baseOf } from "../run/simulate.js";
import { differentiableInputs, differentiableRun } from "./differentiable.js";
import { requireBackend } from "./bridge.js";

export type { IntegrateOptions } from "../run/options.js";

/**
 * Simulates `module` and returns its recordings as a `[recordings, samples]` tensor; sample
 * k is at t = k * deltaT. Row order follows the order of `record` calls. Inside `tf.grad`,
 * `tf.valueAndGrad` or `optimizer.minimize` it is one differentiable op whose gradient is
 * the exact discrete adjoint (float64) with respect to `params`, `paramState` values and
 * `dataStimuli`.
 *
 * @example
 * cell.branch(0).comp(0).record("v");
 * cell.branch(0).comp(0).stimulate(stepCurrent(1, 5, 0.5, 0.025, 20));
 * const v = integrate(cell); // shape [1, 801], mV
 */
export function integrate(module: View, options: IntegrateOptions = {}): tf.Tensor2D {
  const d = baseOf(module);
  const plan = planRun(d, options);
  requireBackend("integrate()");
  const inputs = differentiableInputs(options);
  if (inputs.length > 0) return differentiableRun(d, options, plan, inputs);
  const r = executePlan(d, plan);
  return tf.tensor2d(Float32Array.from(r.values), [r.nRecordings, r.nSamples], "float32");
}

/**
 * Many simulations of one module in one call: one per options object (parameter sets,
 * dataSet values, stimuli). Returns `[runs, recordings, samples]`; differentiable like
 * integrate. All runs must have the same number of samples.
 *
 * @example
 * const v = integrateBatch(cell, gs.map((g) => ({ paramState: cell.dataSet("HH_gNa", g) })));
 */
export function integrateBatch(module: View, optionsList: readonly IntegrateOptions[]): tf.Tensor3D {
  if (!Array.isArray(optionsList) || optionsList.length === 0) {
    throw new DendrolabError(
      `integrateBatch needs a non-empty list of options; got ${describe(optionsList)}.`,
      "INVALID_ARGUMENT",
    );
  }
  const runs = optionsList.map((o) => integrate(module, o));
  const shape = runs[0].shape;
  runs.forEach((r, i) => {
    if (r.shape[0] !== shape[0] || r.shape[1] !== shape[1]) {
      throw new DendrolabError(
        `integrateBatch: run ${i} has shape [${r.shape}] but run 0 has [${shape}]; give every run the same tMax.`,
        "SHAPE_MISMATCH",
      );
    }
  });
  const out = tf.stack(runs) as tf.Tensor3D;
  for (const r of runs) r.dispose();
  return out;
}
