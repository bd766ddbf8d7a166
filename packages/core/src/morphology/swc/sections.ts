/**
 * Traced sections -> `Morphology`: the step both readings share. Long sections are cut
 * into equal pieces (`maxBranchLen`), each piece into `ncomp` compartments of equal
 * path length, and every SWC sample is mapped to the compartment that contains it.
 */

import { cumulativePathLength, cutPolyline, cylinderComps, splitPolyline, type TracedPoint } from "../geometry.js";
import type { CompartmentGeometry, Morphology, MorphologyBranch } from "../types.js";
import { lineError } from "./errors.js";

/** Length (um) given to a traced section of zero length, as Jaxley does. */
const ZERO_LENGTH_UM = 0.1;

/** An unbranched stretch of traced points, before compartmentalisation. */
export interface TracedSection {
  /** Index of the parent section (earlier in the list), -1 for the root. */
  parent: number;
  /** Where on the parent it attaches, in [0, 1]. */
  parentX: number;
  typeId: number;
  /** Traced points from proximal to distal (um, after scaling). */
  points: TracedPoint[];
  /**
   * SWC samples on this section, with their path length `s` (um) on it. A sample listed
   * by several sections goes to the one with the lowest `priority` (default 0; e.g. 1 for
   * a branch point that belongs to the parent, 2 for a sample of another type or left
   * out of the traced points), the first listed among equals.
   */
  samples: Array<{ id: number; s: number; priority?: number }>;
  /** Path length at each point, if the reading computes it its own way (NEURON's arc). */
  arc?: Float64Array;
  /** NEURON-style section name, if the reading has one. */
  name?: string;
  /** A line of the file for error messages about this section. */
  line: number;
  text: string;
}

/** Most pieces `maxBranchLen` may cut one section into (guards against absurd lengths). */
const MAX_PIECES = 10_000;

/** A sample that lies on no section (e.g. in a section NEURON removes): where it goes. */
export interface AbsorbedSample {
  id: number;
  section: number;
  x: number;
}

export interface FinishOptions {
  ncomp: number;
  maxBranchLen?: number;
  warnings: string[];
  absorbed?: AbsorbedSample[];
}

/**
 * Compartmentalise traced sections into a `Morphology`. Parents must precede children.
 *
 * @example finishSections([{ parent: -1, parentX: 1, typeId: 1, points, samples, line: 1, text: "" }], { ncomp: 2, warnings: [] })
 */
export function finishSections(sections: TracedSection[], options: FinishOptions): Morphology {
  const { ncomp, maxBranchLen, warnings } = options;
  const branches: MorphologyBranch[] = [];
  const sampleToComp = new Map<number, { branch: number; comp: number }>();
  const firstPiece = new Int32Array(sections.length);
  const pieceCount = new Int32Array(sections.length);
  const sectionLength = new Float64Array(sections.length);

  for (let si = 0; si < sections.length; si++) {
    const sec = sections[si];
    const cum = sec.arc ?? cumulativePathLength(sec.points);
    const length = cum[cum.length - 1];
    sectionLength[si] = length >= 1e-8 ? length : 0;
    let pieces: TracedPoint[][];
    let comps: CompartmentGeometry[][];
    if (!(length >= 1e-8)) {
      warnings.push(
        `section ${si}${sec.name ? ` (${sec.name})` : ""} starting at SWC line ${sec.line} has ` +
          `zero length; it is treated as a cylinder of ${ZERO_LENGTH_UM} um, as Jaxley does`,
      );
      const rMean = sec.points.reduce((a, p) => a + p[3], 0) / sec.points.length;
      const [x, y, z] = sec.points[0];
      pieces = [sec.points];
      comps = [cylinderComps(ZERO_LENGTH_UM, rMean, [x, y, z], ncomp)];
    } else {
      const k = maxBranchLen ? Math.max(1, Math.ceil(length / maxBranchLen - 1e-9)) : 1;
      if (k > MAX_PIECES) {
        throw lineError(
          sec.line,
          sec.text,
          `the section starting here is ${length.toPrecision(4)} um long, and maxBranchLen ` +
            `${maxBranchLen} um would cut it into ${k} pieces; expected at most ${MAX_PIECES} ` +
            "(check the coordinates and the scale option)",
        );
      }
      pieces = k === 1 ? [sec.points] : splitPolyline(sec.points, k);
      comps = k === 1 ? [cutPolyline(sec.points, ncomp, cum)] : pieces.map((p) => cutPolyline(p, ncomp));
    }
    firstPiece[si] = branches.length;
    pieceCount[si] = pieces.length;
    for (let k = 0; k < pieces.length; k++) {
      let parent = -1;
      let parentX = 1;
      if (k > 0) {
        parent = branches.length - 1;
      } else if (sec.parent >= 0) {
        [parent, parentX] = pieceAt(firstPiece[sec.parent], pieceCount[sec.parent], sec.parentX);
      }
      checkFinite(comps[k], sec);
      const branch: MorphologyBranch = {
        parent,
        parentX,
        typeId: sec.typeId,
        comps: comps[k],
        points: pieces[k].map((p) => [p[0], p[1], p[2], p[3]] as [number, number, number, number]),
      };
      if (sec.name !== undefined) branch.name = pieces.length > 1 ? `${sec.name}.${k}` : sec.name;
      branches.push(branch);
    }
  }
  for (const priority of [0, 1, 2]) {
    for (let si = 0; si < sections.length; si++) {
      const total = pieceCount[si] * ncomp;
      const length = sectionLength[si];
      for (const { id, s, priority: p } of sections[si].samples) {
        if ((p ?? 0) !== priority || sampleToComp.has(id)) continue;
        const c = length > 0 ? Math.min(Math.max(Math.floor((s / length) * total), 0), total - 1) : 0;
        sampleToComp.set(id, { branch: firstPiece[si] + Math.floor(c / ncomp), comp: c % ncomp });
      }
    }
  }
  for (const a of options.absorbed ?? []) {
    if (sampleToComp.has(a.id)) continue;
    const total = pieceCount[a.section] * ncomp;
    const c = Math.min(Math.floor(a.x * total), total - 1);
    sampleToComp.set(a.id, { branch: firstPiece[a.section] + Math.floor(c / ncomp), comp: c % ncomp });
  }
  return { branches, sampleToComp, warnings };
}

/** The piece of a cut section that contains `x` of the section, and `x` on that piece. */
function pieceAt(first: number, count: number, x: number): [number, number] {
  if (x >= 1) return [first + count - 1, 1];
  if (x <= 0) return [first, 0];
  const t = x * count;
  const k = Math.ceil(t) - 1; // a cut point goes to the end of the proximal piece
  return [first + k, t - k];
}

function checkFinite(comps: CompartmentGeometry[], sec: TracedSection): void {
  for (const c of comps) {
    const values = [c.lengthUm, c.radiusUm, c.areaUm2, c.loadInPerUm, c.loadOutPerUm, c.x, c.y, c.z];
    if (!values.every(Number.isFinite)) {
      throw lineError(
        sec.line,
        sec.text,
        "the section starting here has a non-finite geometry (length, radius, area or axial " +
          "load); expected coordinates and radii of moderate size (check the scale option)",
      );
    }
  }
}
