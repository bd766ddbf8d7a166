/**
 * The forward pass, keeping what the adjoint needs: the voltage before each step, the raw
 * solve output, and every mechanism state before each step. Within a memory budget the
 * whole run is kept; beyond it, only checkpoints every K steps are kept and each segment is
 * recomputed during the backward pass (memory O(N (T/K + K)) instead of O(N T)).
 */
import type { SimSetup } from "../sim/run.js";
import { dynamicArrays, makeBuffers, runRecorded, runSteps, type StepHooks } from "../sim/run.js";
import type { VoltageStepper } from "../sim/steppers.js";

/**
 * A snapshot of the dynamic state: node voltages, every block's states, and the node
 * arrays the run changes (`dynamicArrays`: ion currents and slopes, Nernst reversal
 * potentials and concentrations), taken after the step's currents are linearised.
 */
interface Snapshot {
  V: Float64Array;
  S: Float64Array[][];
  D: Float64Array[];
}

/** The states at one step, as the backward pass reads them. */
export interface StepRecord extends Snapshot {
  /** The raw solve output of the step (before voltage clamps). */
  X: Float64Array;
  /** The linearised membrane conductance of the step, uS per node (saves recomputing it). */
  G: Float64Array;
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

/** Bytes one stored step takes. */
function bytesPerStep(setup: SimSetup): number {
  let n = (3 + dynamicOf(setup).length) * setup.parent.length;
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
}

/** Hooks that record steps from `from` on into `out`, and checkpoints every `segment` steps before it. */
function recordingHooks(
  setup: SimSetup,
  stepper: VoltageStepper,
  out: StepRecord[],
  from: number,
  checkpoints: Snapshot[] | null,
  segment: number,
): StepHooks {
  let pending: (Snapshot & { G: Float64Array }) | null = null;
  return {
    before(step, b) {
      if (checkpoints && step % segment === 0 && step < from) checkpoints.push(snapshot(b.V, setup));
      if (step >= from) pending = { ...snapshot(b.V, setup), G: b.accG.slice() };
    },
    solved(_step, b) {
      if (!pending) return;
      out.push({ ...pending, X: (stepper.name === "crank_nicolson" ? b.x : b.V).slice() });
      pending = null;
    },
  };
}

/**
 * Runs the simulation keeping a tape. `budgetBytes` bounds the memory of stored steps
 * (default 256 MB): below it every step is kept. Above it, checkpoints every K = sqrt(T)
 * steps are kept for the start of the run and the backward pass recomputes it segment by
 * segment, while the end of the run is kept whole in what the budget leaves after the
 * checkpoints and one recomputed segment (less to recompute).
 */
export function forwardWithTape(
  setup: SimSetup,
  dt: number,
  nSteps: number,
  stepper: VoltageStepper,
  budgetBytes = 256 * 2 ** 20,
): Tape {
  const perStep = bytesPerStep(setup);
  const keepAll = perStep * nSteps <= budgetBytes;
  const segment = keepAll ? Math.max(nSteps, 1) : Math.max(1, Math.ceil(Math.sqrt(nSteps)));
  let keptFrom = 0;
  if (!keepAll) {
    const reserved = (Math.ceil(nSteps / segment) + segment) * perStep;
    const tail = Math.max(0, Math.floor((budgetBytes - reserved) / perStep));
    keptFrom = Math.min(nSteps, Math.ceil((nSteps - tail) / segment) * segment);
  }
  const checkpoints: Snapshot[] = [];
  const steps: StepRecord[] = [];
  const { values, buffers } = runRecorded(
    setup,
    dt,
    nSteps,
    stepper,
    recordingHooks(setup, stepper, steps, keptFrom, checkpoints, segment),
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
  };
}

/** The records of steps [start, end), recomputed from the checkpoint at `start` (below `keptFrom`). */
export function replaySegment(tape: Tape, start: number, end: number): StepRecord[] {
  const { setup } = tape;
  const b = makeBuffers(setup);
  restore(tape.checkpoints[Math.floor(start / tape.segment)], b.V, setup);
  const out: StepRecord[] = [];
  runSteps(setup, b, tape.stepper, tape.dt, start, end, recordingHooks(setup, tape.stepper, out, start, null, 0));
  return out;
}

/** The records of the segment ending at `end`: the kept end of the run, or a recomputed segment. */
export function segmentBefore(tape: Tape, end: number): { start: number; records: StepRecord[] } {
  if (end > tape.keptFrom) return { start: tape.keptFrom, records: tape.steps };
  const start = Math.floor((end - 1) / tape.segment) * tape.segment;
  return { start, records: replaySegment(tape, start, end) };
}
