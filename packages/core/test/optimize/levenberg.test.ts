/**
 * Levenberg-Marquardt steps (optimize/levenberg.ts): the linear algebra, and fits with known answers.
 */
import { describe, expect, it } from "vitest";
import { LevenbergMarquardt, levenbergFit, nullSpaceStep, seededRandom, solveSpd } from "../../src/index.js";

const matVec = (a: number[][], x: number[]) => a.map((row) => row.reduce((s, v, k) => s + v * x[k], 0));

describe("levenberg", () => {
  it("solveSpd solves a symmetric positive definite system", () => {
    const rand = seededRandom(3);
    const n = 6;
    const b = Array.from({ length: n }, () => Array.from({ length: n }, () => rand() - 0.5));
    // A = B B^T + I is symmetric positive definite.
    const a = b.map((ri, i) => b.map((rj, j) => ri.reduce((s, v, k) => s + v * rj[k], 0) + (i === j ? 1 : 0)));
    const rhs = Array.from({ length: n }, () => rand() * 4 - 2);
    const y = solveSpd(a, rhs);
    for (const [i, v] of matVec(a, y).entries()) expect(v).toBeCloseTo(rhs[i], 12);
  });

  it("a step with no damping zeroes linear residuals, and is capped at maxStep", () => {
    const jac = [
      [1, 2, 0],
      [0, 1, -1],
    ];
    const r = [0.3, -0.2];
    const lm = new LevenbergMarquardt({ lambda: 0, maxStep: 10 });
    const dx = lm.propose(r, jac);
    for (const [i, v] of matVec(jac, dx).entries()) expect(v + r[i]).toBeCloseTo(0, 9);
    const capped = new LevenbergMarquardt({ lambda: 0, maxStep: 0.1 }).propose(r, jac);
    expect(Math.hypot(...capped)).toBeCloseTo(0.1, 12);
  });

  it("a step out of a stall is orthogonal to the Jacobian's rows and has the length asked", () => {
    const jac = [
      [1, 2, 0, 4],
      [0.5, -1, 3, 0],
    ];
    const p = nullSpaceStep(jac, seededRandom(7), 0.7);
    expect(Math.hypot(...p)).toBeCloseTo(0.7, 12);
    for (const row of matVec(jac, p)) expect(Math.abs(row)).toBeLessThan(1e-9);
  });

  it("fits Rosenbrock's valley from (-1.2, 1) to (1, 1)", async () => {
    const res = ([a, b]: readonly number[]) => [10 * (b - a * a), 1 - a];
    const out = await levenbergFit(
      {
        residuals: res,
        jacobian: (x) => ({
          r: res(x),
          jac: [
            [-20 * x[0], 10],
            [-1, 0],
          ],
        }),
      },
      [-1.2, 1],
      { maxSteps: 100, threshold: 1e-8, random: seededRandom(1) },
    );
    expect(out.reason).toBe("reached");
    expect(out.x[0]).toBeCloseTo(1, 6);
    expect(out.x[1]).toBeCloseTo(1, 6);
    expect(out.reachedAfter).toBe(out.steps);
    expect(out.best.loss).toBeLessThan(1e-8);
  });

  it("fits an exponential decay's amplitude and rate from noiseless samples", async () => {
    const ts = [0, 0.5, 1, 1.5, 2, 3, 4];
    const data = ts.map((t) => 3 * Math.exp(-0.8 * t));
    const res = ([a, k]: readonly number[]) => ts.map((t, i) => a * Math.exp(-k * t) - data[i]);
    const steps: number[] = [];
    const out = await levenbergFit(
      {
        residuals: res,
        jacobian: (x) => ({ r: res(x), jac: ts.map((t) => [Math.exp(-x[1] * t), -x[0] * t * Math.exp(-x[1] * t)]) }),
      },
      [1, 2],
      {
        maxSteps: 60,
        threshold: 1e-20,
        loss: (r) => r.reduce((s, x) => s + x * x, 0),
        random: seededRandom(1),
        onStep: (s) => {
          steps.push(s.loss);
        },
      },
    );
    expect(out.reason).toBe("reached");
    expect(out.x[0]).toBeCloseTo(3, 5);
    expect(out.x[1]).toBeCloseTo(0.8, 5);
    // Every reported step lowered the loss (refused trials are not steps).
    for (let i = 1; i < steps.length; i++) expect(steps[i]).toBeLessThan(steps[i - 1]);
  });

  it("a fit that cannot reach the threshold stalls, steps out along the null space, and ends", async () => {
    // One residual 1 + x0^2: its least value 1 is above the threshold; x1 does not matter.
    const res = ([a]: readonly number[]) => [1 + a * a];
    let refused = 0;
    const out = await levenbergFit(
      { residuals: res, jacobian: (x) => ({ r: res(x), jac: [[2 * x[0], 0]] }) },
      [0.5, 0],
      { maxSteps: 30, threshold: 0.5, random: seededRandom(2), onRefused: () => refused++ },
    );
    expect(out.reason === "steps" || out.reason === "trials").toBe(true);
    expect(out.reachedAfter).toBeNull();
    expect(out.stalls).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
    expect(out.best.loss).toBeGreaterThanOrEqual(1);
    expect(out.best.loss).toBeLessThan(1.25); // the start's
  });

  it("stops when asked", async () => {
    const res = ([a]: readonly number[]) => [a - 5];
    let calls = 0;
    const out = await levenbergFit({ residuals: res, jacobian: (x) => ({ r: res(x), jac: [[1]] }) }, [0], {
      maxSteps: 50,
      maxStep: 0.5,
      random: seededRandom(1),
      shouldStop: () => ++calls > 3,
    });
    expect(out.reason).toBe("stopped");
    expect(out.steps).toBe(3);
  });
});
