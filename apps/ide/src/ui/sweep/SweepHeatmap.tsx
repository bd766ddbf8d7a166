/**
 * A 2-D sweep's result: the summary as a heat map over the two swept quantities (plotly's
 * heatmap, from its cartesian bundle, loaded on first use), and the traces of the cells
 * clicked, overlaid. Hovering a cell shows its values.
 */
import { useMemo, useState } from "react";
import type { SweepOutcome } from "../../protocol/sweep.js";
import { runValues } from "../../session/sweep-plan.js";
import { DRAW_COLUMNS, minMaxDecimate } from "../plots/decimate.js";
import { LiveChart, type Series } from "../plots/LiveChart.js";
import { Plot } from "../plots/Plot.js";
import { TRACE_COLOURS } from "../plots/trace-data.js";
import { heatmapPlot } from "./heatmap-data.js";

/** Most traces overlaid: a click past it drops the oldest. */
const MAX_PICKED = 6;

export function SweepHeatmap(props: {
  outcome: SweepOutcome;
  /** The summary of each run (null while a custom summary is evaluated or failed). */
  summary: readonly number[] | null;
  recording: number;
  xLabel: string;
  yLabel: string;
  zLabel: string;
  /** The summary is a count (whole numbers). */
  integer: boolean;
}) {
  const { outcome, summary, recording, xLabel, yLabel, zLabel, integer } = props;
  // The clicked runs, of this outcome (a new sweep starts with none).
  const [state, setState] = useState<{ of: SweepOutcome | null; runs: number[] }>({ of: null, runs: [] });
  const picked = useMemo(() => (state.of === outcome ? state.runs : []), [state, outcome]);
  const plot = useMemo(
    () =>
      heatmapPlot({
        x: outcome.values,
        y: outcome.values2 ?? [],
        summary: summary ?? outcome.traces.map(() => Number.NaN),
        xLabel,
        yLabel,
        zLabel,
        picked,
        colours: TRACE_COLOURS,
        integer,
      }),
    [outcome, summary, xLabel, yLabel, zLabel, picked, integer],
  );
  const traces = useMemo<Series[]>(
    () =>
      picked.map((r, k) => ({
        ...minMaxDecimate(outcome.traces[r][recording], DRAW_COLUMNS, 0, outcome.dt),
        color: TRACE_COLOURS[k % TRACE_COLOURS.length],
        width: 1.4,
        label: runValues(outcome, r)
          .map((x) => Number(x.toPrecision(3)))
          .join(", "),
      })),
    [outcome, picked, recording],
  );
  const pick = (run: unknown) => {
    if (typeof run !== "number" || !(run >= 0 && run < outcome.traces.length)) return;
    const runs = picked.includes(run) ? picked.filter((r) => r !== run) : [...picked, run].slice(-MAX_PICKED);
    setState({ of: outcome, runs });
  };
  const unit = outcome.units[recording] || "mV";
  return (
    <div className="sweep-plots" data-picked={JSON.stringify(picked)}>
      <Plot
        data={plot.data}
        layout={plot.layout}
        bundle="cartesian"
        onClick={pick}
        testid="sweep-heatmap"
        exportName="sweep-heatmap"
        className="sweep-heatmap"
      />
      <div className="sweep-picked">
        {picked.length > 0 ? (
          <LiveChart
            series={traces}
            xLabel="time (ms)"
            yLabel={`${outcome.labels[recording]} (${unit})`}
            testid="sweep-traces"
            exportName="sweep-traces"
          />
        ) : (
          <div className="hint sweep-hint" data-testid="sweep-pick-hint">
            Click a cell of the heat map to plot its run's trace here; click more cells to overlay theirs (a second
            click removes one).
          </div>
        )}
      </div>
    </div>
  );
}
