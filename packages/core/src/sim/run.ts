/**
 * The time loop. Each step (NEURON's fixed-step scheme): update the reversal potentials
 * of ions whose concentration is written (Nernst), linearise membrane and synaptic
 * currents at the present voltage and states (summing ion currents per compartment), add
 * stimuli, advance the voltage with the chosen stepper, impose voltage clamps, then
 * advance every state at the new voltage (mechanisms that write a concentration or read
 * an ion current first, so that the others see this step's concentrations and the
 * reversal potentials that follow from them), impose state clamps, and record.
 */
import { DendrolabError } from "../errors.js";
import type { CompiledMechanism } from "../mechanisms/types.js";
import { nernst } from "../mechanisms/ions.js";
import { ionSlopeName } from "../mechanisms/model.js";
import type { StepBuffers, VoltageStepper } from "./steppers.js";

/** One mechanism type at its sites. Node indices are solve-order tree nodes. */
export interface Block {
  mech: CompiledMechanism;
  n: number;
  /** Presynaptic node per instance (channels: same as post). */
  pre: Int32Array;
  /** Node the current flows into. */
  post: Int32Array;
  /** Parameters, one array per `mech.paramKeys` entry. */
  P: Float64Array[];
  /** States, one array per `mech.stateKeys` entry; advanced in place. */
  S: Float64Array[];
  /** Current scale per instance: area * 1e-2 (mA/cm2 -> nA) for channels, 1 for synapses. */
  scale: Float64Array;
  /** Node-level arrays per `mech.nodeVars` entry (celsius, ion variables); shared between blocks. */
  X?: Float64Array[];
}

/** A species whose reversal potential follows Nernst at some nodes (where a concentration is written). */
export interface NernstPlan {
  valence: number;
  /** Node arrays: reversal potential (mV, written), concentrations (mM), celsius. */
  e: Float64Array;
  ci: Float64Array;
  co: Float64Array;
  celsius: Float64Array;
  nodes: Int32Array;
}

/** The ion state of a run: node-level arrays by name, which to zero each step, Nernst updates. */
export interface IonSetup {
  /** Every node-level array by name (`celsius`, `ek`, `cai`, `ica`, ...), indexed by node. */
  arrays: Map<string, Float64Array>;
  /** Ion current arrays, zeroed before the currents of each step. */
  currents: Float64Array[];
  nernst: NernstPlan[];
  /** Each written ion current with its d i / dv (Crank-Nicolson's correction). */
  slopes: Array<{ current: Float64Array; slope: Float64Array }>;
}

/**
 * Crank-Nicolson's correction of ion currents (NEURON's secondorder 2): each ion current,
 * linearised at the old voltage, moves by its slope times the half-step voltage change,
 * before the states that read it advance. `b.x` holds the half-step voltage.
 */
function correctIonCurrents(s: SimSetup, b: StepBuffers): void {
  for (const { current, slope } of s.ions?.slopes ?? []) {
    for (let i = 0; i < current.length; i++) if (slope[i] !== 0) current[i] += slope[i] * (b.V[i] - b.x[i]);
  }
}

/** What one output row records. */
export type RecordingPlan =
  | { kind: "v"; node: number }
  | { kind: "state"; block: number; j: number; k: number }
  /** A current: the sum of the unscaled currents of several instances (mA/cm2 or nA). */
  | { kind: "current"; parts: Array<{ block: number; k: number }> }
  /** A node-level ion variable (`eca`, `cai`, `ica`...) or `celsius`. */
  | { kind: "ion"; name: string; node: number }
  /** Output `j` of a mechanism's spec (`outputs`), instance k of block `block`. */
  | { kind: "output"; block: number; j: number; k: number };

/** A held value; `values[s]` is imposed at sample s. */
export type ClampPlan =
  | { kind: "v"; node: number; values: Float64Array }
  | { kind: "state"; block: number; j: number; k: number; values: Float64Array };

export interface SimSetup {
  parent: Int32Array;
  capNF: Float64Array;
  axialUS: Float64Array;
  axialSumUS: Float64Array;
  /** Initial voltage per node, mV (branch points are recomputed). */
  V0: Float64Array;
  blocks: Block[];
  /** Stimulated nodes and their currents, nA; sample s flows during step s. */
  stimNodes: Int32Array;
  stimValues: Float64Array[];
  clamps: ClampPlan[];
  recordings: RecordingPlan[];
  /** Ions and celsius; absent or empty when no mechanism uses them. */
  ions?: IonSetup;
}

