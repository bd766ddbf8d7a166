/**
 * The "neuron" reading of an SWC tree: the sections NEURON's Import3d makes
 * (`Import3d_SWC_read.input` in `read_swc.hoc`, then `Import3d_GUI.instantiate` with
 * `chk_valid` and `sphere_rep` in `import3d_gui.hoc`; NEURON 8.2). Rules carry over,
 * not code; see README.md.
 */

import type { TracedPoint } from "../geometry.js";
import { lineError } from "./errors.js";
import type { SwcSample } from "./parse.js";
import type { AbsorbedSample, TracedSection } from "./sections.js";

/** One Import3d section before instantiation: raw point indices, diameters, flags. */
interface I3dSection {
  /** Index (in id order) of the section's first own point. */
  id: number;
  /** Point indices; for non-root sections index 0 is the parent point. */
  pts: number[];
  /** Diameters of `pts` (the first may be replaced by the second's). */
  d: number[];
  type: number;
  parent: I3dSection | null;
  parentx: number;
  /** 1: the first point (the parent's) is a "wire" and not part of the 3-D shape. */
  first: number;
  /** Points (in id order) that belong to this section. */
  own: number[];
}

/**
 * Trace a single SWC tree into NEURON's Import3d sections, with NEURON's names
 * (`soma[0]`, `dend[2]`, ...). Samples must have parent id < id, as Import3d requires.
 * Returns the sections (root first, parents before children) and the samples that lie
 * in sections NEURON removes.
 *
 * @example traceNeuron(samples).sections.map((s) => s.name) // ["soma[0]", "dend[0]", ...]
 */
export function traceNeuron(input: SwcSample[]): { sections: TracedSection[]; absorbed: AbsorbedSample[] } {
  for (const s of input) {
    if (s.parent >= s.id) {
      throw lineError(
        s.line,
        s.text,
        `parent ${s.parent} is not less than id ${s.id}; NEURON's Import3d requires every ` +
          'parent id to be smaller than its child\'s (use reading "jaxley" for this file)',
      );
    }
  }
  // Import3d_SWC_read parses every line with hoc's sscanf("%f ..."), which reads 32-bit
  // floats: coordinates and radii are float32 from the start (then doubled, printed with
  // %.8g and stored as float32 again by pt3dadd; see pt3dValue).
  const smp = [...input].sort((a, b) => a.id - b.id).map(sscanfFloats);
  const n = smp.length;
  const T = smp.map((s) => s.type);
  const D = smp.map((s) => 2 * s.r);
  const indexOf = new Map(smp.map((s, i) => [s.id, i]));
  const P = smp.map((s) => (s.parent < 0 ? -1 : (indexOf.get(s.parent) as number)));

  // mark_branch: nchild counts children; +0.01 for a non-contiguous child or a type change
  // forces a section end. connect2prox: attach at the parent section's proximal end.
  const nchild = new Float64Array(n);
  const connect2prox = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = P[i];
    if (p < 0) continue;
    nchild[p] += 1;
    if (p !== i - 1) {
      nchild[p] += 0.01;
      if (p > 1) {
        if (T[p] !== 1 && T[P[p]] === 1) {
          connect2prox[i] = 1;
          nchild[p] = 1;
        }
      } else if (p === 0 && T[0] !== 1) {
        connect2prox[i] = 1;
        nchild[0] = 1;
      }
    }
    if (T[p] !== T[i]) nchild[p] += 0.01;
  }

  // sectionify
  const nchildSoma = new Float64Array(n);
  let nsoma = T[0] === 1 ? 1 : 0;
  for (let i = 1; i < n; i++) {
    if (T[i] !== 1) continue;
    nsoma++;
    if (P[i] >= 0 && T[P[i]] === 1) nchildSoma[P[i]] += 1;
  }
  const soma3geom = nsoma === 3 && neuromorpho3PointSoma(smp, P, D, nchild);
  if (soma3geom) P[2] = 1;
  for (let i = 0; i < n - 1; i++) {
    if (T[i] === 1 && T[i + 1] === 1 && P[i + 1] === i && !(i !== 0 && nchildSoma[i] > 1)) nchild[i] = 1;
  }
  const sec2point: number[] = [];
  for (let i = 0; i < n; i++) if (nchild[i] !== 1) sec2point.push(i);
  const point2sec = new Int32Array(n);
  for (let i = 1, si = 0; i < n; i++) {
    if (i > sec2point[si]) si++;
    point2sec[i] = si;
  }

  // mksections
  const secs: I3dSection[] = [];
  const mksection = (isec: number, first: number, end: number) => {
    // The root section holds its own points (only the first with a 3-point soma); every
    // other section starts at its parent point.
    const pix = P[first];
    const psec = isec === 0 ? null : secs[point2sec[pix]];
    const pts = psec === null ? range(first, soma3geom ? 1 : end) : [pix, ...range(first, end)];
    const sec: I3dSection = {
      id: first,
      pts,
      d: pts.map((k) => D[k]),
      type: T[first],
      parent: psec,
      parentx: 1,
      first: 0,
      own: range(first, end),
    };
    if (psec !== null) {
      const denConSoma = psec.type === 1 && T[first] !== 1;
      const nOwn = end - first;
      let handled = false;
      if (psec === secs[0]) {
        handled = true;
        if (denConSoma && psec.d.length === 1) {
          sec.parentx = 0.5; // single-point soma: a wire to its middle
          if (nOwn > 1) sec.first = 1;
        } else if (pix === psec.id) {
          sec.parentx = 0; // the first point of the root
          if (T[first] !== 1 && nchildSoma[pix] > 1) sec.first = 1;
        } else {
          handled = false;
        }
      }
      if (!handled && psec.type === 1) {
        const offset = psec.id === 0 ? -1 : -2;
        if (pix < psec.id + psec.d.length + offset) {
          sec.parentx = 0.5; // interior of a soma section
          if (denConSoma && nOwn > 1) sec.first = 1;
        } else if (nOwn > 1 && nchildSoma[pix] > 1 && T[first] !== 1) {
          sec.first = 1;
        }
      }
    }
    if (sec.parent && sec.parent.type === 1 && sec.type !== 1) sec.d[0] = sec.d[1];
    if (connect2prox[first] && sec.parent) sec.parentx = 0;
    secs.push(sec);
  };
  let isec = 0;
  let first = 0;
  for (let i = 0; i < n; i++) {
    if (point2sec[i] > isec) {
      mksection(isec, first, i);
      isec++;
      first = i;
    }
  }
  mksection(isec, first, n);

  return instantiate(secs, smp);
}

