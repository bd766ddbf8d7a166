/**
 * Gradient test helpers: the float64 adjoint of a weighted sum of recordings with respect
 * to every column, and central finite differences of the same simulation.
 */
import type { View } from "../../src/api/view.js";
import { backward } from "../../src/grad/backward.js";
import { forwardWithTape } from "../../src/grad/tape.js";
import { lowerWithProps } from "../../src/model/lower.js";
import { type ColumnGradients, columnGradients } from "../../src/model/lower-grad.js";
import { type SolverName, STEPPERS } from "../../src/sim/steppers.js";
import { simulate } from "../../src/run/simulate.js";
import { seededRandom } from "../../src/random.js";

export interface RunOpts {
  tMax: number;
  deltaT?: number;
  solver?: SolverName;
}

/** Deterministic pseudo-random loss weights in [-0.3, 0.7) (the core's seeded PRNG). */
export function weights(n: number, seed = 1): Float64Array {
  const rand = seededRandom(seed);
  return Float64Array.from({ length: n }, () => rand() - 0.3);
}

/** The loss sum(w * recordings) in float64. */
export function loss(module: View, w: Float64Array, opts: RunOpts): number {
  const r = simulate(module, opts);
  let s = 0;
  for (let i = 0; i < r.values.length; i++) s += w[i] * r.values[i];
  return s;
}

/** The float64 adjoint gradient of the loss with respect to every column. */
export function adjoint(module: View, w: Float64Array, opts: RunOpts, budgetBytes?: number): ColumnGradients {
  const d = module.base;
  const dt = opts.deltaT ?? 0.025;
  const nSteps = Math.round(opts.tMax / dt);
  const { setup, props, program } = lowerWithProps(d, [], { stimuli: [], clamps: [] });
  const tape = forwardWithTape(setup, dt, nSteps, STEPPERS[opts.solver ?? "bwd_euler"], budgetBytes);
  return columnGradients(d, program, props, backward(tape, w));
}

/**
 * Central finite difference (five-point) of the loss with respect to one value of one
 * column. The default step, 1e-3 of the value, is near the optimum of this stencil
 * (about eps^(1/5)): its truncation error is O(h^4), but the loss (|L| ~ 1e4 in the
 * tests) carries rounding noise of a few 1e-11 from the simulation, which the stencil
 * divides by h. A parameter that moves the loss little (axial_resistivity: |x dL/dx|
 * / |L| ~ 2e-5) showed 1.1e-6 relative error at 1e-4 against 1.2e-7 at 1e-3.
 */
export function finiteDifference(
  module: View,
  w: Float64Array,
  opts: RunOpts,
  key: string,
  target: "node" | "edge",
  index: number,
  relStep = 1e-3,
): number {
  const col =
    target === "node" ? module.base.columns.get(key)! : Float64Array.from(module.base.edges.columns.get(key)!);
  const x0 = col[index];
  const h = (x0 === 0 ? 1 : Math.abs(x0)) * relStep;
  const setAt = (x: number) => {
    if (target === "node") module.base.columns.get(key)![index] = x;
    else module.base.edges.columns.get(key)![index] = x;
  };
  const at = (x: number) => {
    setAt(x);
    return loss(module, w, opts);
  };
  // Five-point stencil: error O(h^4).
  const d1 = at(x0 + h) - at(x0 - h);
  const d2 = at(x0 + 2 * h) - at(x0 - 2 * h);
  setAt(x0);
  return (8 * d1 - d2) / (12 * h);
}
