/**
 * gradBatch: the gradient of a loss of a whole batch, computed on the pool. Each worker
 * runs the float64 adjoint of its runs (train/adjoint.ts, the same code as integrate's
 * gradient); the main thread sums them per input tensor, in run order.
 */
import * as tf from "@tensorflow/tfjs-core";
import type { View } from "../api/view.js";
import { DendrolabError } from "../errors.js";
import { describe } from "../model/edit.js";
import type { IntegrateOptions } from "../run/options.js";
import { isTensor } from "../run/tensors.js";
import { differentiableInputs } from "../train/adjoint.js";
import { type RunBatchOptions, runBatch, runJobs } from "./run-batch.js";

/** What gradBatch returns. */
export interface BatchGradient {
  /** The loss. */
  value: number;
  /** d loss / d xs[i], float32 tensors of the shapes of `xs` (what tf.grads would give). */
  grads: tf.Tensor[];
  /** The same gradients in float64, row-major: the sums of the workers' adjoints. */
  grads64: Float64Array[];
}

/**
 * The value of `loss(traces)`, where traces is the batch integrateBatch (or runBatch) returns
 * for `optionsList`, and its gradient with respect to the tensors `xs` (parameters from
 * getParameters, dataSet values, data stimuli: the tensors integrate differentiates), with
 * the simulations and their adjoints on the worker pool. Two passes: the traces first, then,
 * with the loss's weights on them, each run again with tape and its adjoint; the gradient is
 * the sum over runs, in float64. It equals integrateBatch's gradient under `tf.grad` up to
 * that function's float32 rounding.
 *
 * @example
 * const [gNa] = Object.values(cell.getParameters()[0]);
 * const list = amps.map((a) => ({ params: cell.getParameters(), dataStimuli: soma.dataStimulate(stepCurrent(1, 5, a)) }));
 * const { value, grads } = await gradBatch(cell, list, (v) => tf.losses.meanSquaredError(target, v), [gNa]);
 */
export async function gradBatch(
  module: View,
  optionsList: readonly IntegrateOptions[],
  loss: (traces: tf.Tensor3D) => tf.Scalar,
  xs: readonly tf.Tensor[],
  pool?: RunBatchOptions,
): Promise<BatchGradient> {
  if (typeof loss !== "function") {
    throw new DendrolabError(
      `gradBatch: loss must be a function of the traces returning a scalar, (traces) => tf.Scalar; got ${describe(loss)}.`,
    );
  }
  if (!Array.isArray(xs) || xs.length === 0 || !xs.every(isTensor)) {
    throw new DendrolabError(
      `gradBatch: xs must be a non-empty list of the tensors to differentiate by (e.g. [gNa] from getParameters()); got ${describe(xs)}.`,
    );
  }
  const wellFormed = Array.isArray(optionsList) && optionsList.every((o) => o != null && typeof o === "object");
  const inputs = wellFormed ? optionsList.map(differentiableInputs) : [];
  xs.forEach((x, j) => {
    if (wellFormed && !inputs.some((list) => list.includes(x))) {
      throw new DendrolabError(
        `gradBatch: xs[${j}] (shape [${x.shape}]) is given to no run; differentiate by tensors passed as params, ` +
          "a dataSet value or a data stimulus in the options.",
      );
    }
  });
  const traces = await runBatch(module, optionsList, pool);
  const [nRuns, nRec, nSamples] = traces.shape;
  let value: number;
  let dy: Float32Array;
  try {
    ({ value, dy } = tf.tidy(() => {
      const { value, grad } = tf.valueAndGrad((t: tf.Tensor3D) => loss(t))(traces);
      return { value: value.dataSync()[0], dy: Float32Array.from(grad.dataSync()) };
    }));
  } finally {
    traces.dispose();
  }
  const per = nRec * nSamples;
  const runs = await runJobs(module, optionsList, pool, "gradBatch", (i) => dy.slice(i * per, (i + 1) * per));
  const grads64 = xs.map((x) => new Float64Array(x.size));
  for (let i = 0; i < nRuns; i++) {
    inputs[i].forEach((t, k) => {
      const j = xs.indexOf(t);
      if (j < 0) return;
      const g = runs[i].grads![k];
      const acc = grads64[j];
      for (let e = 0; e < acc.length; e++) acc[e] += g[e];
    });
  }
  const grads = xs.map((x, j) => tf.tensor(Float32Array.from(grads64[j]), x.shape, "float32"));
  return { value, grads, grads64 };
}
