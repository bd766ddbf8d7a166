/**
 * Special functions of the expression language whose naive formulas have a removable
 * singularity, with guards. These are the runtime implementations used by generated
 * kernels (passed in, never re-parsed) and by constant folding.
 *
 * efun(x) = x / (exp(x) - 1) = sum_n B_n x^n / n!   (B_n: Bernoulli numbers)
 */

// Taylor coefficients c_n = B_n / n! of x / (exp(x) - 1) (zero for odd n > 1).
const C2 = 1 / 12;
const C4 = -1 / 720;
const C6 = 1 / 30240;
const C8 = -1 / 1209600;
const C10 = 1 / 47900160;
const C12 = -691 / 1307674368000;
const C14 = 7 / 6 / 87178291200;
const C16 = -3617 / 510 / 20922789888000;

/** Below this |x| the derivatives of efun use their Taylor series. */
const SERIES_LIMIT = 0.1;

/**
 * efun(x) = x / (exp(x) - 1), dimensionless; equal to 1 - x/2 + x^2/12 for |x| < 1e-6
 * (the closed form loses all precision at 0 and is 0/0 there).
 *
 * @example efun(0) // 1
 */
export function efun(x: number): number {
  if (Math.abs(x) < 1e-6) return 1 - x / 2 + C2 * x * x;
  return x / (Math.exp(x) - 1);
}

/**
 * The first derivative of {@link efun}: -1/2 + x/6 - ... near 0.
 *
 * @example efun_d1(0) // -0.5
 */
export function efun_d1(x: number): number {
  if (Math.abs(x) < SERIES_LIMIT) {
    const x2 = x * x;
    return -0.5 + x * (2 * C2 + x2 * (4 * C4 + x2 * (6 * C6 + x2 * (8 * C8 + x2 * 10 * C10))));
  }
  if (x > 0) {
    // w = exp(-x) keeps large x finite: efun' = w (1 - w - x) / (1 - w)^2
    const w = Math.exp(-x),
      d = 1 - w;
    return (w * (d - x)) / (d * d);
  }
  const e = Math.expm1(x); // efun' = (e - x (e + 1)) / e^2
  return (e - x * (e + 1)) / (e * e);
}

/**
 * The second derivative of {@link efun}: 1/6 - x^2/60 + ... near 0.
 *
 * @example efun_d2(0) // 0.16666666666666666
 */
export function efun_d2(x: number): number {
  if (Math.abs(x) < SERIES_LIMIT) {
    const x2 = x * x;
    return 2 * C2 + x2 * (12 * C4 + x2 * (30 * C6 + x2 * (56 * C8 + x2 * (90 * C10 + x2 * 132 * C12))));
  }
  if (x > 0) {
    // efun'' = w ((1 - w)(x - 2) + 2 x w) / (1 - w)^3
    const w = Math.exp(-x),
      d = 1 - w;
    return (w * (d * (x - 2) + 2 * x * w)) / (d * d * d);
  }
  const d = Math.expm1(x),
    e = d + 1; // efun'' = e (x d + 2 x - 2 d) / d^3
  return (e * (x * d + 2 * x - 2 * d)) / (d * d * d);
}

/**
 * The third derivative of {@link efun} (only reached by third derivatives of
 * expressions; the kernels need at most the second).
 *
 * @example efun_d3(0) // 0
 */
export function efun_d3(x: number): number {
  if (Math.abs(x) < 0.5) {
    const x2 = x * x;
    return (
      x *
      (24 * C4 +
        x2 * (120 * C6 + x2 * (336 * C8 + x2 * (720 * C10 + x2 * (1320 * C12 + x2 * (2184 * C14 + x2 * 3360 * C16))))))
    );
  }
  // efun = x g with g = 1/(exp(x) - 1): efun''' = x g''' + 3 g'',
  // g'' = (g + g^2)(1 + 2g), g''' = -(g + g^2)(1 + 6g + 6g^2).
  const g = x > 0 ? Math.exp(-x) / -Math.expm1(-x) : 1 / Math.expm1(x);
  const gg = g + g * g;
  return -x * gg * (1 + 6 * g + 6 * g * g) + 3 * gg * (1 + 2 * g);
}

/**
 * NEURON's `vtrap(x, y) = x / (exp(x/y) - 1)` from hh.mod, with its guard: for
 * |x/y| < 1e-6 it returns y (1 - x/y/2). x and y share a unit (mV); so does the result.
 *
 * @example vtrap(25, 10) // 2.2356...
 */
export function vtrap(x: number, y: number): number {
  if (Math.abs(x / y) < 1e-6) return y * (1 - x / y / 2);
  return x / (Math.exp(x / y) - 1);
}

/**
 * The logistic function 1 / (1 + exp(-x)).
 *
 * @example sigmoid(0) // 0.5
 */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * {@link efun_d1} given exp(x) already computed (generated kernels share exponentials):
 * the same value without another call to exp.
 *
 * @example efun_d1e(2, Math.exp(2)) === efun_d1(2)
 */
export function efun_d1e(x: number, ex: number): number {
  if (Math.abs(x) < SERIES_LIMIT || !Number.isFinite(ex) || ex === 0) return efun_d1(x);
  if (x > 0) {
    const w = 1 / ex,
      d = 1 - w;
    return (w * (d - x)) / (d * d);
  }
  const e = ex - 1;
  return (e - x * (e + 1)) / (e * e);
}
