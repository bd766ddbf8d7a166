/**
 * Stimulus helpers.
 */
import { DendrolabError } from "../errors.js";

/**
 * A step current, nA: `iAmp` from `iDelay` for `iDur` ms, else `iOffset`. Returns
 * `round(tMax / deltaT) + 1` samples; sample k flows during the step from t_k to t_k+1,
 * and is on when t_k lies in [iDelay, iDelay + iDur) (as NEURON's IClamp, whose current
 * flows in each step whose midpoint lies in that interval).
 *
 * @example
 * const i = stepCurrent(1, 5, 0.5, 0.025, 20); // 801 samples, 0.5 nA from 1 to 6 ms
 */
export function stepCurrent(
  iDelay: number,
  iDur: number,
  iAmp: number,
  deltaT: number,
  tMax: number,
  iOffset = 0,
): Float64Array {
  const args = { iDelay, iDur, iAmp, deltaT, tMax, iOffset };
  for (const [k, v] of Object.entries(args)) {
    if (typeof v !== "number" || !Number.isFinite(v))
      throw new DendrolabError(`stepCurrent: ${k} must be a finite number; got ${String(v)}.`, "INVALID_ARGUMENT");
  }
  if (deltaT <= 0) throw new DendrolabError(`stepCurrent: deltaT must be > 0 ms; got ${deltaT}.`, "INVALID_ARGUMENT");
  if (tMax < 0 || iDur < 0)
    throw new DendrolabError(
      `stepCurrent: tMax and iDur must be >= 0; got tMax ${tMax}, iDur ${iDur}.`,
      "INVALID_ARGUMENT",
    );
  const n = Math.round(tMax / deltaT) + 1;
  const out = new Float64Array(n).fill(iOffset);
  // On for steps whose midpoint (k + 1/2) dt lies in [iDelay, iDelay + iDur).
  for (let k = 0; k < n; k++) {
    const mid = (k + 0.5) * deltaT;
    if (mid >= iDelay && mid < iDelay + iDur) out[k] = iAmp + iOffset;
  }
  return out;
}
