/** A 1-D sweep's result: the summary against the swept value, and the traces overlaid, coloured by value. */
import { useMemo } from "react";
import type { SweepOutcome } from "../../protocol/sweep.js";
import { DRAW_COLUMNS, minMaxDecimate } from "../plots/decimate.js";
import { LiveChart, type Series } from "../plots/LiveChart.js";
import { valueColour } from "./value-colour.js";

export function SweepCharts(props: {
  outcome: SweepOutcome;
  /** The summary of each run (null while a custom summary is evaluated or failed: no curve). */
  curve: readonly number[] | null;
  recording: number;
  /** The swept value in words with its unit, and the summary's. */
  xLabel: string;
  yLabel: string;
}) {
  const { outcome, curve, recording, xLabel, yLabel } = props;
  const n = outcome.values.length;
  const curveSeries = useMemo<Series[]>(() => {
    if (!curve) return [];
    // A run without a value (no spike: no time to first spike) is left out of the curve.
    const keep = curve.map((_, i) => i).filter((i) => Number.isFinite(curve[i]));
    return [{ x: keep.map((i) => outcome.values[i]), y: keep.map((i) => curve[i]), color: "#d62728", markers: true }];
  }, [outcome, curve]);
  const traceSeries = useMemo<Series[]>(
    () =>
      outcome.traces.map((run, i) => ({
        ...minMaxDecimate(run[recording], DRAW_COLUMNS, 0, outcome.dt),
        color: valueColour(n > 1 ? i / (n - 1) : 0),
        width: 1.2,
        label: i === 0 || i === n - 1 ? String(Number(outcome.values[i].toPrecision(4))) : undefined,
      })),
    [outcome, recording, n],
  );
  return (
    <div className="sweep-plots">
      <LiveChart series={curveSeries} xLabel={xLabel} yLabel={yLabel} testid="sweep-curve" exportName="sweep-curve" />
      <LiveChart
        series={traceSeries}
        xLabel="time (ms)"
        yLabel={`${outcome.labels[recording]} (${outcome.units[recording] || "mV"})`}
        testid="sweep-traces"
        exportName="sweep-traces"
      />
    </div>
  );
}
