/**
 * A small canvas line chart for data that changes many times a second (training
 * progress): one draw takes a few milliseconds, where a plotly redraw takes tens.
 */
import { plotColours } from "../theme/theme.js";
import { useCallback, useEffect, useRef } from "react";
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

  return (
    <div className="live-chart" data-testid={props.testid}>
      <canvas ref={canvas} />
    </div>
  );
}

function draw(el: HTMLCanvasElement, p: LiveChartProps): void {
  const box = el.parentElement!.getBoundingClientRect();
  const dpr = window.devicePixelRatio || 1;
  const w = Math.max(50, box.width);
  const h = Math.max(50, box.height);
  el.width = Math.round(w * dpr);
  el.height = Math.round(h * dpr);
  el.style.width = `${w}px`;
  el.style.height = `${h}px`;
  const g = el.getContext("2d")!;
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  g.clearRect(0, 0, w, h);
  const ty = (v: number) => (p.logY ? Math.log10(Math.max(v, 1e-300)) : v);
  const xs = extent(p.series.flatMap((s) => Array.from(s.x)));
  const ys = extent(p.series.flatMap((s) => Array.from(s.y, ty)));
  const px = (v: number) => M.l + ((v - xs[0]) / (xs[1] - xs[0])) * (w - M.l - M.r);
  const py = (v: number) => h - M.b - ((ty(v) - ys[0]) / (ys[1] - ys[0])) * (h - M.t - M.b);
  g.font = "11px system-ui, sans-serif";
  const theme = plotColours();
  g.strokeStyle = theme.grid;
  g.fillStyle = theme.ink;
  g.lineWidth = 1;
  g.textAlign = "center";
  for (const t of niceTicks(xs[0], xs[1])) {
    const x = px(t);
    g.beginPath();
    g.moveTo(x, M.t);
    g.lineTo(x, h - M.b);
    g.stroke();
    g.fillText(formatTick(t), x, h - M.b + 13);
  }
  g.textAlign = "right";
  for (const t of niceTicks(ys[0], ys[1])) {
    const y = h - M.b - ((t - ys[0]) / (ys[1] - ys[0])) * (h - M.t - M.b);
    g.beginPath();
    g.moveTo(M.l, y);
    g.lineTo(w - M.r, y);
    g.stroke();
    g.fillText(p.logY ? formatTick(10 ** t) : formatTick(t), M.l - 5, y + 4);
  }
  g.textAlign = "center";
  g.fillText(p.xLabel, (M.l + w - M.r) / 2, h - 6);
  g.save();
  g.translate(12, (M.t + h - M.b) / 2);
  g.rotate(-Math.PI / 2);
  g.fillText(p.yLabel, 0, 0);
  g.restore();
  g.save();
  g.beginPath();
  g.rect(M.l, M.t - 2, w - M.l - M.r, h - M.t - M.b + 4);
  g.clip();
  for (const s of p.series) {
    g.strokeStyle = s.color;
    g.fillStyle = s.color;
    g.lineWidth = s.width ?? 1.5;
    g.setLineDash(s.dash ? [4, 3] : []);
    g.beginPath();
    for (let i = 0; i < s.x.length; i++) {
      const x = px(s.x[i]);
      const y = py(s.y[i]);
      if (i === 0) g.moveTo(x, y);
      else g.lineTo(x, y);
    }
    g.stroke();
    if (s.markers) for (let i = 0; i < s.x.length; i++) g.fillRect(px(s.x[i]) - 2, py(s.y[i]) - 2, 4, 4);
  }
  g.restore();
  g.setLineDash([]);
  let lx = M.l + 6;
  g.textAlign = "left";
  for (const s of p.series) {
    if (!s.label) continue;
    g.fillStyle = s.color;
    g.fillRect(lx, 6, 14, 3);
    g.fillStyle = theme.ink;
    g.fillText(s.label, lx + 18, 11);
    lx += 26 + g.measureText(s.label).width;
  }
}
