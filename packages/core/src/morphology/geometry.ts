/**
 * Geometry of traced cable: frusta between traced points, and the cutting of a traced
 * polyline into compartments of equal path length.
 *
 * Units: lengths, radii and coordinates in um; areas in um2; volumes in um3;
 * resistive loads (the integral of dl / (pi r^2)) in 1/um. A resistive load times the
 * axial resistivity gives a resistance: `R [MOhm] = 0.01 * Ra [ohm cm] * load [1/um]`.
 *
 * The integrals are exact for a radius that varies linearly between traced points,
 * which is also what NEURON computes for pt3d sections (`diam_from_list` in
 * `nrnoc/treeset.cpp`) and what Jaxley computes for SWC cells since 0.11.
 */

import { DendrolabError } from "../errors.js";
import type { CompartmentGeometry } from "./types.js";

/** A traced point: x, y, z and radius, all in um. */
export type TracedPoint = readonly [number, number, number, number];

/**
 * Lateral (membrane) area of a frustum with end radii `r1`, `r2` and height `h`, slant
 * included: `pi (r1 + r2) sqrt(h^2 + (r1 - r2)^2)`, um2.
 *
 * With `h = 0` this is the area of the annulus between the two radii, which is what
 * NEURON adds where the radius jumps at a point.
 *
 * @example frustumLateralArea(1, 1, 2) // 4 pi, a cylinder's 2 pi r h
 */
export function frustumLateralArea(r1: number, r2: number, h: number): number {
  const dr = r1 - r2;
  return Math.PI * (r1 + r2) * Math.sqrt(h * h + dr * dr);
}

/**
 * Resistive load of a frustum, `integral_0^h dl / (pi r(l)^2)` for a radius that goes
 * linearly from `r1` to `r2`: `h / (pi r1 r2)`, 1/um. Zero for `h = 0`; `Infinity` if a
 * radius is zero over a positive height.
 *
 * @example frustumResistiveLoad(1, 2, 3) // 3 / (2 pi)
 */
export function frustumResistiveLoad(r1: number, r2: number, h: number): number {
  if (h <= 0) return 0;
  const rr = r1 * r2;
  return rr > 0 ? h / (Math.PI * rr) : Infinity;
}

/**
 * Volume of a frustum, `pi h (r1^2 + r1 r2 + r2^2) / 3`, um3.
 *
 * @example frustumVolume(1, 1, 2) // 2 pi
 */
export function frustumVolume(r1: number, r2: number, h: number): number {
  return (Math.PI * h * (r1 * r1 + r1 * r2 + r2 * r2)) / 3;
}

/**
 * Lateral area of a cylinder, `2 pi r h`, um2.
 *
 * @example cylinderLateralArea(1, 10) // 20 pi
 */
export function cylinderLateralArea(r: number, h: number): number {
  return 2 * Math.PI * r * h;
}

/**
 * Resistive load of a cylinder, `h / (pi r^2)`, 1/um.
 *
 * @example cylinderResistiveLoad(1, 10) // 10 / pi
 */
export function cylinderResistiveLoad(r: number, h: number): number {
  if (h <= 0) return 0;
  return r > 0 ? h / (Math.PI * r * r) : Infinity;
}

/**
 * Cumulative path length at every traced point (first entry 0), um.
 *
 * @example cumulativePathLength([[0, 0, 0, 1], [3, 4, 0, 1]]) // [0, 5]
 */
export function cumulativePathLength(points: readonly TracedPoint[]): Float64Array {
  const cum = new Float64Array(points.length);
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    cum[i] = cum[i - 1] + Math.hypot(b[0] - a[0], b[1] - a[1], b[2] - a[2]);
  }
  return cum;
}

/**
 * The point (x, y, z, r interpolated linearly) at path length `s` along a polyline,
 * clamped to its ends. `cum` is `cumulativePathLength(points)`.
 *
 * @example pointAtPathLength([[0, 0, 0, 1], [2, 0, 0, 3]], cum, 1) // [1, 0, 0, 2]
 */
