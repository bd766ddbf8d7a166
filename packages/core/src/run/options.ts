/**
 * Turning integrate's options into a float64 run: overrides, inputs, step count. No tfjs:
 * tensors in the options are only read (dataSync).
 */
import type { Tensor } from "@tensorflow/tfjs-core";
import { isTensor } from "./tensors.js";
import { DendrolabError, unknownNameError } from "../errors.js";
import type { ModelData } from "../model/data.js";
import { describe } from "../model/edit.js";
import { allowedText, ruleAllows, runValueRule } from "../model/value-rules.js";
import { checkClampValues } from "../model/inputs.js";
import { lower, type Override, programOf, type RunInputs } from "../model/lower.js";
import { isTimedCurrent } from "../model/stimulus.js";
import { NonFiniteError, runRecorded, type StepHooks } from "../sim/run.js";
import { type SolverName, STEPPERS } from "../sim/steppers.js";
import { checkRunSize } from "./limits.js";
import {
  checkParams,
  type DataClamps,
  type DataStimuli,
  type Params,
  type ParamState,
  toFloat64,
} from "./trainables.js";

/** Options of integrate (README.md, "From Jaxley to Dendrolab"; docs/jaxley-names.md). */
export interface IntegrateOptions {
  /** From getParameters(), possibly passed through a transform. */
  params?: Params;
  /** From dataSet(...). */
  paramState?: ParamState | null;
  dataStimuli?: DataStimuli | null;
  dataClamps?: DataClamps | null;
  /**
   * ms; default: the length of the stimuli (sample count - 1 steps). At least `deltaT`;
   * the run may have at most `MAX_STEPS` samples (`tMax / deltaT + 1`) and its recordings
   * may take at most `MAX_RECORDING_BYTES` (samples x recordings x 8 bytes).
   */
  tMax?: number;
  /** ms, default 0.025; finite and > 0. */
  deltaT?: number;
  /** "bwd_euler" (default) | "crank_nicolson" | "fwd_euler". */
  solver?: SolverName;
}

const OPTION_KEYS = ["params", "paramState", "dataStimuli", "dataClamps", "tMax", "deltaT", "solver"];

/** A fully resolved run. */
export interface RunPlan {
  overrides: Override[];
  inputs: RunInputs;
  dt: number;
  nSteps: number;
  solver: SolverName;
}

