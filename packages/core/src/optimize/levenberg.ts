/**
 * Levenberg-Marquardt steps for fits whose loss is built from a few residuals (summary
 * statistics of a trace, say), in plain float64: the caller supplies the residuals and their
 * Jacobian (from one adjoint run per residual through `integrate`, or finite differences).
 *
 * Each step solves the damped Gauss-Newton system in residual space,
 * dx = -J^T (J J^T + lambda mu I)^-1 r, with mu the mean of diag(J J^T) so that lambda does not
 * depend on units. lambda -> 0 gives the smallest change of x that zeroes the linearised
 * residuals; a large lambda gives a short gradient step on sum r^2. A trial simulation decides:
 * a step that lowers sum r^2 is taken and lambda shrinks, one that does not is refused and
 * lambda grows (Marquardt 1963). When lambda has grown past a limit without progress, one step
 * along a random direction of J's null space (which leaves the linearised residuals unchanged)
 * gets the fit out of the stall.
 */

/** Options of the damping. */
export interface LevenbergOptions {
  /** The starting damping (default 1). */
  lambda?: number;
  /** The longest step in x (default 2). */
  maxStep?: number;
}

/** Solves the small dense system A y = b (A symmetric positive definite) by Cholesky. */
export function solveSpd(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const m = b.length;
  const l = a.map(() => new Array<number>(m).fill(0));
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i][j];
      for (let k = 0; k < j; k++) s -= l[i][k] * l[j][k];
      l[i][j] = i === j ? Math.sqrt(Math.max(s, 1e-300)) : s / l[j][j];
    }
  }
  const z = new Array<number>(m).fill(0);
  for (let i = 0; i < m; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i][k] * z[k];
    z[i] = s / l[i][i];
  }
  const y = new Array<number>(m).fill(0);
  for (let i = m - 1; i >= 0; i--) {
    let s = z[i];
    for (let k = i + 1; k < m; k++) s -= l[k][i] * y[k];
    y[i] = s / l[i][i];
  }
  return y;
}

const gram = (jac: readonly (readonly number[])[]): number[][] =>
  jac.map((ri) => jac.map((rj) => ri.reduce((s, x, k) => s + x * rj[k], 0)));

/** Damped Gauss-Newton steps; `propose` gives a step, `accepted` / `refused` adapt the damping. */
export class LevenbergMarquardt {
  lambda: number;
  private readonly maxStep: number;

  constructor(options: LevenbergOptions = {}) {
    this.lambda = options.lambda ?? 1;
    this.maxStep = options.maxStep ?? 2;
  }

  /** The step for residuals `r` (length m) with Jacobian `jac` (m rows of n), at most `maxStep` long. */
  propose(r: readonly number[], jac: readonly (readonly number[])[]): number[] {
    const m = r.length;
    const n = jac[0].length;
    const jjt = gram(jac);
    const mu = jjt.reduce((s, row, i) => s + row[i], 0) / m;
    for (let i = 0; i < m; i++) jjt[i][i] += this.lambda * mu + 1e-12;
    const y = solveSpd(jjt, r);
    const dx = new Array<number>(n).fill(0);
    for (let i = 0; i < m; i++) for (let k = 0; k < n; k++) dx[k] -= jac[i][k] * y[i];
    const length = Math.hypot(...dx);
    return length > this.maxStep ? dx.map((d) => (d * this.maxStep) / length) : dx;
  }

  /** The step lowered sum r^2: trust the linear model more. */
  accepted(): void {
    this.lambda = Math.max(this.lambda / 3, 1e-6);
  }

  /** The step did not lower sum r^2: damp more. */
  refused(): void {
    this.lambda = Math.min(this.lambda * 4, 1e6);
  }
}

/** A random step of length `length` orthogonal to every row of `jac` (z - J^T (J J^T)^-1 J z). */
export function nullSpaceStep(jac: readonly (readonly number[])[], random: () => number, length: number): number[] {
  const n = jac[0].length;
  const z = Array.from({ length: n }, () => random() * 2 - 1);
  const jz = jac.map((row) => row.reduce((s, x, k) => s + x * z[k], 0));
  const jjt = gram(jac);
  const trace = jjt.reduce((s, row, i) => s + row[i], 0);
  for (let i = 0; i < jjt.length; i++) jjt[i][i] += 1e-10 * trace + 1e-300;
  const y = solveSpd(jjt, jz);
  const p = z.map((zk, k) => zk - jac.reduce((s, row, i) => s + row[k] * y[i], 0));
  const norm = Math.hypot(...p);
  return p.map((x) => (x * length) / norm);
}

/** What a fit needs: residuals at x, and residuals with their Jacobian at x (rows: residuals, columns: x). */
export interface LevenbergProblem {
  residuals(x: readonly number[]): number[] | Promise<number[]>;
  jacobian(x: readonly number[]): { r: number[]; jac: number[][] } | Promise<{ r: number[]; jac: number[][] }>;
}

/** One step of a fit: accepted, or out of a stall. */
export interface LevenbergStep {
  step: number;
  kind: "accepted" | "stall";
  x: number[];
  r: number[];
  loss: number;
  lambda: number;
  /** The step's length in x. */
  length: number;
}

