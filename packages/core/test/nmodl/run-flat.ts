/**
 * A reference interpreter of straight-line NMODL code, for tests: runs FlatStmt lists
 * on a map of values, with cnexp updates as NEURON writes them.
 */
import type { Expr } from "../../src/nmodl/ast.js";
import type { FlatStmt } from "../../src/nmodl/flat.js";
import type { LinearForm } from "../../src/nmodl/linear.js";

const FN: Record<string, (...a: number[]) => number> = {
  exp: Math.exp,
  log: Math.log,
  log10: Math.log10,
  fabs: Math.abs,
  sqrt: Math.sqrt,
  pow: Math.pow,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  tanh: Math.tanh,
};

export function evalExpr(e: Expr, env: Map<string, number>): number {
  switch (e.kind) {
    case "num":
      return e.value;
    case "name": {
      const v = env.get(e.name);
      if (v === undefined) throw new Error(`no value for ${e.name}`);
      return v;
    }
    case "call":
      return FN[e.name](...e.args.map((a) => evalExpr(a, env)));
    case "unary":
      return e.op === "-" ? -evalExpr(e.arg, env) : Number(!evalExpr(e.arg, env));
    case "binary": {
      const l = evalExpr(e.left, env),
        r = evalExpr(e.right, env);
      switch (e.op) {
        case "+":
          return l + r;
        case "-":
          return l - r;
        case "*":
          return l * r;
        case "/":
          return l / r;
        case "^":
          return l ** r;
        case "<":
          return Number(l < r);
        case "<=":
          return Number(l <= r);
        case ">":
          return Number(l > r);
        case ">=":
          return Number(l >= r);
        case "==":
          return Number(l === r);
        case "!=":
          return Number(l !== r);
        case "&&":
          return Number(l !== 0 && r !== 0);
        case "||":
          return Number(l !== 0 || r !== 0);
      }
    }
  }
}

/** Runs the statements; a differential equation takes a cnexp step of `dt` with its linear form. */
export function run(
  body: readonly FlatStmt[],
  env: Map<string, number>,
  linear?: ReadonlyMap<string, LinearForm>,
): Map<string, number> {
  for (const s of body) {
    if (s.kind === "assign") env.set(s.target, evalExpr(s.value, env));
    else if (s.kind === "if") run(evalExpr(s.cond, env) !== 0 ? s.then : s.else, env, linear);
    else {
      const form = linear!.get(s.state)!;
      const a = evalExpr(form.a, env),
        b = evalExpr(form.b, env),
        x = env.get(s.state)!,
        dt = env.get("dt")!;
      env.set(s.state, b === 0 ? x + dt * a : x + (1 - Math.exp(dt * b)) * (-(a / b) - x));
    }
  }
  return env;
}
