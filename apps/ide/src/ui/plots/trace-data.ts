/** Plotly traces of voltage (or state) recordings; earlier runs are drawn faded and dashed. */
import type { Traces } from "../../protocol/model.js";
import type { PlotData } from "./plotly-types.js";

/** One colour per recording, in recording order (the trainer uses the same). */
export const TRACE_COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf"];
const COLOURS = TRACE_COLOURS;

/** Times of a run's samples, ms. */
export function timeAxis(t: Traces): number[] {
  return Array.from({ length: t.nSamples }, (_, k) => +(k * t.dt).toFixed(9));
}

export function runTraces(runs: ReadonlyArray<{ label: string; traces: Traces }>): PlotData[] {
  const out: PlotData[] = [];
  runs.forEach((run, i) => {
    const latest = i === runs.length - 1;
    const x = timeAxis(run.traces);
    run.traces.rows.forEach((row, r) => {
      out.push({
        type: "scatter",
        mode: "lines",
        x,
        y: Array.from(row.values),
        name: runs.length > 1 ? `${row.label} (${run.label})` : row.label,
        line: { color: COLOURS[r % COLOURS.length], width: latest ? 2 : 1.2, dash: latest ? "solid" : "dot" },
        opacity: latest ? 1 : 0.45,
      });
    });
  });
  return out;
}
