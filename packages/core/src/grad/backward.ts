/**
 * The discrete adjoint of the time loop (docs/design.md#kernel). Given the weights of the loss
 * on every recorded sample, it returns the exact gradient of the loss with respect to the
 * initial state, every mechanism parameter and current scale, the capacitances, the axial
 * conductances, the stimuli and the node arrays (celsius, ion columns; see ions.ts). The tree solve's adjoint is another tree solve (the matrix
 * is symmetric).
 */
import { DendrolabError } from "../errors.js";
import { correctedRecordings, type SimSetup } from "../sim/run.js";
import { solveTree } from "../sim/solve.js";
import { IonAdjoint } from "./ions.js";
import { segmentBefore, type Snapshot, type StepRecord, type Tape, TapeReader } from "./tape.js";

/** Gradients with respect to the arrays of a SimSetup. */
export interface SetupGradients {
  /** d/d initial voltage, per node. */
  V0: Float64Array;
  /** d/d initial states, per block and state. */
  S0: Float64Array[][];
  /** d/d parameters, per block and parameter. */
  P: Float64Array[][];
  /** d/d current scale, per block instance. */
  scale: Float64Array[];
  /** d/d membrane capacitance (nF), per node. */
  capNF: Float64Array;
  /** d/d axial conductance to the parent (uS), per node. */
  axialUS: Float64Array;
  /** d/d stimulus samples (nA), per stimulus row. */
  stim: Float64Array[];
  /** d/d node arrays (`celsius`, `ek`, `cai`...: their values at the start), per node, by name. */
  X: Map<string, Float64Array>;
}

function zeros(setup: SimSetup): SetupGradients {
  const n = setup.parent.length;
  return {
    V0: new Float64Array(n),
    S0: setup.blocks.map((b) => b.S.map(() => new Float64Array(b.n))),
    P: setup.blocks.map((b) => b.P.map(() => new Float64Array(b.n))),
    scale: setup.blocks.map((b) => new Float64Array(b.n)),
    capNF: new Float64Array(n),
    axialUS: new Float64Array(n),
    stim: setup.stimValues.map((v) => new Float64Array(v.length)),
    X: new Map(),
  };
}

interface Work {
  mu: Float64Array;
  diag: Float64Array;
  off: Float64Array;
  wI: Float64Array;
  wG: Float64Array;
  /** Whether gradients of capacitances and axial conductances are wanted. */
  geometry: boolean;
  /** Per block, the currentVjp kernel to use (restricted to the wanted gradients). */
  currentVjp: Array<SimSetup["blocks"][number]["mech"]["currentVjp"]>;
  /** Per block, the advanceVjp kernel to use (restricted to the wanted parameters). */
  advanceVjp: Array<SimSetup["blocks"][number]["mech"]["advanceVjp"]>;
  /** Scratch for recorded currents. */
  recW: Float64Array;
  zero: Float64Array;
  /** The node arrays' adjoints, when mechanisms use ions or celsius. */
  ions: IonAdjoint | null;
  /** Crank-Nicolson with ions: d/dV from the correction of ion currents. */
  cnV: Float64Array;
  /** The run's step (ms), for mechanisms that read dt. */
  dt: number;
  /**
   * Under Crank-Nicolson, recorded ion currents: sample k < nSteps holds the corrected
   * current of step k, so its weight enters before the correction's adjoint.
   */
  corrected: ReturnType<typeof correctedRecordings>;
  correctedRows: Set<number>;
}

/** The values of a sample the backward pass reads: voltages, states, dynamic node arrays. */
type Sample = Snapshot;

