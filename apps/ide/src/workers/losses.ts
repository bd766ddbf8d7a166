/**
 * Losses between simulated and target traces, in tfjs (differentiable) and in plain
 * float64 (for finite differences). Both compute the same numbers.
 *
 * - "mse": mean over recordings and samples of (v - target)^2, mV^2.
 * - "stats": mean over recordings of (mean(v) - mean(t))^2 + (std(v) - std(t))^2.
 */
import * as tf from "@tensorflow/tfjs";

export type LossKind = "mse" | "stats";

export function lossTensor(kind: LossKind, v: tf.Tensor2D, target: tf.Tensor2D): tf.Scalar {
  if (kind === "mse") return tf.mean(tf.square(tf.sub(v, target))) as tf.Scalar;
  const a = tf.moments(v, 1);
  const b = tf.moments(target, 1);
  const dMean = tf.square(tf.sub(a.mean, b.mean));
  const dStd = tf.square(tf.sub(tf.sqrt(tf.add(a.variance, 1e-9)), tf.sqrt(tf.add(b.variance, 1e-9))));
  return tf.mean(tf.add(dMean, dStd)) as tf.Scalar;
}

/** The same loss on row-major float64 arrays of `nRec` rows. */
export function lossValue(kind: LossKind, v: ArrayLike<number>, target: ArrayLike<number>, nRec: number): number {
  const n = v.length / nRec;
  if (kind === "mse") {
    let s = 0;
    for (let i = 0; i < v.length; i++) s += (v[i] - target[i]) ** 2;
    return s / v.length;
  }
  let total = 0;
  for (let r = 0; r < nRec; r++) {
    const [ma, sa] = meanStd(v, r * n, n);
    const [mb, sb] = meanStd(target, r * n, n);
    total += (ma - mb) ** 2 + (Math.sqrt(sa + 1e-9) - Math.sqrt(sb + 1e-9)) ** 2;
  }
  return total / nRec;
}

/** Mean and (population) variance of `n` values from `start`. */
function meanStd(x: ArrayLike<number>, start: number, n: number): [number, number] {
  let m = 0;
  for (let i = 0; i < n; i++) m += x[start + i];
  m /= n;
  let s = 0;
  for (let i = 0; i < n; i++) s += (x[start + i] - m) ** 2;
  return [m, s / n];
}
