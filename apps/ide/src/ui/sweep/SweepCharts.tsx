/** A sweep's result: the summary against the swept value, and the traces overlaid, coloured by value. */
import { useMemo } from "react";
import type { SweepOutcome } from "../../protocol/sweep.js";
import type { SweepSummaryKind } from "../../session/sweep-settings.js";
import { summaryLabel } from "../../session/sweep-summary.js";
import { DRAW_COLUMNS, minMaxDecimate } from "../plots/decimate.js";
import { LiveChart, type Series } from "../plots/LiveChart.js";
import { valueColour } from "./value-colour.js";

export function SweepCharts(props: {
  outcome: SweepOutcome;
  curve: number[];
  kind: SweepSummaryKind;
  recording: number;
  valueName: string;
}) {
  const { outcome, curve, kind, recording, valueName } = props;
  const n = outcome.values.length;
  const curveSeries = useMemo<Series[]>(() => {
    // A run without a spike has no time to first spike: it is left out of the curve.
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
      <LiveChart
        series={curveSeries}
        xLabel={valueName}
        yLabel={summaryLabel(kind, outcome.units[recording] || "mV")}
        testid="sweep-curve"
        exportName="sweep-curve"
      />
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
