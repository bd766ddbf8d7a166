/**
 * A sweep's custom summary: the setup's expression over the chosen recording of every run,
 * evaluated in the script sandbox (the page never evaluates it; see
 * sandbox/sweep-expression.ts), and its failures in words that name the expression and the run.
 */
import { type SessionContext, get, patch } from "./context.js";
import type { SweepOutcome } from "../protocol/sweep.js";
import { axisLabel, runValues } from "./sweep-plan.js";
import type { CustomSummaryState } from "./sweep-run.js";
import { MAX_SWEEP_EXPR_CHARS, type SweepAxis } from "./sweep-settings.js";

let latest = 0;

const setCustom = (c: SessionContext, custom: CustomSummaryState) =>
  patch(c, { sweepRun: { ...get(c).sweepRun, custom } });

/** The recording a sweep's summary is of: the setup's, within the outcome's recordings. */
export const recordingOf = (outcome: SweepOutcome, recording: number): number =>
  Math.min(Math.max(0, recording), outcome.labels.length - 1);

/** Why `expr` cannot be evaluated at all (empty, too long), or null. */
export function expressionProblem(expr: string): string | null {
  if (!expr.trim()) return "Write an expression for the custom summary, e.g. max(v) - min(v).";
  if (expr.length > MAX_SWEEP_EXPR_CHARS)
    return `The summary expression is ${expr.length} characters long; at most ${MAX_SWEEP_EXPR_CHARS} are allowed.`;
  return null;
}

/** Run `r` in words: "run 3 of 8 (clamp amplitude = 0.43 nA)". `units`: of the model's keys. */
export function runText(
  outcome: SweepOutcome,
  axes: readonly SweepAxis[],
  r: number,
  units: Readonly<Record<string, string>> = {},
): string {
  const values = runValues(outcome, r).map((x, i) => {
    const axis = axes[i];
    if (!axis) return String(x);
    const unit = axis.vary === "stimulus" ? "nA" : (units[axis.key] ?? "");
    const name = axis.vary === "stimulus" ? "clamp amplitude" : axisLabel(axis);
    return `${name} = ${Number(x.toPrecision(4))}${unit ? ` ${unit}` : ""}`;
  });
  return `run ${r + 1} of ${outcome.traces.length} (${values.join(", ")})`;
}

/**
 * Evaluates the setup's custom summary on the last sweep's traces when the setup asks for
 * it and it is not already evaluated (or being evaluated) for this expression and recording.
 */
export async function refreshCustomSummary(c: SessionContext): Promise<void> {
  const s = get(c);
  const { outcome, axes, custom } = s.sweepRun;
  if (!outcome || s.sweep.summary !== "custom") return;
  const expr = s.sweep.expression;
  const recording = recordingOf(outcome, s.sweep.recording);
  if (custom && custom.expr === expr && custom.recording === recording) return;
  const me = ++latest;
  const base = { expr, recording, values: null };
  const problem = expressionProblem(expr);
  if (problem) return setCustom(c, { ...base, status: "error", message: problem });
  if (!c.services.summarise)
    return setCustom(c, {
      ...base,
      status: "error",
      message: "This session has no script sandbox for custom summaries.",
    });
  setCustom(c, { ...base, status: "running", message: null });
  const traces = outcome.traces.map((run) => run[recording]);
  const r = await c.services.summarise(expr, traces, outcome.dt);
  if (me !== latest || get(c).sweepRun.outcome !== outcome) return;
  if (r.ok) return setCustom(c, { ...base, status: "done", values: r.values, message: null });
  const where = r.run === null ? "" : ` on ${runText(outcome, axes, r.run, s.model?.summary.units)}`;
  const what = `The summary expression \`${expr}\``;
  const message = {
    error:
      r.run === null ? `${what} is not a valid expression: ${r.message}.` : `${what} failed${where}: ${r.message}.`,
    timeout: `${what} ${r.message}${where}; it was stopped.`,
    crash: `${what} could not be evaluated${where}: ${r.message}`,
  }[r.kind];
  setCustom(c, { ...base, status: "error", message });
}
