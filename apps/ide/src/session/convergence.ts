/**
 * The dt convergence check: the loaded model run at dt, dt/2 and dt/4 (same t_max and
 * solver), comparing the voltage recordings of each run with the next: the largest
 * voltage difference at common times and the largest shift of a spike (an upward 0 mV
 * crossing, interpolated between samples). dt is converged when the run at dt agrees
 * with the run at dt/2 within the stated tolerances.
 */
import type { SimSettings, Traces } from "../protocol/model.js";
import { type SessionContext, get } from "./context.js";

/** Tolerances of the check: mV for voltages, ms for spike times. */
export interface ConvergenceTolerance {
  mV: number;
  ms: number;
}

export const DEFAULT_TOLERANCE: ConvergenceTolerance = { mV: 4, ms: 0.05 };

/** One comparison: the run at `dt` against the run at `fineDt`. */
export interface ConvergenceStep {
  dt: number;
  fineDt: number;
  /** Largest |v(dt) - v(fineDt)| at common times, mV, and where. */
  maxDv: number;
  maxDvAt: { label: string; t: number } | null;
  /** Largest spike-time shift, ms (Infinity when the spike counts differ). */
  maxShift: number;
  /** Spikes per voltage recording at `dt` and at `fineDt` (summed). */
  spikes: [number, number];
}

export interface ConvergenceReport {
  sim: SimSettings;
  tolerance: ConvergenceTolerance;
  /** dt vs dt/2, then dt/2 vs dt/4. */
  steps: ConvergenceStep[];
  /** Whether dt agrees with dt/2 within the tolerance. */
  converged: boolean;
  /** Voltage recordings compared. */
  recordings: string[];
}

/** Is a trace row a membrane voltage (labels end in "· v")? */
export function isVoltageRow(label: string): boolean {
  return /·\s*v$/.test(label);
}

/** Times (ms) of upward 0 mV crossings, linearly interpolated between samples. */
export function spikeTimes(values: ArrayLike<number>, dt: number, threshold = 0): number[] {
  const out: number[] = [];
  for (let k = 1; k < values.length; k++) {
    const a = values[k - 1] - threshold;
    const b = values[k] - threshold;
    if (a < 0 && b >= 0) out.push((k - 1 + -a / (b - a)) * dt);
  }
  return out;
}

/** Compares the voltage rows of a run with those of a run at a smaller step. */
export function compareRuns(coarse: Traces, fine: Traces): ConvergenceStep {
  const ratio = Math.round(coarse.dt / fine.dt);
  let maxDv = 0;
  let maxDvAt: ConvergenceStep["maxDvAt"] = null;
  let maxShift = 0;
  const spikes: [number, number] = [0, 0];
  coarse.rows.forEach((row, r) => {
    if (!isVoltageRow(row.label)) return;
    const f = fine.rows[r].values;
    for (let k = 0; k < row.values.length && k * ratio < f.length; k++) {
      const dv = Math.abs(row.values[k] - f[k * ratio]);
      if (dv > maxDv) {
        maxDv = dv;
        maxDvAt = { label: row.label, t: k * coarse.dt };
      }
    }
    const a = spikeTimes(row.values, coarse.dt);
    const b = spikeTimes(f, fine.dt);
    spikes[0] += a.length;
    spikes[1] += b.length;
    if (a.length !== b.length) maxShift = Number.POSITIVE_INFINITY;
    else for (let i = 0; i < a.length; i++) maxShift = Math.max(maxShift, Math.abs(a[i] - b[i]));
  });
  return { dt: coarse.dt, fineDt: fine.dt, maxDv, maxDvAt, maxShift, spikes };
}

/** Does a comparison pass the tolerance? */
export function withinTolerance(s: ConvergenceStep, tol: ConvergenceTolerance): boolean {
  return s.maxDv <= tol.mV && s.maxShift <= tol.ms;
}

/**
 * Runs the loaded model at the session's dt, dt/2 and dt/4 and compares them. The
 * session's traces are not changed.
 */
export async function checkConvergence(
  c: SessionContext,
  tolerance: ConvergenceTolerance = DEFAULT_TOLERANCE,
): Promise<{ ok: true; report: ConvergenceReport } | { ok: false; message: string }> {
  const s = get(c);
  if (!s.model) return { ok: false, message: "No model is loaded: run the script first." };
  const sim = s.sim;
  const runs: Traces[] = [];
  for (const div of [1, 2, 4]) {
    const r = await c.services.simulate({ ...sim, dt: sim.dt / div });
    if (!r.ok) return { ok: false, message: `The run at dt ${sim.dt / div} ms failed: ${r.message}` };
    runs.push(r.value);
  }
  const recordings = runs[0].rows.map((r) => r.label).filter(isVoltageRow);
  if (recordings.length === 0)
    return { ok: false, message: 'Nothing to compare: record "v" somewhere first (the check compares voltages).' };
  const steps = [compareRuns(runs[0], runs[1]), compareRuns(runs[1], runs[2])];
  return {
    ok: true,
    report: { sim, tolerance, steps, converged: withinTolerance(steps[0], tolerance), recordings },
  };
}
