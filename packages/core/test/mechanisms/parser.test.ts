import { describe, expect, it } from "vitest";
import { ExpressionError } from "../../src/mechanisms/expr/errors.js";
import { evaluateExpr } from "../../src/mechanisms/expr/evaluate.js";
import { parseExpr } from "../../src/mechanisms/expr/parser.js";
import { printExpr, stripPositions } from "../../src/mechanisms/expr/ast.js";

const env = { x: 1.7, y: -0.4, z: 2.5, v: -65, a: 3, b: 0.5, c: -2 };
const ev = (s: string) => evaluateExpr(parseExpr(s), env);

describe("parseExpr", () => {
  it("reads numbers in every form", () => {
    for (const [text, value] of [
      ["2", 2],
      ["0.5", 0.5],
      [".5", 0.5],
      ["3.", 3],
      ["1e-3", 1e-3],
      ["1E+2", 100],
      ["2.5e2", 250],
      ["1e21", 1e21],
    ] as const) {
      expect(parseExpr(text)).toEqual({ type: "num", value, pos: 0 });
    }
  });

  it("follows precedence: ^ over unary minus over * / over + -", () => {
    expect(ev("1 + 2 * 3")).toBe(7);
    expect(ev("(1 + 2) * 3")).toBe(9);
    expect(ev("-2 ^ 2")).toBe(-4);
    expect(ev("(-2) ^ 2")).toBe(4);
    expect(ev("2 ^ 3 ^ 2")).toBe(512); // right-associative
    expect(ev("2 ** 3")).toBe(8);
    expect(ev("2 ^ -1")).toBe(0.5);
    expect(ev("8 / 4 / 2")).toBe(1); // left-associative
    expect(ev("8 - 4 - 2")).toBe(2);
    expect(ev("-x * 2")).toBe(-3.4);
    expect(ev("a - -b")).toBe(3.5);
    expect(ev("+a")).toBe(3);
  });

  it("reads calls of the built-in functions", () => {
    expect(ev("exp(0) + log(1) + sqrt(4) + pow(2, 3) + abs(-1)")).toBe(1 + 0 + 2 + 8 + 1);
    expect(ev("min(a, b) + max(a, b)")).toBe(3.5);
    expect(ev("sigmoid(0)")).toBe(0.5);
    expect(ev("vtrap(0, 10)")).toBe(10);
    expect(ev("efun(0)")).toBe(1);
    expect(ev("ifle(a, b, 1, 2)")).toBe(2);
  });

  it("round-trips through printExpr", () => {
    const cases = [
      "0.1 * vtrap(-(v + 40), 10)",
      "4 * exp(-(v + 65) / 18)",
      "1 / (exp(-(v + 35) / 10) + 1)",
      "-x ^ 2",
      "(-x) ^ 2",
      "x ^ y ^ z",
      "(x ^ y) ^ z",
      "x ^ -y",
      "a - (b - c)",
      "a - b - c",
      "a / (b * c)",
      "a / b * c",
      "-(a + b)",
      "-(-a)",
      "a * -b",
      "-a * b",
      "1e-3 * x",
      "max(x, min(y, z))",
      "gNa * m ^ 3 * h * (v - eNa) + gK * n ^ 4 * (v - eK)",
      "-(a * b)",
      "-a ^ -b ^ c",
    ];
    for (const text of cases) {
      const e = parseExpr(text);
      const printed = printExpr(e);
      expect(stripPositions(parseExpr(printed)), `${text} -> ${printed}`).toEqual(stripPositions(e));
      if (text !== "-(-a)" && text !== "1e-3 * x") expect(printed).toBe(text);
      const names = {
        x: 1.3,
        y: 0.7,
        z: 1.1,
        v: -50,
        a: 2,
        b: 3,
        c: 5,
        gNa: 1,
        m: 0.5,
        h: 0.6,
        eNa: 50,
        gK: 2,
        n: 0.3,
        eK: -77,
      };
      expect(evaluateExpr(parseExpr(printed), names)).toBe(evaluateExpr(e, names));
    }
  });

  it("records positions", () => {
    const e = parseExpr("a + foo");
    expect(e).toMatchObject({ type: "bin", op: "+", pos: 2, right: { type: "var", name: "foo", pos: 4 } });
  });
});

