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
import { type ColumnGradients, columnGradients } from "../model/lower-grad.js";
import { NonFiniteError } from "../sim/run.js";
import { STEPPERS } from "../sim/steppers.js";
import { executePlan, type IntegrateOptions, nonFiniteMessage, type RunPlan } from "../run/options.js";

/** Keys whose gradients need those of capacitances and axial conductances. */
const GEOMETRY_KEYS = new Set(["length", "radius", "axial_resistivity", "capacitance"]);

/** The tensors integrate differentiates with respect to, in a fixed order. */
export function differentiableInputs(opts: IntegrateOptions): tf.Tensor[] {
  const out: tf.Tensor[] = [];
  for (const p of opts.params ?? []) out.push(Object.values(p)[0]);
  for (const r of opts.paramState ?? []) out.push(r.value);
  for (const s of opts.dataStimuli ?? []) if (s.value) out.push(s.value);
  return out;
}

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
      return inputGradients(d, opts, cols, inputs, plan.nSteps);
    };
    return { value, gradFunc };
  });
  return op(...inputs) as tf.Tensor2D;
}

/** Sums column gradients into the shapes of the input tensors, later overrides masking earlier ones. */
function inputGradients(
  d: ModelData,
  opts: IntegrateOptions,
  cols: ColumnGradients,
  inputs: tf.Tensor[],
  nSteps: number,
): tf.Tensor[] {
  // Which (key, index) pairs a later override already owns.
  const claimed = new Map<string, Set<number>>();
  const take = (target: string, key: string, idx: number): boolean => {
    const k = `${target}:${key}`;
    let set = claimed.get(k);
    if (!set) {
      set = new Set();
      claimed.set(k, set);
    }
    if (set.has(idx)) return false;
    set.add(idx);
    return true;
  };
  const colOf = (target: "node" | "edge", key: string) => (target === "node" ? cols.node : cols.edge).get(key);
  const grads: Float64Array[] = inputs.map((t) => new Float64Array(t.size));
  const nParams = opts.params?.length ?? 0;
  const states = opts.paramState ?? [];
  // dataSet records, last first (they were applied after the parameters).
  for (let r = states.length - 1; r >= 0; r--) {
    const rec = states[r];
    const gc = colOf(rec.target, rec.key);
    const out = grads[nParams + r];
    rec.indices.forEach((idx, i) => {
      if (!take(rec.target, rec.key, idx) || !gc) return;
      out[out.length === 1 ? 0 : i] += gc[idx];
    });
  }
  // Trainables.
  for (let i = nParams - 1; i >= 0; i--) {
    const t = d.trainables[i];
    const gc = colOf(t.target, t.key);
    t.groups.forEach((group, j) => {
      for (const idx of group) if (take(t.target, t.key, idx) && gc) grads[i][j] += gc[idx];
    });
  }
  // Data stimuli: rows follow the model's own stimuli in the setup.
  let row = d.stimuli.length;
  let sampled = 0;
  for (const s of opts.dataStimuli ?? []) {
    const value = s.value;
    if (!value) {
      row += s.nodes.length; // defined in time: sampled at the run's steps, not differentiated
      continue;
    }
    const out = grads[nParams + states.length + sampled++];
    const T = value.shape[value.rank - 1] ?? 1;
    s.nodes.forEach((_, r) => {
      const gs = cols.stim[row++];
      const base = value.rank === 2 ? r * T : 0;
      for (let k = 0; k < Math.min(T, nSteps); k++) out[base + k] += gs[k];
    });
  }
  return inputs.map((t, i) => tf.tensor(Float32Array.from(grads[i]), t.shape, "float32"));
}