/** Adds the loss weights of sample `s` (dy is row-major, nSamples per row) to the adjoints. */
function addRecordWeights(
  setup: SimSetup,
  dy: ArrayLike<number>,
  nSamples: number,
  s: number,
  at: Sample,
  lamV: Float64Array,
  lamS: Float64Array[][],
  g: SetupGradients,
  work: Work,
): void {
  setup.recordings.forEach((p, r) => {
    const w = dy[r * nSamples + s];
    if (w === 0) return;
    if (p.kind === "v") lamV[p.node] += w;
    else if (p.kind === "state") lamS[p.block][p.j][p.k] += w;
    else if (p.kind === "ion") {
      if (s < nSamples - 1 && work.correctedRows.has(r)) return; // see reverseStep
      work.ions!.lam.get(p.name)![p.node] += w;
    } else if (p.kind === "output") {
      const b = setup.blocks[p.block];
      const k = p.k;
      const one = (a: Float64Array) => a.subarray(k, k + 1);
      b.mech.outputVjp(p.j)(
        1,
        b.pre.subarray(k, k + 1),
        b.post.subarray(k, k + 1),
        at.V,
        b.P.map(one),
        at.S[p.block].map(one),
        Float64Array.of(w),
        lamV,
        g.P[p.block].map(one),
        lamS[p.block].map(one),
        work.ions?.x(p.block, at.D),
        work.ions?.recordLx[p.block],
        work.dt,
        s * work.dt + 0.5 * work.dt,
      );
    } else {
      for (const part of p.parts) {
        const b = setup.blocks[part.block];
        const k = part.k;
        const one = (a: Float64Array) => a.subarray(k, k + 1);
        work.recW[b.post[k]] = w;
        b.mech.currentVjp(
          1,
          b.pre.subarray(k, k + 1),
          b.post.subarray(k, k + 1),
          at.V,
          b.P.map(one),
          at.S[part.block].map(one),
          Float64Array.of(1),
          work.recW,
          work.zero,
          lamV,
          g.P[part.block].map(one),
          lamS[part.block].map(one),
          new Float64Array(1),
          work.ions?.x(part.block, at.D),
          work.ions?.recordLx[part.block],
          work.dt,
          s * work.dt + 0.5 * work.dt,
        );
        work.recW[b.post[k]] = 0;
      }
    }
  });
}

/** Zeroes the adjoints of clamped values at sample `s` (a clamp cuts the dependence). */
function cutClamps(setup: SimSetup, s: number, kind: "v" | "state", lamV: Float64Array, lamS: Float64Array[][]): void {
  for (const c of setup.clamps) {
    if (c.kind !== kind || s >= c.values.length) continue;
    if (c.kind === "v") lamV[c.node] = 0;
    else lamS[c.block][c.j][c.k] = 0;
  }
}

/** Where the loss weights of the recordings come from. */
interface Weights {
  dy: ArrayLike<number>;
  nSamples: number;
}

/**
 * One reverse step: from adjoints of (V, S) after step `step` to adjoints before it,
 * accumulating parameter gradients into `g`; the weights of sample `step` are added on
 * the way. `at` is the sample of the step (`rec` as read back), `after` the sample after
 * it. Returns the new state adjoints.
 *
 * The forward step it reverses (sim/run.ts): solve, Crank-Nicolson's correction of ion
 * currents, voltage clamps, the mechanisms advancing first (at this step's ion currents
 * and reversal potentials), the Nernst update from the new concentrations, the other
 * mechanisms (at the new reversal potentials), state clamps, the next linearisation.
 */
