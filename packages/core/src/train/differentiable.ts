/**
 * integrate as one differentiable tfjs op (docs/design.md#kernel): the forward pass runs the
 * float64 time loop keeping a tape, the gradient is the discrete adjoint, mapped back to
 * every tensor given to integrate (parameters, dataSet values, data stimuli).
 */
import * as tf from "@tensorflow/tfjs-core";
import { DendrolabError } from "../errors.js";
import { backward } from "../grad/backward.js";
import { forwardWithTape, releaseTape } from "../grad/tape.js";
import type { ModelData } from "../model/data.js";
import { lowerWithProps } from "../model/lower.js";
import { columnGradients } from "../model/lower-grad.js";
import { NonFiniteError } from "../sim/run.js";
import { STEPPERS } from "../sim/steppers.js";
import { executePlan, type IntegrateOptions, nonFiniteMessage, type RunPlan } from "../run/options.js";
import { GEOMETRY_KEYS, inputGradients } from "./adjoint.js";

export { differentiableInputs } from "./adjoint.js";

/**
 * Is tfjs recording a gradient for the op being run (inside tf.grad, valueAndGrad,
 * minimize)? Asked through the public API: customGrad's `save` keeps a copy of the
 * tensors only while a gradient tape records, so the tensor count grows by one then.
 */
function tapeRecording(save: tf.GradSaveFunc, probe: tf.Tensor): boolean {
  const before = tf.memory().numTensors;
  save([probe]);
  return tf.memory().numTensors > before;
}

/**
 * Runs a planned simulation as a differentiable op of `inputs` (see differentiableInputs).
 * While no gradient is recorded it is a plain float64 run (no tape is kept).
 */
export function differentiableRun(
  d: ModelData,
  opts: IntegrateOptions,
  plan: RunPlan,
  inputs: tf.Tensor[],
): tf.Tensor2D {
  const op = tf.customGrad((...args: unknown[]) => {
    const save = args[args.length - 1] as tf.GradSaveFunc;
    if (!tapeRecording(save, inputs[0])) {
      const r = executePlan(d, plan);
      const value = tf.tensor2d(Float32Array.from(r.values), [r.nRecordings, r.nSamples], "float32");
      return {
        value,
        gradFunc: () => {
          throw new Error("integrate: no gradient was recorded for this run.");
        },
      };
    }
    if (plan.solver === "fwd_euler") {
      throw new DendrolabError(
        "integrate: gradients are available with solver bwd_euler or crank_nicolson, not fwd_euler.",
        "INVALID_ARGUMENT",
      );
    }
    const { setup, props, program } = lowerWithProps(d, plan.overrides, plan.inputs);
    let tape: ReturnType<typeof forwardWithTape>;
    try {
      tape = forwardWithTape(setup, plan.dt, plan.nSteps, STEPPERS[plan.solver]);
    } catch (e) {
      throw e instanceof NonFiniteError ? nonFiniteMessage(d, e, plan.dt) : e;
    }
    const nRec = setup.recordings.length;
    const value = tf.tensor2d(Float32Array.from(tape.values), [nRec, plan.nSteps + 1], "float32");
    tape.values = new Float64Array(0); // the backward pass does not need it; free it early
    const params = new Set([...d.trainables.map((t) => t.key), ...(opts.paramState ?? []).map((r) => r.key)]);
    const geometry = [...params].some((k) => GEOMETRY_KEYS.has(k));
    const gradFunc = (dy: tf.Tensor) => {
      const g = backward(tape, dy.dataSync(), { geometry, params });
      releaseTape(tape); // its buffers go to the next gradient's tape
      const cols = columnGradients(d, program, props, g);
      const grads = inputGradients(d, opts, cols, inputs, plan.nSteps);
      return inputs.map((t, i) => tf.tensor(Float32Array.from(grads[i]), t.shape, "float32"));
    };
    return { value, gradFunc };
  });
  return op(...inputs) as tf.Tensor2D;
}
