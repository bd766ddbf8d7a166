/**
 * Results that leave the IDE: files downloaded from the page (CSV of traces, PNG and SVG
 * of every plot). Plotly plots export through `Plotly.toImage`; the canvas charts draw
 * themselves again on an SVG painter, or copy their canvas to a PNG.
 */
import type { PlotlyApi, PlotlyHTMLElement } from "./plotly-types.js";

export type ImageFormat = "png" | "svg";

/** Saves a blob as a file in the browser's downloads. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves text (CSV, SVG) as a file. */
export function downloadText(text: string, filename: string, type: string): void {
  downloadBlob(new Blob([text], { type }), filename);
}

/** A plotly plot as a PNG (twice the screen's pixels) or SVG file, on an opaque background. */
export async function downloadPlotly(
  Plotly: PlotlyApi,
  gd: HTMLElement,
  format: ImageFormat,
  name: string,
): Promise<void> {
  const box = gd.getBoundingClientRect();
  const url = await Plotly.toImage(gd as PlotlyHTMLElement, {
    format,
    width: Math.max(200, Math.round(box.width)),
    height: Math.max(150, Math.round(box.height)),
    scale: format === "png" ? 2 : 1,
    setBackground: "opaque",
  });
  const blob = await (await fetch(url)).blob();
  downloadBlob(blob, `${name}.${format}`);
}

/** A canvas as a PNG file. */
export function downloadCanvasPng(canvas: HTMLCanvasElement, name: string): void {
  canvas.toBlob((blob) => {
    if (blob) downloadBlob(blob, `${name}.png`);
  }, "image/png");
}

/** Buttons made so far, per bundle and file name: the same objects each draw (a changed config makes plotly redraw from scratch). */
const made = new WeakMap<PlotlyApi, Map<string, Record<string, unknown>[]>>();

/** The mode bar buttons that download a plotly plot (replacing plotly's own camera and "Share chart..."). */
export function exportButtons(Plotly: PlotlyApi, name: string): Record<string, unknown>[] {
  const byName = made.get(Plotly) ?? new Map<string, Record<string, unknown>[]>();
  made.set(Plotly, byName);
  const known = byName.get(name);
  if (known) return known;
  const icons = Plotly.Icons ?? {};
  const buttons = (["png", "svg"] as const).map((format) => ({
    name: `download-${format}`,
    title: `Download plot as ${format.toUpperCase()}`,
    icon: format === "png" ? icons.camera : (icons.disk ?? icons.camera),
    click: (gd: HTMLElement) => void downloadPlotly(Plotly, gd, format, name),
  }));
  byName.set(name, buttons);
  return buttons;
}
