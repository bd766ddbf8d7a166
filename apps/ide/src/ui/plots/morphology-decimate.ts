/**
 * Drawing very large morphologies in bounded time: compartments of one colour that follow
 * each other along a branch are joined into one polyline, and a point within a pixel of
 * the straight line between its kept neighbours is dropped. A straight run is then two
 * points and a traced one follows its curves to a pixel, instead of three points per
 * compartment (a 100,000-compartment network took 5 s of main thread as 400,000
 * points). Pure (tested in Node).
 */
import type { ModelSummary } from "../../protocol/model.js";

/** From this many compartments on, the morphology is drawn decimated. */
export const DECIMATE_FROM = 20_000;

/** The pixels across the drawing that decimation assumes (a large panel; lines are 2 to 3 pixels wide). */
export const PIXELS_ACROSS = 1500;

/** One polyline trace's coordinates: `null` separates runs; `customdata` is the compartment at each point. */
export interface Polylines {
  x: Array<number | null>;
  y: Array<number | null>;
  z: Array<number | null>;
  customdata: Array<number | null>;
}

/** The size of a pixel in um when the model's largest extent spans {@link PIXELS_ACROSS} pixels. */
export function pixelSize(s: Pick<ModelSummary, "coords">): number {
  const { x, y, z, branchPaths } = s.coords;
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  const add = (p: readonly number[]) => {
    for (let a = 0; a < 3; a++) {
      const v = p[a];
      if (!Number.isFinite(v)) continue;
      if (v < lo[a]) lo[a] = v;
      if (v > hi[a]) hi[a] = v;
    }
  };
  for (let k = 0; k < x.length; k++) add([x[k], y[k], z[k]]);
  for (const path of branchPaths) for (const p of path) add(p);
  let span = 0;
  for (let a = 0; a < 3; a++) if (hi[a] > lo[a]) span = Math.max(span, hi[a] - lo[a]);
  return span > 0 ? span / PIXELS_ACROSS : 0;
}

/** The most points skipped in a row: keeps simplification linear on long straight runs. */
const MAX_SKIPPED = 64;

/** Distance (um) from point i of `r` to the segment a-c, in x-y (or x-y-z). */
function offSegment(r: RunPoints, i: number, a: number, c: number, three: boolean): number {
  const d = [r.x[c] - r.x[a], r.y[c] - r.y[a], three ? r.z[c] - r.z[a] : 0];
  const p = [r.x[i] - r.x[a], r.y[i] - r.y[a], three ? r.z[i] - r.z[a] : 0];
  const dd = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
  const t = dd > 0 ? Math.max(0, Math.min(1, (p[0] * d[0] + p[1] * d[1] + p[2] * d[2]) / dd)) : 0;
  return Math.hypot(p[0] - t * d[0], p[1] - t * d[1], p[2] - t * d[2]);
}

interface RunPoints {
  x: number[];
  y: number[];
  z: number[];
  comp: number[];
}

/**
 * Appends a run to `out`, keeping its first and last point and dropping every point that
 * lies within `pixel` of the straight line between the points kept on either side (so a
 * straight branch is two points, a traced one follows its curves to a pixel).
 */
function appendSimplified(out: Polylines, r: RunPoints, pixel: number, three: boolean): void {
  const n = r.x.length;
  const keep = (i: number) => {
    out.x.push(r.x[i]);
    out.y.push(r.y[i]);
    out.z.push(r.z[i]);
    out.customdata.push(r.comp[i]);
  };
  keep(0);
  let anchor = 0;
  for (let c = 2; c < n; c++) {
    // Can every point between the anchor and c be dropped?
    let fits = c - anchor - 1 <= MAX_SKIPPED;
    for (let i = anchor + 1; fits && i < c; i++) fits = offSegment(r, i, anchor, c, three) < pixel;
    if (!fits) {
      anchor = c - 1;
      keep(anchor);
    }
  }
  if (n > 1) keep(n - 1);
  out.x.push(null);
  out.y.push(null);
  out.z.push(null);
  out.customdata.push(null);
}

/**
 * The compartments in `member` (a mask over compartments) as polylines: for each run of
 * consecutive members along a branch, from half-way to the proximal neighbour (or the
 * branch's start) through the centres to half-way to the distal neighbour (or the
 * branch's end), simplified to `pixel` (um; 0 keeps every point).
 */
export function memberPolylines(
  s: Pick<ModelSummary, "cells" | "coords">,
  member: Uint8Array,
  pixel: number,
  three: boolean,
): Polylines {
  const { x, y, z, branchPaths } = s.coords;
  const out: Polylines = { x: [], y: [], z: [], customdata: [] };
  const run: RunPoints = { x: [], y: [], z: [], comp: [] };
  const add = (px: number, py: number, pz: number, comp: number) => {
    run.x.push(px);
    run.y.push(py);
    run.z.push(pz);
    run.comp.push(comp);
  };
  let k0 = 0;
  let b = 0;
  for (const cell of s.cells) {
    for (const br of cell.branches) {
      const path = branchPaths[b++] ?? [];
      const n = br.ncomp;
      let j = 0;
      while (j < n) {
        if (!member[k0 + j]) {
          j++;
          continue;
        }
        const first = j;
        while (j < n && member[k0 + j]) j++;
        const kf = k0 + first;
        const kl = k0 + j - 1;
        run.x.length = run.y.length = run.z.length = run.comp.length = 0;
        const start = first === 0 ? path[0] : undefined;
        if (start) add(start[0], start[1], start[2], kf);
        else add((x[kf - 1] + x[kf]) / 2, (y[kf - 1] + y[kf]) / 2, (z[kf - 1] + z[kf]) / 2, kf);
        for (let k = kf; k <= kl; k++) add(x[k], y[k], z[k], k);
        const end = j === n ? path[path.length - 1] : undefined;
        if (end) add(end[0], end[1], end[2], kl);
        else add((x[kl] + x[kl + 1]) / 2, (y[kl] + y[kl + 1]) / 2, (z[kl] + z[kl + 1]) / 2, kl);
        appendSimplified(out, run, pixel, three);
      }
      k0 += n;
    }
  }
  return out;
}

/** The smallest and largest finite value, in one loop (no spread into Math.min: there may be millions). */
export function finiteRange(values: readonly number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}
