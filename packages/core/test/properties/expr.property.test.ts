/**
 * Property: printing a parsed expression and parsing it again gives the same tree, and
 * the same value when evaluated (random trees of numbers, names, minus, the five binary
 * operators and every built-in function).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Expr, printExpr, stripPositions } from "../../src/mechanisms/expr/ast.js";
import { evaluateExpr } from "../../src/mechanisms/expr/evaluate.js";
import { FUNCTIONS } from "../../src/mechanisms/expr/functions.js";
import { parseExpr } from "../../src/mechanisms/expr/parser.js";

const NAMES = ["v", "gNa", "m", "h_inf", "x1"];
const ENV = { v: -65.5, gNa: 0.12, m: 0.05, h_inf: 0.6, x1: 2 };
const FNS = Object.values(FUNCTIONS);

const number = fc.oneof(
  fc.integer({ min: 0, max: 1000 }),
  fc.double({ min: 0, max: 1e6, noNaN: true }),
  fc.constantFrom(0.5, 1e-7, 2.5e21, 1e300),
);

const { expr } = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    number.map((value): Expr => ({ type: "num", value })),
    fc.constantFrom(...NAMES).map((name): Expr => ({ type: "var", name })),
    tie("expr").map((arg): Expr => ({ type: "neg", arg })),
    fc
      .tuple(fc.constantFrom("+", "-", "*", "/", "^" as const), tie("expr"), tie("expr"))
      .map(([op, left, right]): Expr => ({ type: "bin", op, left, right })),
    fc
      .constantFrom(...FNS)
      .chain((f) =>
        fc
          .array(tie("expr"), { minLength: f.arity, maxLength: f.arity })
          .map((args): Expr => ({ type: "call", fn: f.name, args })),
      ),
  ),
}));

const PARAMS = { seed: 20240607, numRuns: 300 };

describe("expression parse/print round trip (property)", () => {
  it("print then parse gives the same tree, and printing is stable", () => {
    fc.assert(
      fc.property(expr, (e) => {
        const parsed = stripPositions(parseExpr(printExpr(e)));
        const again = stripPositions(parseExpr(printExpr(parsed)));
        expect(again).toEqual(parsed);
        expect(printExpr(again)).toBe(printExpr(parsed));
      }),
      PARAMS,
    );
  });

  it("the parsed tree has the value of the original", () => {
    fc.assert(
      fc.property(expr, (e) => {
        const want = evaluateExpr(e, ENV);
        const got = evaluateExpr(parseExpr(printExpr(e)), ENV);
        expect(Object.is(got, want) || got === want, `${printExpr(e)}: ${got} vs ${want}`).toBe(true);
      }),
      PARAMS,
    );
  });
});
