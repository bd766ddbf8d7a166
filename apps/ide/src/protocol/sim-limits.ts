/**
 * The largest simulation the IDE runs: at most MAX_SIM_STEPS time steps (t_max / dt + 1
 * samples per recording, the same limit as the core's `integrate`), and t_max at least dt.
 * Above it a tab runs out of memory for the recordings (a raw "Invalid typed array
 * length"), so links, project files and the toolbar refuse such settings in words.
 */

/** Most time steps (samples per recording) of one run; the core's `integrate` has the same limit. */
export const MAX_SIM_STEPS = 1e7;

/** Why t_max and dt (ms) cannot be simulated, in words; null if they can. */
export function simSettingsProblem(tMax: number, dt: number): string | null {
  if (!(tMax >= dt)) return `t_max (${tMax} ms) must be at least dt (${dt} ms): the run would have no time step.`;
  const steps = tMax / dt + 1;
  if (steps > MAX_SIM_STEPS)
    return (
      `t_max ${tMax} ms with dt ${dt} ms gives ${Math.round(steps).toLocaleString("en")} time steps; ` +
      `at most ${MAX_SIM_STEPS.toLocaleString("en")} are allowed (t_max / dt + 1), as a tab cannot hold longer recordings. ` +
      "Raise dt or lower t_max."
    );
  return null;
}

/** Most recorded values of one run (recordings × samples): 400 MB of float64 in the worker. */
export const MAX_RECORDED_VALUES = 5e7;

/** Why a run of `nSamples` samples of `nRecordings` recordings does not fit in a tab, in words; null if it does. */
export function recordingsProblem(nRecordings: number, nSamples: number): string | null {
  const values = nRecordings * nSamples;
  if (values <= MAX_RECORDED_VALUES) return null;
  return (
    `The run would record ${nRecordings} traces of ${nSamples.toLocaleString("en")} samples ` +
    `(${values.toLocaleString("en")} values); at most ${MAX_RECORDED_VALUES.toLocaleString("en")} fit in a tab. ` +
    "Record fewer places, raise dt or lower t_max."
  );
}
