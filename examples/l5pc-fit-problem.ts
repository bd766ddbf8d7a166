// The synthetic L5PC fit of the Jaxley paper (Deistler et al., Fig. 3) as a problem: which
// parameters, which stimulus, which summary statistics, which loss, which threshold. The
// facts follow the paper's notebook (jaxley_experiments, fig3_l5pc/01_synthetic): a 3 nA
// somatic step from 10 to 90 ms, 100 ms simulated, the mean and standard deviation of the
// somatic voltage in the windows 5-55 ms and 55-95 ms, each divided by a scale (8 mV for
// means, 4 mV for standard deviations), the loss their summed absolute error, and a fit
// "good" when that loss is below 0.55 (the criterion by which random search needed about
// 2,000 simulations per good sample).
import * as tf from "@tensorflow/tfjs";
import { L5PC_FREE, type L5pcFreeParam } from "./l5pc.js";

/**
 * The 19 parameters the paper fits: the 20 free parameters of parameters.json except the
 * axonal persistent sodium density (gNap_Et2bar.axonal), which the paper's model leaves out
 * (its axon has no Nap_Et2). Here Nap_Et2 stays in the axon at its release value.
 */
export const L5PC_FIT: readonly L5pcFreeParam[] = L5PC_FREE.filter((p) => p.name !== "gNap_Et2bar_Nap_Et2.axonal");

/** The stimulus: a step current into the soma's centre (nA, from ms, for ms). */
export const FIT_STIMULUS = { amplitudeNa: 3, delayMs: 10, durationMs: 80 } as const;
/** Simulated time, ms. */
export const FIT_T_MAX = 100;
/** The summary-statistic windows [from, to) in ms. */
export const FIT_WINDOWS: ReadonlyArray<readonly [number, number]> = [
  [5, 55],
  [55, 95],
];
/** Scales of the statistics: a window's mean (mV) and standard deviation (mV). */
export const FIT_SCALE = { meanMv: 8, stdMv: 4 } as const;
/** A fit is good when the loss (summed scaled absolute errors of the 4 statistics) is below this. */
export const FIT_THRESHOLD = 0.55;

/** Sample index range [start, end) of a window, for traces sampled every dt ms from t = 0. */
export function windowSamples(window: readonly [number, number], dt: number): [number, number] {
  return [Math.round(window[0] / dt), Math.round(window[1] / dt)];
}

/**
 * The statistics of a somatic trace (`v`, shape [1, nSamples], mV): for each window its mean
 * and (population) standard deviation, in the order mean0, std0, mean1, std1.
 */
export function summaryStats(v: tf.Tensor2D, dt: number): tf.Tensor1D {
  return tf.tidy(() => {
    const out: tf.Tensor[] = [];
    for (const w of FIT_WINDOWS) {
      const [a, b] = windowSamples(w, dt);
      const { mean, variance } = tf.moments(v.slice([0, a], [1, b - a]));
      out.push(mean.reshape([1]), tf.sqrt(tf.add(variance, 1e-9)).reshape([1]));
    }
    return tf.concat(out) as tf.Tensor1D;
  });
}

/** The scales of the statistics, in summaryStats order. */
export const statScales = (): tf.Tensor1D =>
  tf.tensor1d(FIT_WINDOWS.flatMap(() => [FIT_SCALE.meanMv, FIT_SCALE.stdMv]));

/** The loss: sum over statistics of |stat - target| / scale (dimensionless). */
export function statsLoss(stats: tf.Tensor1D, target: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => tf.sum(tf.div(tf.abs(tf.sub(stats, target)), statScales())) as tf.Scalar);
}
