import { describe, expect, it } from "vitest";
import { plotlySafeData, plotlySafeLayout, plotlyText } from "../src/ui/plots/plotly-text.js";

describe("plotly text", () => {
  it("escapes <, > and & so plotly shows them literally", () => {
    expect(plotlyText('<b>x</b> & <a href="y">z</a>')).toBe('&lt;b&gt;x&lt;/b&gt; &amp; &lt;a href="y"&gt;z&lt;/a&gt;');
    expect(plotlyText("&lt;")).toBe("&amp;lt;");
    expect(plotlyText("plain")).toBe("plain");
  });

  it("escapes names, texts, hover texts and titles of traces, and leaves numbers and templates alone", () => {
    const y = new Float32Array([1, 2]);
    const [d] = plotlySafeData([
      {
        name: "<b>g</b>",
        text: ["<i>a</i>", "b"],
        hovertext: "&",
        hovertemplate: "%{y}<extra>%{fullData.name}</extra>",
        y,
        marker: { colorbar: { title: { text: "<a>k</a>" } } },
      },
    ]);
    expect(d.name).toBe("&lt;b&gt;g&lt;/b&gt;");
    expect(d.text).toEqual(["&lt;i&gt;a&lt;/i&gt;", "b"]);
    expect(d.hovertext).toBe("&amp;");
    expect(d.hovertemplate).toBe("%{y}<extra>%{fullData.name}</extra>");
    expect(d.y).toBe(y);
    expect((d.marker as { colorbar: { title: { text: string } } }).colorbar.title.text).toBe("&lt;a&gt;k&lt;/a&gt;");
  });

  it("escapes axis titles, the plot's title and annotations", () => {
    const l = plotlySafeLayout({
      title: { text: "<b>m</b>" },
      xaxis: { title: { text: "x <sup>2</sup>" } },
      yaxis2: { title: "<br>" },
      annotations: [{ text: "<a href='q'>r</a>" }],
    });
    expect(l).toEqual({
      title: { text: "&lt;b&gt;m&lt;/b&gt;" },
      xaxis: { title: { text: "x &lt;sup&gt;2&lt;/sup&gt;" } },
      yaxis2: { title: "&lt;br&gt;" },
      annotations: [{ text: "&lt;a href='q'&gt;r&lt;/a&gt;" }],
    });
  });
});
