/**
 * A sweep in the model worker: one simulation of the loaded model per value (or per pair
 * of values of a 2-D grid), run on the core's worker pool (`runBatch`), and its result.
 */
import type { SimSettings } from "./model.js";

/** What varies: the amplitude (nA) of every step-current clamp, or `key` on a group (or synapse type). */
export type SweepVary = { kind: "stimulus" } | { kind: "param"; group: string; key: string };

/** One swept quantity and its values. */
export interface SweepAxisJob {
  vary: SweepVary;
  values: number[];
}

/**
 * The first quantity's `vary` and `values`; `second`, of a 2-D sweep: the grid runs every
 * pair, run `i * second.values.length + j` with the first quantity's value `i` and the
 * second's value `j`.
 */
export interface SweepJob extends SweepAxisJob {
  second?: SweepAxisJob;
  sim: SimSettings;
}

/**
 * The traces of every run: `traces[run][recording]`, `nSamples` samples every `dt` ms, the
 * runs in the job's order; `values2`: the second quantity's values (2-D sweeps only);
 * `labels` and `units` of the recordings; `ms`: the batch's time; `workers`: pool size (1: serial).
 */
export interface SweepOutcome {
  values: number[];
  values2?: number[];
  dt: number;
  nSamples: number;
  labels: string[];
  units: string[];
  traces: Float32Array[][];
  ms: number;
  workers: number;
}
