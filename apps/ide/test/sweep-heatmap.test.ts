/** A 2-D sweep's heat map data: cells in grid order, empty cells, the picked runs, user text shown literally. */
import { describe, expect, it } from "vitest";
import { heatmapPlot } from "../src/ui/sweep/heatmap-data.js";

const base = {
  x: [0.1, 0.2, 0.3],
  y: [0, 0.5],
  summary: [0, 1, 2, 3, Number.NaN, 5],
  xLabel: "Na_gNa of fast_spiking (S/cm²)",
  yLabel: "clamp amplitude (nA)",
  zLabel: "spike count",
  picked: [5, 0],
  colours: ["red", "blue"],
};

describe("the 2-D sweep's heat map", () => {
  it("puts run i * n2 + j at (x[i], y[j]): z and the run index by row of y", () => {
    const { data } = heatmapPlot(base);
    expect(data[0]).toMatchObject({
      type: "heatmap",
      x: base.x,
      y: base.y,
      z: [
        [0, 2, null], // y = 0: runs 0, 2, 4 (NaN: an empty cell)
        [1, 3, 5], // y = 0.5: runs 1, 3, 5
      ],
      customdata: [
        [0, 2, 4],
        [1, 3, 5],
      ],
      colorbar: { title: { text: "spike count" } },
    });
  });

  it("outlines the picked runs at their cells, in their traces' colours", () => {
    const marks = heatmapPlot(base).data[1];
    expect(marks).toMatchObject({ x: [0.3, 0.1], y: [0.5, 0], customdata: [5, 0] });
    expect((marks.marker as { color: string[] }).color).toEqual(["red", "blue"]);
  });

  it("ticks a count's colour bar at whole numbers", () => {
    const bar = (summary: number[]) =>
      (heatmapPlot({ ...base, summary, integer: true }).data[0] as { colorbar: Record<string, unknown> }).colorbar;
    expect(bar([0, 1, 2, 2, 1, 0])).toMatchObject({ tick0: 0, dtick: 1, tickformat: "d" });
    expect(bar([0, 30, 2, 2, 1, 0])).toMatchObject({ dtick: 5 });
    expect((heatmapPlot(base).data[0] as { colorbar: Record<string, unknown> }).colorbar.dtick).toBeUndefined();
  });

  it("names the axes, and shows a user's text in the hover literally (no markup, no template field)", () => {
    const { data, layout } = heatmapPlot({ ...base, zLabel: "v[0] < 1 ? %{x} : 2" });
    expect(layout).toMatchObject({
      xaxis: { title: { text: base.xLabel } },
      yaxis: { title: { text: base.yLabel } },
    });
    const hover = data[0].hovertemplate as string;
    expect(hover).toContain("v[0] &lt; 1 ? %\u200b{x} : 2 = %{z:.4~g}");
    expect(hover).toContain("Na_gNa of fast_spiking (S/cm²) = %{x:.4~g}");
  });
});