export interface LevenbergFitOptions extends LevenbergOptions {
  /** Stop once loss(r) is below this (default: never). */
  threshold?: number;
  /** The most steps (accepted and out of a stall). */
  maxSteps: number;
  /** The most trial simulations (default 4 * maxSteps). */
  maxTrials?: number;
  /** The loss of residuals (default sum |r|). Steps are accepted on sum r^2. */
  loss?: (r: readonly number[]) => number;
  /** Uniform numbers in [0, 1) for the steps out of a stall. */
  random: () => number;
  /** The damping at which the fit counts as stalled (default 10). */
  stalledAt?: number;
  /** The length of a step out of a stall (default 1). */
  kick?: number;
  /** After the first Jacobian (step 0) and every step; awaited. */
  onStep?: (s: LevenbergStep) => void | Promise<void>;
  /** After a refused trial, with its loss and the new damping. */
  onRefused?: (loss: number, lambda: number) => void;
  /** Asked between steps. */
  shouldStop?: () => boolean;
}

export interface LevenbergResult {
  reason: "reached" | "steps" | "trials" | "stopped";
  /** Steps taken until the loss fell below the threshold, or null. */
  reachedAfter: number | null;
  x: number[];
  best: { step: number; loss: number; x: number[] };
  steps: number;
  /** Steps out of a stall (counted in steps too). */
  stalls: number;
  jacobians: number;
  trials: number;
}

const l1 = (r: readonly number[]) => r.reduce((s, x) => s + Math.abs(x), 0);
const l2 = (r: readonly number[]) => r.reduce((s, x) => s + x * x, 0);

/**
 * Runs Levenberg-Marquardt steps from `x0` until the loss is below `threshold`, `maxSteps`
 * steps or `maxTrials` trials, or `shouldStop()`.
 *
 * @example
 * // Rosenbrock's function as residuals: converges to (1, 1).
 * const out = await levenbergFit(
 *   { residuals: ([a, b]) => [10 * (b - a * a), 1 - a], jacobian: ([a, b]) => ({ r: [10 * (b - a * a), 1 - a], jac: [[-20 * a, 10], [-1, 0]] }) },
 *   [-1.2, 1],
 *   { maxSteps: 100, threshold: 1e-8, random: seededRandom(1) },
 * );
 */
export async function levenbergFit(
  problem: LevenbergProblem,
  x0: readonly number[],
  options: LevenbergFitOptions,
): Promise<LevenbergResult> {
  const lossOf = options.loss ?? l1;
  const threshold = options.threshold ?? Number.NEGATIVE_INFINITY;
  const maxTrials = options.maxTrials ?? options.maxSteps * 4;
  const stalledAt = options.stalledAt ?? 10;
  const kick = options.kick ?? 1;
  const lm = new LevenbergMarquardt(options);
  let x = x0.slice();
  let jacobians = 1;
  let { r, jac } = await problem.jacobian(x);
  let best = { step: 0, loss: lossOf(r), x: x.slice() };
  let steps = 0;
  let trials = 0;
  let stalls = 0;
  const result = (reason: LevenbergResult["reason"]): LevenbergResult => ({
    reason,
    reachedAfter: reason === "reached" ? steps : null,
    x,
    best,
    steps,
    stalls,
    jacobians,
    trials,
  });
  await options.onStep?.({ step: 0, kind: "accepted", x: x.slice(), r, loss: lossOf(r), lambda: lm.lambda, length: 0 });
  while (true) {
    if (lossOf(r) < threshold) return result("reached");
    if (steps >= options.maxSteps) return result("steps");
    if (trials >= maxTrials) return result("trials");
    if (options.shouldStop?.()) return result("stopped");
    let kind: LevenbergStep["kind"] = "accepted";
    let dx: number[];
    /** The residuals at the new x when a trial found them below the threshold (no Jacobian needed there). */
    let reachedAt: number[] | null = null;
    if (lm.lambda >= stalledAt) {
      dx = nullSpaceStep(jac, options.random, kick);
      lm.lambda = 1;
      kind = "stall";
      stalls++;
    } else {
      dx = lm.propose(r, jac);
      const rt = await problem.residuals(x.map((xi, k) => xi + dx[k]));
      trials++;
      if (!(rt.every(Number.isFinite) && l2(rt) < l2(r))) {
        lm.refused();
        options.onRefused?.(lossOf(rt), lm.lambda);
        continue;
      }
      lm.accepted();
      if (lossOf(rt) < threshold) reachedAt = rt;
    }
    x = x.map((xi, k) => xi + dx[k]);
    steps++;
    if (reachedAt) r = reachedAt;
    else {
      ({ r, jac } = await problem.jacobian(x));
      jacobians++;
    }
    if (lossOf(r) < best.loss) best = { step: steps, loss: lossOf(r), x: x.slice() };
    await options.onStep?.({
      step: steps,
      kind,
      x: x.slice(),
      r,
      loss: lossOf(r),
      lambda: lm.lambda,
      length: Math.hypot(...dx),
    });
  }
}