/**
 * Raised when the simulation produces a non-finite voltage (code "NON_FINITE"). `node` is
 * the solve node, `step` the 0-based step after which it happened; `integrate` rethrows
 * it with a message naming the cell, branch, compartment and time.
 */
export class NonFiniteError extends DendrolabError {
  constructor(
    readonly node: number,
    readonly step: number,
    readonly value: number,
    message = `non-finite voltage ${value} at solve node ${node} after step ${step}`,
  ) {
    super(message, "NON_FINITE");
    this.name = "NonFiniteError";
  }
}

/** Voltages of zero-capacitance nodes: conductance-weighted mean of their neighbours. */
function settleBranchPoints(s: Pick<SimSetup, "parent" | "capNF" | "axialUS">, V: Float64Array): void {
  const n = V.length;
  const num = new Float64Array(n);
  const den = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = s.parent[i];
    if (p < 0) continue;
    if (s.capNF[p] === 0) {
      num[p] += s.axialUS[i] * V[i];
      den[p] += s.axialUS[i];
    }
    if (s.capNF[i] === 0) {
      num[i] += s.axialUS[i] * V[p];
      den[i] += s.axialUS[i];
    }
  }
  for (let i = 0; i < n; i++) if (s.capNF[i] === 0 && den[i] > 0) V[i] = num[i] / den[i];
}

/** Allocates the step buffers of a setup. */
export function makeBuffers(s: SimSetup): StepBuffers {
  const n = s.parent.length;
  const off = new Float64Array(n);
  for (let i = 0; i < n; i++) off[i] = -s.axialUS[i];
  const V = s.V0.slice();
  settleBranchPoints(s, V);
  return {
    parent: s.parent,
    capNF: s.capNF,
    axialUS: s.axialUS,
    axialSumUS: s.axialSumUS,
    off,
    V,
    accI: new Float64Array(n),
    accG: new Float64Array(n),
    diag: new Float64Array(n),
    rhs: new Float64Array(n),
    x: new Float64Array(n),
  };
}

/** Clears the accumulators of a step. */
function clearAccumulators(b: StepBuffers): void {
  b.accI.fill(0);
  b.accG.fill(0);
  b.diag.fill(0);
  b.rhs.fill(0);
}

/** Subtracts the stimuli of step `step` from the outward current. */
function addStimuli(s: SimSetup, b: StepBuffers, step: number): void {
  for (let r = 0; r < s.stimNodes.length; r++) {
    const vals = s.stimValues[r];
    if (step < vals.length) b.accI[s.stimNodes[r]] -= vals[step];
  }
}

/** Zeroes the ion currents and sets Nernst reversal potentials from the present concentrations. */
export function prepareIons(s: SimSetup): void {
  if (!s.ions) return;
  for (const a of s.ions.currents) a.fill(0);
  updateNernst(s);
}

/** Sets the reversal potentials that follow Nernst from the present concentrations. */
function updateNernst(s: SimSetup): void {
  for (const p of s.ions?.nernst ?? []) {
    for (let i = 0; i < p.nodes.length; i++) {
      const j = p.nodes[i];
      p.e[j] = nernst(p.ci[j], p.co[j], p.valence, p.celsius[j]);
    }
  }
}

/**
 * The node arrays a run changes that a mechanism reads back: concentrations some
 * mechanism writes, the reversal potentials that follow them (Nernst), and the ion
 * currents some mechanism reads (with their slopes, for Crank-Nicolson's correction);
 * each once. A snapshot of the dynamic state holds them besides voltages and states;
 * other ion currents are recomputed by the next linearisation.
 */
export function dynamicArrays(s: SimSetup): Float64Array[] {
  const ions = s.ions;
  if (!ions) return [];
  const out = new Set<Float64Array>();
  const add = (name: string) => {
    const a = ions.arrays.get(name);
    if (a) out.add(a);
  };
  for (const b of s.blocks) {
    for (const ion of b.mech.ions) {
      for (const w of ion.write) if (!w.startsWith("i")) add(w);
      for (const r of ion.read) {
        if (r !== `i${ion.species}`) continue;
        add(r);
        add(`d${r}_dv`);
      }
    }
  }
  for (const p of ions.nernst) out.add(p.e);
  // Recorded ion currents that Crank-Nicolson corrects (their adjoint needs the slope).
  for (const r of correctedRecordings(s)) {
    out.add(ions.arrays.get(r.name)!);
    out.add(ions.arrays.get(ionSlopeName(r.name))!);
  }
  return [...out];
}

/**
 * The recordings of written ion currents (`ina`, `ica`...; kind "ion"): under
 * Crank-Nicolson each sample but the last records the current after the correction of
 * the step that starts there (NEURON's recorded value one sample later), see
 * {@link runRecorded}.
 */
