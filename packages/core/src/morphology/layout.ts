/**
 * Coordinates for cells built from scratch (no traced points): a 2-D tree layout that
 * fans children out from their parent's attachment point, like Jaxley's `compute_xyz`.
 * Traced cells (SWC) keep their own points. A network's cells are laid side by side.
 * All coordinates are in um; z is 0 for laid-out cells.
 */
import { type CellTopology, indexTopology } from "../model/data.js";

/** A point (x, y, z), um. */
export type Point3 = [number, number, number];

/** Compartment centres and a drawable path per branch. */
export interface MorphologyLayout {
  /** Per global compartment, um. */
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
  /** Per global branch: from its attachment point through its compartment centres to its tip. */
  branchPaths: Point3[][];
}

/** Options of {@link computeXyz}. */
export interface LayoutOptions {
  /** Compartment lengths (um) per global compartment; default 10 um each. */
  lengthUm?: ArrayLike<number>;
  /** Total angle (degrees) over which a branch's children fan out; default 90. */
  fanDegrees?: number;
  /** Gap between cells, um; default: a fifth of the tallest cell, at least 10 um. */
  cellGapUm?: number;
  /** Cells per row; default: all of them up to 6 cells, else about the square root of the count. */
  cellsPerRow?: number;
}

/**
 * Lays out every cell: the root branch points up (+y) from the origin, children start at
 * their attachment point (`parentX` along the parent) and fan out over `fanDegrees`; an
 * only child bends by 20 degrees so it stays distinguishable. Cells with traced points
 * for every branch use those instead. Cells are then placed left to right, in rows of
 * `cellsPerRow` (a grid for large networks).
 *
 * @example
 * const { x, y } = computeXyz(network.base.cells); // one (x, y) per compartment, um
 */
export function computeXyz(cells: readonly CellTopology[], options: LayoutOptions = {}): MorphologyLayout {
  const topo = indexTopology(cells);
  const lengthOf = (k: number) => {
    const l = options.lengthUm?.[k];
    return l !== undefined && Number.isFinite(l) && l > 0 ? l : 10;
  };
  const fan = ((options.fanDegrees ?? 90) * Math.PI) / 180;
  const x = new Float64Array(topo.nComp);
  const y = new Float64Array(topo.nComp);
  const z = new Float64Array(topo.nComp);
  const branchPaths: Point3[][] = new Array(topo.nBranch);
  const boxes: Array<{ minX: number; maxX: number; minY: number; maxY: number }> = [];

  cells.forEach((cell, ci) => {
    const firstBranch = topo.cellFirstBranch[ci];
    const firstComp = (b: number) => topo.branchFirstComp[firstBranch + b];
    const compLengths = (b: number) => Array.from({ length: cell.ncomp[b] }, (_, j) => lengthOf(firstComp(b) + j));
    const traced = cell.points && cell.points.length === cell.ncomp.length && cell.points.every((p) => p.length > 0);
    const paths = traced
      ? cell.points!.map((pts, b) => tracedPath(pts, compLengths(b)))
      : fannedPaths(cell, compLengths, fan);
    paths.forEach(({ centres, path }, b) => {
      branchPaths[firstBranch + b] = path;
      centres.forEach((p, j) => {
        const k = firstComp(b) + j;
        [x[k], y[k], z[k]] = p;
      });
    });
    boxes.push(boundingBox(paths));
  });

  if (cells.length > 1) {
    let tallest = 0;
    for (const b of boxes) tallest = Math.max(tallest, b.maxY - b.minY);
    const gap = options.cellGapUm ?? Math.max(10, tallest / 5);
    const perRow = Math.max(
      1,
      Math.round(options.cellsPerRow ?? (cells.length <= 6 ? cells.length : Math.ceil(Math.sqrt(cells.length)))),
    );
    let cursor = 0;
    cells.forEach((_, ci) => {
      if (ci % perRow === 0) cursor = 0;
      const row = Math.floor(ci / perRow);
      const dx = cursor - boxes[ci].minX;
      const dy = -row * (tallest + gap);
      cursor += boxes[ci].maxX - boxes[ci].minX + gap;
      const b0 = topo.cellFirstBranch[ci];
      const nb = cells[ci].ncomp.length;
      for (let b = b0; b < b0 + nb; b++) {
        for (const p of branchPaths[b]) {
          p[0] += dx;
          p[1] += dy;
        }
      }
      const k0 = topo.cellFirstComp[ci];
      const nk = cells[ci].ncomp.reduce((s, n) => s + n, 0);
      for (let k = k0; k < k0 + nk; k++) {
        x[k] += dx;
        y[k] += dy;
      }
    });
  }
  return { x, y, z, branchPaths };
}

