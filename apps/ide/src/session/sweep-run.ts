/** The state of the sweep panel's last run (not saved: a sweep is run again from its setup). */
import type { SweepOutcome } from "../protocol/sweep.js";
import type { SweepAxis } from "./sweep-settings.js";

/** A custom summary of the last sweep, evaluated in the script sandbox (session/sweep-custom.ts). */
export interface CustomSummaryState {
  /** The expression and the recording (index) these values are of. */
  expr: string;
  recording: number;
  status: "running" | "done" | "error";
  /** One value per run (NaN: none), once done. */
  values: number[] | null;
  /** Why there are none, in words naming the expression and the run. */
  message: string | null;
}

export interface SweepRunState {
  status: "idle" | "running" | "done" | "stopped" | "error";
  /** Runs finished of `total`, on a pool of `workers` (0 until the pool starts). */
  done: number;
  total: number;
  workers: number;
  /** The swept quantities of the run (one, or two for a 2-D grid), as set up when it started. */
  axes: SweepAxis[];
  outcome: SweepOutcome | null;
  /** The custom summary of `outcome`, when the setup's summary is "custom". */
  custom: CustomSummaryState | null;
  /** Why it stopped or failed, in words. */
  message: string | null;
}

export const IDLE_SWEEP: SweepRunState = {
  status: "idle",
  done: 0,
  total: 0,
  workers: 0,
  axes: [],
  outcome: null,
  custom: null,
  message: null,
};
