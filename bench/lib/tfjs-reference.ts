/**
 * The benchmark model described once (an HH binary tree, as tools/neuron-refs/bench_neuron.py
 * emits it), built two ways:
 *
 *  - `buildTreeCell`: with Dendrolab's public API (what `integrate` differentiates);
 *  - `TfjsTreeReference`: the same model and the same scheme written op by op in tfjs
 *    (float32, whatever backend is active; the benchmarks set `cpu`), differentiated by
 *    `tf.grad`. This is the baseline the issue asks for: the cost of doing the simulation
 *    with tfjs's own autodiff instead of Dendrolab's fused float64 kernels and adjoint.
 *
 * The scheme is NEURON's / Dendrolab's fixed step: at each step, linearise the HH current
 * at the present voltage and gates (exact dI/dV), subtract the stimulus, solve the
 * backward-Euler cable step (C/dt + G + L) V' = (C/dt + G) V - I on the tree (L the axial
 * conductance Laplacian), then advance the gates by exponential Euler at V'. The tree has
 * one node per compartment plus a zero-capacitance node at the distal end of every branch
 * that has children (NEURON's 0-area section end). The implicit solve is Hines elimination
 * vectorised by tree depth: nodes are stored level by level (one column tensor per depth),
 * the elimination folds each level into its parents and the back-substitution reads each
 * level's parents: O(depth) tfjs ops per step (11 per level).
 *
 * Scatters and gathers are written as products with constant 0/1 incidence matrices
 * (tf.matMul), not tf.unsortedSegmentSum / tf.gather: the cpu backend's UnsortedSegmentSum
 * kernel runs four sub-kernels per segment (equal, cast, multiply, sum), and tf.gather's
 * gradient is an unsortedSegmentSum, so the idiomatic ops would make this reference
 * several times slower than it needs to be. Every vector is an [n, 1] column.
 */
import * as tf from "@tensorflow/tfjs";
import { Branch, Cell, Compartment, stepCurrent } from "@dendrolab/core";
import { HH } from "@dendrolab/core/channels";

/** An HH tree of identical cylindrical branches. */
export interface TreeSpec {
  /** Parent branch of each branch (-1 for the root); parents precede children. */
  parents: number[];
  /** Compartments per branch. */
  ncomp: number;
  lengthUm: number;
  radiusUm: number;
  raOhmCm: number;
  cmUfPerCm2: number;
  /** HH parameters (Jaxley's defaults): S/cm2 and mV. */
  hh: { gNa: number; gK: number; gLeak: number; eNa: number; eK: number; eLeak: number };
  vInitMV: number;
  /** A current step into one compartment, nA; repeated every `periodMs` if given (a pulse train). */
  stim: { branch: number; comp: number; delayMs: number; durMs: number; ampNA: number; periodMs?: number };
  dtMs: number;
  /** Recorded voltages (one row each, in this order). */
  recordings: Array<{ branch: number; comp: number }>;
}

/**
 * The full binary tree of bench_neuron.py: 2^depth - 1 branches (branch b's parent is
 * (b - 1) >> 1), `ncomp` compartments of 20 um x radius 1 um each, Ra 100 ohm cm, cm 1,
 * HH everywhere, v0 -65 mV with gates at steady state, 1 nA from 1 to 3 ms into
 * compartment 0 of the root, dt 0.025 ms. Records `recordComp` of every branch.
 */
export function binaryTreeSpec(depth = 7, ncomp = 8, recordComp = ncomp >> 1): TreeSpec {
  const nb = 2 ** depth - 1;
  return treeSpec(
    Array.from({ length: nb }, (_, b) => (b === 0 ? -1 : (b - 1) >> 1)),
    ncomp,
    recordComp,
  );
}

/** As binaryTreeSpec, for `nBranches` branches numbered breadth-first (parent (b - 1) >> 1). */
export function treeSpec(parents: number[], ncomp: number, recordComp: number): TreeSpec {
  return {
    parents,
    ncomp,
    lengthUm: 20,
    radiusUm: 1,
    raOhmCm: 100,
    cmUfPerCm2: 1,
    hh: { gNa: 0.12, gK: 0.036, gLeak: 0.0003, eNa: 50, eK: -77, eLeak: -54.3 },
    vInitMV: -65,
    stim: { branch: 0, comp: 0, delayMs: 1, durMs: 2, ampNA: 1 },
    dtMs: 0.025,
    recordings: parents.map((_, b) => ({ branch: b, comp: recordComp })),
  };
}