/** NeuroMorpho.org's 3-point soma (middle point root, L = diam): a sphere. */
function neuromorpho3PointSoma(smp: SwcSample[], P: number[], D: number[], nchild: Float64Array): boolean {
  if (!(P[1] === 0 && P[2] === 0 && nchild[1] === 0 && nchild[2] === 0)) return false;
  if (!(D[1] === D[0] && D[2] === D[0])) return false;
  let len = 0;
  for (const i of [1, 2]) len += Math.hypot(smp[i].x - smp[0].x, smp[i].y - smp[0].y, smp[i].z - smp[0].z);
  return Math.abs(len / D[0] - 1) < 0.01;
}

/** chk_valid (drop 1-point and 0-length 2-point sections), names, sphere_rep, pt3d. */
function instantiate(secs: I3dSection[], smp: SwcSample[]): { sections: TracedSection[]; absorbed: AbsorbedSample[] } {
  const removed: Array<{ sec: I3dSection; parent: I3dSection; parentx: number }> = [];
  for (let i = secs.length - 1; i >= 0; i--) {
    const sec = secs[i];
    if (!sec.parent) continue;
    const npts = sec.pts.length - sec.first;
    const a = smp[sec.pts[sec.first]];
    const b = npts > 1 ? smp[sec.pts[sec.first + 1]] : a;
    if (npts <= 1 || (npts <= 2 && a.x === b.x && a.y === b.y && a.z === b.z)) {
      secs.splice(i, 1);
      for (let j = i; j < secs.length; j++) {
        if (secs[j].parent === sec) {
          secs[j].parent = sec.parent;
          secs[j].parentx = sec.parentx;
        }
      }
      removed.push({ sec, parent: sec.parent, parentx: sec.parentx });
    }
  }
  const indexOfSec = new Map(secs.map((s, i) => [s, i]));
  const counters = new Map<number, number>();
  const sections: TracedSection[] = secs.map((sec) => {
    const k = counters.get(sec.type) ?? 0;
    counters.set(sec.type, k + 1);
    let pt3d: Array<[number, number, number, number]> = sec.pts.slice(sec.first).map((p, j) => {
      const s = smp[p];
      return [s.x, s.y, s.z, sec.d[j + sec.first]];
    });
    let at = (j: number) => j + (sec.parent ? 1 : 0) - sec.first; // own point -> pt3d index
    if (pt3d.length === 1) {
      const [x, y, z, d] = pt3d[0];
      pt3d = [
        [x - d / 2, y, z, d],
        [x, y, z, d],
        [x + d / 2, y, z, d],
      ]; // sphere_rep: L = diam
      at = () => 1;
    }
    const points: TracedPoint[] = pt3d.map(([x, y, z, d]) => [
      pt3dValue(x),
      pt3dValue(y),
      pt3dValue(z),
      pt3dValue(d) / 2,
    ]);
    const cum = nrnArcLengths(points);
    const ownInShape = sec.own.filter((_, j) => j < sec.pts.length - (sec.parent ? 1 : 0));
    const head = smp[sec.own[0]];
    return {
      parent: sec.parent ? (indexOfSec.get(sec.parent) as number) : -1,
      parentX: sec.parentx,
      typeId: sec.type,
      points,
      arc: cum,
      samples: ownInShape.map((p, j) => ({ id: smp[p].id, s: cum[at(j)] })),
      name: `${typeName(sec.type)}[${k}]`,
      line: head.line,
      text: head.text,
    };
  });
  const absorbed: AbsorbedSample[] = [];
  // Samples of the root that are not in its shape (the 3-point soma), and of removed sections.
  for (const p of secs[0].own.slice(secs[0].pts.length)) absorbed.push({ id: smp[p].id, section: 0, x: 0.5 });
  for (const r of removed.reverse()) {
    let parent: I3dSection | null = r.parent;
    while (parent && !indexOfSec.has(parent)) parent = removed.find((q) => q.sec === parent)?.parent ?? null;
    const section = parent ? (indexOfSec.get(parent) as number) : 0;
    for (const p of r.sec.own) absorbed.push({ id: smp[p].id, section, x: r.parentx });
  }
  return { sections, absorbed };
}

