/**
 * A sweep in the model worker: one simulation of the loaded model per value, run on the
 * core's worker pool (`runBatch`), and its result.
 */
import type { SimSettings } from "./model.js";

/** What varies: the amplitude (nA) of every step-current clamp, or `key` on a group (or synapse type). */
export type SweepVary = { kind: "stimulus" } | { kind: "param"; group: string; key: string };

export interface SweepJob {
  vary: SweepVary;
  values: number[];
  sim: SimSettings;
}

/**
 * The traces of every run: `traces[run][recording]`, `nSamples` samples every `dt` ms;
 * `labels` and `units` of the recordings; `ms`: the batch's time; `workers`: pool size (1: serial).
 */
export interface SweepOutcome {
  values: number[];
  dt: number;
  nSamples: number;
  labels: string[];
  units: string[];
  traces: Float32Array[][];
  ms: number;
  workers: number;
}