/** Validates options and resolves every value to float64. */
export function planRun(d: ModelData, opts: IntegrateOptions): RunPlan {
  if (opts == null || typeof opts !== "object")
    throw new DendrolabError(`integrate options must be an object; got ${describe(opts)}.`, "INVALID_ARGUMENT");
  for (const k of Object.keys(opts)) {
    if (!OPTION_KEYS.includes(k)) throw unknownNameError("integrate option", k, OPTION_KEYS);
  }
  for (const [k, from] of [
    ["paramState", "dataSet()"],
    ["dataStimuli", "dataStimulate()"],
    ["dataClamps", "dataClamp()"],
  ] as const) {
    const v: unknown = opts[k];
    const ok = (r: { value?: unknown; timed?: unknown }) =>
      isTensor(r.value) || (k === "dataStimuli" && isTimedCurrent(r.timed));
    if (v != null && (!Array.isArray(v) || v.some((r) => r == null || !ok(r)))) {
      throw new DendrolabError(
        `integrate: ${k} must be the list ${from} returns, or null; got ${describe(v)}.`,
        "INVALID_ARGUMENT",
      );
    }
  }
  const dt = opts.deltaT ?? 0.025;
  if (typeof dt !== "number" || !Number.isFinite(dt) || dt <= 0) {
    throw new DendrolabError(
      `integrate: deltaT must be a finite number of ms > 0; got ${shown(dt)}${typeof dt === "string" ? " (a string: give a number)" : ""}.`,
      "INVALID_ARGUMENT",
    );
  }
  const solver = opts.solver ?? "bwd_euler";
  if (!(solver in STEPPERS)) {
    throw new DendrolabError(
      `integrate: unknown solver '${String(solver)}'. Valid: ${Object.keys(STEPPERS).join(", ")}.`,
      "UNKNOWN_NAME",
    );
  }
  if (d.recordings.length === 0) {
    throw new DendrolabError(
      'integrate: nothing is recorded. Add a recording first, e.g. cell.branch(0).comp(0).record("v").',
      "MISSING_INPUT",
    );
  }
  const overrides: Override[] = [];
  if (opts.params !== undefined) {
    const values = checkParams(d, opts.params);
    d.trainables.forEach((t, i) => {
      const rule = runValueRule(mechanismsOf(d), t.key);
      const bad = rule ? values[i].findIndex((x) => !ruleAllows(rule, x)) : -1;
      if (rule && bad >= 0) {
        throw new DendrolabError(
          `params[${i}].${t.key}[${bad}] is ${values[i][bad]}; ${t.key} must be ${allowedText(rule)} (${rule.what}; ` +
            "use a SigmoidTransform, or a SoftplusTransform for a lower bound, to keep it in range).",
          "INVALID_ARGUMENT",
        );
      }
      const indices: number[] = [];
      const vals: number[] = [];
      for (const [j, g] of t.groups.entries()) {
        for (const idx of g) {
          indices.push(idx);
          vals.push(values[i][j]);
        }
      }
      overrides.push({ key: t.key, target: t.target, indices, values: vals });
    });
  }
  for (const r of opts.paramState ?? []) {
    const v = toFloat64(r.value, `dataSet('${r.key}')`);
    for (let i = 0; i < v.length; i++) {
      if (!Number.isFinite(v[i]))
        throw new DendrolabError(
          `dataSet('${r.key}') value ${i} is ${v[i]}; values must be finite.`,
          "INVALID_ARGUMENT",
        );
      const rule = runValueRule(mechanismsOf(d), r.key);
      if (rule && !ruleAllows(rule, v[i]))
        throw new DendrolabError(
          `dataSet('${r.key}'): value ${i} is ${v[i]}; ${r.key} must be ${allowedText(rule)} (${rule.what}).`,
          "INVALID_ARGUMENT",
        );
    }
    const values = v.length === 1 ? new Float64Array(r.indices.length).fill(v[0]) : v;
    overrides.push({ key: r.key, target: r.target, indices: r.indices, values });
  }
  for (const o of [...overrides]) {
    if (o.target === "node" && (o.key === "radius" || o.key === "length")) {
      for (const g of ["area", "resistive_load_in", "resistive_load_out"]) {
        overrides.push({
          key: g,
          target: "node",
          indices: o.indices,
          values: new Float64Array(o.indices.length).fill(NaN),
        });
      }
    }
  }
  const inputs: RunInputs = { stimuli: [], clamps: [] };
  for (const s of opts.dataStimuli ?? []) {
    const rows = s.timed ? null : tensorRows(s.value, s.nodes.length, "dataStimulate()");
    for (let i = 0; i < s.nodes.length; i++) inputs.stimuli.push({ node: s.nodes[i], values: rows?.[i] ?? s.timed! });
  }
  for (const c of opts.dataClamps ?? []) {
    const rows = tensorRows(c.value, c.indices.length, `dataClamp('${c.state}')`);
    checkClampValues(d, c.state, rows, "");
    for (let i = 0; i < c.indices.length; i++) {
      inputs.clamps.push({ target: c.target, index: c.indices[i], state: c.state, values: rows[i] });
    }
  }
  let nSteps: number;
  if (opts.tMax !== undefined) {
    const tMax: unknown = opts.tMax;
    if (typeof tMax !== "number" || !Number.isFinite(tMax) || tMax < 0) {
      throw new DendrolabError(
        `integrate: tMax must be a finite number of ms >= 0; got ${shown(tMax)}${typeof tMax === "string" ? " (a string: give a number)" : ""}.`,
        "INVALID_ARGUMENT",
      );
    }
    if (tMax < dt) {
      throw new DendrolabError(
        `integrate: tMax ${tMax} ms is shorter than one step (deltaT ${dt} ms), so the run would have no step; give tMax >= deltaT.`,
        "INVALID_ARGUMENT",
      );
    }
    nSteps = Math.round(tMax / dt);
  } else {
    const signals = [...d.stimuli, ...inputs.stimuli, ...d.clamps, ...inputs.clamps].map((s) => s.values);
    const lengths = signals.flatMap((s) => (isTimedCurrent(s) ? [] : [s.length]));
    if (lengths.length === 0) {
      throw new DendrolabError(
        signals.length > 0
          ? "integrate: give tMax (ms); the stimuli are defined in time (stepCurrent without deltaT and tMax), so they do not set the run length."
          : "integrate: give tMax (ms); without stimuli or clamps the run length is unknown.",
        "MISSING_INPUT",
      );
    }
    // A loop, not Math.max(...lengths): there may be more signals than a call takes arguments.
    nSteps = lengths.reduce((a, b) => Math.max(a, b), 0) - 1;
  }
  checkRunSize(nSteps + 1, dt, d.recordings.length, opts.tMax !== undefined);
  inputs.dt = dt;
  inputs.nSamples = nSteps + 1;
  return { overrides, inputs, dt, nSteps, solver };
}

