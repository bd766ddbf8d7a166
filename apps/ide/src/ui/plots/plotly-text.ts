/**
 * Strings given to plotly are shown as text. Plotly renders a subset of HTML in names,
 * titles, hover texts and annotations (`<b>`, `<a href>`, `<br>`, ...), and user strings
 * reach it: recording and run labels, file and project names, group and mechanism names,
 * keys a link sets. Every plot escapes them here, once, before drawing (see Plot.tsx).
 */
import type { PlotData, PlotLayout } from "./plotly-types.js";

const MARKUP = /[<>&]/;

/** `<`, `>` and `&` as the entities plotly shows literally. */
export function plotlyText(s: string): string {
  return MARKUP.test(s) ? s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;") : s;
}

/** Keys whose strings (or arrays of strings) plotly renders as styled text. Templates (`hovertemplate`) are the app's own. */
const TEXT_KEYS = new Set(["name", "text", "hovertext", "title"]);

function escapeValue(v: unknown): unknown {
  if (typeof v === "string") return plotlyText(v);
  // Arrays (hover texts of every compartment) are copied only when a string needs it.
  if (Array.isArray(v) && v.some((x) => typeof x === "string" && MARKUP.test(x)))
    return v.map((x) => (typeof x === "string" ? plotlyText(x) : x));
  if (Array.isArray(v) && v.some((x) => typeof x === "string")) return v;
  return escapeDeep(v);
}

/** A copy of `v` with every rendered string escaped; numbers and typed arrays are shared, not copied. */
function escapeDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.some((x) => x !== null && typeof x === "object") ? v.map(escapeDeep) : v;
  if (v === null || typeof v !== "object" || ArrayBuffer.isView(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = TEXT_KEYS.has(k) ? escapeValue(x) : escapeDeep(x);
  return out;
}

/** The traces with every name, text, hover text and title escaped (see plotlyText). */
export function plotlySafeData(data: readonly PlotData[]): PlotData[] {
  return data.map((d) => escapeDeep(d) as PlotData);
}

/** The layout with every title and annotation text escaped (see plotlyText). */
export function plotlySafeLayout(layout: PlotLayout): PlotLayout {
  return escapeDeep(layout) as PlotLayout;
}