function reverseStep(
  tape: Tape,
  reader: TapeReader,
  rec: StepRecord,
  at: Sample,
  after: Sample,
  step: number,
  lamV: Float64Array,
  lamS: Float64Array[][],
  newLamS: Float64Array[][],
  g: SetupGradients,
  work: Work,
  weights: Weights,
): Float64Array[][] {
  const { setup, dt } = tape;
  const { blocks } = setup;
  const ions = work.ions;
  const cn = tape.stepper.name === "crank_nicolson";
  const h = cn ? dt / 2 : dt;
  const X = reader.solveOutput(rec, after.V);
  const V = at.V;
  cutClamps(setup, step + 1, "state", lamV, lamS);
  // Gates: S' = A(V', P, S, node arrays).
  for (const arrays of newLamS) for (const a of arrays) a.fill(0);
  /** The adjoint of block i's state update, with the node arrays it read. */
  const advanceBack = (i: number, x: Float64Array[] | undefined, lx: Float64Array[] | undefined) => {
    const b = blocks[i];
    work.advanceVjp[i](
      b.n,
      b.pre,
      b.post,
      after.V,
      b.P,
      at.S[i],
      dt,
      lamS[i],
      lamV,
      g.P[i],
      newLamS[i],
      x,
      lx,
      cn ? 1 : 0,
      (step + 1) * dt,
    );
  };
  blocks.forEach((b, i) => {
    if (b.S.length > 0 && !(ions && b.mech.advancesFirst)) advanceBack(i, ions?.x(i, after.D), ions?.lx[i]);
  });
  if (ions) {
    ions.reverseNernst(after.D);
    if (cn) ions.correct(at.D, X, V);
    for (let f = ions.first.length - 1; f >= 0; f--) {
      const i = ions.first[f];
      ions.takeMirrors(i, lamS[i]);
      advanceBack(i, cn ? ions.xCorrected(i, at.D) : ions.x(i, at.D), ions.lx[i]);
    }
  }
  cutClamps(setup, step + 1, "v", lamV, lamS);
  // Voltage: M X = D V - I with M = C/h + G + L, D = C/h + G; V' = X (BE) or 2 X - V (CN).
  const { capNF, axialSumUS, parent } = setup;
  const n = parent.length;
  const { mu, diag, off, cnV } = work;
  const G = rec.G;
  for (let i = 0; i < n; i++) {
    diag[i] = capNF[i] / h + G[i] + axialSumUS[i];
    mu[i] = cn ? 2 * lamV[i] : lamV[i];
  }
  if (ions && cn) {
    for (const c of work.corrected) ions.lam.get(c.name)![c.node] += weights.dy[c.row * weights.nSamples + step];
    cnV.fill(0);
    ions.reverseCorrection(at.D, X, V, mu, cnV);
  }
  solveTree(parent, diag, off, mu, mu);
  for (let i = 0; i < n; i++) {
    const m = mu[i];
    const dx = V[i] - X[i];
    work.wG[i] = m * dx;
    work.wI[i] = -m;
    lamV[i] = (capNF[i] / h + G[i]) * m - (cn ? lamV[i] : 0);
  }
  if (ions && cn) for (let i = 0; i < n; i++) lamV[i] += cnV[i];
  if (work.geometry) {
    for (let i = 0; i < n; i++) {
      g.capNF[i] += (mu[i] * (V[i] - X[i])) / h;
      const p = parent[i];
      if (p >= 0) g.axialUS[i] -= (mu[i] - mu[p]) * (X[i] - X[p]);
    }
  }
  for (let r = 0; r < setup.stimNodes.length; r++) {
    if (step < g.stim[r].length) g.stim[r][step] += mu[setup.stimNodes[r]];
  }
  addRecordWeights(setup, weights.dy, weights.nSamples, step, at, lamV, newLamS, g, work);
  reverseCurrents(setup, at, step, work.wI, work.wG, lamV, newLamS, g, work);
  return newLamS;
}

/** The adjoint of one linearisation at `at`: currents weighted by wI, wG and by the ion currents' adjoints. */
function reverseCurrents(
  setup: SimSetup,
  at: Sample,
  sample: number,
  wI: Float64Array,
  wG: Float64Array,
  lamV: Float64Array,
  lamS: Float64Array[][],
  g: SetupGradients,
  work: Work,
): void {
  const ions = work.ions;
  setup.blocks.forEach((b, i) => {
    work.currentVjp[i](
      b.n,
      b.pre,
      b.post,
      at.V,
      b.P,
      at.S[i],
      b.scale,
      wI,
      wG,
      lamV,
      g.P[i],
      lamS[i],
      g.scale[i],
      ions?.x(i, at.D),
      ions?.lx[i],
      work.dt,
      sample * work.dt + 0.5 * work.dt,
    );
  });
  ions?.clearCurrents();
}

