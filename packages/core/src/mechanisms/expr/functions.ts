/**
 * The built-in functions of the expression language: how to evaluate each, how to emit
 * it as JavaScript, and its partial derivatives as expression-graph nodes.
 */
import { DendrolabError } from "../../errors.js";
import type { ExprGraph, NodeId } from "./graph.js";
import * as special from "./special.js";

/** A built-in function. */
export interface FunctionDef {
  readonly name: string;
  readonly arity: number;
  /** For documentation and error messages, e.g. `vtrap(x, y) = x / (exp(x/y) - 1)`. */
  readonly doc: string;
  /** Runtime implementation (used for constant folding and by generated code). */
  readonly evaluate: (...args: number[]) => number;
  /** JavaScript for a call, given argument sources that are atoms or parenthesised. */
  readonly emit: (args: readonly string[]) => string;
  /** A function generated code calls by name (the guarded special functions). */
  readonly helper?: (...args: number[]) => number;
  /** d f / d args[i], as a node; `self` is the call node itself. */
  readonly partial?: (g: ExprGraph, args: readonly NodeId[], self: NodeId, i: number) => NodeId;
  /** The total derivative given the arguments' derivatives (overrides `partial`). */
  readonly derivative?: (g: ExprGraph, args: readonly NodeId[], dargs: readonly NodeId[]) => NodeId;
  /** A simpler node for this call, if any (e.g. `pow(x, y)` is `x ^ y`). */
  readonly simplify?: (g: ExprGraph, args: readonly NodeId[]) => NodeId | undefined;
}

/** A function of JavaScript's `Math` under the same name, emitted as `Math.<name>(...)`. */
const math = (
  name: string,
  arity: number,
  doc: string,
  evaluate: (...args: number[]) => number,
  rules: Pick<FunctionDef, "partial" | "derivative" | "simplify">,
): FunctionDef => ({ name, arity, doc, evaluate, emit: (a) => `Math.${name}(${a.join(", ")})`, ...rules });

const math1 = (name: string, doc: string, evaluate: (x: number) => number, partial: FunctionDef["partial"]) =>
  math(name, 1, doc, evaluate, { partial });

const helper = (
  name: string,
  arity: number,
  doc: string,
  fn: (...a: number[]) => number,
  partial: FunctionDef["partial"],
): FunctionDef => ({ name, arity, doc, evaluate: fn, helper: fn, emit: (a) => `H_${name}(${a.join(", ")})`, partial });

