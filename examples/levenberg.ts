// Levenberg-Marquardt steps on the residuals of the L5PC fit, an alternative to the Polyak
// steps of polyak.ts. The loss of the fit is the sum of four scaled absolute errors (two
// windows' mean and standard deviation); its gradient keeps only the signs of the errors, so
// a gradient step cannot tell a statistic that is 3 scales off from one that is nearly right.
// Here each step uses the Jacobian J (4 x n, from one adjoint run per statistic) and the
// residuals r: dx = -J^T (J J^T + lambda * mu * I)^-1 r, with mu the mean of diag(J J^T) so that
// lambda does not depend on units. lambda -> 0 is the Gauss-Newton step, the smallest change
// of the parameters that zeroes the linearised residuals (Polyak's step for each statistic at
// once); a large lambda is a short gradient step on sum r^2. A step that does not lower
// sum r^2 is refused and lambda grows; an accepted one lowers lambda (Marquardt 1963).

/** Options of the steps. */
export interface LevenbergOptions {
  /** The starting damping (default 1). */
  lambda?: number;
  /** The longest step in the unconstrained space (default 2). */
  maxStep?: number;
}

/** Solves the small dense system A y = b (A symmetric positive definite) by Cholesky. */
export function solveSpd(a: readonly number[][], b: readonly number[]): number[] {
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

/** Damped Gauss-Newton steps; `propose` gives a step, `accepted` / `refused` adapt the damping. */
export class LevenbergMarquardt {
  lambda: number;
  private readonly maxStep: number;

  constructor(options: LevenbergOptions = {}) {
    this.lambda = options.lambda ?? 1;
    this.maxStep = options.maxStep ?? 2;
  }

  /** The step for residuals `r` (length m) with Jacobian `jac` (m rows of n). */
  propose(r: readonly number[], jac: readonly number[][]): number[] {
    const m = r.length;
    const n = jac[0].length;
    const jjt = jac.map((ri) => jac.map((rj) => ri.reduce((s, x, k) => s + x * rj[k], 0)));
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