describe("parse errors say what was given, where, and what was expected", () => {
  const message = (text: string, names?: string[]) => {
    try {
      parseExpr(text, names ? { names } : {});
    } catch (e) {
      expect(e).toBeInstanceOf(ExpressionError);
      return (e as ExpressionError).message;
    }
    throw new Error(`no error for ${text}`);
  };

  it("at the end of input", () => {
    const m = message("0.1*(v+");
    expect(m).toContain('expression "0.1*(v+"');
    expect(m).toContain("position 7");
    expect(m).toContain('expected a number, a name, "(" or "-" but found end of input');
    expect(m).toContain("\n    0.1*(v+\n           ^");
  });

  it("for unbalanced parentheses", () => {
    expect(message("(a + b")).toMatch(
      /expected "\)" to close the "\(" at position 0 but found end of input at position 6/,
    );
    expect(message("a + b)")).toMatch(/no matching "\("\) but found "\)" at position 5/);
  });

  it("for a missing operator, a bad character and a malformed number", () => {
    expect(message("a b")).toMatch(
      /expected an operator \(\+ - \* \/ \^\) or end of input but found name "b" at position 2/,
    );
    expect(message("a $ b")).toMatch(/Unexpected character "\$".* at position 2 in expression "a \$ b"/);
    expect(message("2x")).toMatch(/Malformed number "2x".*position 0/);
    expect(message("1.2.3")).toMatch(/Malformed number "1.2.3"/);
    expect(message("")).toMatch(/expected a number.*but found end of input at position 0/);
  });

  it("for functions: unknown names, arity, missing call", () => {
    const m = message("expp(v)");
    expect(m).toContain('Unknown function "expp" at position 0 in expression "expp(v)"');
    expect(m).toContain("Valid functions: abs, acos, asin, atan, atan2, ceil, cos, cosh, efun,");
    expect(m).toContain('Did you mean "exp"?');
    expect(message("max(1)")).toMatch(/Function "max" takes 2 arguments but was given 1/);
    expect(message("exp(1, 2)")).toMatch(/Function "exp" takes 1 argument but was given 2/);
    expect(message("exp + 1")).toMatch(/expected "\(" after the function name "exp" but found "\+" at position 4/);
    expect(message("exp()")).toMatch(/expected an argument of exp\(\.\.\.\) but found "\)"/);
    expect(message("min(1; 2)")).toMatch(/Unexpected character ";"/);
    expect(message("min(1 2)")).toMatch(/expected "," or "\)" in the arguments of min/);
  });

  it("for unknown names: lists the valid names and the nearest match", () => {
    const m = message("gna * m^3 * h", ["gNa", "gK", "m", "h", "v"]);
    expect(m).toContain('Unknown name "gna" at position 0 in expression "gna * m^3 * h"');
    expect(m).toContain("Valid names: gK, gNa, h, m, v.");
    expect(m).toContain('Did you mean "gNa"?');
    expect(message("v_prw - 1", ["v_pre", "v_post"])).toContain('Did you mean "v_pre"?');
    expect(message("a + x", ["a"])).toMatch(/Unknown name "x" at position 4/);
  });

  it("for deeply nested input, without a stack overflow", () => {
    expect(message("(".repeat(100000) + "1" + ")".repeat(100000))).toMatch(/nested too deeply/);
  });

  it("rejects non-strings", () => {
    expect(() => parseExpr(3 as unknown as string)).toThrow(/must be a string, got 3/);
    expect(() => parseExpr(3 as unknown as string)).toThrow(expect.objectContaining({ code: "EXPRESSION" }));
  });
});