const defs: FunctionDef[] = [
  math1("exp", "exp(x): e to the power x", Math.exp, (_g, _a, self) => self),
  math1("log", "log(x): natural logarithm", Math.log, (g, [x]) => g.div(g.num(1), x)),
  math1("sqrt", "sqrt(x): square root", Math.sqrt, (g, _a, self) => g.div(g.num(0.5), self)),
  math1("abs", "abs(x): absolute value", Math.abs, (g, [x]) => g.call("sign", [x])),
  math1("sign", "sign(x): -1, 0 or 1", Math.sign, (g) => g.num(0)),
  math1("tanh", "tanh(x): hyperbolic tangent", Math.tanh, (g, _a, self) => g.sub(g.num(1), g.mul(self, self))),
  math1("sinh", "sinh(x): hyperbolic sine", Math.sinh, (g, [x]) => g.call("cosh", [x])),
  math1("cosh", "cosh(x): hyperbolic cosine", Math.cosh, (g, [x]) => g.call("sinh", [x])),
  math1("log10", "log10(x): base-10 logarithm", Math.log10, (g, [x]) => g.div(g.num(1 / Math.LN10), x)),
  math1("sin", "sin(x): sine", Math.sin, (g, [x]) => g.call("cos", [x])),
  math1("cos", "cos(x): cosine", Math.cos, (g, [x]) => g.neg(g.call("sin", [x]))),
  math1("tan", "tan(x): tangent", Math.tan, (g, _a, self) => g.add(g.num(1), g.mul(self, self))),
  math1("atan", "atan(x): arc tangent", Math.atan, (g, [x]) => g.div(g.num(1), g.add(g.num(1), g.mul(x, x)))),
  math1("asin", "asin(x): arc sine", Math.asin, (g, [x]) =>
    g.div(g.num(1), g.call("sqrt", [g.sub(g.num(1), g.mul(x, x))])),
  ),
  math1("acos", "acos(x): arc cosine", Math.acos, (g, [x]) =>
    g.neg(g.div(g.num(1), g.call("sqrt", [g.sub(g.num(1), g.mul(x, x))]))),
  ),
  math1("floor", "floor(x): the largest integer <= x", Math.floor, (g) => g.num(0)),
  math1("ceil", "ceil(x): the smallest integer >= x", Math.ceil, (g) => g.num(0)),
  math("atan2", 2, "atan2(y, x): the angle of the point (x, y)", Math.atan2, {
    partial: (g, [y, x], _self, i) => {
      const r2 = g.add(g.mul(x, x), g.mul(y, y));
      return i === 0 ? g.div(x, r2) : g.neg(g.div(y, r2));
    },
  }),
  {
    name: "fmod",
    arity: 2,
    doc: "fmod(x, y): the remainder of x / y with the sign of x (C's fmod)",
    evaluate: (x, y) => x % y,
    emit: ([x, y]) => `(${x} % ${y})`,
    // fmod(x, y) = x - trunc(x / y) y: d/dx = 1, d/dy = -trunc(x / y) = -(x - fmod) / y.
    partial: (g, [x, y], self, i) => (i === 0 ? g.num(1) : g.neg(g.div(g.sub(x, self), y))),
  },
  math("pow", 2, "pow(x, y): x to the power y (same as x ^ y)", Math.pow, { simplify: (g, [x, y]) => g.pow(x, y) }),
  math("min", 2, "min(x, y): the smaller of x and y", Math.min, {
    derivative: (g, [x, y], [dx, dy]) => g.call("ifle", [x, y, dx, dy]),
  }),
  math("max", 2, "max(x, y): the larger of x and y", Math.max, {
    derivative: (g, [x, y], [dx, dy]) => g.call("ifle", [y, x, dx, dy]),
  }),
  {
    name: "ifle",
    arity: 4,
    doc: "ifle(a, b, x, y): x if a <= b, else y",
    evaluate: (a, b, x, y) => (a <= b ? x : y),
    emit: ([a, b, x, y]) => `(${a} <= ${b} ? ${x} : ${y})`,
    derivative: (g, [a, b], [, , dx, dy]) => g.call("ifle", [a, b, dx, dy]),
    simplify: (g, [a, b, x, y]) => {
      if (x === y) return x;
      const ca = g.constant(a),
        cb = g.constant(b);
      if (ca !== undefined && cb !== undefined) return ca <= cb ? x : y;
      return undefined;
    },
  },
  {
    name: "sigmoid",
    arity: 1,
    doc: "sigmoid(x) = 1 / (1 + exp(-x))",
    evaluate: special.sigmoid,
    emit: ([x]) => `(1 / (1 + Math.exp(-${x})))`,
    partial: (g, _a, s) => g.mul(s, g.sub(g.num(1), s)),
  },
  helper("efun", 1, "efun(x) = x / (exp(x) - 1), guarded at x = 0", special.efun, (g, [x]) => g.call("efun_d1", [x])),
  helper("efun_d1", 1, "efun_d1(x): the derivative of efun", special.efun_d1, (g, [x]) => g.call("efun_d2", [x])),
  helper("efun_d2", 1, "efun_d2(x): the second derivative of efun", special.efun_d2, (g, [x]) =>
    g.call("efun_d3", [x]),
  ),
  helper("efun_d3", 1, "efun_d3(x): the third derivative of efun", special.efun_d3, () => {
    throw new DendrolabError(
      "efun_d3 cannot be used in a mechanism expression: the solver and gradients need its derivative, " +
        "and derivatives of efun stop at the third. Use efun, efun_d1 or efun_d2 instead.",
      "EXPRESSION",
    );
  }),
  {
    ...helper(
      "vtrap",
      2,
      "vtrap(x, y) = x / (exp(x/y) - 1), guarded at x/y = 0 as in NEURON's hh.mod",
      special.vtrap,
      (g, [x, y], _self, i) => {
        // vtrap(x, y) = y efun(u) with u = x / y.
        const u = g.div(x, y);
        const d1 = g.call("efun_d1", [u]);
        return i === 0 ? d1 : g.sub(g.call("efun", [u]), g.mul(u, d1));
      },
    ),
    // Inline (hot in HH kernels; a call is not inlined by V8 in large kernels).
    emit: ([x, y]) =>
      `(Math.abs(${x} / ${y}) < 1e-6 ? ${y} * (1 - ${x} / ${y} / 2) : ${x} / (Math.exp(${x} / ${y}) - 1))`,
  },
];

/** A frozen lookup table without a prototype (so `constructor` is not a function). */
function table<T>(entries: [string, T][]): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, Object.fromEntries(entries)));
}

/** Every built-in function by name. */
export const FUNCTIONS: Readonly<Record<string, FunctionDef>> = table(defs.map((d) => [d.name, d]));

/** The names of the built-in functions, in documentation order. */
export const FUNCTION_NAMES: readonly string[] = Object.freeze(defs.map((d) => d.name));

/** The helper functions generated code receives, by name (`efun`, `vtrap`, ...). */
export const HELPERS: Readonly<Record<string, (...args: number[]) => number>> = table([
  ...defs.filter((d) => d.helper).map((d) => [d.name, d.helper!] as [string, (...args: number[]) => number]),
  ["efun_d1e", special.efun_d1e],
]);
