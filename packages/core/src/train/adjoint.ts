/**
 * The float64 discrete adjoint of one run, mapped to the tensors given to integrate, without
 * tfjs (tensors are only read): integrate's gradient (differentiable.ts) and the pool's
 * workers (parallel/) both use it, so that their gradients are the same numbers.
 */
import type { Tensor } from "@tensorflow/tfjs-core";
import { backward } from "../grad/backward.js";
import { forwardWithTape, releaseTape } from "../grad/tape.js";
import type { ModelData } from "../model/data.js";
import { lowerWithProps } from "../model/lower.js";
import { type ColumnGradients, columnGradients } from "../model/lower-grad.js";
import { nonFiniteMessage, type IntegrateOptions, type RunPlan } from "../run/options.js";
import { NonFiniteError } from "../sim/run.js";
import { STEPPERS } from "../sim/steppers.js";

/** Keys whose gradients need those of capacitances and axial conductances. */
export const GEOMETRY_KEYS = new Set(["length", "radius", "axial_resistivity", "capacitance"]);

/** The tensors integrate differentiates with respect to, in a fixed order. */
export function differentiableInputs(opts: IntegrateOptions): Tensor[] {
  const out: Tensor[] = [];
  for (const p of opts.params ?? []) out.push(Object.values(p)[0]);
  for (const r of opts.paramState ?? []) out.push(r.value);
  for (const s of opts.dataStimuli ?? []) if (s.value) out.push(s.value);
  return out;
}

/**
 * One run's recordings and the gradient of a loss with respect to its differentiable inputs
 * (differentiableInputs order), given the loss's weights `dy` on every recorded sample
 * (`[recordings, samples]` row-major): the same forward with tape and adjoint as integrate's
 * gradient. Float64 throughout.
 */
export function runAdjoint(
  d: ModelData,
  opts: IntegrateOptions,
  plan: RunPlan,
  dy: ArrayLike<number>,
): { values: Float64Array; grads: Float64Array[] } {
  const { setup, props, program } = lowerWithProps(d, plan.overrides, plan.inputs);
  let tape: ReturnType<typeof forwardWithTape>;
  try {
    tape = forwardWithTape(setup, plan.dt, plan.nSteps, STEPPERS[plan.solver]);
  } catch (e) {
    throw e instanceof NonFiniteError ? nonFiniteMessage(d, e, plan.dt) : e;
  }
  const values = tape.values;
  tape.values = new Float64Array(0);
  const params = new Set([...d.trainables.map((t) => t.key), ...(opts.paramState ?? []).map((r) => r.key)]);
  const geometry = [...params].some((k) => GEOMETRY_KEYS.has(k));
  const g = backward(tape, dy, { geometry, params });
  releaseTape(tape);
  const cols = columnGradients(d, program, props, g);
  return { values, grads: inputGradients(d, opts, cols, differentiableInputs(opts), plan.nSteps) };
}

/**
 * Sums column gradients into the shapes of the input tensors (float64, row-major), later
 * overrides masking earlier ones.
 */
export function inputGradients(
  d: ModelData,
  opts: IntegrateOptions,
  cols: ColumnGradients,
  inputs: readonly Tensor[],
  nSteps: number,
): Float64Array[] {
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
  return grads;
}
