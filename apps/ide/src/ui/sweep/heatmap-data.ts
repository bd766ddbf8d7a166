/**
 * A 2-D sweep as a plotly heat map: the summary of each run on the grid of the two swept
 * quantities (the first along x, the second along y), each cell carrying its run's index
 * (`customdata`, which a click reports), and the picked runs outlined in their colours.
 */
import type { PlotData, PlotLayout } from "../plots/plotly-types.js";
import { plotlyText } from "../plots/plotly-text.js";

export interface HeatmapInput {
  /** The first quantity's values (x) and the second's (y); run `i * y.length + j` is at (x[i], y[j]). */
  x: readonly number[];
  y: readonly number[];
  /** The summary of each run, in run order (NaN: none, an empty cell). */
  summary: readonly number[];
  xLabel: string;
  yLabel: string;
  /** The summary's name with its unit: the colour bar's title. */
  zLabel: string;
  /** Runs whose traces are shown, and their colours. */
  picked: readonly number[];
  colours: readonly string[];
  /** A count (spikes): the colour bar ticks whole numbers. */
  integer?: boolean;
}

/** A user's text inside a hover template: shown literally (no markup, no `%{...}` field). */
const literal = (s: string) => plotlyText(s).replace(/%\{/g, "%\u200b{");

/** The heat map's traces and layout. */
export function heatmapPlot(p: HeatmapInput): { data: PlotData[]; layout: PlotLayout } {
  const n2 = p.y.length;
  const z = p.y.map((_, j) => p.x.map((_, i) => cellValue(p.summary[i * n2 + j])));
  const runs = p.y.map((_, j) => p.x.map((_, i) => i * n2 + j));
  const heat: PlotData = {
    type: "heatmap",
    x: [...p.x],
    y: [...p.y],
    z,
    customdata: runs,
    colorscale: "Viridis",
    hoverongaps: false,
    colorbar: { title: { text: p.zLabel, side: "right" }, thickness: 14, ...(p.integer ? wholeTicks(p.summary) : {}) },
    hovertemplate: `${literal(p.xLabel)} = %{x:.4~g}<br>${literal(p.yLabel)} = %{y:.4~g}<br>${literal(p.zLabel)} = %{z:.4~g}<br>click: plot its trace<extra></extra>`,
  };
  const marks: PlotData = {
    type: "scatter",
    mode: "markers",
    x: p.picked.map((r) => p.x[Math.floor(r / n2)]),
    y: p.picked.map((r) => p.y[r % n2]),
    customdata: [...p.picked],
    marker: {
      symbol: "square-open",
      size: 14,
      color: p.picked.map((_, k) => p.colours[k % p.colours.length]),
      line: { width: 3 },
    },
    hoverinfo: "skip",
    showlegend: false,
  };
  const layout: PlotLayout = {
    // The top margin holds plotly's mode bar, which would otherwise cover the top row of cells.
    margin: { l: 64, r: 8, t: 28, b: 46 },
    showlegend: false,
    xaxis: { title: { text: p.xLabel }, automargin: true, zeroline: false },
    yaxis: { title: { text: p.yLabel }, automargin: true, zeroline: false },
  };
  return { data: [heat, marks], layout };
}

/** Colour bar ticks at whole numbers, about six of them at most. */
function wholeTicks(summary: readonly number[]): Record<string, unknown> {
  const finite = summary.filter(Number.isFinite);
  const range = finite.length ? Math.max(...finite) - Math.min(...finite) : 0;
  return { tick0: 0, dtick: Math.max(1, Math.ceil(range / 6)), tickformat: "d" };
}

/** A summary as a cell's value: null (an empty cell) when it is not a finite number. */
function cellValue(x: number | undefined): number | null {
  return x !== undefined && Number.isFinite(x) ? x : null;
}
