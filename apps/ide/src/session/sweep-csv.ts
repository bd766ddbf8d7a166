/**
 * A sweep's result as numbers: the summary of one recording per swept value, and as CSV
 * (one row per value: the value, then the summary).
 */
import type { SweepOutcome } from "../protocol/sweep.js";
import type { SweepSettings, SweepSummaryKind } from "./sweep-settings.js";
import { summarise } from "./sweep-summary.js";

/** The summary `kind` of recording `recording` for each run of `outcome`, in value order. */
export function sweepCurve(outcome: SweepOutcome, kind: SweepSummaryKind, recording: number): number[] {
  const r = Math.min(Math.max(0, recording), outcome.labels.length - 1);
  return outcome.traces.map((run) => summarise(kind, run[r], outcome.dt));
}

/** The CSV column of the swept value: "amplitude_nA", or the parameter's key ("HH_gNa"). */
export function valueColumn(setup: Pick<SweepSettings, "vary" | "key">): string {
  return setup.vary === "stimulus" ? "amplitude_nA" : setup.key || "value";
}

/** The swept value in words, for axes: "clamp amplitude (nA)", "Na_gNa of fast_spiking (S/cm²)". */
export function valueLabel(setup: Pick<SweepSettings, "vary" | "key" | "group">, unit = ""): string {
  if (setup.vary === "stimulus") return "clamp amplitude (nA)";
  return `${setup.key} of ${setup.group}${unit ? ` (${unit})` : ""}`;
}

/** The CSV column of a summary, with its unit. */
export const SUMMARY_COLUMN: Record<SweepSummaryKind, string> = {
  spikes: "spike_count",
  rate: "rate_Hz",
  peak: "peak",
  first: "first_spike_ms",
};

/**
 * The curve as CSV: a header `value column,summary column`, then one line per value; a
 * time to first spike without a spike is an empty cell.
 *
 * @example
 * sweepCsv("amplitude_nA", "spikes", [0, 0.5], [0, 1]); // "amplitude_nA,spike_count\n0,0\n0.5,1\n"
 */
export function sweepCsv(valueName: string, kind: SweepSummaryKind, values: number[], curve: number[]): string {
  const cell = (x: number) => (Number.isFinite(x) ? String(x) : "");
  const lines = values.map((x, i) => `${cell(x)},${cell(curve[i])}`);
  return `${valueName},${SUMMARY_COLUMN[kind]}\n${lines.join("\n")}\n`;
}
