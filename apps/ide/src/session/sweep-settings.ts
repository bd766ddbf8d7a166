/**
 * The sweep panel's setup: what varies (a group's parameter or the current clamps'
 * amplitude), over which range, in how many points, and which summary is plotted. Part of
 * the session and of share links (an optional field: older links open with the defaults).
 */
import { fields } from "@dendrolab/core/document";
import * as v from "valibot";
import { numberIn, oneOf, text } from "../protocol/checks.js";

/** The summaries of a trace plotted against the swept value (session/sweep-summary.ts computes them). */
export const SWEEP_SUMMARIES = ["spikes", "rate", "peak", "first"] as const;
export type SweepSummaryKind = (typeof SWEEP_SUMMARIES)[number];

/** Fewest and most points of a sweep. */
export const MIN_SWEEP_POINTS = 2;
export const MAX_SWEEP_POINTS = 100;

/**
 * - `vary`: "stimulus", the amplitude (nA) of every step-current clamp of the model;
 *   "param", `key` set on every compartment of `group` (or on every synapse of a synapse type).
 * - `from`, `to`: the range, both included; `points`: how many values, evenly spaced.
 * - `summary`: what is plotted against the value; `recording`: of which recording (index).
 */
export const SweepSettingsSchema = fields(
  {
    vary: oneOf(["stimulus", "param"]),
    group: text(200),
    key: text(200),
    from: numberIn(-1e12, 1e12),
    to: numberIn(-1e12, 1e12),
    points: v.pipe(numberIn(MIN_SWEEP_POINTS, MAX_SWEEP_POINTS), v.integer("a whole number")),
    summary: oneOf(SWEEP_SUMMARIES),
    recording: v.pipe(numberIn(0, 10_000), v.integer("a whole number")),
  },
  "an object",
);
export type SweepSettings = v.InferOutput<typeof SweepSettingsSchema>;

/**
 * The swept values: `points` values from `from` to `to`, evenly spaced, both ends included.
 *
 * @example
 * sweepValues({ from: 0, to: 1, points: 5 }); // [0, 0.25, 0.5, 0.75, 1]
 */
export function sweepValues(s: Pick<SweepSettings, "from" | "to" | "points">): number[] {
  const n = Math.round(s.points);
  if (!(n >= MIN_SWEEP_POINTS && n <= MAX_SWEEP_POINTS)) {
    throw new Error(`A sweep takes ${MIN_SWEEP_POINTS} to ${MAX_SWEEP_POINTS} points; got ${s.points}.`);
  }
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? s.to : s.from + ((s.to - s.from) * i) / (n - 1)));
}