/** What the backward pass may skip. */
export interface BackwardOptions {
  /** Accumulate gradients of capacitances, axial conductances and current scales (default true). */
  geometry?: boolean;
  /** The parameter keys whose gradients are wanted (default: all). */
  params?: ReadonlySet<string>;
}

/**
 * The gradient of sum(dy * recordings) with respect to the setup's inputs.
 * `dy` is row-major with nSteps + 1 samples per recording.
 */
export function backward(tape: Tape, dy: ArrayLike<number>, options: BackwardOptions = {}): SetupGradients {
  const { setup, nSteps } = tape;
  if (tape.stepper.name === "fwd_euler") {
    throw new DendrolabError(
      'Gradients are available for the implicit solvers (bwd_euler, crank_nicolson), not fwd_euler; pass solver: "bwd_euler".',
      "INVALID_ARGUMENT",
    );
  }
  if (tape.released) {
    throw new DendrolabError(
      "backward: this tape was released after its backward pass (releaseTape); run forwardWithTape again.",
      "INVALID_ARGUMENT",
    );
  }
  const nSamples = nSteps + 1;
  const n = setup.parent.length;
  const g = zeros(setup);
  const geometry = options.geometry ?? true;
  const wanted = options.params;
  const corrected = tape.stepper.name === "crank_nicolson" ? correctedRecordings(setup) : [];
  const work: Work = {
    geometry,
    currentVjp: setup.blocks.map((b) =>
      wanted && b.mech.currentVjpFor
        ? b.mech.currentVjpFor(
            b.mech.paramKeys.map((k) => wanted.has(k)),
            geometry,
          )
        : b.mech.currentVjp,
    ),
    advanceVjp: setup.blocks.map((b) =>
      wanted && b.mech.advanceVjpFor
        ? b.mech.advanceVjpFor(b.mech.paramKeys.map((k) => wanted.has(k)))
        : b.mech.advanceVjp,
    ),
    mu: new Float64Array(n),
    diag: new Float64Array(n),
    off: Float64Array.from(setup.axialUS, (x) => -x),
    wI: new Float64Array(n),
    wG: new Float64Array(n),
    recW: new Float64Array(n),
    zero: new Float64Array(n),
    ions: setup.ions && setup.ions.arrays.size > 0 ? new IonAdjoint(setup) : null,
    cnV: new Float64Array(n),
    dt: tape.dt,
    corrected,
    correctedRows: new Set(corrected.map((c) => c.row)),
  };
  const weights = { dy, nSamples };
  const lamV = new Float64Array(n);
  let lamS: Float64Array[][] = setup.blocks.map((b) => b.S.map(() => new Float64Array(b.n)));
  let spare: Float64Array[][] = setup.blocks.map((b) => b.S.map(() => new Float64Array(b.n)));
  addRecordWeights(setup, dy, nSamples, nSteps, tape.final, lamV, lamS, g, work);
  // Ion currents recorded at the last sample: the adjoint of its linearisation (no voltage step follows).
  if (work.ions?.hasCurrentWeights())
    reverseCurrents(setup, tape.final, nSteps, work.zero, work.zero, lamV, lamS, g, work);
  const reader = new TapeReader(tape);
  let after: Sample = tape.final;
  for (let segEnd = nSteps; segEnd > 0; ) {
    const { start: segStart, records } = segmentBefore(tape, segEnd);
    for (let step = segEnd - 1; step >= segStart; step--) {
      const rec = records[step - segStart];
      const at = reader.sample(rec);
      const next = reverseStep(tape, reader, rec, at, after, step, lamV, lamS, spare, g, work, weights);
      spare = lamS;
      lamS = next;
      after = at;
    }
    segEnd = segStart;
  }
  work.ions?.reverseNernst(after.D);
  cutClamps(setup, 0, "state", lamV, lamS);
  cutClamps(setup, 0, "v", lamV, lamS);
  g.V0.set(lamV);
  g.S0 = lamS;
  if (work.ions) g.X = work.ions.lam;
  return g;
}