/**
 * The spec built with Dendrolab's public API, exactly as bench/tree-hh.ts builds the
 * emitted model through `buildCase` (same geometry, HH at its defaults, v -65 mV, gates at
 * steady state, the same stepCurrent), with the spec's recordings. `tMax` sizes the stimulus.
 * For binaryTreeSpec(7, 8) its 100 ms traces equal, bit for bit, those of
 * buildCase(bench_neuron.py --emit-model) (checked when this benchmark was written).
 */
export function buildTreeCell(spec: TreeSpec, tMax: number): Cell {
  const cell = new Cell(new Branch(new Compartment(), spec.ncomp), spec.parents);
  cell.set("length", spec.lengthUm);
  cell.set("radius", spec.radiusUm);
  cell.set("axial_resistivity", spec.raOhmCm);
  cell.set("capacitance", spec.cmUfPerCm2);
  cell.insert(new HH());
  const keys = {
    gNa: "HH_gNa",
    gK: "HH_gK",
    gLeak: "HH_gLeak",
    eNa: "HH_eNa",
    eK: "HH_eK",
    eLeak: "HH_eLeak",
  } as const;
  for (const [k, key] of Object.entries(keys)) cell.set(key, spec.hh[k as keyof typeof keys]);
  cell.set("v", spec.vInitMV);
  cell.initStates();
  for (const r of spec.recordings) cell.branch(r.branch).comp(r.comp).record("v");
  const s = spec.stim;
  const current = stepCurrent(s.delayMs, s.durMs, s.ampNA, spec.dtMs, tMax);
  if (s.periodMs !== undefined) {
    for (let k = 0; k < current.length; k++) current[k] = stimOn(spec, k) ? s.ampNA : 0;
  }
  cell.branch(s.branch).comp(s.comp).stimulate(current);
  return cell;
}

/**
 * Is the stimulus on during step k? As Dendrolab's stepCurrent: when the step's midpoint
 * (k + 1/2) dt lies in [delay, delay + dur) (of the current period, for a pulse train).
 */
function stimOn(spec: TreeSpec, k: number): boolean {
  const { delayMs, durMs, periodMs } = spec.stim;
  const mid = (k + 0.5) * spec.dtMs;
  if (periodMs === undefined) return mid >= delayMs && mid < delayMs + durMs;
  return mid >= delayMs && (mid - delayMs) % periodMs < durMs;
}

/** HH rates in float64 (for the initial steady state). */
function vtrap64(x: number, y: number): number {
  return Math.abs(x / y) < 1e-6 ? y * (1 - x / y / 2) : x / (Math.exp(x / y) - 1);
}
function rates64(v: number): Array<[number, number]> {
  return [
    [0.1 * vtrap64(-(v + 40), 10), 4 * Math.exp(-(v + 65) / 18)],
    [0.07 * Math.exp(-(v + 65) / 20), 1 / (Math.exp(-(v + 35) / 10) + 1)],
    [0.01 * vtrap64(-(v + 55), 10), 0.125 * Math.exp(-(v + 65) / 80)],
  ];
}

/** x / (exp(x/y) - 1) = y u / expm1(u), u = x/y, with NEURON's guard near u = 0 (NaN-free gradient). */
function vtrap(x: tf.Tensor, y: number): tf.Tensor {
  const u = tf.div(x, y);
  // The mask by tf.step (which has a gradient, unlike tf.less): 1 where |u| < 1e-6.
  const small = tf.cast(tf.step(tf.sub(1e-6, tf.abs(u))), "bool");
  const uSafe = tf.where(small, tf.onesLike(u), u);
  const far = tf.mul(y, tf.div(uSafe, tf.expm1(uSafe)));
  const near = tf.mul(y, tf.sub(1, tf.div(u, 2)));
  return tf.where(small, near, far);
}

/** One HH gate advanced by exponential Euler: inf + (x - inf) exp(-dt (a + b)). */
function gate(x: tf.Tensor, a: tf.Tensor, b: tf.Tensor, dt: number): tf.Tensor {
  const s = tf.add(a, b);
  const inf = tf.div(a, s);
  return tf.add(inf, tf.mul(tf.sub(x, inf), tf.exp(tf.mul(-dt, s))));
}

