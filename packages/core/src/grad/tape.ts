/**
 * The forward pass, keeping what the adjoint needs: the voltage before each step, every
 * mechanism state before each step, the linearised conductance, and the node arrays the
 * run changes (only at the nodes where they change). Within a memory budget the whole run
 * is kept; beyond it, only checkpoints every K steps are kept for the start of the run and
 * each of its segments is recomputed during the backward pass (memory O(N (T/K + K))
 * instead of O(N T)).
 */
import type { SimSetup } from "../sim/run.js";
import { dynamicArrays, makeBuffers, runRecorded, runSteps, type StepHooks } from "../sim/run.js";
import type { VoltageStepper } from "../sim/steppers.js";

/**
 * A snapshot of the dynamic state: node voltages, every block's states, and the node
 * arrays the run changes (`dynamicArrays`: ion currents and slopes, Nernst reversal
 * potentials and concentrations), taken after the step's currents are linearised.
 */
export interface Snapshot {
  V: Float64Array;
  S: Float64Array[][];
  D: Float64Array[];
}

/**
 * The states at one step, as the tape stores them: views into one buffer per step. The
 * node arrays the run changes are kept only at the nodes where they change (`Dc[j][i]`
 * is array j at node `layout.dNodes[j][i]`); {@link TapeReader} expands them.
 */
export interface StepRecord {
  V: Float64Array;
  S: Float64Array[][];
  Dc: Float64Array[];
  /** The linearised membrane conductance of the step, uS per node (saves recomputing it). */
  G: Float64Array;
  /**
   * The raw solve output of the step (before voltage clamps), kept only with voltage
   * clamps; otherwise it follows from the next voltage (see {@link TapeReader.solveOutput}).
   */
  X: Float64Array | null;
}

const dynamicCache = new WeakMap<SimSetup, Float64Array[]>();

/** The setup's dynamic node arrays (computed once per setup). */
export function dynamicOf(setup: SimSetup): Float64Array[] {
  let d = dynamicCache.get(setup);
  if (!d) {
    d = dynamicArrays(setup);
    dynamicCache.set(setup, d);
  }
  return d;
}

/** Where the parts of a stored step lie in its buffer. */
export interface TapeLayout {
  n: number;
  /** Per dynamic array, the nodes where the run writes it (elsewhere it stays constant). */
  dNodes: Int32Array[];
  /** Whether the solve output is stored (with voltage clamps). */
  storeX: boolean;
  /** Float64 values per step. */
  size: number;
}

/**
 * The nodes where each dynamic array changes: where a block writes it (a concentration
 * mirroring a state, an ion current or its slope; kernels write at `post`), and where
 * Nernst sets a reversal potential.
 */
function dynamicNodes(setup: SimSetup, dynamic: readonly Float64Array[]): Int32Array[] {
  const n = setup.parent.length;
  const marks = dynamic.map(() => new Uint8Array(n));
  for (const b of setup.blocks) {
    const written = new Set(b.mech.ions.flatMap((i) => i.write.flatMap((w) => [w, `d${w}_dv`])));
    (b.X ?? []).forEach((a, j) => {
      const d = dynamic.indexOf(a);
      if (d >= 0 && written.has(b.mech.nodeVars[j])) for (const node of b.post) marks[d][node] = 1;
    });
  }
  for (const p of setup.ions?.nernst ?? []) {
    const d = dynamic.indexOf(p.e);
    if (d >= 0) for (const node of p.nodes) marks[d][node] = 1;
  }
  return marks.map((m) => Int32Array.from([...m.keys()].filter((i) => m[i] === 1)));
}

function layoutOf(setup: SimSetup): TapeLayout {
  const n = setup.parent.length;
  const dNodes = dynamicNodes(setup, dynamicOf(setup));
  const storeX = setup.clamps.some((c) => c.kind === "v");
  let size = 2 * n + (storeX ? n : 0);
  for (const b of setup.blocks) size += b.n * b.S.length;
  for (const d of dNodes) size += d.length;
  return { n, dNodes, storeX, size };
}

/** Views of a step record over `buf` (layout order: V, G, X?, states, dynamic arrays). */
function recordViews(setup: SimSetup, layout: TapeLayout, buf: Float64Array): StepRecord {
  const { n } = layout;
  let o = 0;
  const take = (len: number) => {
    o += len;
    return buf.subarray(o - len, o);
  };
  const V = take(n);
  const G = take(n);
  const X = layout.storeX ? take(n) : null;
  const S = setup.blocks.map((b) => b.S.map(() => take(b.n)));
  const Dc = layout.dNodes.map((d) => take(d.length));
  return { V, S, Dc, G, X };
}

/** Copies the present state (`V`, states, dynamic arrays at their nodes, `G`) into a record. */
function fillRecord(setup: SimSetup, layout: TapeLayout, r: StepRecord, V: Float64Array, G: Float64Array): void {
  r.V.set(V);
  r.G.set(G);
  setup.blocks.forEach((b, i) => {
    b.S.forEach((a, j) => {
      r.S[i][j].set(a);
    });
  });
  const dynamic = dynamicOf(setup);
  layout.dNodes.forEach((nodes, j) => {
    const from = dynamic[j];
    const to = r.Dc[j];
    for (let i = 0; i < nodes.length; i++) to[i] = from[nodes[i]];
  });
}

