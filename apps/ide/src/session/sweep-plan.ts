/**
 * A sweep's plan: the setup turned into the model worker's job (the values of each swept
 * quantity), checked first, with errors that say what was given and what is allowed; and
 * the runs of a 2-D grid by position.
 */
import type { SimSettings } from "../protocol/model.js";
import type { SweepAxisJob, SweepJob } from "../protocol/sweep.js";
import { firstAxis, MAX_SWEEP_RUNS, type SweepAxis, type SweepSettings, sweepValues } from "./sweep-settings.js";

/** A swept quantity in words, for axes and messages: "clamp amplitude (nA)", "Na_gNa of fast_spiking (S/cm²)". */
export function axisLabel(axis: Pick<SweepAxis, "vary" | "key" | "group">, unit = ""): string {
  if (axis.vary === "stimulus") return "clamp amplitude (nA)";
  return `${axis.key} of ${axis.group}${unit ? ` (${unit})` : ""}`;
}

/** The job of one quantity; throws what is missing. `which`: "the first" or "the second" quantity. */
function axisJob(axis: SweepAxis, which: string): SweepAxisJob {
  if (axis.vary === "param" && (!axis.group || !axis.key)) {
    throw new Error(`Pick a group and a parameter for ${which} quantity to vary.`);
  }
  let values: number[];
  try {
    values = sweepValues(axis);
  } catch (e) {
    throw new Error(`${which[0].toUpperCase()}${which.slice(1)} quantity: ${(e as Error).message}`);
  }
  return {
    vary: axis.vary === "param" ? { kind: "param", group: axis.group, key: axis.key } : { kind: "stimulus" },
    values,
  };
}

/**
 * The model worker's job for a setup: one run per value, or per pair of values of a 2-D
 * grid (at most MAX_SWEEP_RUNS runs). Throws, in words, a setup that cannot run: a
 * parameter not picked, the same quantity twice, too many points or runs.
 *
 * @example
 * sweepJob({ ...setup, points: 3, second: { ...amplitude, points: 2 } }, sim).second?.values.length; // 2 (6 runs)
 */
export function sweepJob(setup: SweepSettings, sim: SimSettings): SweepJob {
  const one = firstAxis(setup);
  const first = axisJob(one, setup.second ? "the first" : "the");
  if (!setup.second) return { ...first, sim: { ...sim } };
  const two = setup.second;
  if (one.vary === two.vary && (one.vary === "stimulus" || (one.group === two.group && one.key === two.key))) {
    throw new Error(
      `Both quantities of the 2-D sweep are the ${axisLabel(one)}: vary two different ones (a clamp amplitude and a parameter, or two parameters).`,
    );
  }
  const second = axisJob(two, "the second");
  const runs = first.values.length * second.values.length;
  if (runs > MAX_SWEEP_RUNS) {
    throw new Error(
      `A 2-D sweep of ${first.values.length} × ${second.values.length} = ${runs} runs is too large: at most ${MAX_SWEEP_RUNS} runs (e.g. 20 × 20). Use fewer points.`,
    );
  }
  return { ...first, second, sim: { ...sim } };
}

/** How many runs a job has. */
export const runCount = (job: Pick<SweepJob, "values" | "second">): number =>
  job.values.length * (job.second?.values.length ?? 1);

/**
 * The values of run `r`: `[x]` of a 1-D sweep, `[x, y]` of a 2-D one (the second quantity
 * varies fastest: run `i * n2 + j`).
 */
export function runValues(outcome: { values: number[]; values2?: number[] }, r: number): number[] {
  const ys = outcome.values2;
  if (!ys) return [outcome.values[r]];
  return [outcome.values[Math.floor(r / ys.length)], ys[r % ys.length]];
}