export function correctedRecordings(s: SimSetup): Array<{ row: number; name: string; node: number }> {
  const slopes = new Set(s.ions?.slopes.map((x) => x.current) ?? []);
  return s.recordings.flatMap((p, row) =>
    p.kind === "ion" && slopes.has(s.ions!.arrays.get(p.name)!) ? [{ row, name: p.name, node: p.node }] : [],
  );
}

/**
 * Linearised currents at the present state into b.accI / b.accG, minus stimuli of step
 * `step`; mechanisms that read `dt` or `t` see the step and its midpoint (NEURON's t).
 */
export function linearise(s: SimSetup, b: StepBuffers, step: number, dt: number): void {
  clearAccumulators(b);
  prepareIons(s);
  const t = step * dt + 0.5 * dt; // NEURON evaluates the currents of a step at its midpoint
  for (const k of s.blocks) k.mech.current(k.n, k.pre, k.post, b.V, k.P, k.S, k.scale, b.accI, b.accG, k.X, dt, t);
  addStimuli(s, b, step);
}

/** Imposes clamps of kind `kind` at sample `sample`. */
function applyClamps(s: SimSetup, V: Float64Array, sample: number, kind: "v" | "state"): void {
  for (const c of s.clamps) {
    if (c.kind !== kind || sample >= c.values.length) continue;
    if (c.kind === "v") V[c.node] = c.values[sample];
    else s.blocks[c.block].S[c.j][c.k] = c.values[sample];
  }
}

/**
 * Records every plan at sample `sample` into `out` (row-major, `nSamples` per row). A
 * mechanism output or current that reads `dt` or `t` sees the step and the time of the
 * currents of the step starting at the sample (t_k + dt/2), as NEURON records them.
 */
export function record(
  s: SimSetup,
  V: Float64Array,
  out: Float64Array,
  nSamples: number,
  sample: number,
  scratch: Float64Array,
  dt: number,
): void {
  const recs = s.recordings;
  const t = sample * dt + 0.5 * dt;
  for (let r = 0; r < recs.length; r++) {
    const p = recs[r];
    let value: number;
    if (p.kind === "v") value = V[p.node];
    else if (p.kind === "state") value = s.blocks[p.block].S[p.j][p.k];
    else if (p.kind === "ion") value = s.ions!.arrays.get(p.name)![p.node];
    else if (p.kind === "output") {
      const k = s.blocks[p.block];
      const sub = (a: Float64Array | Int32Array) => a.subarray(p.k, p.k + 1);
      k.mech.outputValues(p.j)(
        1,
        sub(k.pre) as Int32Array,
        sub(k.post) as Int32Array,
        V,
        k.P.map((a) => a.subarray(p.k, p.k + 1)),
        k.S.map((a) => a.subarray(p.k, p.k + 1)),
        scratch,
        k.X,
        dt,
        t,
      );
      value = scratch[0];
    } else {
      value = 0;
      for (const part of p.parts) {
        const k = s.blocks[part.block];
        const sub = (a: Int32Array) => a.subarray(part.k, part.k + 1);
        k.mech.currentValues(
          1,
          sub(k.pre),
          sub(k.post),
          V,
          k.P.map((a) => a.subarray(part.k, part.k + 1)),
          k.S.map((a) => a.subarray(part.k, part.k + 1)),
          scratch,
          k.X,
          dt,
          t,
        );
        value += scratch[0];
      }
    }
    out[r * nSamples + sample] = value;
  }
}

/** Throws NonFiniteError at the first non-finite voltage (called when their sum is not finite). */
function throwNonFinite(V: Float64Array, step: number): void {
  for (let i = 0; i < V.length; i++) if (!Number.isFinite(V[i])) throw new NonFiniteError(i, step, V[i]);
}

/** Observers of a run of steps (for recordings and the adjoint's tape). */
export interface StepHooks {
  /** Before the solve of step `step`: b.V, the states and b.accG are those the step uses. */
  before?(step: number, b: StepBuffers): void;
  /** After the solve of step `step`, before voltage clamps. */
  solved?(step: number, b: StepBuffers): void;
  /** Under Crank-Nicolson with ion currents: after their correction in step `step`. */
  corrected?(step: number, b: StepBuffers): void;
  /** After step `step` is complete (sample step + 1 is ready). */
  after?(step: number, b: StepBuffers): void;
}