/** The tree, levelled for the vectorised Hines solve. Nodes are numbered level by level. */
interface Levels {
  nNodes: number;
  /** Node count per depth. */
  sizes: number[];
  /** Per level >= 1: index of each node's parent within the previous level. */
  localParent: Int32Array[];
  /** Per node (level order): -axial conductance to the parent, uS (0 for the root). */
  off: Float64Array;
  /** Per node: sum of incident axial conductances, uS. */
  axialSum: Float64Array;
  /** Per node: capacitance, nF (0 at branch points). */
  capNF: Float64Array;
  /** Per node: area * 1e-2 (mA/cm2 -> nA), 0 at branch points. */
  scale: Float64Array;
  /** Per node: branch index (for per-branch parameters); branch points have scale 0. */
  branchOf: Int32Array;
  /** Node of (branch, comp). */
  nodeOfComp: (branch: number, comp: number) => number;
}

function levelTree(spec: TreeSpec): Levels {
  const { parents, ncomp } = spec;
  const nb = parents.length;
  const hasChildren = new Uint8Array(nb);
  for (const p of parents) if (p >= 0) hasChildren[p] = 1;
  // Build nodes in branch order: comps, then the distal branch point if any.
  const parent: number[] = [];
  const isComp: boolean[] = [];
  const branchOfRaw: number[] = [];
  const compNode = new Int32Array(nb * ncomp);
  const bpNode = new Int32Array(nb).fill(-1);
  for (let b = 0; b < nb; b++) {
    if (parents[b] >= b) throw new Error("tfjs reference: parents must precede children");
    for (let k = 0; k < ncomp; k++) {
      const p = k > 0 ? compNode[b * ncomp + k - 1] : parents[b] < 0 ? -1 : bpNode[parents[b]];
      compNode[b * ncomp + k] = parent.length;
      parent.push(p);
      isComp.push(true);
      branchOfRaw.push(b);
    }
    if (hasChildren[b]) {
      bpNode[b] = parent.length;
      parent.push(compNode[b * ncomp + ncomp - 1]);
      isComp.push(false);
      branchOfRaw.push(b);
    }
  }
  const n = parent.length;
  const depth = new Int32Array(n);
  for (let i = 0; i < n; i++) depth[i] = parent[i] < 0 ? 0 : depth[parent[i]] + 1;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => depth[a] - depth[b] || a - b);
  const pos = new Int32Array(n);
  for (let i = 0; i < n; i++) pos[order[i]] = i;
  const nLevels = Math.max(...depth) + 1;
  const sizes = new Array<number>(nLevels).fill(0);
  for (let i = 0; i < n; i++) sizes[depth[i]]++;
  const start = sizes.map((_, l) => sizes.slice(0, l).reduce((s, x) => s + x, 0));
  const localParent = sizes.map((sz) => new Int32Array(sz));
  // Geometry: identical cylinders.
  const { lengthUm: L, radiusUm: r, raOhmCm, cmUfPerCm2 } = spec;
  const halfMOhm = ((raOhmCm * (L / 2)) / (Math.PI * r * r)) * 1e-2; // ohm cm * 1/um = 1e-2 MOhm
  const area = 2 * Math.PI * r * L; // um2
  const off = new Float64Array(n);
  const axialSum = new Float64Array(n);
  const capNF = new Float64Array(n);
  const scale = new Float64Array(n);
  const branchOf = new Int32Array(n);
  for (let raw = 0; raw < n; raw++) {
    const i = pos[raw];
    branchOf[i] = branchOfRaw[raw];
    if (isComp[raw]) {
      capNF[i] = cmUfPerCm2 * area * 1e-5; // uF/cm2 * um2 = 1e-5 nF
      scale[i] = area * 1e-2;
    }
    const p = parent[raw];
    if (p < 0) continue;
    localParent[depth[raw]][i - start[depth[raw]]] = pos[p] - start[depth[p]];
    // comp-comp: two halves; comp-branch point or branch point-comp: one half.
    const g = 1 / (isComp[raw] && isComp[p] ? 2 * halfMOhm : halfMOhm);
    off[i] = -g;
    axialSum[i] += g;
    axialSum[pos[p]] += g;
  }
  return {
    nNodes: n,
    sizes,
    localParent,
    off,
    axialSum,
    capNF,
    scale,
    branchOf,
    nodeOfComp: (b, k) => pos[compNode[b * ncomp + k]],
  };
}

