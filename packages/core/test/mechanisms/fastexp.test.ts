import { describe, expect, it } from "vitest";
import { compileExpr } from "../../src/mechanisms/expr/evaluate.js";
import { EXP_TABLE, emitExp, fastExp } from "../../src/mechanisms/expr/fastexp.js";

/** Distance in units in the last place between two positive finite doubles. */
function ulps(a: number, b: number): number {
  const f = new Float64Array([a, b]);
  const i = new BigInt64Array(f.buffer);
  const d = i[0] - i[1];
  return Number(d < 0n ? -d : d);
}

/** exp(x) to about 30 significant digits (x = n ln2 + r, Taylor series of exp(r) in BigInt fixed point). */
function exactExp(x: number): number {
  // Exact binary expansion of x, then exp by squaring a high-precision exp(x / 2^s).
  const F = 200n;
  const one = 1n << F;
  const s = 12;
  // x as a BigInt fixed-point value (exact: x has at most 53 significant bits and |x| < 1100).
  const xf = BigInt(Math.round(x * 2 ** 40)) << (F - 40n - BigInt(s));
  let term = one;
  let sum = one;
  for (let n = 1n; n < 60n; n++) {
    term = (term * xf) / (one * n);
    sum += term;
  }
  for (let j = 0; j < s; j++) sum = (sum * sum) >> F;
  // sum / 2^F as a double: keep the top 64 bits.
  const bits = sum.toString(2).length;
  const shift = BigInt(Math.max(0, bits - 64));
  return Number(sum >> shift) * 2 ** (Number(shift) - Number(F));
}

describe("the inline exponential of generated kernels", () => {
  it("holds 2^(i/128) as a double-double and exact powers of two", () => {
    expect(EXP_TABLE[0]).toBe(1);
    expect(EXP_TABLE[1]).toBe(0);
    expect(EXP_TABLE[128]).toBe(Math.SQRT2); // 2^(64/128), correctly rounded
    expect(Math.abs(EXP_TABLE[129])).toBeLessThan(2 ** -53 * Math.SQRT2);
    expect(EXP_TABLE[256 + 1023]).toBe(1);
    expect(EXP_TABLE[256 + 1023 + 10]).toBe(1024);
    expect(EXP_TABLE[256]).toBe(2 ** -1023);
  });

  it("is within 1 ulp of exp over the range kernels see, and within 1 ulp of Math.exp", () => {
    let worst = 0;
    let worstMath = 0;
    for (let i = 0; i < 4000; i++) {
      // deterministic spread over [-60, 60] with irregular low bits (x * 2^40 integral for exactExp)
      const x = Math.round((((i * 0.6180339887498949) % 1) * 120 - 60) * 2 ** 40) / 2 ** 40;
      const want = exactExp(x);
      worst = Math.max(worst, ulps(fastExp(x), want));
      worstMath = Math.max(worstMath, ulps(fastExp(x), Math.exp(x)));
    }
    expect(worst).toBeLessThanOrEqual(1);
    expect(worstMath).toBeLessThanOrEqual(1);
  });

  it("matches Math.exp at the edges and for non-finite arguments", () => {
    for (const x of [0, -0, 1, -1, 1e-300, -1e-300, 699.9, -699.9, 700, -700, 705, -720, -745, -746, 710, 1000]) {
      expect(ulps(fastExp(x), Math.exp(x)), `exp(${x})`).toBeLessThanOrEqual(1);
    }
    expect(fastExp(Infinity)).toBe(Infinity);
    expect(fastExp(-Infinity)).toBe(0);
    expect(fastExp(Number.NaN)).toBeNaN();
    expect(fastExp(800)).toBe(Infinity);
  });

  it("emits code that computes what fastExp computes, bit for bit", () => {
    const body = `"use strict"; const H_expTable = T; return function (x) {\n${emitExp("x", "e").join("\n")}\nreturn e; };`;
    const f = new Function("T", body)(EXP_TABLE) as (x: number) => number;
    for (const x of [-700.5, -700, -123.456, -1, -1e-9, 0, 1e-9, 0.5, 3.25, 88.7, 700, 701, Number.NaN]) {
      expect(Object.is(f(x), fastExp(x)), `x = ${x}`).toBe(true);
    }
  });

  it("is what compiled expressions use for exp, vtrap and sigmoid", () => {
    const f = compileExpr("exp(v / 7) + vtrap(v, 3) + sigmoid(v)", ["v"]);
    for (const v of [-80, -12.5, 0.3, 40]) {
      const want = fastExp(v / 7) + v / (fastExp(v / 3) - 1) + 1 / (1 + fastExp(-v));
      expect(f(v)).toBeCloseTo(want, 12);
    }
  });
});
