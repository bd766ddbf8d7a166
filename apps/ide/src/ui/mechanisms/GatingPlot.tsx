/** Steady state and time constant of each voltage-dependent gate against v, two panels sharing the v axis. */
import { useMemo } from "react";
import { GATING_V, type GateCurve } from "../../protocol/mechanisms.js";
import { groupColour } from "../plots/colours.js";
import { BASE_LAYOUT } from "../plots/plotly.js";
import { Plot } from "../plots/Plot.js";
import type { PlotData } from "../plots/plotly-types.js";

/** `NaTs2_t_m` → `m` (a concentration state keeps its name). */
const local = (mechanism: string, key: string) =>
  key.startsWith(`${mechanism}_`) ? key.slice(mechanism.length + 1) : key;

export function GatingPlot({ mechanism, gates, celsius }: { mechanism: string; gates: GateCurve[]; celsius: number }) {
  const data = useMemo(
    () =>
      gates.flatMap((g, i): PlotData[] => {
        const line = { color: groupColour(i), width: 1.8 };
        const name = local(mechanism, g.state);
        const x = [...GATING_V];
        return [
          { x, y: g.inf, type: "scatter", mode: "lines", name, line, legendgroup: name },
          {
            x,
            y: g.tau,
            type: "scatter",
            mode: "lines",
            name,
            line,
            legendgroup: name,
            xaxis: "x",
            yaxis: "y2",
            showlegend: false,
          },
        ];
      }),
    [gates, mechanism],
  );
  const layout = useMemo(
    () => ({
      ...BASE_LAYOUT,
      margin: { l: 52, r: 10, t: 22, b: 34 },
      legend: { orientation: "h", x: 1, xanchor: "right", y: 1.02, yanchor: "bottom", font: { size: 10 } },
      uirevision: mechanism,
      title: { text: `${mechanism} at ${celsius} °C`, font: { size: 11 }, x: 0.02, xanchor: "left", y: 0.99 },
      xaxis: { title: { text: "v (mV)" }, range: [-100, 50], zeroline: false, anchor: "y2" },
      yaxis: { title: { text: "x∞ (1)" }, domain: [0.55, 1], range: [-0.03, 1.03], zeroline: false },
      yaxis2: { title: { text: "τx (ms)" }, domain: [0, 0.45], zeroline: false, rangemode: "tozero" },
    }),
    [mechanism, celsius],
  );
  return <Plot data={data} layout={layout} testid="gating-plot" />;
}
