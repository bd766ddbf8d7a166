/**
 * Losses between simulated and target traces, in tfjs (differentiable) and in plain
 * float64 (for finite differences). Both compute the same numbers.
 *
 * - "mse": mean over recordings and samples of (v - target)^2, mV^2.
 * - "stats": mean over recordings of (mean(v) - mean(t))^2 + (std(v) - std(t))^2.
 * - "windows": the Jaxley paper's L5PC loss: for every recording and every window [from, to)
 *   (ms; none: the whole trace), |mean(v) - mean(t)| / meanScale + |std(v) - std(t)| / stdScale,
 *   summed (dimensionless).
 *
 * "stats" and "windows" are built from a few residuals (per recording, per window: the
 * difference of the means and of the standard deviations), which Levenberg-Marquardt steps use.
 */
import * as tf from "@tensorflow/tfjs";

export type LossKind = "mse" | "stats" | "windows";

/** A loss and what it needs: the traces' dt (ms), and the windows and scales of "windows". */
export interface LossSpec {
  kind: LossKind;
  dt: number;
  /** [from, to) in ms; empty or absent: the whole trace. */
  windows?: ReadonlyArray<readonly [number, number]>;
  /** [mean scale, std scale] in mV (default [1, 1]). */
  scales?: readonly [number, number];
}

const specOf = (s: LossKind | LossSpec): LossSpec => (typeof s === "string" ? { kind: s, dt: 1 } : s);

/** Sample ranges [start, end) of the spec's windows, for traces of `nSamples` samples from t = 0. */
export function windowRanges(spec: LossSpec, nSamples: number): Array<[number, number]> {
  if (spec.kind !== "windows" || !spec.windows?.length) return [[0, nSamples]];
  return spec.windows.map(([a, b]) => [
    Math.min(nSamples, Math.max(0, Math.round(a / spec.dt))),
    Math.min(nSamples, Math.max(0, Math.round(b / spec.dt))),
  ]);
}

/** The residuals' scales: per recording, per window, [mean scale, std scale]. */
function scaleList(spec: LossSpec, nRec: number, nWindows: number): number[] {
  const [m, s] = spec.kind === "windows" ? (spec.scales ?? [1, 1]) : [1, 1];
  return Array.from({ length: nRec * nWindows }, () => [m, s]).flat();
}

/** The residuals (stats, windows): per recording, per window, [mean difference, std difference] / scales. */
export function residualsTensor(s: LossKind | LossSpec, v: tf.Tensor2D, target: tf.Tensor2D): tf.Tensor1D {
  const spec = specOf(s);
  return tf.tidy(() => {
    const [nRec, nSamples] = v.shape;
    const ranges = windowRanges(spec, nSamples);
    const parts: tf.Tensor[] = [];
    for (const [a, b] of ranges) {
      const mv = tf.moments(v.slice([0, a], [nRec, b - a]), 1);
      const mt = tf.moments(target.slice([0, a], [nRec, b - a]), 1);
      const sd = (x: tf.Tensor) => tf.sqrt(tf.add(x, 1e-9));
      parts.push(tf.stack([tf.sub(mv.mean, mt.mean), tf.sub(sd(mv.variance), sd(mt.variance))], 1)); // [nRec, 2]
    }
    const r = tf.stack(parts, 1).reshape([-1]); // recording-major, then window, then [mean, std]
    return tf.div(r, tf.tensor1d(scaleList(spec, nRec, ranges.length))) as tf.Tensor1D;
  });
}

/** The loss from the residuals: sum of squares over recordings for "stats", sum of |r| for "windows". */
export function lossOfResiduals(kind: LossKind, r: readonly number[], nRec: number): number {
  if (kind === "windows") return r.reduce((s, x) => s + Math.abs(x), 0);
  return r.reduce((s, x) => s + x * x, 0) / nRec;
}

export function lossTensor(s: LossKind | LossSpec, v: tf.Tensor2D, target: tf.Tensor2D): tf.Scalar {
  const spec = specOf(s);
  return tf.tidy(() => {
    if (spec.kind === "mse") return tf.mean(tf.square(tf.sub(v, target))) as tf.Scalar;
    const r = residualsTensor(spec, v, target);
    if (spec.kind === "windows") return tf.sum(tf.abs(r)) as tf.Scalar;
    return tf.div(tf.sum(tf.square(r)), v.shape[0]) as tf.Scalar;
  });
}

/** The residuals on row-major float64 arrays of `nRec` rows. */
export function residualsValue(
  s: LossKind | LossSpec,
  v: ArrayLike<number>,
  target: ArrayLike<number>,
  nRec: number,
): number[] {
  const spec = specOf(s);
  const n = v.length / nRec;
  const ranges = windowRanges(spec, n);
  const scales = scaleList(spec, nRec, ranges.length);
  const out: number[] = [];
  for (let r = 0; r < nRec; r++) {
    for (const [a, b] of ranges) {
      const [ma, sa] = meanStd(v, r * n + a, b - a);
      const [mb, sb] = meanStd(target, r * n + a, b - a);
      out.push(ma - mb, Math.sqrt(sa + 1e-9) - Math.sqrt(sb + 1e-9));
    }
  }
  return out.map((x, i) => x / scales[i]);
}

/** The same loss on row-major float64 arrays of `nRec` rows. */
export function lossValue(
  s: LossKind | LossSpec,
  v: ArrayLike<number>,
  target: ArrayLike<number>,
  nRec: number,
): number {
  const spec = specOf(s);
  if (spec.kind === "mse") {
    let sum = 0;
    for (let i = 0; i < v.length; i++) sum += (v[i] - target[i]) ** 2;
    return sum / v.length;
  }
  return lossOfResiduals(spec.kind, residualsValue(spec, v, target, nRec), nRec);
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
