import { describe, expect, it } from "vitest";
import { differentiate, simplify } from "../../src/mechanisms/expr/diff.js";
import { compileExpr, evaluateExpr } from "../../src/mechanisms/expr/evaluate.js";
import { FUNCTION_NAMES } from "../../src/mechanisms/expr/functions.js";
import { ExprGraph } from "../../src/mechanisms/expr/graph.js";
import { parseExpr } from "../../src/mechanisms/expr/parser.js";
import { printExpr } from "../../src/mechanisms/expr/ast.js";
import { efun, efun_d1, efun_d2, efun_d3, vtrap } from "../../src/mechanisms/expr/special.js";
import { expectClose, fd, rng } from "./helpers.js";

/** One expression per built-in function, with composite arguments, on x and y. */
const CASES: Record<string, { text: string; x: [number, number]; y: [number, number] }> = {
  exp: { text: "exp(0.3 * x - y)", x: [-3, 3], y: [-2, 2] },
  log: { text: "log(x * x + y)", x: [0.5, 3], y: [0.1, 2] },
  sqrt: { text: "sqrt(x + 2 * y)", x: [0.5, 3], y: [0.1, 2] },
  pow: { text: "pow(x, y) + x ^ 3 + y ^ -2 + x ^ 0.5", x: [0.2, 3], y: [0.3, 2] },
  abs: { text: "abs(x - y) * x", x: [-3, 3], y: [-3, 3] },
  sign: { text: "sign(x - y) * x * y", x: [-3, 3], y: [-3, 3] },
  tanh: { text: "tanh(x * y / 2)", x: [-3, 3], y: [-2, 2] },
  sinh: { text: "sinh(x - y)", x: [-3, 3], y: [-2, 2] },
  cosh: { text: "cosh(x * y)", x: [-2, 2], y: [-1, 1] },
  log10: { text: "log10(x * x + y)", x: [0.5, 3], y: [0.1, 2] },
  sin: { text: "sin(x * y)", x: [-3, 3], y: [-2, 2] },
  cos: { text: "cos(x - y)", x: [-3, 3], y: [-2, 2] },
  tan: { text: "tan(0.3 * x + 0.2 * y)", x: [-2, 2], y: [-2, 2] },
  atan: { text: "atan(x * y)", x: [-3, 3], y: [-2, 2] },
  asin: { text: "asin(0.3 * x * y)", x: [-1.5, 1.5], y: [-1.5, 1.5] },
  acos: { text: "acos(0.3 * x - 0.2 * y)", x: [-1.5, 1.5], y: [-1.5, 1.5] },
  atan2: { text: "atan2(x + 3, y + 3)", x: [-2, 2], y: [-2, 2] },
  floor: { text: "floor(x + y) * x * y", x: [0.1, 0.4], y: [0.1, 0.4] },
  ceil: { text: "ceil(x + y) * x * y", x: [0.1, 0.4], y: [0.1, 0.4] },
  fmod: { text: "fmod(x * 3 + 2, y)", x: [0.1, 0.3], y: [1.5, 2] },
  min: { text: "min(x * x, y + 1)", x: [-2, 2], y: [-1, 3] },
  max: { text: "max(x * x, y + 1)", x: [-2, 2], y: [-1, 3] },
  ifle: { text: "ifle(x, y, x * y, x / y)", x: [-2, 2], y: [0.5, 2] },
  sigmoid: { text: "sigmoid(x / y)", x: [-6, 6], y: [0.5, 2] },
  efun: { text: "efun(x * y)", x: [-4, 4], y: [-2, 2] },
  efun_d1: { text: "efun_d1(x - y)", x: [-4, 4], y: [-2, 2] },
  efun_d2: { text: "efun_d2(x + y)", x: [-4, 4], y: [-2, 2] },
  vtrap: { text: "vtrap(x * 10 - y, y + 3)", x: [-4, 4], y: [-2, 2] },
};

