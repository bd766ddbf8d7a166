/**
 * Resampling a trace onto a simulation's time grid: a pure function the trainer worker
 * uses for CSV targets (on the worker: a long grid must not block the page).
 */

/** Linear interpolation of (t, values) at k * dt for k = 0 .. nSamples - 1 (held flat outside). */
export function resample(t: readonly number[], values: readonly number[], dt: number, nSamples: number): Float64Array {
  const out = new Float64Array(nSamples);
  let j = 0;
  for (let k = 0; k < nSamples; k++) {
    const tk = k * dt;
    while (j < t.length - 2 && t[j + 1] < tk) j++;
    if (tk <= t[0]) out[k] = values[0];
    else if (tk >= t[t.length - 1]) out[k] = values[values.length - 1];
    else {
      const f = (tk - t[j]) / (t[j + 1] - t[j]);
      out[k] = values[j] + f * (values[j + 1] - values[j]);
    }
  }
  return out;
}
