/**
 * The cells of a model as the export script builds them: one NEURON Section per branch
 * with `nseg` = compartments, cylinders (per-segment `diam`, section `L`) or traced
 * points (`pt3d`), `Ra`, per-segment `cm`, `v` and mechanisms with their values.
 */
import type { Mechanism } from "../mechanisms/define.js";
import type { ModelData } from "../model/data.js";
import { exportError } from "./errors.js";
import type { WrittenMechanism } from "./nmodl-write.js";

/** A mechanism inserted in a section, with per-segment values. */
export interface SectionMechanism {
  suffix: string;
  /** NMODL name -> one value per segment (`present` is 0 where the mechanism is absent). */
  values: Record<string, number[]>;
  /** Ion variables (`ek`, `cai`) -> one value per segment, set after `finitialize`. */
  ions: Record<string, number[]>;
}

/** One branch as a NEURON Section. */
export interface SectionDescription {
  /** Parent section (branch index in the cell), -1 for the root. */
  parent: number;
  /** Where on the parent it attaches (0, 1, or a segment centre). */
  parentX: number;
  nseg: number;
  /** Cylinder length (um) when `pt3d` is absent. */
  L?: number;
  /** Per-segment diameters (um) when `pt3d` is absent. */
  diam?: number[];
  /** Traced points x, y, z, diameter (um) of a traced branch. */
  pt3d?: number[][];
  /** ohm cm. */
  Ra: number;
  /** uF/cm2 per segment. */
  cm: number[];
  /** Initial voltage per segment, mV. */
  v: number[];
  mechanisms: SectionMechanism[];
}

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));

/** Describes every cell's sections, or throws naming the cell and branch NEURON cannot take. */
export function describeCells(d: ModelData, written: Map<string, WrittenMechanism>): SectionDescription[][] {
  const t = d.topo;
  const col = (k: string) => d.column(k) ?? new Float64Array(d.nComp).fill(NaN);
  const [length, radius, ra, cm, v, area] = ["length", "radius", "axial_resistivity", "capacitance", "v", "area"].map(
    col,
  );
  return d.cells.map((cell, c) => {
    const b0 = t.cellFirstBranch[c];
    return cell.ncomp.map((n, bl) => {
      const first = t.branchFirstComp[b0 + bl];
      const comps = Array.from({ length: n }, (_, k) => first + k);
      const where = `cell ${c}, branch ${bl}`;
      const traced = comps.filter((k) => Number.isFinite(area[k])).length;
      if (traced !== 0 && traced !== n)
        throw exportError(
          `${where} mixes traced compartments with cylinders (a radius or length set on part of a traced branch); ` +
            "NEURON takes either pt3d points or diameters per section: set the radius of the whole branch",
        );
      if (!comps.every((k) => same(ra[k], ra[first])))
        throw exportError(
          `${where}: axial_resistivity differs between its compartments; NEURON has one Ra per section`,
        );
      const parentX = cell.parentX[bl] ?? 1;
      const pn = cell.parents[bl] >= 0 ? cell.ncomp[cell.parents[bl]] : 1;
      const s: SectionDescription = {
        parent: cell.parents[bl],
        // An interior attachment joins the compartment holding x: its centre, as NEURON's node.
        parentX: parentX <= 0 || parentX >= 1 ? parentX : (Math.min(Math.floor(parentX * pn), pn - 1) + 0.5) / pn,
        nseg: n,
        Ra: ra[first],
        cm: comps.map((k) => cm[k]),
        v: comps.map((k) => v[k]),
        mechanisms: [],
      };
      if (traced === n) {
        const pts = cell.points?.[bl];
        if (!pts || pts.length < 2) throw exportError(`${where} has traced areas but no traced points`);
        s.pt3d = pts.map((p) => [p[0], p[1], p[2], 2 * p[3]]);
      } else {
        if (!comps.every((k) => same(length[k], length[first])))
          throw exportError(
            `${where}: its compartments have different lengths; NEURON's segments of a section are equal (give the branch one length)`,
          );
        s.L = length[first] * n;
        s.diam = comps.map((k) => 2 * radius[k]);
      }
      for (const m of d.channels) {
        const mask = d.channelMask.get(m.name);
        if (!mask || !comps.some((k) => mask[k])) continue;
        if (written.get(m.name)!.asIs && !comps.every((k) => mask[k]))
          throw exportError(
            `${where}: the imported mechanism ${m.name} is in some of its compartments only; NEURON inserts a ` +
              "mechanism into a whole section, and the .mod file is exported as it is: insert it into the whole branch",
          );
        s.mechanisms.push(sectionMechanism(d, m, written.get(m.name)!, comps, mask));
      }
      return s;
    });
  });
}

function sectionMechanism(
  d: ModelData,
  m: Mechanism,
  w: WrittenMechanism,
  comps: number[],
  mask: Uint8Array,
): SectionMechanism {
  const values: Record<string, number[]> = w.asIs ? {} : { present: comps.map((k) => (mask[k] ? 1 : 0)) };
  const defaults = { ...m.paramDefaults(), ...m.stateDefaults() };
  for (const [key, name] of [...Object.entries(w.params), ...Object.entries(w.states)]) {
    const c = d.column(key);
    values[name] = comps.map((k) => (mask[k] && c && Number.isFinite(c[k]) ? c[k] : defaults[key]));
  }
  const ions: Record<string, number[]> = {};
  const ionDefaults = m.compiled.ionColumnDefaults;
  for (const name of w.ionValues) {
    const c = d.column(name);
    const dflt = ionDefaults[m.compiled.ionColumnKeys.indexOf(name)];
    ions[name] = comps.map((k) => (c && Number.isFinite(c[k]) ? c[k] : dflt));
  }
  return { suffix: w.suffix, values, ions };
}
