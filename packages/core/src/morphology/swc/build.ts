/**
 * SWC samples -> `Morphology`: checks and repairs shared by both readings (one tree,
 * units, radii), then the chosen reading's tracing, then compartmentalisation.
 */

import { DendrolabError } from "../../errors.js";
import type { Morphology } from "../types.js";
import { lineError } from "./errors.js";
import { traceJaxley } from "./jaxley-reading.js";
import { traceNeuron } from "./neuron-reading.js";
import type { SwcSample } from "./parse.js";
import { finishSections } from "./sections.js";
import { checkTree, treeOfFirstRoot } from "./tree.js";

/** The ways of turning SWC samples into branches; see README.md. */
const SWC_READINGS = ["jaxley", "neuron"] as const;
export type SwcReading = (typeof SWC_READINGS)[number];

/** Options of {@link buildMorphology}. */
export interface BuildMorphologyOptions {
  /** Compartments per branch (NEURON: `nseg` of every section). A positive integer. */
  ncomp: number;
  /** Cut branches longer than this (um, after `scale`) into equal pieces. */
  maxBranchLen?: number;
  /**
   * Raise every radius below this (um, after `scale`) to it, with a warning. Without it,
   * a zero or negative radius is an error naming its line.
   */
  minRadius?: number;
  /** "jaxley" (default) or "neuron" (NEURON's Import3d sections). */
  reading?: SwcReading;
  /**
   * Multiplies coordinates and radii, e.g. `0.001` for files in nanometres (FlyWire).
   * Default 1: the file is taken to be in um. Nothing is rescaled silently; a median
   * radius above 50 only gives a warning.
   */
  scale?: number;
  /**
   * "jaxley" reading: type changes between these ids start new branches; other ids
   * (e.g. FlyWire's markers 5 and 6) do not. Default `[1, 2, 3, 4]`.
   */
  relevantTypeIds?: readonly number[];
  /** Keep the tree of the first root when there are several (with a warning). */
  allowMultipleRoots?: boolean;
}

/** Median radius (um) above which a warning suggests the file is in nanometres. */
const SUSPICIOUS_MEDIAN_RADIUS_UM = 50;

/**
 * Build a morphology from parsed SWC samples: branches (with parents and attachment
 * points), per-compartment geometry integrated over the traced frusta, and a map from
 * every sample id to its compartment. Lengths in um.
 *
 * Throws an {@link SwcError} for a bad tree or a non-positive radius (without
 * `minRadius`), a `DendrolabError` (code "INVALID_ARGUMENT") for bad options.
 *
 * @example
 * const morph = buildMorphology(parseSwc(text), { ncomp: 4 });
 * morph.branches[0].comps[0].areaUm2;
 */
export function buildMorphology(samples: readonly SwcSample[], options: BuildMorphologyOptions): Morphology {
  const { ncomp, maxBranchLen, minRadius } = options;
  const reading = options.reading ?? "jaxley";
  const scale = options.scale ?? 1;
  checkOptions(options, reading, scale);
  const warnings: string[] = [];

  let tree = checkTree([...samples], options.allowMultipleRoots ?? false);
  if (tree.roots.length > 1) {
    const kept = treeOfFirstRoot(tree);
    const others = tree.roots.slice(1).map((i) => tree.samples[i].line);
    warnings.push(
      `the SWC has ${tree.roots.length} roots; kept the tree of the first (line ` +
        `${tree.samples[tree.roots[0]].line}, ${kept.length} samples) and dropped ` +
        `${tree.samples.length - kept.length} samples of the trees rooted on lines ${others.join(", ")}`,
    );
    tree = checkTree(kept, false);
  }

  const scaled = tree.samples.map((s) => ({ ...s, x: s.x * scale, y: s.y * scale, z: s.z * scale, r: s.r * scale }));
  const median = medianRadius(scaled);
  if (median > SUSPICIOUS_MEDIAN_RADIUS_UM) {
    warnings.push(
      `the median radius is ${round(median)} um, which looks like nanometres; ` +
        `pass scale: 0.001 if the file is in nm (scale is now ${scale})`,
    );
  }
  repairRadii(scaled, minRadius, warnings);
  tree = { ...tree, samples: scaled };

  if (reading === "neuron") {
    const { sections, absorbed } = traceNeuron(scaled);
    return finishSections(sections, { ncomp, maxBranchLen, warnings, absorbed });
  }
  const sections = traceJaxley(tree, options.relevantTypeIds ?? [1, 2, 3, 4]);
  return finishSections(sections, { ncomp, maxBranchLen, warnings });
}

function checkOptions(options: BuildMorphologyOptions, reading: string, scale: number): void {
  const { ncomp, maxBranchLen, minRadius } = options;
  if (!Number.isInteger(ncomp) || ncomp < 1) {
    throw new DendrolabError(
      `SWC options: ncomp must be a positive integer (compartments per branch), got ${ncomp}; pass e.g. { ncomp: 4 }`,
      "INVALID_ARGUMENT",
    );
  }
  if (!(SWC_READINGS as readonly string[]).includes(reading)) {
    throw new DendrolabError(
      `SWC options: reading must be one of ${SWC_READINGS.map((r) => `"${r}"`).join(", ")}, got "${reading}"`,
      "INVALID_ARGUMENT",
    );
  }
  if (!(Number.isFinite(scale) && scale > 0)) {
    throw new DendrolabError(
      `SWC options: scale must be a positive number (e.g. 0.001 for nm -> um), got ${scale}`,
      "INVALID_ARGUMENT",
    );
  }
  if (maxBranchLen !== undefined && !(maxBranchLen > 0)) {
    throw new DendrolabError(
      `SWC options: maxBranchLen must be a positive length in um, got ${maxBranchLen}; omit it to keep branches whole`,
      "INVALID_ARGUMENT",
    );
  }
  if (minRadius !== undefined && !(Number.isFinite(minRadius) && minRadius > 0)) {
    throw new DendrolabError(
      `SWC options: minRadius must be a positive radius in um, got ${minRadius}; omit it to reject radii <= 0`,
      "INVALID_ARGUMENT",
    );
  }
}

/** Without minRadius, a radius <= 0 is an error; with it, radii below are raised. */
function repairRadii(samples: SwcSample[], minRadius: number | undefined, warnings: string[]): void {
  if (minRadius === undefined) {
    const bad = samples.find((s) => !(s.r > 0));
    if (bad) {
      throw lineError(
        bad.line,
        bad.text,
        `radius ${bad.r} is not positive; expected a radius > 0, or pass minRadius (um) to ` +
          "raise small radii to it",
      );
    }
    return;
  }
  const raised = samples.filter((s) => !(s.r >= minRadius));
  for (const s of raised) s.r = minRadius;
  if (raised.length > 0) {
    const lines = raised
      .slice(0, 5)
      .map((s) => s.line)
      .join(", ");
    warnings.push(
      `raised ${raised.length} radii below minRadius ${minRadius} um to ${minRadius} um ` +
        `(lines ${lines}${raised.length > 5 ? ", ..." : ""})`,
    );
  }
}

function medianRadius(samples: SwcSample[]): number {
  const r = samples.map((s) => s.r).sort((a, b) => a - b);
  const m = r.length >> 1;
  return r.length % 2 === 1 ? r[m] : 0.5 * (r[m - 1] + r[m]);
}

function round(x: number): number {
  return Number(x.toPrecision(4));
}