function snapshot(V: Float64Array, setup: SimSetup): Snapshot {
  return {
    V: V.slice(),
    S: setup.blocks.map((b) => b.S.map((a) => a.slice())),
    D: dynamicOf(setup).map((a) => a.slice()),
  };
}

function restore(s: Snapshot, V: Float64Array, setup: SimSetup): void {
  V.set(s.V);
  setup.blocks.forEach((b, i) => {
    b.S.forEach((a, j) => {
      a.set(s.S[i][j]);
    });
  });
  dynamicOf(setup).forEach((a, j) => {
    a.set(s.D[j]);
  });
}

/** Bytes of a full snapshot (a checkpoint). */
function snapshotBytes(setup: SimSetup): number {
  let n = (1 + dynamicOf(setup).length) * setup.parent.length;
  for (const b of setup.blocks) n += b.n * b.S.length;
  return 8 * n;
}

/** The result of a forward pass that can be differentiated. */
export interface Tape {
  setup: SimSetup;
  stepper: VoltageStepper;
  dt: number;
  nSteps: number;
  /** Checkpoint interval; equal to nSteps when the whole run is kept. */
  segment: number;
  /** Snapshots at steps 0, segment, 2 segment, ... below `keptFrom` (before the step). */
  checkpoints: Snapshot[];
  /** The first step whose record is kept (0: the whole run; a multiple of `segment`). */
  keptFrom: number;
  /** The records of steps keptFrom .. nSteps - 1; earlier ones are recomputed from checkpoints. */
  steps: StepRecord[];
  /** Voltage, states and dynamic node arrays after the last step. */
  final: Snapshot;
  /** Recordings, row-major, nSteps + 1 samples per row (may be released once copied out). */
  values: Float64Array;
  /** Where the parts of a record lie. */
  layout: TapeLayout;
  /** Records reused by recomputed segments (segment + 1 of them, allocated on first use). */
  pool: StepRecord[];
  /** The pool slot of the first record of the last recomputed segment. */
  poolStart: number;
  /** Whether {@link releaseTape} gave its records away. */
  released: boolean;
}

/**
 * Step buffers of a released tape, for the next tape with records of the same size: a
 * gradient in a training loop reuses them instead of allocating (and zeroing) hundreds
 * of MB each time. Held weakly: the garbage collector may take them whenever it runs.
 */
let recycled: WeakRef<{ size: number; buffers: Float64Array[] }> | null = null;

/** A buffer of `size` values for a step record: a recycled one if there is one. */
function takeBuffer(size: number): Float64Array {
  const r = recycled?.deref();
  if (r && r.size === size) {
    const b = r.buffers.pop();
    if (b) return b;
  }
  return new Float64Array(size);
}

/**
 * Hands the step buffers of a tape whose backward pass is done to the next tape (see
 * `recycled`); the tape cannot be read again.
 */
export function releaseTape(tape: Tape): void {
  const buffers = [...tape.steps, ...tape.pool].map((r) => new Float64Array(r.V.buffer, 0, tape.layout.size));
  const r = recycled?.deref();
  // A loop, not push(...buffers): a tape may hold a million steps, beyond a call's argument limit.
  if (r && r.size === tape.layout.size) for (const b of buffers) r.buffers.push(b);
  else recycled = new WeakRef({ size: tape.layout.size, buffers });
  tape.steps = [];
  tape.pool = [];
  tape.released = true;
}

/** Hooks that record steps from `from` on into `out` (records from `alloc`), and checkpoints every `segment` steps before it. */
function recordingHooks(
  setup: SimSetup,
  layout: TapeLayout,
  stepper: VoltageStepper,
  alloc: () => StepRecord,
  out: StepRecord[],
  from: number,
  checkpoints: Snapshot[] | null,
  segment: number,
): StepHooks {
  let pending: StepRecord | null = null;
  return {
    before(step, b) {
      if (checkpoints && step % segment === 0 && step < from) checkpoints.push(snapshot(b.V, setup));
      if (step < from) return;
      pending = alloc();
      fillRecord(setup, layout, pending, b.V, b.accG);
    },
    solved(_step, b) {
      if (!pending) return;
      pending.X?.set(stepper.name === "crank_nicolson" ? b.x : b.V);
      out.push(pending);
      pending = null;
    },
  };
}

/**
 * The default memory budget of a tape: 512 MB. The full L5PC (1,296 compartments, 124 KB
 * a step) keeps 100 ms at dt 0.025 whole in it, with no recomputation; a run too long for
 * it stays within it (bench/grad-memory: 1,000 compartments, 40,000 steps, peak resident
 * under 1 GB).
 */
export const TAPE_BUDGET_BYTES = 512 * 2 ** 20;

