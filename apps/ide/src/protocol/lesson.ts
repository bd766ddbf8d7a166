/**
 * Lesson checks between the page and the script sandbox: the page sends the expressions
 * and the last run's results as data with a run; the script worker builds the model,
 * evaluates each expression there (sandbox/lesson-checks.ts) and answers with one result
 * per expression in its one reply. The page never evaluates an expression.
 */
import { boundedList } from "@dendrolab/core/document";
import * as v from "valibot";

/** One recorded trace of the last run: its label and its samples (every `dt` ms). */
export interface CheckTrace {
  label: string;
  values: ArrayLike<number>;
}

/** What the checks see of the last run, besides the model the script builds. */
export interface CheckData {
  /** The last run's traces (null: nothing was simulated). */
  traces: { dt: number; rows: CheckTrace[] } | null;
  /** The trainer's latest values, by group and key (empty: nothing trained). */
  trained: Array<{ group: string; key: string; value: number }>;
}

/** The checks of a run: expressions, and the data they read. */
export interface CheckRequest {
  exprs: string[];
  data: CheckData;
}

/** One check's outcome: `invalid` when the expression does not compile (a fault of the lesson). */
export interface CheckResult {
  pass: boolean;
  message: string | null;
  invalid?: boolean;
}

/** Most checks one run evaluates. */
export const MAX_RUN_CHECKS = 200;

export const CheckResultSchema = v.object({
  pass: v.boolean(),
  message: v.nullable(v.pipe(v.string(), v.maxLength(4000))),
  invalid: v.optional(v.boolean()),
});

export const CheckResultsSchema = boundedList(CheckResultSchema, MAX_RUN_CHECKS);