export function pointAtPathLength(
  points: readonly TracedPoint[],
  cum: Float64Array,
  s: number,
): [number, number, number, number] {
  const n = points.length;
  if (n === 1 || s <= 0) return [...points[0]] as [number, number, number, number];
  if (s >= cum[n - 1]) return [...points[n - 1]] as [number, number, number, number];
  let lo = 0;
  let hi = n - 1; // cum[lo] <= s < cum[hi]
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] <= s) lo = mid;
    else hi = mid;
  }
  return lerpPoint(points[lo], points[hi], (s - cum[lo]) / (cum[hi] - cum[lo]));
}

function lerpPoint(a: TracedPoint, b: TracedPoint, t: number): [number, number, number, number] {
  return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]), a[2] + t * (b[2] - a[2]), a[3] + t * (b[3] - a[3])];
}

/**
 * Cut a traced polyline into `pieces` polylines of equal path length; cut points are
 * interpolated (radius included) and shared by the neighbouring pieces.
 *
 * @example splitPolyline([[0, 0, 0, 1], [4, 0, 0, 1]], 2) // [[0..2], [2..4]]
 */
export function splitPolyline(points: readonly TracedPoint[], pieces: number): TracedPoint[][] {
  const cum = cumulativePathLength(points);
  const total = cum[points.length - 1];
  const out: TracedPoint[][] = [];
  let j = 1; // next original point to copy
  let start: TracedPoint = points[0];
  for (let k = 1; k <= pieces; k++) {
    const piece: TracedPoint[] = [start];
    const end = k === pieces ? total : (total * k) / pieces;
    // Points at the cut (and radius jumps there) stay with the proximal piece.
    while (j < points.length && (k === pieces || cum[j] <= end)) {
      piece.push(points[j]);
      j++;
    }
    if (k < pieces) {
      if (j >= points.length || cum[j - 1] === end) {
        start = points[j - 1];
      } else {
        start = lerpPoint(points[j - 1], points[j], (end - cum[j - 1]) / (cum[j] - cum[j - 1]));
        piece.push(start);
      }
    }
    out.push(piece);
  }
  return out;
}

/** Integrals over one stretch of cable. */
interface Accumulator {
  area: number;
  load: number;
  radiusIntegral: number; // integral of r dl, um2
}

/**
 * Cut a traced polyline into `ncomp` compartments of equal path length and integrate
 * each over the frusta between traced points, with the radius interpolated linearly at
 * the cuts. Per compartment: path length, length-weighted mean radius, lateral area
 * (slant included), resistive load of the proximal half (`loadInPerUm`) and of the
 * distal half (`loadOutPerUm`), and the point half-way along as the centre.
 *
 * A radius jump at a point where two traced points coincide adds the annulus area to
 * the half-compartment that ends at or after it (as NEURON does). A polyline of zero
 * length gives compartments of zero length, area and load, with the mean radius of its
 * points and the centre at its first point (no NaN). `cum` (cumulative path length at
 * each point, non-decreasing) defaults to `cumulativePathLength(points)`.
 *
 * @example
 * cutPolyline([[0, 0, 0, 1], [10, 0, 0, 1]], 2)
 * // two compartments of length 5, radius 1, area 10 pi, loads 2.5 / pi each
 */
