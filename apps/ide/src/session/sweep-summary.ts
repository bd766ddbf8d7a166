/**
 * Summaries of one voltage trace, for the sweep panel: spikes are upward crossings of a
 * threshold (0 mV by default). Plain functions of a sampled trace, tested in test/sweep-summary.test.ts.
 */
import type { BuiltinSummary, SweepSummaryKind } from "./sweep-settings.js";

/** Spike threshold, mV: a spike is a crossing of it from below. */
export const SPIKE_THRESHOLD_MV = 0;

/**
 * Times (ms) at which `v` (mV, sampled every `dt` ms from t = 0) crosses `threshold` from
 * below, interpolated linearly between the two samples around each crossing.
 *
 * @example
 * spikeTimes([-70, 10, -70, 20], 0.5); // [0.4375, 1.3889]
 */
export function spikeTimes(v: ArrayLike<number>, dt: number, threshold = SPIKE_THRESHOLD_MV): number[] {
  const out: number[] = [];
  for (let i = 1; i < v.length; i++) {
    const a = v[i - 1];
    const b = v[i];
    if (a < threshold && b >= threshold) out.push((i - 1 + (threshold - a) / (b - a)) * dt);
  }
  return out;
}

/** Duration of a trace of `n` samples every `dt` ms, in ms. */
const durationMs = (n: number, dt: number) => Math.max(0, n - 1) * dt;

/**
 * One summary of a trace: "spikes" (count), "rate" (spikes per second over the whole trace,
 * Hz), "peak" (highest value, the trace's unit) or "first" (time of the first spike, ms;
 * NaN when there is none).
 *
 * @example
 * summarise("rate", trace, 0.025); // 40 for 4 spikes in 100 ms
 */
export function summarise(kind: BuiltinSummary, v: ArrayLike<number>, dt: number): number {
  switch (kind) {
    case "spikes":
      return spikeTimes(v, dt).length;
    case "rate": {
      const ms = durationMs(v.length, dt);
      return ms > 0 ? (spikeTimes(v, dt).length * 1000) / ms : 0;
    }
    case "peak": {
      let max = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < v.length; i++) if (v[i] > max) max = v[i];
      return v.length ? max : Number.NaN;
    }
    case "first":
      return spikeTimes(v, dt)[0] ?? Number.NaN;
  }
}

/** Axis titles of the summaries (`unit`: the recording's unit, for "peak"; `expression`: the custom summary's). */
export function summaryLabel(kind: SweepSummaryKind, unit = "mV", expression = "custom expression"): string {
  return {
    spikes: "spike count",
    rate: "firing rate (Hz)",
    peak: `peak (${unit})`,
    first: "time to first spike (ms)",
    custom: expression,
  }[kind];
}
