/**
 * The traces figure: one subplot per unit (voltages in mV, gates in 1, currents in
 * mA/cm², ...), stacked and sharing the time axis; earlier runs drawn faded and dotted.
 */
import type { Traces } from "../../protocol/model.js";
import { DRAW_COLUMNS, minMaxDecimate } from "./decimate.js";
import type { PlotData, PlotLayout } from "./plotly-types.js";
import { plotlyText } from "./plotly-text.js";

/** One colour per recording, in recording order (the trainer uses the same). */
export const TRACE_COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf"];
const COLOURS = TRACE_COLOURS;

/** Most recordings of a run drawn (all of them go to the CSV and the raster). */
export const MAX_DRAWN_ROWS = 12;

/** Times of a run's samples, ms. */
export function timeAxis(t: Traces): number[] {
  return Array.from({ length: t.nSamples }, (_, k) => +(k * t.dt).toFixed(9));
}

type Row = Traces["rows"][number];

/** What a row records and its unit (rows from older sessions carry only a label "place · state"). */
export function rowQuantity(row: Row): { place: string; state: string; unit: string } {
  const parts = row.label.split(" · ");
  const state = row.state ?? parts[parts.length - 1];
  const place = row.place ?? parts.slice(0, -1).join(" · ");
  return { place, state, unit: row.unit ?? (state === "v" ? "mV" : "") };
}

/** One axis per unit, voltage first, then in the order the units first appear. */
function axesOf(runs: ReadonlyArray<{ traces: Traces }>): Array<{ unit: string; states: string[] }> {
  const axes: Array<{ unit: string; states: string[] }> = [];
  for (const run of runs)
    for (const row of run.traces.rows.slice(0, MAX_DRAWN_ROWS)) {
      const q = rowQuantity(row);
      let axis = axes.find((a) => a.unit === q.unit);
      if (!axis) {
        axis = { unit: q.unit, states: [] };
        if (q.unit === "mV") axes.unshift(axis);
        else axes.push(axis);
      }
      if (!axis.states.includes(q.state)) axis.states.push(q.state);
    }
  return axes;
}

function axisTitle(a: { unit: string; states: string[] }): string {
  const names = a.states.length > 3 ? `${a.states.slice(0, 3).join(", ")}, …` : a.states.join(", ");
  return a.unit ? `${names} (${a.unit})` : names;
}

/** Plotly data and layout of the runs' traces, `base` giving fonts and colours. */
export function tracesFigure(
  runs: ReadonlyArray<{ label: string; traces: Traces }>,
  base: PlotLayout,
): { data: PlotData[]; layout: PlotLayout; hidden: number; nAxes: number } {
  const axes = axesOf(runs);
  const n = Math.max(1, axes.length);
  const gap = n > 1 ? 0.08 : 0;
  const span = (1 - gap * (n - 1)) / n;
  const data: PlotData[] = [];
  let hidden = 0;
  runs.forEach((run, i) => {
    const latest = i === runs.length - 1;
    run.traces.rows.forEach((row, r) => {
      if (r >= MAX_DRAWN_ROWS) {
        if (latest) hidden++;
        return;
      }
      const q = rowQuantity(row);
      const k = axes.findIndex((a) => a.unit === q.unit);
      // Drawn as min/max per pixel column (a long trace would block the page); the CSV has every sample.
      const { x, y } = minMaxDecimate(row.values, DRAW_COLUMNS, 0, run.traces.dt);
      data.push({
        type: "scatter",
        mode: "lines",
        x,
        y,
        yaxis: k === 0 ? "y" : `y${k + 1}`,
        name: runs.length > 1 ? `${row.label} (${run.label})` : row.label,
        hovertemplate: `%{y:.4g} ${plotlyText(q.unit)}<extra>%{fullData.name}</extra>`,
        line: { color: COLOURS[r % COLOURS.length], width: latest ? 2 : 1.2, dash: latest ? "solid" : "dot" },
        opacity: latest ? 1 : 0.45,
      });
    });
  });
  const layout: PlotLayout = {
    ...base,
    // The top margin holds a one-row legend: with less, plotly pushes the margin and draws the whole plot twice.
    margin: { l: 60, r: 12, t: 42, b: 56 },
    // Above the plotting area.
    legend: { orientation: "h", x: 0, xanchor: "left", y: 1, yanchor: "bottom", font: { size: 10 } },
    uirevision: "traces",
    // No automargin: it doubles the time of a redraw. Plotly sets a bottom title near the paper's edge: 56 px keeps it in.
    xaxis: { title: { text: "t (ms)" }, zeroline: false, anchor: n > 1 ? `y${n}` : "y" },
  };
  (axes.length ? axes : [{ unit: "mV", states: ["v"] }]).forEach((a, k) => {
    const top = 1 - k * (span + gap);
    layout[k === 0 ? "yaxis" : `yaxis${k + 1}`] = {
      title: { text: axisTitle(a), font: { size: 10 } },
      zeroline: false,
      domain: [Math.max(0, top - span), top],
      anchor: "x",
    };
  });
  return { data, layout, hidden, nAxes: n };
}
