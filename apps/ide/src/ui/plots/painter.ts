/**
 * The few drawing operations the canvas charts (live chart, spike raster) use, with two
 * back ends: a canvas (on screen, and PNG export) and an SVG document (SVG export). A
 * chart is drawn once by a function of a painter, so both outputs show the same picture.
 */

export type Align = "left" | "center" | "right";

export interface Painter {
  /** A polyline through (xs[i], ys[i]). */
  line(xs: ArrayLike<number>, ys: ArrayLike<number>, colour: string, width: number, dash?: boolean): void;
  rect(x: number, y: number, w: number, h: number, colour: string): void;
  /** Text with its baseline at y; `rotated` turns it a quarter anticlockwise about (x, y). */
  text(x: number, y: number, s: string, colour: string, align: Align, rotated?: boolean): void;
  /** Width of a text in the painter's font, px. */
  measure(s: string): number;
  /** Later drawing is clipped to the rectangle, until `unclip`. */
  clip(x: number, y: number, w: number, h: number): void;
  unclip(): void;
}

export const CHART_FONT = "11px system-ui, sans-serif";

/** Draws on a 2-D canvas context (already scaled to CSS pixels). */
export class CanvasPainter implements Painter {
  constructor(private readonly g: CanvasRenderingContext2D) {
    g.font = CHART_FONT;
  }
  line(xs: ArrayLike<number>, ys: ArrayLike<number>, colour: string, width: number, dash = false): void {
    const g = this.g;
    g.strokeStyle = colour;
    g.lineWidth = width;
    g.setLineDash(dash ? [4, 3] : []);
    g.beginPath();
    for (let i = 0; i < xs.length; i++) {
      if (i === 0) g.moveTo(xs[i], ys[i]);
      else g.lineTo(xs[i], ys[i]);
    }
    g.stroke();
    g.setLineDash([]);
  }
  rect(x: number, y: number, w: number, h: number, colour: string): void {
    this.g.fillStyle = colour;
    this.g.fillRect(x, y, w, h);
  }
  text(x: number, y: number, s: string, colour: string, align: Align, rotated = false): void {
    const g = this.g;
    g.fillStyle = colour;
    g.textAlign = align;
    if (!rotated) {
      g.fillText(s, x, y);
      return;
    }
    g.save();
    g.translate(x, y);
    g.rotate(-Math.PI / 2);
    g.fillText(s, 0, 0);
    g.restore();
  }
  measure(s: string): number {
    return this.g.measureText(s).width;
  }
  clip(x: number, y: number, w: number, h: number): void {
    this.g.save();
    this.g.beginPath();
    this.g.rect(x, y, w, h);
    this.g.clip();
  }
  unclip(): void {
    this.g.restore();
  }
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const num = (v: number) => String(Math.round(v * 100) / 100);
const ANCHOR: Record<Align, string> = { left: "start", center: "middle", right: "end" };

/** Builds an SVG document; text widths are estimated (6 px a character at 11 px). */
export class SvgPainter implements Painter {
  private readonly parts: string[] = [];
  private clips = 0;
  private open = 0;
  line(xs: ArrayLike<number>, ys: ArrayLike<number>, colour: string, width: number, dash = false): void {
    if (xs.length === 0) return;
    const pts: string[] = [];
    for (let i = 0; i < xs.length; i++) pts.push(`${num(xs[i])},${num(ys[i])}`);
    this.parts.push(
      `<polyline fill="none" stroke="${esc(colour)}" stroke-width="${width}"${dash ? ' stroke-dasharray="4 3"' : ""} points="${pts.join(" ")}"/>`,
    );
  }
  rect(x: number, y: number, w: number, h: number, colour: string): void {
    this.parts.push(`<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" fill="${esc(colour)}"/>`);
  }
  text(x: number, y: number, s: string, colour: string, align: Align, rotated = false): void {
    const turn = rotated ? ` transform="rotate(-90 ${num(x)} ${num(y)})"` : "";
    this.parts.push(
      `<text x="${num(x)}" y="${num(y)}" fill="${esc(colour)}" text-anchor="${ANCHOR[align]}"${turn}>${esc(s)}</text>`,
    );
  }
  measure(s: string): number {
    return s.length * 6;
  }
  clip(x: number, y: number, w: number, h: number): void {
    const id = `clip${++this.clips}`;
    this.parts.push(
      `<clipPath id="${id}"><rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}"/></clipPath><g clip-path="url(#${id})">`,
    );
    this.open++;
  }
  unclip(): void {
    if (this.open === 0) return;
    this.parts.push("</g>");
    this.open--;
  }
  /** The document, `w` by `h` px, on a `background` (white by default; the panel's in the dark theme). */
  document(w: number, h: number, background = "#fff"): string {
    const close = "</g>".repeat(this.open);
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${num(w)}" height="${num(h)}" viewBox="0 0 ${num(w)} ${num(h)}" font-family="system-ui, sans-serif" font-size="11"><rect width="100%" height="100%" fill="${background}"/>${this.parts.join("")}${close}</svg>\n`;
  }
}

/**
 * A painter on `el` sized to its parent (at least `minW` by `minH` px), at the screen's
 * pixel ratio and cleared; with the size drawn in, px.
 */
export function fitCanvas(el: HTMLCanvasElement, minW: number, minH: number): { g: Painter; w: number; h: number } {
  const box = el.parentElement!.getBoundingClientRect();
  const dpr = window.devicePixelRatio || 1;
  const w = Math.max(minW, box.width);
  const h = Math.max(minH, box.height);
  el.width = Math.round(w * dpr);
  el.height = Math.round(h * dpr);
  el.style.width = `${w}px`;
  el.style.height = `${h}px`;
  const ctx = el.getContext("2d")!;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  return { g: new CanvasPainter(ctx), w, h };
}