export function cutPolyline(
  points: readonly TracedPoint[],
  ncomp: number,
  cum: Float64Array = cumulativePathLength(points),
): CompartmentGeometry[] {
  if (points.length === 0)
    throw new DendrolabError("cutPolyline needs at least one traced point, got none", "INVALID_ARGUMENT");
  if (!Number.isInteger(ncomp) || ncomp < 1) {
    throw new DendrolabError(`cutPolyline: ncomp must be a positive integer, got ${ncomp}`, "INVALID_ARGUMENT");
  }
  if (cum.length !== points.length) {
    throw new DendrolabError(
      `cutPolyline: ${cum.length} path lengths for ${points.length} points; give one per point`,
      "SHAPE_MISMATCH",
    );
  }
  const n = points.length;
  const total = cum[n - 1];
  const comps: CompartmentGeometry[] = [];
  if (!(total > 0)) return zeroLengthComps(points, ncomp);

  const compLen = total / ncomp;
  let j = 0; // current segment [j, j + 1]
  let pos = 0; // path length reached
  let r = points[0][3]; // radius at pos
  const halves = 2 * ncomp;
  let inHalf: Accumulator | null = null;
  let centre: [number, number, number, number] = [...points[0]] as [number, number, number, number];
  for (let h = 0; h < halves; h++) {
    const acc: Accumulator = { area: 0, load: 0, radiusIntegral: 0 };
    const last = h === halves - 1;
    const end = last ? total : (total * (h + 1)) / halves;
    let endPoint: [number, number, number, number] | null = null;
    while (j < n - 1) {
      const next = points[j + 1];
      if (last || cum[j + 1] <= end) {
        addFrustum(acc, r, next[3], cum[j + 1] - pos);
        pos = cum[j + 1];
        r = next[3];
        j++;
      } else {
        endPoint = lerpPoint(points[j], next, (end - cum[j]) / (cum[j + 1] - cum[j]));
        addFrustum(acc, r, endPoint[3], end - pos);
        pos = end;
        r = endPoint[3];
        break;
      }
    }
    if (endPoint === null) endPoint = [...points[j]] as [number, number, number, number];
    if (h % 2 === 0) {
      inHalf = acc;
      centre = endPoint;
    } else {
      const a = inHalf as Accumulator;
      comps.push({
        lengthUm: compLen,
        radiusUm: (a.radiusIntegral + acc.radiusIntegral) / compLen,
        areaUm2: a.area + acc.area,
        loadInPerUm: a.load,
        loadOutPerUm: acc.load,
        x: centre[0],
        y: centre[1],
        z: centre[2],
      });
    }
  }
  return comps;
}

function addFrustum(acc: Accumulator, r1: number, r2: number, h: number): void {
  const len = h > 0 ? h : 0;
  acc.area += frustumLateralArea(r1, r2, len);
  acc.load += frustumResistiveLoad(r1, r2, len);
  acc.radiusIntegral += 0.5 * (r1 + r2) * len;
}

function zeroLengthComps(points: readonly TracedPoint[], ncomp: number): CompartmentGeometry[] {
  let rSum = 0;
  let annulus = 0;
  for (let i = 0; i < points.length; i++) {
    rSum += points[i][3];
    if (i > 0) annulus += frustumLateralArea(points[i - 1][3], points[i][3], 0);
  }
  const [x, y, z] = points[0];
  return Array.from({ length: ncomp }, (_, k) => ({
    lengthUm: 0,
    radiusUm: rSum / points.length,
    areaUm2: k === 0 ? annulus : 0,
    loadInPerUm: 0,
    loadOutPerUm: 0,
    x,
    y,
    z,
  }));
}

/**
 * Geometry of `ncomp` equal compartments of a cylinder of length `lengthUm` and radius
 * `radiusUm` centred on `centre` (all compartment centres at `centre`); used where a
 * traced branch has no length of its own.
 *
 * @example cylinderComps(0.1, 1, [0, 0, 0], 1)[0].areaUm2 // 0.2 pi
 */
export function cylinderComps(
  lengthUm: number,
  radiusUm: number,
  centre: readonly [number, number, number],
  ncomp: number,
): CompartmentGeometry[] {
  const l = lengthUm / ncomp;
  return Array.from({ length: ncomp }, () => ({
    lengthUm: l,
    radiusUm,
    areaUm2: cylinderLateralArea(radiusUm, l),
    loadInPerUm: cylinderResistiveLoad(radiusUm, l / 2),
    loadOutPerUm: cylinderResistiveLoad(radiusUm, l / 2),
    x: centre[0],
    y: centre[1],
    z: centre[2],
  }));
}
