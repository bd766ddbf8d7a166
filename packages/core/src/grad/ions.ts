/**
 * The adjoint of the node arrays of a run (docs/design.md#kernel): `celsius`, reversal
 * potentials, concentrations and ion currents. Each array has an adjoint per node:
 *
 * - arrays that stay constant (celsius; reversal potentials and concentrations nothing
 *   writes) accumulate theirs over the whole run: it is their gradient;
 * - ion currents and their slopes are summed afresh by every step's currents: their
 *   adjoint is read by the writers' currentVjp as a weight, then cleared;
 * - where a concentration is written, the array mirrors the writer's state: its adjoint
 *   moves to that state when the writer's update is reversed, and the reversal potential
 *   that follows Nernst passes its adjoint to the concentrations and celsius.
 */
import { DendrolabError } from "../errors.js";
import { FARADAY, GAS_CONSTANT } from "../mechanisms/ions.js";
import type { SimSetup } from "../sim/run.js";
import { dynamicOf } from "./tape.js";

/** Where a block's node variable comes from: a constant array, or a dynamic one by index. */
type Source = { dynamic: number } | { fixed: Float64Array };

interface NernstAdjoint {
  valence: number;
  nodes: Int32Array;
  /** The concentrations: constant, or dynamic (written) by index. */
  ci: Source;
  co: Source;
  celsius: Float64Array;
  lamE: Float64Array;
  lamCi: Float64Array;
  lamCo: Float64Array;
  lamCelsius: Float64Array;
}

/** The adjoints of a setup's node arrays, and what the backward pass needs to move them. */
export class IonAdjoint {
  /** The adjoint of every node array, by name. */
  readonly lam = new Map<string, Float64Array>();
  /** Per block, the adjoints in the order of its node variables (the kernels' `LX`). */
  readonly lx: Float64Array[][];
  /** Per block, `lx` with zeros at the variables it writes (for recorded currents). */
  readonly recordLx: Float64Array[][];
  /** Blocks that advance first (write a concentration or read an ion current), in order. */
  readonly first: number[];
  private readonly sources: Source[][];
  private readonly lists: Float64Array[][];
  private readonly mirrors: Array<Array<{ j: number; lam: Float64Array }>>;
  private readonly nernst: NernstAdjoint[];
  /** Written ion currents with their slopes: indices in the dynamic arrays, adjoints, corrected values. */
  private readonly slopes: Array<{ current: number; slope: number; lamI: Float64Array; lamS: Float64Array }>;
  private readonly corrected: Map<number, Float64Array>;
  private readonly currentLams: Float64Array[];

  constructor(private readonly setup: SimSetup) {
    const ions = setup.ions!;
    const n = setup.parent.length;
    const dynamic = dynamicOf(setup);
    const nameOf = new Map<Float64Array, string>();
    for (const [name, a] of ions.arrays) {
      nameOf.set(a, name);
      this.lam.set(name, new Float64Array(n));
    }
    const lamOf = (a: Float64Array) => this.lam.get(nameOf.get(a)!)!;
    const zero = new Float64Array(n);
    const sourceOf = (a: Float64Array): Source =>
      dynamic.includes(a) ? { dynamic: dynamic.indexOf(a) } : { fixed: a };
    this.sources = setup.blocks.map((b) => (b.X ?? []).map(sourceOf));
    this.lists = setup.blocks.map((b) => [...(b.X ?? [])]);
    this.lx = setup.blocks.map((b) => (b.X ?? []).map(lamOf));
    this.recordLx = setup.blocks.map((b) => {
      const written = new Set(b.mech.ions.flatMap((i) => i.write.flatMap((w) => [w, `d${w}_dv`])));
      return (b.X ?? []).map((a, j) => (written.has(b.mech.nodeVars[j]) ? zero : lamOf(a)));
    });
    this.first = setup.blocks.flatMap((b, i) => (b.mech.advancesFirst && b.S.length > 0 ? [i] : []));
    this.mirrors = setup.blocks.map((b) =>
      b.mech.stateKeys.flatMap((key, j) =>
        b.mech.ions.some((i) => i.write.includes(key)) ? [{ j, lam: this.lam.get(key)! }] : [],
      ),
    );
    this.nernst = ions.nernst.map((p) => ({
      valence: p.valence,
      nodes: p.nodes,
      ci: sourceOf(p.ci),
      co: sourceOf(p.co),
      celsius: p.celsius,
      lamE: lamOf(p.e),
      lamCi: lamOf(p.ci),
      lamCo: lamOf(p.co),
      lamCelsius: lamOf(p.celsius),
    }));
    // Currents no mechanism reads have no weight at the correction (recordings see them uncorrected).
    this.slopes = ions.slopes
      .filter((s) => dynamic.includes(s.current))
      .map((s) => ({
        current: dynamic.indexOf(s.current),
        slope: dynamic.indexOf(s.slope),
        lamI: lamOf(s.current),
        lamS: lamOf(s.slope),
      }));
    this.corrected = new Map(this.slopes.map((s) => [s.current, new Float64Array(n)]));
    this.currentLams = ions.currents.map(lamOf);
    this.checkSupported();
  }