/** A constant 0/1 matrix [rows, cols] with ones at (rowOf[j], j) (rowOf[j] < 0: none). */
function incidence(rowOf: ArrayLike<number>, rows: number): tf.Tensor2D {
  const cols = rowOf.length;
  const a = new Float32Array(rows * cols);
  for (let j = 0; j < cols; j++) if (rowOf[j] >= 0) a[rowOf[j] * cols + j] = 1;
  return tf.tensor2d(a, [rows, cols], "float32");
}

/**
 * The benchmark tree in tfjs ops. `run(gNa, nSteps)` returns the recorded voltages,
 * `[recordings, nSteps + 1]` (sample 0 is the initial state), as a function of the
 * per-branch Na conductance `gNa` (S/cm2, one per branch), differentiable by tf.grad.
 */
export class TfjsTreeReference {
  readonly nNodes: number;
  readonly nLevels: number;
  private readonly lv: Levels;
  private readonly spec: TreeSpec;
  private readonly c: {
    /** Per level: -axial conductance to the parent, [size, 1]. */
    off: tf.Tensor2D[];
    /** Per level l >= 1: [size(l-1), size(l)], child -> parent sum (scatter). */
    toParent: tf.Tensor2D[];
    /** Per level l >= 1: [size(l), size(l-1)], parent value per child (gather). */
    fromParent: tf.Tensor2D[];
    /** [nodes, branches]: per-branch value -> per node. */
    branchToNode: tf.Tensor2D;
    /** [recordings, nodes]: node voltages -> recorded. */
    record: tf.Tensor2D;
    capOverDt: tf.Tensor2D;
    axialSum: tf.Tensor2D;
    scale: tf.Tensor2D;
    stim: tf.Tensor2D;
    gK: tf.Tensor2D;
    gLeak: tf.Tensor2D;
    v0: tf.Tensor2D;
    m0: tf.Tensor2D;
    h0: tf.Tensor2D;
    n0: tf.Tensor2D;
  };
  private readonly stimOn: (step: number) => boolean;

  constructor(spec: TreeSpec) {
    this.spec = spec;
    const lv = levelTree(spec);
    this.lv = lv;
    const n = lv.nNodes;
    this.nNodes = n;
    this.nLevels = lv.sizes.length;
    const col = (a: ArrayLike<number>) => tf.tensor2d(Float32Array.from(a), [a.length, 1], "float32");
    const fill = (x: number) => col(new Float64Array(n).fill(x));
    let at = 0;
    const off: tf.Tensor2D[] = [];
    for (const sz of lv.sizes) {
      off.push(col(lv.off.subarray(at, at + sz)));
      at += sz;
    }
    const stim = new Float64Array(n);
    stim[lv.nodeOfComp(spec.stim.branch, spec.stim.comp)] = spec.stim.ampNA;
    const recNode = spec.recordings.map((r) => lv.nodeOfComp(r.branch, r.comp));
    const [[am, bm], [ah, bh], [an, bn]] = rates64(spec.vInitMV);
    const dt = spec.dtMs;
    this.c = {
      off,
      toParent: lv.localParent.map(
        (lp, l) => (l === 0 ? tf.zeros([0, 0]) : incidence(lp, lv.sizes[l - 1])) as tf.Tensor2D,
      ),
      fromParent: lv.localParent.map(
        (lp, l) => (l === 0 ? tf.zeros([0, 0]) : tf.transpose(incidence(lp, lv.sizes[l - 1]))) as tf.Tensor2D,
      ),
      branchToNode: tf.transpose(
        incidence(
          Int32Array.from(lv.branchOf, (b, i) => (lv.scale[i] > 0 ? b : -1)),
          spec.parents.length,
        ),
      ),
      record: tf.tensor2d(
        Float32Array.from({ length: recNode.length * n }, (_, k) => (recNode[Math.floor(k / n)] === k % n ? 1 : 0)),
        [recNode.length, n],
      ),
      capOverDt: col(Array.from(lv.capNF, (c) => c / dt)),
      axialSum: col(lv.axialSum),
      scale: col(lv.scale),
      stim: col(stim),
      gK: fill(spec.hh.gK),
      gLeak: fill(spec.hh.gLeak),
      v0: fill(spec.vInitMV),
      m0: fill(am / (am + bm)),
      h0: fill(ah / (ah + bh)),
      n0: fill(an / (an + bn)),
    };
    this.stimOn = (k) => stimOn(spec, k);
  }

