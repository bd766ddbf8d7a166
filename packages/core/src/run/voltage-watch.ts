/**
 * `simulateWatched`: `simulate`, also reporting the first time any compartment's voltage
 * leaves a physiological range (default -200..200 mV), recorded or not. Such voltages mean
 * a parameter is wrong (a radius of 0.1 um under a 1 nA clamp, a negative conductance, a
 * time step too large for forward Euler) even when the run stays finite.
 */
import type { View } from "../api/view.js";
import { programOf } from "../model/lower.js";
import { type IntegrateOptions, planRun, type RunResult, runPlan } from "./options.js";
import { baseOf } from "./simulate.js";

/** The first voltage outside the range: where (cell, branch, compartment) and when. */
export interface VoltageExcursion {
  cell: number;
  branch: number;
  comp: number;
  /** Global compartment index. */
  globalComp: number;
  /** Time of the first sample outside the range, ms. */
  tMs: number;
  /** The voltage there, mV. */
  v: number;
  /** The range's bound, mV (the range is -limitMv..limitMv). */
  limitMv: number;
  /** "v left -200..200 mV: 1034.2 mV at cell 0, branch 0, comp 0 at t = 1.250 ms". */
  message: string;
}

/**
 * The simulation of `simulate` (same options, same values), and the first sample at which
 * any compartment's voltage is outside -limitMv..limitMv (null if none). The check reads
 * every compartment at every step: about one more pass over the voltages per step.
 *
 * @example
 * const r = simulateWatched(cell, { tMax: 20 });
 * if (r.excursion) console.warn(r.excursion.message);
 */
export function simulateWatched(
  module: View,
  options: IntegrateOptions = {},
  limitMv = 200,
): RunResult & { excursion: VoltageExcursion | null } {
  const d = baseOf(module);
  const plan = planRun(d, options);
  const { compOfNode } = programOf(d).tree;
  // The first step with a voltage out of range (a plain scan; the node is found afterwards).
  let foundStep = -1;
  let foundV: Float64Array | null = null;
  const scan = (V: Float64Array, step: number) => {
    if (foundStep >= 0) return;
    for (let i = 0; i < V.length; i++) {
      const v = V[i];
      if (v > limitMv || v < -limitMv) {
        foundStep = step;
        foundV = V.slice();
        return;
      }
    }
  };
  const { result, finalV } = runPlan(d, plan, { before: (step, b) => scan(b.V, step) });
  scan(finalV, plan.nSteps);
  const f = firstCompartment(foundV, compOfNode, limitMv, foundStep);
  if (!f) return { ...result, excursion: null };
  const c = compOfNode[f.node];
  const t = d.topo;
  const where = { cell: t.compCell[c], branch: t.branchLocal[t.compBranch[c]], comp: t.compLocal[c], globalComp: c };
  const tMs = f.step * plan.dt;
  return {
    ...result,
    excursion: {
      ...where,
      tMs,
      v: f.v,
      limitMv,
      message:
        `v left -${limitMv}..${limitMv} mV: ${f.v.toFixed(1)} mV at cell ${where.cell}, branch ${where.branch}, ` +
        `comp ${where.comp} (global compartment ${c}) at t = ${tMs.toFixed(3)} ms`,
    },
  };
}

/**
 * The first compartment out of range in the voltages of one step. A branch point's voltage
 * is a weighted mean of its neighbours', so when it is out of range a neighbour is too.
 */
function firstCompartment(
  V: Float64Array | null,
  compOfNode: ArrayLike<number>,
  limitMv: number,
  step: number,
): { node: number; step: number; v: number } | null {
  if (!V) return null;
  for (let i = 0; i < V.length; i++) {
    if (Math.abs(V[i]) > limitMv && compOfNode[i] >= 0) return { node: i, step, v: V[i] };
  }
  return null;
}
