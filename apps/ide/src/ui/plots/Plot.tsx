/**
 * A plotly chart: plotly loads on first use, every update runs in a task of its own
 * (unless `immediate`), and updates arriving faster than `minIntervalMs` are coalesced
 * (training progress).
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { isDark, onThemeChange, themedLayout } from "../theme/theme.js";
import { exportButtons } from "./export.js";
import { inOwnTask, loadPlotly, PLOT_CONFIG, type PlotlyBundle, plotlyIfLoaded } from "./plotly.js";
import type { PlotData, PlotLayout, PlotlyApi, PlotlyHTMLElement } from "./plotly-types.js";
import { plotlySafeData, plotlySafeLayout } from "./plotly-text.js";

export interface PlotProps {
  data: PlotData[];
  layout: PlotLayout;
  onClick?: (customdata: unknown, event: MouseEvent | undefined) => void;
  minIntervalMs?: number;
  testid?: string;
  className?: string;
  /** Which plotly bundle draws this plot (3-D needs "gl3d"). */
  bundle?: PlotlyBundle;
  /** File name (without extension) of the PNG and SVG the mode bar downloads; default the testid or "plot". */
  exportName?: string;
  /**
   * Draw in the task that brought the new data (once plotly is loaded), not in a task of
   * its own: for a plot the user waits for (the traces after an edit), which would
   * otherwise wait behind the page's rendering of everything else that changed.
   */
  immediate?: boolean;
}

export function Plot({
  data,
  layout,
  onClick,
  minIntervalMs = 0,
  testid,
  className,
  bundle = "basic",
  exportName,
  immediate = false,
}: PlotProps) {
  const fileName = `dendrolab-${exportName ?? testid?.replace(/-plot$/, "") ?? "plot"}`;
  const el = useRef<HTMLDivElement>(null);
  /** The props the next draw uses (set by the effect below when they change). */
  const latest = useRef({ data, layout, bundle });
  /** The bundle that drew the current plot (a plot is purged before another bundle draws it). */
  const drawnWith = useRef<PlotlyBundle | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastDraw = useRef(0);
  const [error, setError] = useState<string | null>(null);
  const [drawn, setDrawn] = useState(0);
  /** What was drawn last: an update with identical data and layout is skipped. */
  const drawnSig = useRef("");
  const clickBound = useRef(false);

  const draw = useCallback(
    (Plotly: PlotlyApi, previous: PlotlyApi | null): void => {
      timer.current = null;
      const host = el.current;
      if (!host) return;
      const want = latest.current.bundle;
      const dark = isDark();
      const sig = JSON.stringify([latest.current.data, latest.current.layout, want, dark]);
      if (sig === drawnSig.current && !previous) return;
      drawnSig.current = sig;
      if (previous) {
        previous.purge(host); // also removes its event handlers
        clickBound.current = false;
      }
      drawnWith.current = want;
      lastDraw.current = performance.now();
      const first = !clickBound.current;
      clickBound.current = true;
      const t0 = performance.now();
      const layout = plotlySafeLayout(themedLayout(latest.current.layout, dark));
      const config = { ...PLOT_CONFIG, modeBarButtonsToAdd: exportButtons(Plotly, fileName) };
      void Plotly.react(host, plotlySafeData(latest.current.data), layout, config).then((gd: PlotlyHTMLElement) => {
        performance.measure(`plot:${testid ?? "plot"}`, { start: t0, end: performance.now() });
        if (first) gd.on("plotly_click", (e) => clickRef.current?.(e.points[0]?.customdata, e.event));
        host.dataset.drawn = String(Number(host.dataset.drawn ?? 0) + 1);
        setDrawn((n) => n + 1);
      });
    },
    [testid, fileName],
  );

  useEffect(() => {
    latest.current = { data, layout, bundle };
    if (timer.current) return; // an update is already scheduled; it will use the latest data
    const wait = Math.max(0, lastDraw.current + minIntervalMs - performance.now());
    const loaded = plotlyIfLoaded(bundle);
    if (immediate && wait === 0 && loaded && (!drawnWith.current || drawnWith.current === bundle)) {
      draw(loaded, null);
      return;
    }
    timer.current = setTimeout(() => {
      const want = latest.current.bundle;
      const prev = drawnWith.current && drawnWith.current !== want ? drawnWith.current : null;
      const now = plotlyIfLoaded(want);
      if (now && (!prev || plotlyIfLoaded(prev))) {
        draw(now, prev ? plotlyIfLoaded(prev)! : null); // in this task
        return;
      }
      Promise.all([loadPlotly(want), prev ? loadPlotly(prev) : null]).then(
        ([Plotly, previous]) => inOwnTask(() => draw(Plotly, previous)),
        (e: Error) => {
          timer.current = null;
          setError(`Plots could not load: ${e.message}`);
        },
      );
    }, wait);
  }, [data, layout, minIntervalMs, bundle, draw, immediate]);

  // The plot follows its box (a dragged gutter; plotly's `responsive` follows only the window).
  useEffect(() => {
    const host = el.current;
    if (!host) return;
    let frame = 0;
    let size = "";
    const ro = new ResizeObserver(([entry]) => {
      const next = `${Math.round(entry.contentRect.width)}x${Math.round(entry.contentRect.height)}`;
      if (next === size) return;
      const first = size === "";
      size = next;
      if (first || frame || !drawnWith.current) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const api = drawnWith.current && plotlyIfLoaded(drawnWith.current);
        if (!api || !host.querySelector(".main-svg")) return;
        const t0 = performance.now();
        api.Plots.resize(host);
        performance.measure(`plot-resize:${testid ?? "plot"}`, { start: t0, end: performance.now() });
      });
    });
    ro.observe(host);
    // The system's theme switched: draw again in the other colours.
    const offTheme = onThemeChange(() => {
      const drawnBy = drawnWith.current && plotlyIfLoaded(drawnWith.current);
      if (drawnBy) inOwnTask(() => draw(drawnBy, null));
    });
    return () => {
      ro.disconnect();
      cancelAnimationFrame(frame);
      offTheme();
    };
  }, [testid, draw]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      const host = el.current;
      if (host && drawnWith.current) void loadPlotly(drawnWith.current).then((P) => P.purge(host));
    },
    [],
  );

  return (
    <div className={`plot ${className ?? ""}`} data-testid={testid} data-ready={drawn > 0 ? "yes" : "no"}>
      <div ref={el} className="plot-host" />
      {drawn === 0 && <div className="plot-loading">{error ?? "Loading plot…"}</div>}
    </div>
  );
}
