/**
 * Voltage steppers: each advances the node voltages by one time step given the
 * linearised membrane currents. A stepper is an object, chosen by name in `integrate`.
 */

/** Everything a stepper reads and writes during one step. */
export interface StepBuffers {
  parent: Int32Array;
  /** nF per node (0 at branch points). */
  capNF: Float64Array;
  /** uS to the parent node. */
  axialUS: Float64Array;
  /** uS, sum over incident axial edges. */
  axialSumUS: Float64Array;
  /** -axialUS: the matrix off-diagonal. */
  off: Float64Array;
  /** mV, updated in place. */
  V: Float64Array;
  /** Outward membrane current at the old V, nA (stimuli already subtracted). */
  accI: Float64Array;
  /** dI/dV of that current, uS. */
  accG: Float64Array;
  diag: Float64Array;
  rhs: Float64Array;
  x: Float64Array;
}

export interface VoltageStepper {
  readonly name: SolverName;
  /** Advances `b.V` by `dt` ms; returns a number that is finite only if every voltage is. */
  step(b: StepBuffers, dt: number): number;
}

export type SolverName = "bwd_euler" | "crank_nicolson" | "fwd_euler";

/**
 * Solves (C/h + G + L) V' = (C/h + G) V - I on the tree (Hines elimination fused with
 * assembling the matrix). `b.diag` and `b.rhs` must be zero on entry (linearise clears
 * them); they accumulate the eliminated children's contributions until their node is
 * visited. The solution goes to `out`, which may be `b.V` itself.
 */
function implicitSolve(b: StepBuffers, h: number, out: Float64Array): number {
  const { parent, capNF, axialSumUS, accG, accI, V, diag, rhs, off } = b;
  const n = V.length;
  // Elimination from the leaves; diag[i] then holds the reciprocal of the pivot.
  for (let i = n - 1; i >= 0; i--) {
    const c = capNF[i] / h + accG[i];
    const inv = 1 / (diag[i] + c + axialSumUS[i]);
    const r = rhs[i] + c * V[i] - accI[i];
    diag[i] = inv;
    rhs[i] = r;
    const p = parent[i];
    if (p >= 0) {
      const o = off[i];
      const f = o * inv;
      diag[p] -= f * o;
      rhs[p] -= f * r;
    }
  }
  // Substitution from the roots; the sum of the solution reveals a NaN or infinity.
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const p = parent[i];
    const x = (p < 0 ? rhs[i] : rhs[i] - off[i] * out[p]) * diag[i];
    out[i] = x;
    sum += x;
  }
  return sum;
}

/** Backward Euler: first order, unconditionally stable (NEURON's default). */
const backwardEuler: VoltageStepper = {
  name: "bwd_euler",
  step(b, dt) {
    return implicitSolve(b, dt, b.V);
  },
};

/** Crank-Nicolson: a backward-Euler half step, then V(t+dt) = 2 V(t+dt/2) - V(t). */
const crankNicolson: VoltageStepper = {
  name: "crank_nicolson",
  step(b, dt) {
    implicitSolve(b, dt / 2, b.x);
    const { V, x } = b;
    let sum = 0;
    for (let i = 0; i < V.length; i++) sum += V[i] = 2 * x[i] - V[i];
    return sum;
  },
};

/** Forward Euler: explicit; branch points take the conductance-weighted mean of their neighbours. */
const forwardEuler: VoltageStepper = {
  name: "fwd_euler",
  step(b, dt) {
    const { parent, capNF, axialUS, V, accI, x } = b;
    const n = V.length;
    // Branch-point voltages: weighted mean of neighbours (num in x, den in rhs).
    x.fill(0);
    b.rhs.fill(0);
    for (let i = 0; i < n; i++) {
      const p = parent[i];
      if (p < 0) continue;
      if (capNF[p] === 0) {
        x[p] += axialUS[i] * V[i];
        b.rhs[p] += axialUS[i];
      }
      if (capNF[i] === 0) {
        x[i] += axialUS[i] * V[p];
        b.rhs[i] += axialUS[i];
      }
    }
    for (let i = 0; i < n; i++) if (capNF[i] === 0 && b.rhs[i] > 0) V[i] = x[i] / b.rhs[i];
    // Net axial current into each node, nA.
    const inflow = b.diag;
    inflow.fill(0);
    for (let i = 0; i < n; i++) {
      const p = parent[i];
      if (p < 0) continue;
      const j = axialUS[i] * (V[p] - V[i]);
      inflow[i] += j;
      inflow[p] -= j;
    }
    let sum = 0;
    for (let i = 0; i < n; i++) {
      if (capNF[i] > 0) V[i] += (dt / capNF[i]) * (inflow[i] - accI[i]);
      sum += V[i];
    }
    return sum;
  },
};

/** Steppers by name. */
export const STEPPERS: Readonly<Record<SolverName, VoltageStepper>> = {
  bwd_euler: backwardEuler,
  crank_nicolson: crankNicolson,
  fwd_euler: forwardEuler,
};
