/**
 * A small canvas line chart for data that changes many times a second (training
 * progress): one draw takes a few milliseconds, where a plotly redraw takes tens.
 */
import { plotColours } from "../theme/theme.js";
import { useCallback, useEffect, useRef } from "react";
import { ExportButtons } from "./ExportButtons.js";
import { downloadCanvasPng, downloadText } from "./export.js";
import { fitCanvas, type Painter, SvgPainter } from "./painter.js";
import { extent, formatTick, niceTicks } from "./ticks.js";

export interface Series {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  color: string;
  width?: number;
  dash?: boolean;
  label?: string;
  markers?: boolean;
}

export interface LiveChartProps {
  series: Series[];
  xLabel: string;
  yLabel: string;
  logY?: boolean;
  testid?: string;
  /** File name (without extension) of the PNG and SVG downloads; default from the testid. */
  exportName?: string;
}

const M = { l: 52, r: 10, t: 18, b: 34 };

export function LiveChart(props: LiveChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const latest = useRef(props);
  latest.current = props;
  const frame = useRef(0);
  const draws = useRef(0);

  /** Draws at the next animation frame (once, however often it is called before). */
  const schedule = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const el = canvas.current;
      if (el) {
        draw(el, latest.current);
        el.dataset.drawn = String(++draws.current);
      }
    });
  }, []);
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const ro = new ResizeObserver(() => schedule());
    ro.observe(el.parentElement!);
    return () => ro.disconnect();
  }, [schedule]);
  // Every render draws (the props are new data).
  useEffect(() => schedule());

  const name = `dendrolab-${props.exportName ?? props.testid?.replace(/-plot$/, "") ?? "chart"}`;
  const exportSvg = () => {
    const box = canvas.current?.parentElement?.getBoundingClientRect();
    if (box) downloadText(liveChartSvg(latest.current, box.width, box.height), `${name}.svg`, "image/svg+xml");
  };
  return (
    <div className="live-chart" data-testid={props.testid}>
      <canvas ref={canvas} />
      <ExportButtons
        testid={props.testid}
        png={() => canvas.current && downloadCanvasPng(canvas.current, name)}
        svg={exportSvg}
      />
    </div>
  );
}

function draw(el: HTMLCanvasElement, p: LiveChartProps): void {
  const { g, w, h } = fitCanvas(el, 50, 50);
  paintLiveChart(g, p, w, h);
}

/** The chart as an SVG document of the size it has on screen. */
export function liveChartSvg(p: LiveChartProps, w: number, h: number): string {
  const svg = new SvgPainter();
  paintLiveChart(svg, p, w, h);
  return svg.document(w, h, plotColours().paper);
}

/** Grid, ticks, axis labels, series and (above the plotting area) the legend. */
function paintLiveChart(g: Painter, p: LiveChartProps, w: number, h: number): void {
  const ty = (v: number) => (p.logY ? Math.log10(Math.max(v, 1e-300)) : v);
  const xs = extent(p.series.flatMap((s) => Array.from(s.x)));
  const ys = extent(p.series.flatMap((s) => Array.from(s.y, ty)));
  const px = (v: number) => M.l + ((v - xs[0]) / (xs[1] - xs[0])) * (w - M.l - M.r);
  const py = (v: number) => h - M.b - ((ty(v) - ys[0]) / (ys[1] - ys[0])) * (h - M.t - M.b);
  const theme = plotColours();
  const GRID = theme.grid;
  const INK = theme.ink;
  for (const t of niceTicks(xs[0], xs[1])) {
    const x = px(t);
    g.line([x, x], [M.t, h - M.b], GRID, 1);
    g.text(x, h - M.b + 13, formatTick(t), INK, "center");
  }
  for (const t of niceTicks(ys[0], ys[1])) {
    const y = h - M.b - ((t - ys[0]) / (ys[1] - ys[0])) * (h - M.t - M.b);
    g.line([M.l, w - M.r], [y, y], GRID, 1);
    g.text(M.l - 5, y + 4, p.logY ? formatTick(10 ** t) : formatTick(t), INK, "right");
  }
  g.text((M.l + w - M.r) / 2, h - 6, p.xLabel, INK, "center");
  g.text(12, (M.t + h - M.b) / 2, p.yLabel, INK, "center", true);
  g.clip(M.l, M.t - 2, w - M.l - M.r, h - M.t - M.b + 4);
  for (const s of p.series) {
    const x = Array.from(s.x, px);
    const y = Array.from(s.y, py);
    g.line(x, y, s.color, s.width ?? 1.5, s.dash);
    if (s.markers) for (let i = 0; i < x.length; i++) g.rect(x[i] - 2, y[i] - 2, 4, 4, s.color);
  }
  g.unclip();
  let lx = M.l + 6;
  for (const s of p.series) {
    if (!s.label) continue;
    g.rect(lx, 6, 14, 3, s.color);
    g.text(lx + 18, 11, s.label, INK, "left");
    lx += 26 + g.measure(s.label);
  }
}
