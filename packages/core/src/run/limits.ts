/**
 * The largest run the simulator accepts: how many samples, and how much memory its
 * recordings may take. Every entry that runs a simulation (`integrate`, `integrateBatch`,
 * `simulate`, `simulateWatched`, and so a trainer's runs) checks a run against these
 * before it allocates anything, and refuses it with a message in words instead of a raw
 * `RangeError: Invalid typed array length` or a tab that runs out of memory.
 */
import { DendrolabError } from "../errors.js";

/**
 * The most samples a run may have: `Math.round(tMax / deltaT) + 1 <= MAX_STEPS` (1e7,
 * e.g. 250 s at deltaT 0.025 ms). A link's schema in the IDE uses the same number.
 */
export const MAX_STEPS = 10_000_000;

/**
 * The most memory the recordings of one run may take, in bytes: `samples * recordings *
 * 8 <= MAX_RECORDING_BYTES` (1 GiB; float64 values, e.g. 13 recordings of 1e7 samples).
 * `integrate` makes a float32 copy on top, and a browser tab holds a few GiB at most.
 */
export const MAX_RECORDING_BYTES = 2 ** 30;

/** "1,234,567". */
function count(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

/** "1.5 GiB", "12.0 MiB". */
function bytes(n: number): string {
  return n >= 2 ** 30 ? `${(n / 2 ** 30).toFixed(2)} GiB` : `${(n / 2 ** 20).toFixed(1)} MiB`;
}

/**
 * Checks a run of `nSamples` samples of `dt` ms with `nRecordings` recordings against
 * {@link MAX_STEPS} and {@link MAX_RECORDING_BYTES}; `fromTMax` says whether tMax set
 * the length (else the stimuli did), for the advice in the message.
 */
export function checkRunSize(nSamples: number, dt: number, nRecordings: number, fromTMax: boolean): void {
  const tMax = (nSamples - 1) * dt;
  if (nSamples > MAX_STEPS) {
    const advice = fromTMax
      ? `raise deltaT to at least ${(tMax / (MAX_STEPS - 1)).toPrecision(3)} ms or shorten tMax to at most ${((MAX_STEPS - 1) * dt).toPrecision(4)} ms`
      : `give shorter stimuli or clamps (at most ${count(MAX_STEPS)} samples), or a larger deltaT`;
    throw new DendrolabError(
      `integrate: tMax ${tMax.toPrecision(6)} ms at deltaT ${dt} ms is ${count(nSamples)} samples; ` +
        `a run may have at most ${count(MAX_STEPS)} (MAX_STEPS). To run it, ${advice}.`,
      "INVALID_ARGUMENT",
    );
  }
  const need = nSamples * nRecordings * 8;
  if (need > MAX_RECORDING_BYTES) {
    const maxSamples = Math.floor(MAX_RECORDING_BYTES / (8 * nRecordings));
    throw new DendrolabError(
      `integrate: ${count(nRecordings)} recordings of ${count(nSamples)} samples take ${bytes(need)}; ` +
        `the recordings of a run may take at most ${bytes(MAX_RECORDING_BYTES)} (MAX_RECORDING_BYTES). ` +
        `Record fewer compartments or states, or run at most ${count(maxSamples)} samples (shorter tMax or larger deltaT).`,
      "INVALID_ARGUMENT",
    );
  }
}