/** The channels and synapse types of a model, for value rules. */
function mechanismsOf(d: ModelData) {
  return [...d.channels, ...d.synapseTypes.values()];
}

/** A value as a message shows it: numbers as written (NaN, Infinity), anything else described. */
function shown(v: unknown): string {
  return typeof v === "number" ? String(v) : describe(v);
}

function tensorRows(t: Tensor, count: number, what: string): Float64Array[] {
  const v = Float64Array.from(t.dataSync());
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v[i]))
      throw new DendrolabError(`${what}: value ${i} is ${v[i]}; values must be finite.`, "INVALID_ARGUMENT");
  }
  if (t.rank <= 1) return Array.from({ length: count }, () => v);
  const len = t.shape[1]!;
  return Array.from({ length: count }, (_, i) => v.subarray(i * len, (i + 1) * len));
}

/** Float64 result of a run: recordings row-major, `nSamples` per row. */
export interface RunResult {
  values: Float64Array;
  nRecordings: number;
  nSamples: number;
  dt: number;
}

/** Runs a plan in float64. Non-finite voltages become an error naming where and when. */
export function executePlan(d: ModelData, plan: RunPlan): RunResult {
  return runPlan(d, plan).result;
}

/**
 * `executePlan` with `hooks` observing each step (simulateWatched's voltage check); also
 * gives the voltages after the last step.
 */
export function runPlan(
  d: ModelData,
  plan: RunPlan,
  hooks: Omit<StepHooks, "after"> = {},
): { result: RunResult; finalV: Float64Array } {
  const setup = lower(d, plan.overrides, plan.inputs);
  try {
    const { values, buffers } = runRecorded(setup, plan.dt, plan.nSteps, STEPPERS[plan.solver], hooks);
    const result = { values, nRecordings: setup.recordings.length, nSamples: plan.nSteps + 1, dt: plan.dt };
    return { result, finalV: buffers.V };
  } catch (e) {
    if (e instanceof NonFiniteError) throw nonFiniteMessage(d, e, plan.dt);
    throw e;
  }
}

/** A clear error for a non-finite voltage: which compartment, at what time. */
export function nonFiniteMessage(d: ModelData, e: NonFiniteError, dt: number): NonFiniteError {
  const { compOfNode } = programOf(d).tree;
  const c = compOfNode[e.node];
  const t = d.topo;
  const where =
    c >= 0
      ? `cell ${t.compCell[c]}, branch ${t.branchLocal[t.compBranch[c]]}, comp ${t.compLocal[c]} (global compartment ${c})`
      : `a branch point (solve node ${e.node})`;
  return new NonFiniteError(
    e.node,
    e.step,
    e.value,
    `The simulation produced a non-finite voltage (${e.value}) at ${where} at t = ${((e.step + 1) * dt).toFixed(4)} ms ` +
      `(step ${e.step + 1}). Typical causes: a time step too large for fwd_euler, extreme conductances, or NaN parameters.`,
  );
}