describe("symbolic derivatives equal central finite differences", () => {
  it("covers every built-in function", () => {
    // efun_d3 has no derivative (a fourth of efun); it is checked against efun_d2 below.
    expect([...Object.keys(CASES), "efun_d3"].sort()).toEqual([...FUNCTION_NAMES].sort());
  });

  it.each(Object.entries(CASES))("%s: first and second derivatives", (name, c) => {
    const e = parseExpr(c.text);
    const f = compileExpr(e, ["x", "y"]);
    const r = rng(name.length * 7919);
    for (let trial = 0; trial < 40; trial++) {
      const x = r(...c.x),
        y = r(...c.y);
      // Skip points near kinks (abs, sign, min, max, ifle) where differences straddle them.
      if (["abs", "sign"].includes(name) && Math.abs(x - y) < 0.05) continue;
      if (["min", "max"].includes(name) && Math.abs(x * x - y - 1) < 0.05) continue;
      if (name === "ifle" && Math.abs(x - y) < 0.05) continue;
      for (const v of ["x", "y"] as const) {
        const d1 = differentiate(e, v);
        const at = (t: number) => (v === "x" ? [t, y] : [x, t]);
        const h = 1e-3;
        const p = v === "x" ? x : y;
        expectClose(
          compileExpr(d1, ["x", "y"])(x, y),
          fd((t) => f(...at(t)), p, h),
          1e-6,
          1e-9,
          `d${name}/d${v} at (${x}, ${y})`,
        );
        expectClose(evaluateExpr(d1, { x, y }), compileExpr(d1, ["x", "y"])(x, y), 1e-14, 1e-300, "interp = compiled");
        if (name === "efun_d2") continue; // no fourth derivative of efun
        const d2 = differentiate(d1, v);
        const g1 = compileExpr(d1, ["x", "y"]);
        expectClose(
          compileExpr(d2, ["x", "y"])(x, y),
          fd((t) => g1(...at(t)), p, h),
          1e-6,
          1e-8,
          `d2${name}/d${v}2 at (${x}, ${y})`,
        );
      }
    }
  });
});

describe("efun and vtrap near their removable singularity", () => {
  it("have the limits at 0", () => {
    expect(efun(0)).toBe(1);
    expect(efun_d1(0)).toBe(-0.5);
    expect(efun_d2(0)).toBeCloseTo(1 / 6, 15);
    expect(efun_d3(0) === 0).toBe(true);
    expect(vtrap(0, 10)).toBe(10);
    expect(vtrap(1e-9, 10)).toBeCloseTo(10 * (1 - 1e-10 / 2), 14);
  });

  it("are continuous across the series switch and match differences of efun", () => {
    for (const x0 of [1e-6, 0.1, -0.1, -1e-6, 0.5, -0.5]) {
      for (const f of [efun, efun_d1, efun_d2, efun_d3]) {
        expectClose(f(x0 * (1 - 1e-9)), f(x0 * (1 + 1e-9)), 1e-9, 1e-10 * Math.abs(x0), `${f.name} at ${x0}`);
      }
    }
    for (const x of [0.03, 0.0999, 0.1001, -0.05, 0.7, -2, 15, -30]) {
      expectClose(efun_d1(x), fd(efun, x, 1e-3), 1e-8, 1e-12, `efun_d1(${x})`);
      expectClose(efun_d2(x), fd(efun_d1, x, 1e-3), 1e-8, 1e-12, `efun_d2(${x})`);
      expectClose(efun_d3(x), fd(efun_d2, x, 1e-3), 1e-6, 1e-10, `efun_d3(${x})`);
    }
  });

  it("stay finite for large arguments", () => {
    for (const x of [800, -800, 1e4]) {
      for (const f of [efun, efun_d1, efun_d2, efun_d3]) expect(Number.isFinite(f(x))).toBe(true);
    }
    expect(efun(-800)).toBe(800);
    expect(efun_d1(-800)).toBe(-1);
  });

  it("differentiate vtrap at x = 0 to the limits", () => {
    const e = parseExpr("vtrap(x, y)");
    expect(evaluateExpr(differentiate(e, "x"), { x: 0, y: 10 })).toBe(-0.5);
    expect(evaluateExpr(differentiate(e, "y"), { x: 0, y: 10 })).toBe(1);
  });
});

describe("simplification", () => {
  const s = (text: string) => printExpr(simplify(parseExpr(text)));

  it("folds constants and removes identities", () => {
    expect(s("2 * 3 + x")).toBe("6 + x");
    expect(s("x * 1 + 0")).toBe("x");
    expect(s("0 * x + y")).toBe("y");
    expect(s("x - x")).toBe("0");
    expect(s("-(-x)")).toBe("x");
    expect(s("x / 1")).toBe("x");
    expect(s("x ^ 1 + y ^ 0")).toBe("x + 1");
    expect(s("exp(0) * x")).toBe("x");
    expect(s("ifle(x, y, z, z)")).toBe("z");
    expect(s("pow(x, 2)")).toBe("x ^ 2");
    expect(s("x + -y")).toBe("x - y");
    expect(s("-x * -y")).toBe("x * y");
  });

  it("gives readable derivatives", () => {
    const d = (text: string, v = "x") => printExpr(differentiate(parseExpr(text), v));
    expect(d("x^3 + 2*x")).toBe("2 + 3 * x ^ 2");
    expect(d("exp(2 * x)")).toBe("2 * exp(2 * x)");
    expect(d("y * x + y")).toBe("y");
    expect(d("gNa * m^3 * h * (v - eNa)", "eNa")).toBe("-(gNa * m ^ 3 * h)");
    expect(d("sin_like", "x")).toBe("0");
  });

  it("shares equal subexpressions (hash-consing)", () => {
    const g = new ExprGraph();
    const a = g.fromExpr(parseExpr("exp(-(v + 65) / 18) * 4"));
    const b = g.fromExpr(parseExpr("4 * exp(-(v + 65) / 18)"));
    expect(a).toBe(b);
  });
});

