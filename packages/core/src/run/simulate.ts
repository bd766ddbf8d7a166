/**
 * simulate: the float64 simulation behind integrate, without tfjs.
 */
import type { View } from "../api/view.js";
import { DendrolabError } from "../errors.js";
import { describe } from "../model/edit.js";
import { executePlan, type IntegrateOptions, planRun, type RunResult } from "./options.js";

export type { IntegrateOptions, RunResult } from "./options.js";

/** The model behind a module or view given to integrate / simulate. */
export function baseOf(module: View): View["base"] {
  if (module == null || typeof module !== "object" || !("base" in module) || !module.base) {
    throw new DendrolabError(
      `integrate() takes a module or view (e.g. a Cell or Network); got ${describe(module)}.`,
      "INVALID_ARGUMENT",
    );
  }
  return module.base;
}

/**
 * The same simulation as `integrate`, in float64, without tfjs: `values` holds the
 * recordings row-major (`nSamples` per row).
 */
export function simulate(module: View, options: IntegrateOptions = {}): RunResult {
  const d = baseOf(module);
  return executePlan(d, planRun(d, options));
}
