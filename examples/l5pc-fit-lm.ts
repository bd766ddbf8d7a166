// One start of the L5PC fit with Levenberg-Marquardt steps (levenberg.ts): the Jacobian of
// the four scaled residuals from one adjoint run each, a trial simulation per proposed step,
// refused trials only raise the damping. Counts accepted steps, simulations and adjoint runs.
import * as tf from "@tensorflow/tfjs";
import { LevenbergMarquardt, type LevenbergOptions, solveSpd } from "./levenberg.js";

/** What one start needs: its variables (one value each) and the scaled residuals at the current values. */
export interface LmProblem {
  variables: readonly tf.Variable[];
  /** (statistic - target) / scale, as a tensor (recorded on the tape when under variableGrads). */
  residuals: () => tf.Tensor1D;
  /** How many residuals there are. */
  count: number;
  /** Values of the parameters (constrained space) at the current variables. */
  values: () => number[];
}

/** The outcome of one start. */
export interface LmResult {
  /** Accepted steps until the loss was below the threshold, or null. */
  steps: number | null;
  best: { loss: number; values: number[] };
  simulations: number;
  adjoints: number;
  /** Steps out of a stall (counted in steps too). */
  kicks: number;
  seconds: number;
}

const l1 = (r: readonly number[]) => r.reduce((s, x) => s + Math.abs(x), 0);
const l2 = (r: readonly number[]) => r.reduce((s, x) => s + x * x, 0);

/** Runs Levenberg-Marquardt steps until sum |r| < threshold or `maxSteps` accepted steps. */
export function fitLevenberg(
  problem: LmProblem,
  options: LevenbergOptions & {
    threshold: number;
    maxSteps: number;
    maxTrials?: number;
    /** Uniform numbers in [0, 1) for the steps out of a stall. */
    random: () => number;
    log: (line: string) => void;
  },
): LmResult {
  const { variables } = problem;
  const lm = new LevenbergMarquardt(options);
  const t0 = performance.now();
  const setAll = (xs: readonly number[]): void => {
    tf.tidy(() => {
      for (const [k, v] of variables.entries()) v.assign(tf.tensor1d([xs[k]]));
    });
  };
  let simulations = 0;
  let adjoints = 0;
  const jacobian = (): { r: number[]; jac: number[][] } => {
    const r: number[] = [];
    const jac: number[][] = [];
    for (let i = 0; i < problem.count; i++) {
      const { value, grads } = tf.variableGrads(
        () => tf.tidy(() => problem.residuals().gather([i]).sum()),
        [...variables],
      );
      r.push(value.dataSync()[0]);
      jac.push(variables.map((v) => grads[v.name].dataSync()[0]));
      tf.dispose([value, ...Object.values(grads)]);
      simulations++;
      adjoints++;
    }
    return { r, jac };
  };
  let { r, jac } = jacobian();
  let best = { loss: l1(r), values: problem.values() };
  let steps = 0;
  let trials = 0;
  let kicks = 0;
  const maxTrials = options.maxTrials ?? options.maxSteps * 4;
  options.log(`step   0  loss ${l1(r).toFixed(4)}  residuals [${r.map((x) => x.toFixed(3)).join(", ")}]`);
  while (l1(r) >= options.threshold && steps < options.maxSteps && trials < maxTrials) {
    if (lm.lambda >= STALLED) {
      // Stalled in a local minimum of sum r^2: a step of length KICK along a random direction
      // that leaves the linearised residuals unchanged (the null space of J), then go on.
      const dx = nullSpaceStep(jac, options.random, KICK);
      const x0 = variables.map((v) => v.dataSync()[0]);
      setAll(x0.map((x, k) => x + dx[k]));
      lm.lambda = 1;
      steps++;
      kicks++;
      ({ r, jac } = jacobian());
      if (l1(r) < best.loss) best = { loss: l1(r), values: problem.values() };
      options.log(
        `step ${String(steps).padStart(3)}  loss ${l1(r).toFixed(4)}  stalled: moved ${KICK} along the null space of J`,
      );
      continue;
    }
    const dx = lm.propose(r, jac);
    const x0 = variables.map((v) => v.dataSync()[0]);
    setAll(x0.map((x, k) => x + dx[k]));
    const trial = tf.tidy(() => Array.from(problem.residuals().dataSync()));
    simulations++;
    trials++;
    const ok = trial.every(Number.isFinite) && l2(trial) < l2(r);
    if (!ok) {
      setAll(x0);
      lm.refused();
      options.log(`         refused (loss ${l1(trial).toFixed(4)}), lambda ${lm.lambda.toExponential(1)}`);
      continue;
    }
    lm.accepted();
    steps++;
    if (l1(trial) < best.loss) best = { loss: l1(trial), values: problem.values() };
    options.log(
      `step ${String(steps).padStart(3)}  loss ${l1(trial).toFixed(4)}  |dx| ${Math.hypot(...dx).toFixed(3)}  ` +
        `lambda ${lm.lambda.toExponential(1)}  residuals [${trial.map((x) => x.toFixed(3)).join(", ")}]  ` +
        `saturated ${x0.filter((x, k) => Math.abs(x + dx[k]) > 4).length}`,
    );
    if (l1(trial) < options.threshold) {
      r = trial;
      break;
    }
    ({ r, jac } = jacobian());
  }
  const reached = l1(r) < options.threshold ? steps : null;
  return { steps: reached, best, simulations, adjoints, kicks, seconds: (performance.now() - t0) / 1000 };
}

/** The damping at which a start counts as stalled. */
const STALLED = 10;
/** The length of the step out of a stall (unconstrained space). */
const KICK = 1;

/** A random step of length `length` orthogonal to every row of `jac` (z - J^T (J J^T)^-1 J z). */
export function nullSpaceStep(jac: readonly number[][], random: () => number, length: number): number[] {
  const n = jac[0].length;
  const z = Array.from({ length: n }, () => random() * 2 - 1);
  const jz = jac.map((row) => row.reduce((s, x, k) => s + x * z[k], 0));
  const jjt = jac.map((ri) => jac.map((rj) => ri.reduce((s, x, k) => s + x * rj[k], 0)));
  const trace = jjt.reduce((s, row, i) => s + row[i], 0);
  for (let i = 0; i < jjt.length; i++) jjt[i][i] += 1e-10 * trace + 1e-300;
  const y = solveSpd(jjt, jz);
  const p = z.map((zk, k) => zk - jac.reduce((s, row, i) => s + row[k] * y[i], 0));
  const norm = Math.hypot(...p);
  return p.map((x) => (x * length) / norm);
}
