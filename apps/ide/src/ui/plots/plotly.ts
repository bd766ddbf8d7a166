/**
 * plotly.js, loaded on first use (it is large), and a scheduler that gives every plot
 * update its own task so that no single task on the page grows long.
 */
import type { PlotlyApi } from "./plotly-types.js";

/**
 * "basic": scatter plots (traces, 2-D morphology); "gl3d": adds scatter3d, loaded only for
 * 3-D views; "cartesian": adds heatmap, loaded only for a 2-D sweep's heat map. Each is a
 * chunk of its own, loaded on first use, so none adds to the first load.
 */
export type PlotlyBundle = "basic" | "gl3d" | "cartesian";

const BUNDLES: Record<PlotlyBundle, () => Promise<unknown>> = {
  basic: () => import("plotly.js-basic-dist-min"),
  gl3d: () => import("plotly.js-gl3d-dist-min"),
  cartesian: () => import("plotly.js-cartesian-dist-min"),
};

const loading: Partial<Record<PlotlyBundle, Promise<PlotlyApi>>> = {};
const loaded: Partial<Record<PlotlyBundle, PlotlyApi>> = {};

export function loadPlotly(bundle: PlotlyBundle = "basic"): Promise<PlotlyApi> {
  loading[bundle] ??= BUNDLES[bundle]().then(
    (m) => (loaded[bundle] = (m as unknown as { default: PlotlyApi }).default),
  );
  return loading[bundle]!;
}

/**
 * Has the browser fetch and compile the basic bundle without evaluating it (a module
 * preload; the build names its file in index.html, see build/plotly-prefetch.ts);
 * resolves when it has arrived (at once in development, or if it failed: loadPlotly then
 * fetches it itself).
 */
export function preloadPlotly(): Promise<void> {
  const href = document.querySelector<HTMLMetaElement>('meta[name="dendrolab-plotly-basic"]')?.content;
  if (!href || loading.basic) return Promise.resolve();
  return new Promise((resolve) => {
    const link = document.createElement("link");
    link.rel = "modulepreload";
    link.href = href;
    link.onload = () => resolve();
    link.onerror = () => resolve();
    document.head.appendChild(link);
  });
}

/** The bundle if it has loaded already (so that a draw needs no extra task). */
export function plotlyIfLoaded(bundle: PlotlyBundle): PlotlyApi | undefined {
  return loaded[bundle];
}

/** Runs `fn` in a task of its own, after pending input. */
export function inOwnTask(fn: () => void): void {
  setTimeout(fn, 0);
}

export const PLOT_CONFIG = {
  displaylogo: false,
  responsive: true,
  /** No "Share chart..." (it sends the plot to Chart Studio, which needs a server and an account). */
  showSendToCloud: false,
  showEditInChartStudio: false,
  modeBarButtonsToRemove: ["lasso2d", "select2d", "toImage", "sendDataToCloud"],
};

export const BASE_LAYOUT = {
  margin: { l: 48, r: 12, t: 8, b: 36 },
  paper_bgcolor: "rgba(0,0,0,0)",
  plot_bgcolor: "rgba(0,0,0,0)",
  font: { family: "system-ui, sans-serif", size: 11, color: "#334" },
  showlegend: true,
  legend: { orientation: "h", y: -0.18, font: { size: 10 } },
};