/**
 * Runs steps [start, end) from the present state in `b` and the blocks: linearise, solve,
 * clamp the voltage, advance the gates, clamp states. Without state clamps, each step's
 * gate update and the next linearisation run as one fused pass per mechanism.
 */
export function runSteps(
  s: SimSetup,
  b: StepBuffers,
  stepper: VoltageStepper,
  dt: number,
  start: number,
  end: number,
  hooks: StepHooks = {},
): void {
  const fused = !s.clamps.some((c) => c.kind === "state");
  // Mechanisms that write a concentration or read an ion current advance first (NEURON's
  // order): they see this step's ion currents, and the others this step's concentrations.
  const first = s.blocks.filter((k) => k.mech.advancesFirst && k.S.length > 0);
  const hasIons = (s.ions?.arrays.size ?? 0) > 0;
  const cn = stepper.name === "crank_nicolson" ? 1 : 0;
  const correctCn = cn === 1 && (s.ions?.slopes.length ?? 0) > 0;
  if (start < end) linearise(s, b, start, dt);
  for (let step = start; step < end; step++) {
    hooks.before?.(step, b);
    const sum = stepper.step(b, dt);
    if (!Number.isFinite(sum)) throwNonFinite(b.V, step);
    hooks.solved?.(step, b);
    if (correctCn) {
      correctIonCurrents(s, b);
      hooks.corrected?.(step, b);
    }
    applyClamps(s, b.V, step + 1, "v");
    const tEnd = (step + 1) * dt; // the states' update time, as NEURON's nrn_state
    for (const k of first) k.mech.advance(k.n, k.pre, k.post, b.V, k.P, k.S, dt, k.X, cn, tEnd);
    if (fused) {
      clearAccumulators(b);
      prepareIons(s);
      for (const k of s.blocks) {
        if (k.S.length > 0 && !k.mech.advancesFirst) {
          k.mech.advanceCurrent(k.n, k.pre, k.post, b.V, k.P, k.S, dt, k.scale, b.accI, b.accG, k.X, cn, tEnd);
        } else {
          k.mech.current(k.n, k.pre, k.post, b.V, k.P, k.S, k.scale, b.accI, b.accG, k.X, dt, tEnd + 0.5 * dt);
        }
      }
      addStimuli(s, b, step + 1);
    } else {
      // As in the fused pass: the other states advance at this step's reversal potentials.
      updateNernst(s);
      for (const k of s.blocks) {
        if (k.S.length > 0 && !k.mech.advancesFirst)
          k.mech.advance(k.n, k.pre, k.post, b.V, k.P, k.S, dt, k.X, cn, tEnd);
      }
      applyClamps(s, b.V, step + 1, "state");
      if (step + 1 < end || hasIons) linearise(s, b, step + 1, dt);
    }
    hooks.after?.(step, b);
  }
}

/**
 * Runs `nSteps` steps of `dt` ms from the setup's initial state, recording every sample;
 * `hooks.before` / `hooks.solved` observe each step. Returns the recordings (row-major:
 * row r holds samples 0..nSteps, sample k at t = k dt) and the final buffers. States in
 * `setup.blocks` are advanced in place.
 *
 * A written ion current is recorded at sample k as the current of the step that starts
 * there: linearised at sample k (backward Euler), and under Crank-Nicolson with
 * NEURON's correction `i + di/dv (v(t + dt/2) - v(t))` (second order; the last sample,
 * with no step after it, uncorrected). NEURON records these values one sample later.
 */
export function runRecorded(
  setup: SimSetup,
  dt: number,
  nSteps: number,
  stepper: VoltageStepper,
  hooks: Omit<StepHooks, "after"> = {},
): { values: Float64Array; buffers: StepBuffers } {
  const b = makeBuffers(setup);
  const nSamples = nSteps + 1;
  const values = new Float64Array(setup.recordings.length * nSamples);
  const scratch = new Float64Array(1);
  applyClamps(setup, b.V, 0, "v");
  applyClamps(setup, b.V, 0, "state");
  // Ion currents and reversal potentials of sample 0 (runSteps linearises again).
  if (setup.ions && setup.ions.arrays.size > 0 && nSteps > 0) linearise(setup, b, 0, dt);
  record(setup, b.V, values, nSamples, 0, scratch, dt);
  const corrected = correctedRecordings(setup);
  runSteps(setup, b, stepper, dt, 0, nSteps, {
    ...hooks,
    corrected: (step) => {
      for (const c of corrected) values[c.row * nSamples + step] = setup.ions!.arrays.get(c.name)![c.node];
    },
    after: (step) => record(setup, b.V, values, nSamples, step + 1, scratch, dt),
  });
  return { values, buffers: b };
}
