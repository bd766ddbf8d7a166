import { describe, expect, it } from "vitest";
import { SvgPainter } from "../src/ui/plots/painter.js";
import { liveChartSvg } from "../src/ui/plots/LiveChart.js";

describe("canvas charts as SVG", () => {
  it("draws the live chart's series, axis labels and legend into an SVG document", () => {
    const svg = liveChartSvg(
      {
        series: [
          { x: [0, 1, 2], y: [1, 0.5, 0.25], color: "#1f77b4", label: "loss" },
          { x: [0, 1, 2], y: [0.9, 0.6, 0.3], color: "#d62728", dash: true, markers: true },
        ],
        xLabel: "step",
        yLabel: "loss",
        logY: true,
      },
      400,
      200,
    );
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"')).toBe(true);
    // Two series lines (plus grid lines), one dashed; markers as rectangles; labels as text.
    expect(svg.match(/<polyline fill="none" stroke="#1f77b4" stroke-width="1.5"/g)).toHaveLength(1);
    expect(svg.match(/stroke="#d62728" stroke-width="1.5" stroke-dasharray="4 3"/g)).toHaveLength(1);
    expect(svg.match(/<rect [^>]*fill="#d62728"\/>/g)).toHaveLength(3);
    expect(svg).toContain(">step</text>");
    expect(svg).toContain('transform="rotate(-90');
    expect(svg).toContain(">loss</text>");
    expect(svg.endsWith("</svg>\n")).toBe(true);
  });

  it("escapes text and closes open clips", () => {
    const p = new SvgPainter();
    p.clip(0, 0, 10, 10);
    p.text(1, 2, "a < b & c", "#000", "left");
    const doc = p.document(10, 10);
    expect(doc).toContain(">a &lt; b &amp; c</text>");
    expect(doc.match(/<g /g)).toHaveLength(1);
    expect(doc.match(/<\/g>/g)).toHaveLength(1);
  });
});
