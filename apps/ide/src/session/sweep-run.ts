/** The state of the sweep panel's last run (not saved: a sweep is run again from its setup). */
import type { SweepOutcome } from "../protocol/sweep.js";

export interface SweepRunState {
  status: "idle" | "running" | "done" | "stopped" | "error";
  /** Runs finished of `total`, on a pool of `workers` (0 until the pool starts). */
  done: number;
  total: number;
  workers: number;
  outcome: SweepOutcome | null;
  /** Why it stopped or failed, in words. */
  message: string | null;
}

export const IDLE_SWEEP: SweepRunState = {
  status: "idle",
  done: 0,
  total: 0,
  workers: 0,
  outcome: null,
  message: null,
};