  /** The Hines solve of M x = rhs (M: `diag`, off-diagonals `off`), level by level; [n, 1]. */
  private solve(diag: tf.Tensor2D, rhs: tf.Tensor2D): tf.Tensor2D {
    const { sizes } = this.lv;
    const { off, toParent, fromParent } = this.c;
    const d = tf.split(diag, sizes, 0) as tf.Tensor2D[];
    const r = tf.split(rhs, sizes, 0) as tf.Tensor2D[];
    for (let l = sizes.length - 1; l >= 1; l--) {
      const f = tf.div(off[l], d[l]);
      d[l - 1] = tf.sub(d[l - 1], tf.matMul(toParent[l], tf.mul(f, off[l])));
      r[l - 1] = tf.sub(r[l - 1], tf.matMul(toParent[l], tf.mul(f, r[l])));
    }
    const x: tf.Tensor2D[] = [tf.div(r[0], d[0])];
    for (let l = 1; l < sizes.length; l++) {
      x.push(tf.div(tf.sub(r[l], tf.mul(off[l], tf.matMul(fromParent[l], x[l - 1]))), d[l]));
    }
    return tf.concat(x, 0);
  }

  /** Recorded voltages `[recordings, nSteps + 1]`, mV, for per-branch gNa (S/cm2). */
  run(gNaPerBranch: tf.Tensor1D, nSteps: number): tf.Tensor2D {
    const { hh, dtMs: dt } = this.spec;
    const c = this.c;
    const gNa = tf.matMul(c.branchToNode, tf.reshape(gNaPerBranch, [-1, 1]));
    let V: tf.Tensor2D = c.v0;
    let m: tf.Tensor = c.m0;
    let h: tf.Tensor = c.h0;
    let n: tf.Tensor = c.n0;
    const samples: tf.Tensor[] = [tf.matMul(c.record, V)];
    for (let step = 0; step < nSteps; step++) {
      // Linearised HH current at (V, gates), scaled to nA and uS.
      const gNaAct = tf.mul(gNa, tf.mul(tf.pow(m, 3), h));
      const gKAct = tf.mul(c.gK, tf.pow(n, 4));
      const gTot = tf.add(tf.add(gNaAct, gKAct), c.gLeak);
      const iHH = tf.add(
        tf.add(tf.mul(gNaAct, tf.sub(V, hh.eNa)), tf.mul(gKAct, tf.sub(V, hh.eK))),
        tf.mul(c.gLeak, tf.sub(V, hh.eLeak)),
      );
      const G = tf.mul(c.scale, gTot);
      let I = tf.mul(c.scale, iHH);
      if (this.stimOn(step)) I = tf.sub(I, c.stim);
      // Backward Euler: (C/dt + G + L) V' = (C/dt + G) V - I.
      const cg = tf.add(c.capOverDt, G);
      V = this.solve(tf.add(cg, c.axialSum) as tf.Tensor2D, tf.sub(tf.mul(cg, V), I) as tf.Tensor2D);
      // Gates by exponential Euler at the new voltage.
      const vm = tf.add(V, 65);
      m = gate(m, tf.mul(0.1, vtrap(tf.neg(tf.add(V, 40)), 10)), tf.mul(4, tf.exp(tf.div(vm, -18))), dt);
      h = gate(h, tf.mul(0.07, tf.exp(tf.div(vm, -20))), tf.sigmoid(tf.div(tf.add(V, 35), 10)), dt);
      n = gate(n, tf.mul(0.01, vtrap(tf.neg(tf.add(V, 55)), 10)), tf.mul(0.125, tf.exp(tf.div(vm, -80))), dt);
      samples.push(tf.matMul(c.record, V));
    }
    return tf.concat(samples, 1) as tf.Tensor2D;
  }

  dispose(): void {
    const c = this.c;
    tf.dispose([
      ...c.off,
      ...c.toParent,
      ...c.fromParent,
      c.branchToNode,
      c.record,
      c.capOverDt,
      c.axialSum,
      c.scale,
      c.stim,
      c.gK,
      c.gLeak,
      c.v0,
      c.m0,
      c.h0,
      c.n0,
    ]);
  }
}
