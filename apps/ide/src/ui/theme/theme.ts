/**
 * Light or dark, as the system asks (`prefers-color-scheme`): the plots' colours for each,
 * and a subscription for the components that draw outside CSS (plotly, Monaco, canvas).
 */
const QUERY = "(prefers-color-scheme: dark)";

/** Is the dark theme on? */
export function isDark(): boolean {
  return typeof matchMedia === "function" && matchMedia(QUERY).matches;
}

/** Calls `fn` whenever the system switches theme; returns the unsubscribe. */
export function onThemeChange(fn: (dark: boolean) => void): () => void {
  if (typeof matchMedia !== "function") return () => undefined;
  const mq = matchMedia(QUERY);
  const listener = () => fn(mq.matches);
  mq.addEventListener("change", listener);
  return () => mq.removeEventListener("change", listener);
}

/** Text, grid and zero-line colours of the plots. */
export function plotColours(dark = isDark()): { ink: string; grid: string; zero: string; paper: string; mark: string } {
  return dark
    ? { ink: "#c9d1dc", grid: "#2a313c", zero: "#3a4350", paper: "#181d25", mark: "#8fb3ff" }
    : { ink: "#556", grid: "#e6e8ec", zero: "#444", paper: "#fff", mark: "#1f3b73" };
}

type Layout = Record<string, unknown>;

const axisKeys = (l: Layout) => Object.keys(l).filter((k) => /^[xy]axis\d*$/.test(k));

/**
 * A plotly layout in the dark theme's colours (unchanged in the light theme): its font,
 * legend and colour bar text, axes' grids and zero lines, and a 3-D scene's axes.
 */
export function themedLayout(layout: Layout, dark = isDark()): Layout {
  if (!dark) return layout;
  const c = plotColours(true);
  const out: Layout = { ...layout, font: { ...((layout.font as Layout) ?? {}), color: c.ink } };
  const axis = (a: unknown): Layout => ({
    ...((a as Layout) ?? {}),
    gridcolor: c.grid,
    zerolinecolor: c.zero,
    linecolor: c.zero,
    color: c.ink,
  });
  for (const k of new Set([...axisKeys(layout), "xaxis", "yaxis"])) out[k] = axis(layout[k]);
  const legend = layout.legend as Layout | undefined;
  if (legend)
    out.legend = {
      ...legend,
      font: { ...(legend.font as Layout), color: c.ink },
      ...(legend.bgcolor ? { bgcolor: "rgba(24, 29, 37, 0.8)" } : {}),
    };
  const scene = layout.scene as Layout | undefined;
  if (scene)
    out.scene = {
      ...scene,
      xaxis: axis(scene.xaxis),
      yaxis: axis(scene.yaxis),
      zaxis: axis(scene.zaxis),
    };
  return out;
}
