/**
 * readSwc: a Cell from SWC text, with traced geometry, coordinates and SWC-type groups.
 */
import { DendrolabError } from "../errors.js";
import { BASE_NODE_DEFAULTS, ModelData } from "../model/data.js";
import { buildMorphology, type BuildMorphologyOptions, parseSwc } from "../morphology/swc/index.js";
import type { Morphology } from "../morphology/types.js";
import { Cell } from "./modules.js";

/** Options of readSwc. */
export interface ReadSwcOptions extends BuildMorphologyOptions {
  /** Create groups soma, axon, basal, apical (SWC types 1 to 4), undefined (0), custom<N>. Default true. */
  assignGroups?: boolean;
  /** Accept several roots (keeps the first tree, with a warning). */
  allowMultipleRoots?: boolean;
}

/** Group name of an SWC type id (Jaxley's names). */
function swcGroupName(typeId: number): string {
  return ["undefined", "soma", "axon", "basal", "apical"][typeId] ?? `custom${typeId}`;
}

/** A Cell read from SWC, with the map from sample id to compartment and the reader's warnings. */
export interface SwcCell extends Cell {
  /** SWC sample id -> global compartment index. */
  readonly sampleToComp: ReadonlyMap<number, number>;
  readonly warnings: readonly string[];
  /**
   * NEURON's section name of every branch, in branch order, under `reading: "neuron"`
   * (`soma[0]`, `axon[3]`, `dend[12]`, `apic[5]`; pieces cut by `maxBranchLen` are
   * `dend[3].0`, `dend[3].1`); empty under the default reading.
   *
   * @example cell.branch(cell.sectionNames.indexOf("apic[13]")).loc(0.375).record();
   */
  readonly sectionNames: readonly string[];
}

/**
 * Reads SWC text into a Cell: branches split at branch points and type changes, each cut
 * into `ncomp` compartments of equal path length, with frustum areas and axial
 * resistances, compartment centres `x, y, z`, and groups per SWC type.
 *
 * @example
 * const cell = readSwc(text, { ncomp: 4 });
 * cell.group("soma").insert(new HH());
 * cell.group("apical").set("radius", 0.5);
 */
export function readSwc(text: string, options: ReadSwcOptions): SwcCell {
  if (typeof text !== "string")
    throw new DendrolabError(`readSwc takes the text of an SWC file; got ${typeof text}.`, "INVALID_ARGUMENT");
  if (options == null || typeof options !== "object")
    throw new DendrolabError(
      `readSwc needs options, e.g. readSwc(text, { ncomp: 4 }); got ${options === null ? "null" : typeof options}.`,
      "MISSING_INPUT",
    );
  const samples = parseSwc(text, { allowMultipleRoots: options.allowMultipleRoots });
  const morph = buildMorphology(samples, options);
  const data = morphologyData(morph, options.assignGroups ?? true);
  const cell = Cell.fromData(data) as SwcCell;
  const firstComp: number[] = [];
  let k = 0;
  for (const b of morph.branches) {
    firstComp.push(k);
    k += b.comps.length;
  }
  const map = new Map<number, number>();
  for (const [id, at] of morph.sampleToComp) map.set(id, firstComp[at.branch] + at.comp);
  Object.defineProperty(cell, "sampleToComp", { value: map, enumerable: false });
  Object.defineProperty(cell, "warnings", { value: morph.warnings.slice(), enumerable: false });
  const names = morph.branches.every((b) => b.name !== undefined) ? morph.branches.map((b) => b.name!) : [];
  Object.defineProperty(cell, "sectionNames", { value: Object.freeze(names), enumerable: false });
  return cell;
}

/** The description of a one-cell morphology. */
function morphologyData(morph: Morphology, assignGroups: boolean): ModelData {
  const branches = morph.branches;
  const data = new ModelData([
    {
      parents: branches.map((b) => b.parent),
      parentX: branches.map((b) => b.parentX ?? 1),
      ncomp: branches.map((b) => b.comps.length),
      points: branches.map((b) => b.points.map((p) => [p[0], p[1], p[2], p[3]] as [number, number, number, number])),
    },
  ]);
  for (const [key, v] of Object.entries(BASE_NODE_DEFAULTS)) data.ensureColumn(key, v);
  const cols = {
    length: data.ensureColumn("length"),
    radius: data.ensureColumn("radius"),
    area: data.ensureColumn("area"),
    resistive_load_in: data.ensureColumn("resistive_load_in"),
    resistive_load_out: data.ensureColumn("resistive_load_out"),
    x: data.ensureColumn("x"),
    y: data.ensureColumn("y"),
    z: data.ensureColumn("z"),
  };
  let k = 0;
  for (const b of branches) {
    const group = assignGroups ? swcGroupName(b.typeId) : undefined;
    let mask = group ? data.groups.get(group) : undefined;
    if (group && !mask) {
      mask = new Uint8Array(data.nComp);
      data.groups.set(group, mask);
    }
    for (const c of b.comps) {
      cols.length[k] = c.lengthUm;
      cols.radius[k] = c.radiusUm;
      cols.area[k] = c.areaUm2;
      cols.resistive_load_in[k] = c.loadInPerUm;
      cols.resistive_load_out[k] = c.loadOutPerUm;
      cols.x[k] = c.x;
      cols.y[k] = c.y;
      cols.z[k] = c.z;
      if (mask) mask[k] = 1;
      k++;
    }
  }
  return data;
}