interface BranchGeometry {
  centres: Point3[];
  path: Point3[];
}

/** The x-y extent of a cell's paths, in one loop (no spread into Math.min: cells may have millions of points). */
function boundingBox(paths: readonly BranchGeometry[]): { minX: number; maxX: number; minY: number; maxY: number } {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const { path } of paths) {
    for (const p of path) {
      if (p[0] < minX) minX = p[0];
      if (p[0] > maxX) maxX = p[0];
      if (p[1] < minY) minY = p[1];
      if (p[1] > maxY) maxY = p[1];
    }
  }
  return { minX, maxX, minY, maxY };
}

/**
 * Branches as straight segments fanned out from their parents. A loop over an explicit
 * stack, not recursion: a chain of a million branches is as deep as it is long.
 */
function fannedPaths(cell: CellTopology, compLengths: (b: number) => number[], fan: number): BranchGeometry[] {
  const nb = cell.parents.length;
  const children: number[][] = Array.from({ length: nb }, () => []);
  for (let b = 0; b < nb; b++) if (cell.parents[b] >= 0) children[cell.parents[b]].push(b);
  const out: BranchGeometry[] = new Array(nb);
  const stack: Array<{ b: number; start: Point3; theta: number }> = [];
  for (let b = nb - 1; b >= 0; b--) if (cell.parents[b] < 0) stack.push({ b, start: [0, 0, 0], theta: Math.PI / 2 });
  while (stack.length > 0) {
    const { b, start, theta } = stack.pop()!;
    const lengths = compLengths(b);
    let total = 0;
    for (const l of lengths) total += l;
    const dir: Point3 = [Math.cos(theta), Math.sin(theta), 0];
    const at = (s: number): Point3 => [start[0] + dir[0] * s, start[1] + dir[1] * s, 0];
    const centres: Point3[] = [];
    let s = 0;
    for (const l of lengths) {
      centres.push(at(s + l / 2));
      s += l;
    }
    out[b] = { centres, path: [at(0), ...centres, at(total)] };
    const kids = children[b];
    for (let j = kids.length - 1; j >= 0; j--) {
      const c = kids[j];
      const offset = kids.length === 1 ? -Math.PI / 9 : fan * (j / (kids.length - 1) - 0.5);
      stack.push({ b: c, start: at(total * clamp01(cell.parentX[c])), theta: theta + offset });
    }
  }
  return out;
}

/** Compartment centres placed by arc length along a traced polyline. */
function tracedPath(
  points: ReadonlyArray<readonly [number, number, number, number]>,
  lengths: number[],
): BranchGeometry {
  const pts: Point3[] = points.map((p) => [p[0], p[1], p[2]]);
  const cum = [0];
  for (let i = 1; i < pts.length; i++)
    cum.push(cum[i - 1] + Math.hypot(pts[i][0] - pts[i - 1][0], pts[i][1] - pts[i - 1][1], pts[i][2] - pts[i - 1][2]));
  const total = cum[cum.length - 1];
  const n = lengths.length;
  const centres: Point3[] = [];
  // Centres are at increasing arc length: one pass over the points for all of them.
  let i = 1;
  for (let j = 0; j < n; j++) {
    const s = (total * (j + 0.5)) / n;
    if (pts.length === 1) {
      centres.push([...pts[0]] as Point3);
      continue;
    }
    while (i < cum.length - 1 && cum[i] < s) i++;
    centres.push(interpolate(pts, cum, i, s));
  }
  return { centres, path: pts.map((p) => [p[0], p[1], p[2]] as Point3) };
}

/** The point at arc length `s` on segment i-1 .. i. */
function interpolate(pts: Point3[], cum: number[], i: number, s: number): Point3 {
  const seg = cum[i] - cum[i - 1];
  const f = seg > 0 ? (s - cum[i - 1]) / seg : 0;
  return [0, 1, 2].map((a) => pts[i - 1][a] + f * (pts[i][a] - pts[i - 1][a])) as Point3;
}

function clamp01(v: number): number {
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 1;
}