/**
 * Runs the simulation keeping a tape. `budgetBytes` bounds the memory of stored steps
 * (default {@link TAPE_BUDGET_BYTES}): below it every step is kept. Above it, checkpoints every K = sqrt(T)
 * steps are kept for the start of the run and the backward pass recomputes it segment by
 * segment, while the end of the run is kept whole in what the budget leaves after the
 * checkpoints and one recomputed segment (less to recompute).
 */
export function forwardWithTape(
  setup: SimSetup,
  dt: number,
  nSteps: number,
  stepper: VoltageStepper,
  budgetBytes = TAPE_BUDGET_BYTES,
): Tape {
  const layout = layoutOf(setup);
  const perStep = 8 * layout.size;
  const keepAll = perStep * nSteps <= budgetBytes;
  const segment = keepAll ? Math.max(nSteps, 1) : Math.max(1, Math.ceil(Math.sqrt(nSteps)));
  let keptFrom = 0;
  if (!keepAll) {
    const reserved = Math.ceil(nSteps / segment) * snapshotBytes(setup) + (segment + 1) * perStep;
    const tail = Math.max(0, Math.floor((budgetBytes - reserved) / perStep));
    keptFrom = Math.min(nSteps, Math.ceil((nSteps - tail) / segment) * segment);
  }
  const checkpoints: Snapshot[] = [];
  const steps: StepRecord[] = [];
  const alloc = () => recordViews(setup, layout, takeBuffer(layout.size));
  const { values, buffers } = runRecorded(
    setup,
    dt,
    nSteps,
    stepper,
    recordingHooks(setup, layout, stepper, alloc, steps, keptFrom, checkpoints, segment),
  );
  return {
    setup,
    stepper,
    dt,
    nSteps,
    segment,
    checkpoints,
    keptFrom,
    steps,
    final: snapshot(buffers.V, setup),
    values,
    layout,
    pool: [],
    poolStart: 0,
    released: false,
  };
}

/**
 * The records of steps [start, end), recomputed from the checkpoint at `start` (below
 * `keptFrom`) into pooled records. The pool has one record more than a segment, and each
 * recomputed segment ends just before the slot where the previous one started: the
 * first record of the previous segment (the backward pass's `after`) stays intact.
 */
export function replaySegment(tape: Tape, start: number, end: number): StepRecord[] {
  const { setup, layout } = tape;
  const size = tape.segment + 1;
  if (tape.pool.length === 0)
    tape.pool = Array.from({ length: size }, () => recordViews(setup, layout, takeBuffer(layout.size)));
  let slot = (((tape.poolStart - (end - start)) % size) + size) % size;
  tape.poolStart = slot;
  const alloc = () => {
    const r = tape.pool[slot];
    slot = (slot + 1) % size;
    return r;
  };
  const b = makeBuffers(setup);
  restore(tape.checkpoints[Math.floor(start / tape.segment)], b.V, setup);
  const out: StepRecord[] = [];
  runSteps(
    setup,
    b,
    tape.stepper,
    tape.dt,
    start,
    end,
    recordingHooks(setup, layout, tape.stepper, alloc, out, start, null, 0),
  );
  return out;
}

/** The records of the segment ending at `end`: the kept end of the run, or a recomputed segment. */
export function segmentBefore(tape: Tape, end: number): { start: number; records: StepRecord[] } {
  if (end > tape.keptFrom) return { start: tape.keptFrom, records: tape.steps };
  const start = Math.floor((end - 1) / tape.segment) * tape.segment;
  return { start, records: replaySegment(tape, start, end) };
}

/**
 * Reads records back as full samples for the backward pass: the dynamic node arrays
 * expanded to every node (two alternating sets, so that a sample and the one after it
 * are both valid), and the solve output where it was not stored.
 */
export class TapeReader {
  private readonly sets: Float64Array[][];
  private parity = 0;
  private readonly half: Float64Array;

  constructor(private readonly tape: Tape) {
    // Away from the nodes where they change, the arrays keep their values of the whole run.
    this.sets = [tape.final.D.map((a) => a.slice()), tape.final.D.map((a) => a.slice())];
    this.half = new Float64Array(tape.setup.parent.length);
  }

  /** The sample of record `r` (valid until the next call but one). */
  sample(r: StepRecord): Snapshot {
    const D = this.sets[this.parity];
    this.parity ^= 1;
    const { dNodes } = this.tape.layout;
    for (let j = 0; j < dNodes.length; j++) {
      const nodes = dNodes[j];
      const from = r.Dc[j];
      const to = D[j];
      for (let i = 0; i < nodes.length; i++) to[nodes[i]] = from[i];
    }
    return { V: r.V, S: r.S, D };
  }

  /**
   * The raw solve output of the step recorded in `r`, `after` being the voltage after the
   * step: stored with voltage clamps; else the new voltage (backward Euler) or the
   * midpoint of the old and new voltages (Crank-Nicolson, V' = 2 X - V).
   */
  solveOutput(r: StepRecord, after: Float64Array): Float64Array {
    if (r.X) return r.X;
    if (this.tape.stepper.name !== "crank_nicolson") return after;
    const { half } = this;
    const V = r.V;
    for (let i = 0; i < half.length; i++) half[i] = 0.5 * (V[i] + after[i]);
    return half;
  }
}