/**
 * x, y, z, r as hoc's `sscanf("%f")` reads them: the decimal text rounded once to the
 * nearest 32-bit float. The text is the file's field when it still holds the value (no
 * `scale`, no `minRadius` repair), else the shortest decimal of the value (what a file
 * written with the scaled or repaired values would hold).
 */
function sscanfFloats(s: SwcSample): SwcSample {
  let fields: string[] | null = null;
  const read = (v: number, k: number) =>
    float32Of(v, () => {
      fields ??= s.text.split(/\s+/);
      return fields[k] !== undefined && Number(fields[k]) === v ? fields[k] : String(v);
    });
  return { ...s, x: read(s.x, 2), y: read(s.y, 3), z: read(s.z, 4), r: read(s.r, 5) };
}

const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);

/**
 * The 32-bit float nearest to a decimal string (C's strtof), as a number. `Math.fround(Number(t))`
 * rounds twice and differs from it when the double lands exactly on a midpoint between two
 * floats while the decimal does not (e.g. "63.84000205993652": strtof gives 63.84000015,
 * the double route 63.84000397); then the decimal is compared with the midpoint exactly.
 */
export function decimalToFloat32(text: string): number {
  return float32Of(Number(text), () => text);
}

/** {@link decimalToFloat32} of the decimal `text()` whose double is `d` (text asked for only when needed). */
function float32Of(d: number, text: () => string): number {
  const f = Math.fround(d);
  if (f === d || !Number.isFinite(f) || !Number.isFinite(d)) return f;
  f32[0] = f;
  i32[0] += d > f === f > 0 ? 1 : -1; // the float on the other side of d
  const g = f32[0];
  const [lo, hi] = f < g ? [f, g] : [g, f];
  if (d !== lo + (hi - lo) / 2) return f;
  const c = compareDecimal(text(), d);
  if (c === 0) return f; // exactly halfway: ties to even, as fround
  return c < 0 ? lo : hi;
}

/** Sign of (decimal text - double m), exactly (BigInt). */
function compareDecimal(text: string, m: number): number {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!match) return 0;
  const neg = match[1] === "-";
  let digits = BigInt((match[2] || "0") + (match[3] ?? ""));
  const e10 = Number(match[4] ?? 0) - (match[3] ?? "").length;
  if (neg) digits = -digits;
  // m = mant * 2^e2 exactly
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, m);
  const hiBits = view.getUint32(0);
  const loBits = view.getUint32(4);
  const expBits = (hiBits >>> 20) & 0x7ff;
  let mant = (BigInt(hiBits & 0xfffff) << 32n) | BigInt(loBits);
  const e2 = expBits === 0 ? -1074 : expBits - 1075;
  if (expBits !== 0) mant |= 1n << 52n;
  if (m < 0) mant = -mant;
  let a = digits;
  let b = mant;
  if (e10 >= 0) a *= 10n ** BigInt(e10);
  else b *= 10n ** BigInt(-e10);
  if (e2 >= 0) b *= 2n ** BigInt(e2);
  else a *= 2n ** BigInt(-e2);
  return a === b ? 0 : a < b ? -1 : 1;
}

/**
 * A coordinate or diameter as NEURON stores it: Import3d_GUI.instantiate passes it
 * through `pt3dadd(%.8g, ...)` and NEURON keeps 3-D points as 32-bit floats.
 */
function pt3dValue(v: number): number {
  return Math.fround(Number(v.toPrecision(8)));
}

/**
 * NEURON's arc length of 3-D points (`nrn_pt3dmodified`): coordinate differences are
 * taken in 32-bit float arithmetic, their Euclidean norm in double.
 */
function nrnArcLengths(points: readonly TracedPoint[]): Float64Array {
  const arc = new Float64Array(points.length);
  for (let i = 1; i < points.length; i++) {
    const dx = Math.fround(points[i][0] - points[i - 1][0]);
    const dy = Math.fround(points[i][1] - points[i - 1][1]);
    const dz = Math.fround(points[i][2] - points[i - 1][2]);
    arc[i] = arc[i - 1] + Math.sqrt(dx * dx + dy * dy + dz * dz);
  }
  return arc;
}

/** Import3d's names for SWC types. */
function typeName(type: number): string {
  if (type === 1) return "soma";
  if (type === 2) return "axon";
  if (type === 3) return "dend";
  if (type === 4) return "apic";
  return type < 0 ? `minus_${-type}` : `dend_${type}`;
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i < b; i++) out.push(i);
  return out;
}
