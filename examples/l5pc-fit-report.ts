// Reporting for examples/l5pc-fit.ts: seeded starts, per-parameter errors, the summary line.
import type { L5pcFreeParam } from "./l5pc.js";

/** The outcome of one start. */
export interface StartResult {
  start: number;
  /** Gradient steps taken before the loss was first below the threshold (null: never). */
  steps: number | null;
  /** The lowest loss seen. */
  loss: number;
  secondsPerStep: number;
  /** Parameter values at the lowest loss. */
  values: number[];
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/**
 * Prints, per parameter, the error of the fitted value of every start relative to its release
 * value (|fit - release| / release) and as a fraction of its bounds.
 */
export function reportErrors(params: readonly L5pcFreeParam[], results: readonly StartResult[]): void {
  console.log("\nparameter errors at the best loss: |fit - release| / release (fraction of the bounds), per start");
  for (const [i, p] of params.entries()) {
    const rel = results.map((r) => Math.abs(r.values[i] - p.release) / p.release);
    const ofBounds = results.map((r) => Math.abs(r.values[i] - p.release) / (p.bounds[1] - p.bounds[0]));
    const cells = rel.map((e, j) => `${e.toFixed(2)} (${ofBounds[j].toFixed(2)})`).join("  ");
    console.log(`${p.name.padEnd(36)} median ${median(rel).toFixed(2)}  ${cells}`);
  }
}

/** The summary line: starts below the threshold, median and range of their steps, seconds per step. */
export function summarise(results: readonly StartResult[], starts: number, threshold: number): string {
  const reached = results.flatMap((r) => (r.steps === null ? [] : [r.steps]));
  const steps = reached.length
    ? `median ${median(reached)}, range ${Math.min(...reached)}-${Math.max(...reached)}`
    : "-";
  const perStep = results.map((r) => r.secondsPerStep);
  return (
    `\n${reached.length} of ${starts} starts below ${threshold}; gradient steps until then: ${steps}; ` +
    `seconds per step (Node): median ${median(perStep).toFixed(2)}, range ${Math.min(...perStep).toFixed(2)}-${Math.max(...perStep).toFixed(2)}`
  );
}
