/**
 * The sweep panel's setup: what varies (a group's parameter or the current clamps'
 * amplitude, and optionally a second such quantity for a 2-D grid), over which range, in
 * how many points, and which summary is plotted. Part of the session and of share links.
 */
import { fields } from "@dendrolab/core/document";
import * as v from "valibot";
import { numberIn, oneOf, text } from "../protocol/checks.js";
import { DEFAULT_SWEEP_EXPRESSION } from "./defaults.js";

/** The summaries computed on the page (session/sweep-summary.ts). */
export const BUILTIN_SUMMARIES = ["spikes", "rate", "peak", "first"] as const;
export type BuiltinSummary = (typeof BUILTIN_SUMMARIES)[number];
/** Every summary: the built-in ones and "custom", an expression over the trace evaluated in the script sandbox. */
export const SWEEP_SUMMARIES = [...BUILTIN_SUMMARIES, "custom"] as const;
export type SweepSummaryKind = (typeof SWEEP_SUMMARIES)[number];

/** Fewest and most points of one swept quantity. */
export const MIN_SWEEP_POINTS = 2;
export const MAX_SWEEP_POINTS = 100;
/** Most runs of a 2-D grid (points of the first quantity times points of the second). */
export const MAX_SWEEP_RUNS = 400;
/** Longest custom summary expression, characters. */
export const MAX_SWEEP_EXPR_CHARS = 400;

/**
 * One swept quantity:
 * - `vary`: "stimulus", the amplitude (nA) of every step-current clamp of the model;
 *   "param", `key` set on every compartment of `group` (or on every synapse of a synapse type).
 * - `from`, `to`: the range, both included; `points`: how many values, evenly spaced.
 */
const AXIS_ENTRIES = {
  vary: oneOf(["stimulus", "param"]),
  group: text(200),
  key: text(200),
  from: numberIn(-1e12, 1e12),
  to: numberIn(-1e12, 1e12),
  points: v.pipe(numberIn(MIN_SWEEP_POINTS, MAX_SWEEP_POINTS), v.integer("a whole number")),
};
export const SweepAxisSchema = fields(AXIS_ENTRIES, "null or an object { vary, group, key, from, to, points }");
export type SweepAxis = v.InferOutput<typeof SweepAxisSchema>;

/**
 * The first quantity's fields (flat, as in setups saved before 2-D sweeps), then:
 * - `second`: the second quantity of a 2-D grid, or null for a 1-D sweep;
 * - `summary`: what is plotted; `expression`: the "custom" summary, e.g. `max(v) - min(v)`;
 * - `recording`: of which recording (index).
 * `second` and `expression` are absent in setups saved before them (null and the default).
 */
export const SweepSettingsSchema = fields(
  {
    ...AXIS_ENTRIES,
    second: v.nullish(SweepAxisSchema, null),
    summary: oneOf(SWEEP_SUMMARIES),
    expression: v.nullish(text(MAX_SWEEP_EXPR_CHARS), DEFAULT_SWEEP_EXPRESSION),
    recording: v.pipe(numberIn(0, 10_000), v.integer("a whole number")),
  },
  "an object",
);
export type SweepSettings = v.InferOutput<typeof SweepSettingsSchema>;

/** The first swept quantity of a setup. */
export function firstAxis(s: SweepAxis): SweepAxis {
  return { vary: s.vary, group: s.group, key: s.key, from: s.from, to: s.to, points: s.points };
}

/**
 * The swept values: `points` values from `from` to `to`, evenly spaced, both ends included.
 *
 * @example
 * sweepValues({ from: 0, to: 1, points: 5 }); // [0, 0.25, 0.5, 0.75, 1]
 */
export function sweepValues(s: Pick<SweepAxis, "from" | "to" | "points">): number[] {
  const n = Math.round(s.points);
  if (!(n >= MIN_SWEEP_POINTS && n <= MAX_SWEEP_POINTS)) {
    throw new Error(`A sweep takes ${MIN_SWEEP_POINTS} to ${MAX_SWEEP_POINTS} points; got ${s.points}.`);
  }
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? s.to : s.from + ((s.to - s.from) * i) / (n - 1)));
}