  /**
   * The adjoint follows the concentrations seen by each mechanism advancing first only
   * if no such mechanism reads a concentration that an earlier one writes, and if at most
   * one mechanism writes a concentration in a compartment.
   */
  private checkSupported(): void {
    const { blocks } = this.setup;
    const writers = new Map<string, Int32Array>();
    for (const b of blocks) {
      for (const { j } of this.mirrors[blocks.indexOf(b)]) {
        const key = b.mech.stateKeys[j];
        const count = writers.get(key) ?? new Int32Array(this.setup.parent.length);
        for (const node of b.post) {
          if (++count[node] > 1) {
            throw new DendrolabError(
              `Gradients need at most one mechanism writing '${key}' in a compartment; several do at solve node ${node}. ` +
                `Insert one of them there (the forward simulation allows several).`,
              "INVALID_ARGUMENT",
            );
          }
        }
        writers.set(key, count);
      }
    }
    const written = new Set<string>();
    for (const i of this.first) {
      const b = blocks[i];
      const reads = b.mech.nodeVars.filter(
        (v) => written.has(v) && !this.mirrors[i].some((m) => b.mech.stateKeys[m.j] === v),
      );
      if (reads.length > 0) {
        throw new DendrolabError(
          `Gradients: mechanism '${b.mech.name}' reads ${reads.join(", ")}, which a mechanism inserted before it writes, ` +
            `and both advance first; insert '${b.mech.name}' before the writer.`,
          "INVALID_ARGUMENT",
        );
      }
      for (const m of this.mirrors[i]) written.add(b.mech.stateKeys[m.j]);
    }
  }

  /** Block i's node arrays with the dynamic ones taken from `D` (a reused list). */
  x(i: number, D: readonly Float64Array[]): Float64Array[] {
    const list = this.lists[i];
    this.sources[i].forEach((s, j) => {
      list[j] = "fixed" in s ? s.fixed : D[s.dynamic];
    });
    return list;
  }

  /** As {@link x}, with the ion currents after Crank-Nicolson's correction (see {@link correct}). */
  xCorrected(i: number, D: readonly Float64Array[]): Float64Array[] {
    const list = this.x(i, D);
    this.sources[i].forEach((s, j) => {
      const c = "dynamic" in s ? this.corrected.get(s.dynamic) : undefined;
      if (c) list[j] = c;
    });
    return list;
  }

  /**
   * Computes the corrected ion currents of a Crank-Nicolson step as the forward pass did:
   * `i + di/dv (V' - X)` with `V' = 2 X - V` (X the half-step solve output).
   */
  correct(D: readonly Float64Array[], X: Float64Array, V: Float64Array): void {
    for (const s of this.slopes) {
      const out = this.corrected.get(s.current)!;
      const cur = D[s.current],
        slope = D[s.slope];
      for (let i = 0; i < out.length; i++) {
        out[i] = cur[i];
        if (slope[i] !== 0) out[i] += slope[i] * (2 * X[i] - V[i] - X[i]);
      }
    }
  }

  /**
   * The adjoint of Crank-Nicolson's correction, with the ion currents' adjoints on the
   * corrected values: adds d/dX to `lamX` and d/dV (the voltage before the step) to `lamV`,
   * and d/d slope to the slopes' adjoints. The currents' adjoints stay (i is added as is).
   */
  reverseCorrection(
    D: readonly Float64Array[],
    X: Float64Array,
    V: Float64Array,
    lamX: Float64Array,
    lamV: Float64Array,
  ): void {
    for (const s of this.slopes) {
      const slope = D[s.slope];
      for (let i = 0; i < lamX.length; i++) {
        const l = s.lamI[i];
        if (l === 0 || slope[i] === 0) continue;
        lamX[i] += l * slope[i];
        lamV[i] -= l * slope[i];
        s.lamS[i] += l * (2 * X[i] - V[i] - X[i]);
      }
    }
  }

  /** Moves the adjoints of block i's concentration mirrors to the weights of its states, `wS`. */
  takeMirrors(i: number, wS: Float64Array[]): void {
    const post = this.setup.blocks[i].post;
    for (const { j, lam } of this.mirrors[i]) {
      const w = wS[j];
      for (let k = 0; k < post.length; k++) {
        w[k] += lam[post[k]];
        lam[post[k]] = 0;
      }
    }
  }

  /** The adjoint of the Nernst update from the concentrations in `D`: e's adjoint moves to ci, co, celsius. */
  reverseNernst(D: readonly Float64Array[]): void {
    const perKelvin = (1000 * GAS_CONSTANT) / FARADAY;
    for (const p of this.nernst) {
      const ci = "fixed" in p.ci ? p.ci.fixed : D[p.ci.dynamic];
      const co = "fixed" in p.co ? p.co.fixed : D[p.co.dynamic];
      for (const j of p.nodes) {
        const l = p.lamE[j];
        if (l === 0) continue;
        p.lamE[j] = 0;
        if (p.valence === 0 || ci[j] <= 0 || co[j] <= 0) continue;
        const ktfz = (perKelvin * (p.celsius[j] + 273.15)) / p.valence;
        p.lamCi[j] -= (l * ktfz) / ci[j];
        p.lamCo[j] += (l * ktfz) / co[j];
        p.lamCelsius[j] += ((l * perKelvin) / p.valence) * Math.log(co[j] / ci[j]);
      }
    }
  }

  /** Whether an ion current or slope has a nonzero adjoint (recorded at the last sample). */
  hasCurrentWeights(): boolean {
    return this.currentLams.some((a) => a.some((x) => x !== 0));
  }

  /** Clears the adjoints of the ion currents and slopes (every step sums them afresh). */
  clearCurrents(): void {
    for (const a of this.currentLams) a.fill(0);
  }
}
