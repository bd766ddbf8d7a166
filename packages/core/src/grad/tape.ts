/**
 * The forward pass, keeping what the adjoint needs: the voltage before each step, the raw
 * solve output, and every mechanism state before each step. Within a memory budget the
 * whole run is kept; beyond it, only checkpoints every K steps are kept and each segment is
 * recomputed during the backward pass (memory O(N (T/K + K)) instead of O(N T)).
 */
import type { Block, SimSetup } from "../sim/run.js";
import { makeBuffers, runRecorded, runSteps, type StepHooks } from "../sim/run.js";
import type { VoltageStepper } from "../sim/steppers.js";

/** A snapshot of the dynamic state: node voltages and every block's states. */
interface Snapshot {
  V: Float64Array;
  S: Float64Array[][];
}

/** The states at one step, as the backward pass reads them. */
export interface StepRecord extends Snapshot {
  /** The raw solve output of the step (before voltage clamps). */
  X: Float64Array;
  /** The linearised membrane conductance of the step, uS per node (saves recomputing it). */
  G: Float64Array;
}

function snapshot(V: Float64Array, blocks: readonly Block[]): Snapshot {
  return { V: V.slice(), S: blocks.map((b) => b.S.map((a) => a.slice())) };
}

function restore(s: Snapshot, V: Float64Array, blocks: readonly Block[]): void {
  V.set(s.V);
  for (const [i, b] of blocks.entries()) for (const [j, a] of b.S.entries()) a.set(s.S[i][j]);
}

/** Bytes one stored step takes. */
function bytesPerStep(setup: SimSetup): number {
  let n = 3 * setup.parent.length;
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
  /** Snapshots at steps 0, segment, 2 segment, ... (before the step). */
  checkpoints: Snapshot[];
  /** When the whole run is kept: the record of every step. */
  steps: StepRecord[] | null;
  /** Voltage and states after the last step. */
  final: Snapshot;
  /** Recordings, row-major, nSteps + 1 samples per row (may be released once copied out). */
  values: Float64Array;
}

/** Hooks that record each step of [start, end) into `out` (and checkpoints, if asked). */
function recordingHooks(
  setup: SimSetup,
  stepper: VoltageStepper,
  out: StepRecord[] | null,
  checkpoints: Snapshot[] | null,
  segment: number,
): StepHooks {
  let pending: (Snapshot & { G: Float64Array }) | null = null;
  return {
    before(step, b) {
      if (checkpoints && step % segment === 0) checkpoints.push(snapshot(b.V, setup.blocks));
      if (out) pending = { ...snapshot(b.V, setup.blocks), G: b.accG.slice() };
    },
    solved(_step, b) {
      if (out && pending) out.push({ ...pending, X: (stepper.name === "crank_nicolson" ? b.x : b.V).slice() });
    },
  };
}

/**
 * Runs the simulation keeping a tape. `budgetBytes` bounds the memory of stored steps
 * (default 256 MB): below it every step is kept, above it checkpoints are.
 */
export function forwardWithTape(
  setup: SimSetup,
  dt: number,
  nSteps: number,
  stepper: VoltageStepper,
  budgetBytes = 256 * 2 ** 20,
): Tape {
  const keepAll = bytesPerStep(setup) * nSteps <= budgetBytes;
  const segment = keepAll ? Math.max(nSteps, 1) : Math.max(1, Math.ceil(Math.sqrt(nSteps)));
  const checkpoints: Snapshot[] = [];
  const steps: StepRecord[] | null = keepAll ? [] : null;
  const { values, buffers } = runRecorded(
    setup,
    dt,
    nSteps,
    stepper,
    recordingHooks(setup, stepper, steps, checkpoints, segment),
  );
  return { setup, stepper, dt, nSteps, segment, checkpoints, steps, final: snapshot(buffers.V, setup.blocks), values };
}

/** The records of steps [start, end), recomputed from the checkpoint at `start`. */
export function replaySegment(tape: Tape, start: number, end: number): StepRecord[] {
  const { setup } = tape;
  const b = makeBuffers(setup);
  restore(tape.checkpoints[Math.floor(start / tape.segment)], b.V, setup.blocks);
  const out: StepRecord[] = [];
  runSteps(setup, b, tape.stepper, tape.dt, start, end, recordingHooks(setup, tape.stepper, out, null, tape.segment));
  return out;
}
