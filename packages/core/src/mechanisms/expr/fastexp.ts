/**
 * The exponential of generated kernels, written out inline. V8 compiles `Math.exp` to a
 * call into C (fdlibm), which also spills every live register of the kernel around it;
 * the kernels of conductance-based channels are mostly exponentials (the L5PC computes
 * about 35,000 per step), so inline arithmetic is about twice as fast per exponential.
 *
 * Method (the table-driven reduction of Tang 1989, as in modern C libraries): with
 * N = 128, k = round(x N / ln 2) and r = x - k ln 2 / N (|r| <= ln 2 / 256),
 * exp(x) = 2^(k >> 7) * 2^((k & 127) / N) * exp(r). The table holds 2^(i / N) as a
 * double-double (hi, lo), exp(r) - 1 is its Taylor polynomial of degree 5 (truncation
 * below 1e-18 relative), and the power of two is a second table. The result is within
 * about 1 ulp of the exact value (as is Math.exp); outside |x| < 700 (overflow,
 * subnormal results, infinities, NaN) Math.exp is used.
 */

/** Offset of 2^0 in {@link EXP_TABLE}. */
const POW2_ZERO = 256 + 1023;

/** Integer square root of a non-negative BigInt (Newton's method). */
function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt((n.toString(2).length + 1) >> 1);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

function buildTable(): Float64Array {
  const t = new Float64Array(256 + 2047);
  // 2^(1/2), 2^(1/4), ..., 2^(1/128) in 120-bit fixed point, by repeated square roots.
  const F = 120n;
  const one = 1n << F;
  const roots: bigint[] = [];
  let c = 2n * one;
  for (let j = 0; j < 7; j++) {
    c = isqrt(c << F);
    roots.push(c);
  }
  for (let i = 0; i < 128; i++) {
    let x = one;
    for (let j = 0; j < 7; j++) if (i & (1 << (6 - j))) x = (x * roots[j]) >> F;
    const hi = Number(x) * 2 ** -120; // Number(bigint) rounds to nearest
    t[2 * i] = hi;
    t[2 * i + 1] = Number(x - BigInt(hi * 2 ** 120)) * 2 ** -120;
  }
  for (let e = -1023; e <= 1023; e++) t[POW2_ZERO + e] = 2 ** e;
  return t;
}

/** 2^(i / 128) for i = 0..127 as pairs (hi, lo) at [2 i], [2 i + 1]; then 2^e for e = -1023..1023 at [256 + e + 1023]. */
export const EXP_TABLE: Float64Array = buildTable();

// ln 2 / 128 split so that k * LN2_HI is exact for |k| < 2^17 (17 trailing zero bits).
const N_LN2 = 184.6649652337873; // 128 / ln 2
const SHIFT = 6755399441055744; // 1.5 * 2^52: adding and subtracting it rounds to an integer
const NEG_LN2_HI = -0x162e42fefa0000 * 2 ** -60;
const NEG_LN2_LO = -0x1cf79abc9e3b3a * 2 ** -99;

/**
 * exp(x) by the inline method (for tests and reference; kernels inline {@link emitExp}).
 *
 * @example fastExp(1) // 2.718281828459045
 */
export function fastExp(x: number): number {
  if (!(x >= -700 && x <= 700)) return Math.exp(x);
  const c = x;
  const kd = c * N_LN2 + SHIFT - SHIFT;
  const r = c + kd * NEG_LN2_HI + kd * NEG_LN2_LO;
  const k = kd | 0;
  const j = (k & 127) << 1;
  const r2 = r * r;
  const hi = EXP_TABLE[j];
  const p = r + r2 * (0.5 + r * (1 / 6)) + r2 * r2 * (1 / 24 + r * (1 / 120));
  return EXP_TABLE[(k >> 7) + POW2_ZERO] * (hi + (hi * p + EXP_TABLE[j + 1]));
}

/** The identifier generated code reads the table through (declared by the helper preamble). */
export const EXP_TABLE_NAME = "H_expTable";

const lit = (x: number) => (x < 0 ? `(${x})` : String(x));

/**
 * Statements computing `const name = exp(arg)` inline, as {@link fastExp} does (the same
 * operations in the same order, so the same result). `arg` must be an identifier or a
 * literal (it is read several times); temporaries are named `${name}_*`.
 *
 * @example emitExp("t3", "e0") // ["const e0_c = ...", ..., "const e0 = ...;"]
 */
export function emitExp(arg: string, name: string): string[] {
  const [c, kd, r, k, j, r2, hi] = ["c", "kd", "r", "k", "j", "r2", "hi"].map((s) => `${name}_${s}`);
  const T = EXP_TABLE_NAME;
  return [
    `const ${c} = ${arg} < -700 ? -700 : ${arg} > 700 ? 700 : ${arg};`,
    `const ${kd} = ${c} * ${N_LN2} + ${SHIFT} - ${SHIFT};`,
    `const ${r} = ${c} + ${kd} * ${lit(NEG_LN2_HI)} + ${kd} * ${lit(NEG_LN2_LO)};`,
    `const ${k} = ${kd} | 0;`,
    `const ${j} = (${k} & 127) << 1;`,
    `const ${r2} = ${r} * ${r};`,
    `const ${hi} = ${T}[${j}];`,
    `const ${name} = ${c} === ${arg} ? ${T}[(${k} >> 7) + ${POW2_ZERO}] * (${hi} + (${hi} * (${r} + ${r2} * (0.5 + ${r} * ${1 / 6}) + ${r2} * ${r2} * (${1 / 24} + ${r} * ${1 / 120})) + ${T}[${j} + 1])) : Math.exp(${arg});`,
  ];
}
