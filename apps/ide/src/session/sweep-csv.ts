/**
 * A sweep's result as numbers: a built-in summary of one recording per run, and the
 * result as CSV (one row per run: the swept value or values, then the summary).
 */
import type { SweepOutcome } from "../protocol/sweep.js";
import { runValues } from "./sweep-plan.js";
import type { BuiltinSummary, SweepAxis, SweepSummaryKind } from "./sweep-settings.js";
import { summarise } from "./sweep-summary.js";

/** The built-in summary `kind` of recording `recording` for each run of `outcome`, in run order. */
export function sweepCurve(outcome: SweepOutcome, kind: BuiltinSummary, recording: number): number[] {
  const r = Math.min(Math.max(0, recording), outcome.labels.length - 1);
  return outcome.traces.map((run) => summarise(kind, run[r], outcome.dt));
}

/**
 * The CSV column of a swept quantity, named with its unit: "amplitude_nA", or the group
 * and key with the key's unit ("fast_spiking.Na_gNa_S/cm²"; no unit: "fast_spiking.Na_gNa").
 */
export function valueColumn(axis: Pick<SweepAxis, "vary" | "key" | "group">, unit = ""): string {
  if (axis.vary === "stimulus") return "amplitude_nA";
  const name = `${axis.group || "group"}.${axis.key || "value"}`;
  return csvCell(unit ? `${name}_${unit}` : name);
}

/** The CSV column of a built-in summary, with its unit. */
export const SUMMARY_COLUMN: Record<BuiltinSummary, string> = {
  spikes: "spike_count",
  rate: "rate_Hz",
  peak: "peak",
  first: "first_spike_ms",
};

/** The CSV column of a summary: its name with its unit, or a custom summary's expression (quoted when it must be). */
export function summaryColumn(kind: SweepSummaryKind, expression: string): string {
  return kind === "custom" ? csvCell(expression) : SUMMARY_COLUMN[kind];
}

/** A text as a CSV cell: quoted (with inner quotes doubled) when it holds a comma, a quote or a line break. */
export function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The result as CSV: a header naming the swept quantities and the summary, then one line
 * per run (a 2-D sweep: `value1,value2,summary`, the second value varying fastest); a
 * summary without a value (no spike, so no time to first spike) is an empty cell.
 *
 * @example
 * sweepCsv(["amplitude_nA"], "spike_count", { values: [0, 0.5] }, [0, 1]); // "amplitude_nA,spike_count\n0,0\n0.5,1\n"
 */
export function sweepCsv(
  columns: readonly string[],
  summary: string,
  outcome: Pick<SweepOutcome, "values" | "values2">,
  curve: readonly number[],
): string {
  const cell = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? String(x) : "");
  const lines = curve.map((y, r) => [...runValues(outcome, r), y].map(cell).join(","));
  return `${[...columns, summary].join(",")}\n${lines.join("\n")}\n`;
}
