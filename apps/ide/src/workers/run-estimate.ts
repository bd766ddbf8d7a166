/**
 * How long a simulation will take, measured before it starts: a long run is first timed
 * over a short stretch (1% of its steps), which the page turns into a progress bar
 * and a deadline. Short runs are not measured (the estimate is null).
 */

/** Runs smaller than this (steps × (compartments + 4)) take well under a second: not measured. */
const MEASURED_WORK = 2e6;

/** Runs of fewer steps are not measured (the trial would be more than 1% of them). */
const MEASURED_STEPS = 1000;

/** The steps of the trial stretch: 1% of the run, at least 10. */
export function trialSteps(nSteps: number): number {
  return Math.min(nSteps, Math.max(10, Math.ceil(nSteps / 100)));
}

/**
 * The estimated time (ms) of a run of `nSteps` steps of `nComp` compartments, from timing
 * `trial(steps)` over `trialSteps(nSteps)` steps; null for short runs, or if the trial
 * failed (the real run then reports the error).
 */
export function estimateRunMs(nSteps: number, nComp: number, trial: (steps: number) => void): number | null {
  if (nSteps < MEASURED_STEPS || nSteps * (nComp + 4) < MEASURED_WORK) return null;
  const steps = trialSteps(nSteps);
  const t0 = performance.now();
  try {
    trial(steps);
  } catch {
    return null;
  }
  return ((performance.now() - t0) * nSteps) / steps;
}
