/**
 * Evaluating expressions: a plain tree interpreter, and compilation of an expression
 * to a JavaScript function through the graph and the emitter.
 */
import type { Expr } from "./ast.js";
import { emitNodes, helperPreamble, HELPERS } from "./emit.js";
import { FUNCTIONS } from "./functions.js";
import { ExprGraph } from "./graph.js";
import { parseExpr } from "./parser.js";

/**
 * Evaluates a syntax tree by walking it. Slow but independent of the code generator
 * (tests use it as a reference). Throws for a name missing from `env`.
 *
 * @example evaluateExpr(parseExpr("2 * x + 1"), { x: 3 }) // 7
 */
export function evaluateExpr(e: Expr, env: Readonly<Record<string, number>>): number {
  switch (e.type) {
    case "num":
      return e.value;
    case "var": {
      const x = env[e.name];
      if (typeof x !== "number") throw new Error(`evaluateExpr: no value for "${e.name}"`);
      return x;
    }
    case "neg":
      return -evaluateExpr(e.arg, env);
    case "call":
      return FUNCTIONS[e.fn].evaluate(...e.args.map((a) => evaluateExpr(a, env)));
    case "bin": {
      const a = evaluateExpr(e.left, env),
        b = evaluateExpr(e.right, env);
      switch (e.op) {
        case "+":
          return a + b;
        case "-":
          return a - b;
        case "*":
          return a * b;
        case "/":
          return a / b;
        case "^":
          return a ** b;
      }
    }
  }
}

/**
 * Compiles an expression (text or tree) into a fast function of the given names, in
 * order. The text is parsed first and only the parsed tree is turned into code.
 *
 * @example
 * const alphaM = compileExpr("0.1 * vtrap(-(v + 40), 10)", ["v"]);
 * alphaM(-65) // 0.2236 (1/ms)
 */
export function compileExpr(e: Expr | string, names: readonly string[]): (...args: number[]) => number {
  const tree = typeof e === "string" ? parseExpr(e, { names }) : e;
  const g = new ExprGraph();
  const env = new Map(names.map((name, i) => [name, g.variable(`a${i}`)]));
  const root = g.fromExpr(tree, env);
  const { lines, values } = emitNodes(g, [root], (name) => {
    if (!/^a\d+$/.test(name)) throw new Error(`compileExpr: unknown name "${name}"`);
    return name;
  });
  const params = names.map((_, i) => `a${i}`).join(", ");
  const body = `"use strict";\n${helperPreamble()}\nreturn function (${params}) {\n${lines.join("\n")}\nreturn ${values[0]};\n};`;
  return new Function("H", body)(HELPERS) as (...args: number[]) => number;
}
