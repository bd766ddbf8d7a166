/**
 * Stimulus helpers: currents given as samples, or defined in time and sampled at the
 * run's steps (its `deltaT` and `tMax`, whatever they are when the model is run).
 */
import { DendrolabError } from "../errors.js";

/**
 * A current defined in time, nA: `iAmp + iOffset` from `iDelay` for `iDur` ms, else
 * `iOffset`. Plain data (it survives JSON and structured clone); `stimulate` and
 * `dataStimulate` take it and sample it at the run's steps, with the convention of the
 * sampled form: sample k flows during the step from t_k to t_k+1 and is on when the
 * step's midpoint lies in `[iDelay, iDelay + iDur)` (as NEURON's IClamp).
 */
export interface TimedCurrent {
  readonly kind: "stepCurrent";
  readonly iDelay: number;
  readonly iDur: number;
  readonly iAmp: number;
  readonly iOffset: number;
}

/** A stimulus as stored in a model: samples, or a current defined in time. */
export type StimulusSignal = Float64Array | TimedCurrent;

/** Is `x` a current defined in time (from `stepCurrent` without `deltaT` and `tMax`)? */
export function isTimedCurrent(x: unknown): x is TimedCurrent {
  return x != null && typeof x === "object" && (x as { kind?: unknown }).kind === "stepCurrent";
}

/**
 * A step current, nA: `iAmp` from `iDelay` for `iDur` ms, else `iOffset`.
 *
 * - With `deltaT` and `tMax`: `round(tMax / deltaT) + 1` samples; sample k flows during
 *   the step from t_k to t_k+1, and is on when the step's midpoint (k + 1/2) deltaT lies
 *   in [iDelay, iDelay + iDur) (as NEURON's IClamp, whose current flows in each step
 *   whose midpoint lies in that interval). Such a stimulus fixes the time step: run it
 *   at another `deltaT` and it moves in time.
 * - Without them (`stepCurrent(1, 5, 0.5)`): a {@link TimedCurrent}, sampled with the
 *   same rule at the `deltaT` and `tMax` of each run, so it stays in place when they
 *   change. A run of it needs `tMax` (the stimulus has no length).
 *
 * @example
 * const i = stepCurrent(1, 5, 0.5, 0.025, 20); // 801 samples, 0.5 nA from 1 to 6 ms
 * const s = stepCurrent(1, 5, 0.5); // 0.5 nA from 1 to 6 ms at any deltaT
 * network.cell(0).branch(0).comp(0).stimulate(s);
 * simulate(network, { tMax: 20, deltaT: 0.01 });
 */
export function stepCurrent(iDelay: number, iDur: number, iAmp: number): TimedCurrent;
export function stepCurrent(
  iDelay: number,
  iDur: number,
  iAmp: number,
  deltaT: number,
  tMax: number,
  iOffset?: number,
): Float64Array;
export function stepCurrent(
  iDelay: number,
  iDur: number,
  iAmp: number,
  deltaT: undefined,
  tMax: undefined,
  iOffset: number,
): TimedCurrent;
export function stepCurrent(
  iDelay: number,
  iDur: number,
  iAmp: number,
  deltaT?: number,
  tMax?: number,
  iOffset = 0,
): Float64Array | TimedCurrent {
  const timed = deltaT === undefined && tMax === undefined;
  if (!timed && (deltaT === undefined || tMax === undefined)) {
    throw new DendrolabError(
      `stepCurrent: give both deltaT and tMax (samples) or neither (a current defined in time); got deltaT ${String(deltaT)}, tMax ${String(tMax)}.`,
      "INVALID_ARGUMENT",
    );
  }
  const args = timed ? { iDelay, iDur, iAmp, iOffset } : { iDelay, iDur, iAmp, deltaT, tMax, iOffset };
  for (const [k, v] of Object.entries(args)) {
    if (typeof v !== "number" || !Number.isFinite(v))
      throw new DendrolabError(`stepCurrent: ${k} must be a finite number; got ${String(v)}.`, "INVALID_ARGUMENT");
  }
  if (!timed && deltaT! <= 0)
    throw new DendrolabError(`stepCurrent: deltaT must be > 0 ms; got ${deltaT}.`, "INVALID_ARGUMENT");
  if (iDur < 0 || (!timed && tMax! < 0))
    throw new DendrolabError(
      `stepCurrent: tMax and iDur must be >= 0; got tMax ${String(tMax)}, iDur ${iDur}.`,
      "INVALID_ARGUMENT",
    );
  const current: TimedCurrent = Object.freeze({ kind: "stepCurrent", iDelay, iDur, iAmp, iOffset });
  if (timed) return current;
  return sampleCurrent(current, deltaT!, tMax!, "stepCurrent");
}

/**
 * Samples a current defined in time at steps of `deltaT` up to `tMax` (both ms):
 * `round(tMax / deltaT) + 1` samples, sample k for the step from t_k to t_k+1.
 */
export function sampleCurrent(current: TimedCurrent, deltaT: number, tMax: number, where = "a stimulus"): Float64Array {
  if (!(deltaT > 0) || !Number.isFinite(deltaT))
    throw new DendrolabError(`${where}: deltaT must be > 0 ms; got ${deltaT}.`, "INVALID_ARGUMENT");
  if (!(tMax >= 0) || !Number.isFinite(tMax))
    throw new DendrolabError(`${where}: tMax must be >= 0 ms; got ${tMax}.`, "INVALID_ARGUMENT");
  return samplesAt(current, deltaT, Math.round(tMax / deltaT) + 1);
}

/** `n` samples of a current defined in time at steps of `dt` (ms). */
export function samplesAt(current: TimedCurrent, dt: number, n: number): Float64Array {
  const { iDelay, iDur, iAmp, iOffset } = current;
  const out = new Float64Array(n).fill(iOffset);
  // On for steps whose midpoint (k + 1/2) dt lies in [iDelay, iDelay + iDur).
  for (let k = 0; k < n; k++) {
    const mid = (k + 0.5) * dt;
    if (mid >= iDelay && mid < iDelay + iDur) out[k] = iAmp + iOffset;
  }
  return out;
}

/** The samples of a stored stimulus for a run of `n` samples at steps of `dt`. */
export function stimulusSamples(signal: StimulusSignal, dt: number, n: number): Float64Array {
  return isTimedCurrent(signal) ? samplesAt(signal, dt, n) : signal;
}

/** A copy of a stored stimulus (samples are copied; a current defined in time is immutable). */
export function copySignal(signal: StimulusSignal): StimulusSignal {
  return isTimedCurrent(signal) ? signal : signal.slice();
}

/** The largest |current| of a stimulus, nA (for summaries). */
export function peakCurrent(signal: StimulusSignal): number {
  if (isTimedCurrent(signal)) {
    const on = signal.iAmp + signal.iOffset;
    return Math.abs(on) >= Math.abs(signal.iOffset) ? on : signal.iOffset;
  }
  return signal.reduce((a, v) => (Math.abs(v) > Math.abs(a) ? v : a), 0);
}
