/**
 * A student's hand-in: the lesson, their script and their results (each check's state, the
 * last run's traces thinned to fit in a link). A versioned document, checked field by
 * field when a teacher opens it (session/lesson-links.ts carries it in a link).
 */
import { boundedList, checkDocument, fields } from "@dendrolab/core/document";
import type * as v from "valibot";
import { flag, numberIn, text } from "../protocol/checks.js";
import { MAX_LESSON_CHARS } from "./format.js";

export const HANDIN_VERSION = 1;

/** Most traces a hand-in keeps, and points of each. */
export const MAX_HANDIN_ROWS = 8;
export const MAX_HANDIN_POINTS = 2000;

const points = boundedList(numberIn(-1e9, 1e9), MAX_HANDIN_POINTS, "a list of numbers");

const HandInSchema = fields(
  {
    name: text(80),
    lesson: text(MAX_LESSON_CHARS),
    script: text(60_000),
    checks: boundedList(fields({ label: text(400), pass: flag }, "a check { label, pass }"), 200),
    traces: boundedList(fields({ label: text(200), t: points, v: points }, "a trace { label, t, v }"), MAX_HANDIN_ROWS),
    at: text(40),
  },
  "a hand-in",
);
export type HandIn = v.InferOutput<typeof HandInSchema>;

/** Checks a decoded hand-in; throws what is wrong ("checks[2].pass should be true or false, got 3"). */
export function validateHandIn(doc: unknown): HandIn {
  const r = checkDocument(HandInSchema, doc, "");
  if (r.ok) return r.value;
  const { path, expected, got } = r.problem;
  throw new Error(`${path || "the hand-in"} should be ${expected}, got ${JSON.stringify(got)?.slice(0, 40)}`);
}

/**
 * The samples `values` (every `dt` ms) thinned to at most `maxPoints` points: the minimum
 * and the maximum of each of `maxPoints / 2` bins, in time order, so that spikes stay.
 * Times are rounded to µs and values to 0.01 (they travel as text).
 */
export function thinTrace(values: ArrayLike<number>, dt: number, maxPoints: number): { t: number[]; v: number[] } {
  const n = values.length;
  const t: number[] = [];
  const v: number[] = [];
  const push = (k: number) => {
    const y = values[k];
    t.push(Math.round(k * dt * 1000) / 1000);
    v.push(Number.isFinite(y) ? Math.round(y * 100) / 100 : 0);
  };
  if (n <= maxPoints) {
    for (let k = 0; k < n; k++) push(k);
    return { t, v };
  }
  const bins = Math.max(1, Math.floor(maxPoints / 2));
  for (let b = 0; b < bins; b++) {
    const from = Math.floor((b * n) / bins);
    const to = Math.floor(((b + 1) * n) / bins);
    let lo = from;
    let hi = from;
    for (let k = from + 1; k < to; k++) {
      if (values[k] < values[lo]) lo = k;
      if (values[k] > values[hi]) hi = k;
    }
    push(Math.min(lo, hi));
    if (lo !== hi) push(Math.max(lo, hi));
  }
  return { t, v };
}

/** The hand-in of a student's session, its traces thinned to `maxPoints` points each. */
export function makeHandIn(
  parts: {
    name: string;
    lesson: string;
    script: string;
    checks: Array<{ label: string; pass: boolean }>;
    traces: { dt: number; rows: Array<{ label: string; values: ArrayLike<number> }> } | null;
  },
  maxPoints: number,
  at = new Date(),
): HandIn {
  const rows = parts.traces?.rows.slice(0, MAX_HANDIN_ROWS) ?? [];
  return {
    name: parts.name.trim().slice(0, 80) || "(no name)",
    lesson: parts.lesson,
    script: parts.script,
    checks: parts.checks.map((c) => ({ label: c.label.slice(0, 400), pass: c.pass })),
    traces: rows.map((r) => ({ label: r.label.slice(0, 200), ...thinTrace(r.values, parts.traces!.dt, maxPoints) })),
    at: at.toISOString(),
  };
}