describe("emitted code", () => {
  it("computes each shared subexpression once and uses products for small powers", () => {
    const f = compileExpr("exp(-(v + 65) / 18) * 4 + exp(-(v + 65) / 18) ^ 3 + v ^ 4 + v ^ 2.5", ["v"]);
    const src = f.toString();
    // One exponential for exp(-(v + 65) / 18), one for v^2.5 = exp(2.5 ln v) (Math.pow beyond its range).
    expect(src.match(/Math\.exp\(/g)).toHaveLength(2);
    expect(src).toMatch(/a0 \* a0 \* a0 \* a0/);
    expect(src.match(/Math\.pow\(/g)).toHaveLength(1);
    const v = 3;
    expect(f(v)).toBeCloseTo(Math.exp(-(v + 65) / 18) * 4 + Math.exp(-(v + 65) / 18) ** 3 + v ** 4 + v ** 2.5, 12);
  });

  it("shares one exponential between arguments of opposite slope, also in a subexpression", () => {
    // u is not affine in v (a guard as in the L5PC rate files); the arguments are affine in u.
    const text = "exp(-(u - 3) / 6) + 2 * exp((u - 3) / 6) + 0.5 / (1 - exp((u + 3) / 6))";
    const f = compileExpr(text.replaceAll("u", "ifle(v, 0, v + 1, v)"), ["v"]);
    expect(f.toString().match(/Math\.exp\(/g)).toHaveLength(1); // one inline exponential
    for (const v of [-70, -3, 0, 0.5, 25]) {
      const u = v <= 0 ? v + 1 : v;
      const want = Math.exp(-(u - 3) / 6) + 2 * Math.exp((u - 3) / 6) + 0.5 / (1 - Math.exp((u + 3) / 6));
      expectClose(f(v), want, 1e-14, 0, `v = ${v}`);
    }
  });

  it("divides by a reciprocal as a multiplication (cnexp's dt / tau with tau = 1 / (a + b) / q)", () => {
    const f = compileExpr("x / ((1 / (y * y + 1)) / 2.5) + x / (-(4 / y))", ["x", "y"]);
    expect(f.toString()).not.toMatch(/ \/ /);
    for (const [x, y] of [
      [0.025, -1.5],
      [-0.1, 3],
    ])
      expectClose(f(x, y), x / (1 / (y * y + 1) / 2.5) + x / -(4 / y), 1e-15, 0, `(${x}, ${y})`);
  });

  it("computes a constant non-integer power as exp(y ln x), Math.pow's values at the edges", () => {
    const f = compileExpr("x ^ 4.8 + 0 * y", ["x", "y"]);
    const h = compileExpr("x ^ -0.5 + 0 * y", ["x", "y"]);
    expect(f.toString()).toMatch(/4\.8 \* Math\.log\(/);
    for (let x = 0.05; x < 20; x *= 1.37) {
      expectClose(f(x, 0), x ** 4.8, (1 + Math.abs(4.8 * Math.log(x))) * 2 ** -52, 0, `${x}^4.8`);
      expectClose(h(x, 0), x ** -0.5, (1 + Math.abs(0.5 * Math.log(x))) * 2 ** -52, 0, `${x}^-0.5`);
    }
    for (const x of [0, -0, -2, 1, 1e-300, 1e300, Infinity, -Infinity, Number.NaN]) {
      expect(Object.is(f(x, 0), x ** 4.8), `${x}^4.8`).toBe(true);
      expect(Object.is(h(x, 0), x ** -0.5), `${x}^-0.5`).toBe(true);
    }
  });

  it("never evaluates user text: unknown names and functions are errors", () => {
    expect(() => compileExpr("alert(1)", ["x"])).toThrow(/Unknown function "alert"/);
    expect(() => compileExpr("constructor + x", ["x"])).toThrow(/Unknown name "constructor"/);
    expect(() => compileExpr("x; process.exit(1)", ["x"])).toThrow(/Unexpected character ";"/);
  });

  it("handles negative literals and -0 safely", () => {
    expect(compileExpr("x - -3", ["x"])(1)).toBe(4);
    expect(compileExpr("-(-(x))", ["x"])(2)).toBe(2);
    expect(compileExpr("x * (0 - 2)", ["x"])(3)).toBe(-6);
    expect(compileExpr("x ^ -2", ["x"])(2)).toBe(0.25);
  });
});
