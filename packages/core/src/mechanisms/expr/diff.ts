/**
 * Symbolic differentiation on expression graphs, and its syntax-tree front end.
 */
import type { Expr } from "./ast.js";
import { FUNCTIONS } from "./functions.js";
import { ExprGraph, type NodeId } from "./graph.js";

/**
 * Differentiates graph nodes with respect to one variable, memoising per node so that
 * shared subexpressions are differentiated once.
 *
 * @example
 * const g = new ExprGraph(); const x = g.variable("x");
 * const d = new Differentiator(g, "x").diff(g.mul(x, x)); // x + x, as a node
 */
export class Differentiator {
  private readonly memo = new Map<NodeId, NodeId>();

  constructor(
    private readonly g: ExprGraph,
    readonly variable: string,
  ) {}

  diff(id: NodeId): NodeId {
    const hit = this.memo.get(id);
    if (hit !== undefined) return hit;
    const d = this.compute(id);
    this.memo.set(id, d);
    return d;
  }

  private compute(id: NodeId): NodeId {
    const g = this.g;
    const n = g.node(id);
    switch (n.op) {
      case "num":
        return g.num(0);
      case "var":
        return g.num(n.name === this.variable ? 1 : 0);
      case "neg":
        return g.neg(this.diff(n.a));
      case "add":
        return g.add(this.diff(n.a), this.diff(n.b));
      case "sub":
        return g.sub(this.diff(n.a), this.diff(n.b));
      case "mul":
        return g.add(g.mul(this.diff(n.a), n.b), g.mul(n.a, this.diff(n.b)));
      case "div": {
        // (a / b)' = (a' - (a / b) b') / b
        const da = this.diff(n.a),
          db = this.diff(n.b);
        if (g.isConst(db, 0)) return g.div(da, n.b);
        return g.div(g.sub(da, g.mul(id, db)), n.b);
      }
      case "pow": {
        const da = this.diff(n.a),
          db = this.diff(n.b);
        const c = g.constant(n.b);
        // (a ^ b)' = b a^(b-1) a' + a^b log(a) b'
        const exponentPart = c !== undefined ? g.num(c - 1) : g.sub(n.b, g.num(1));
        const base = g.isConst(da, 0) ? g.num(0) : g.mul(g.mul(n.b, g.pow(n.a, exponentPart)), da);
        const expo = g.isConst(db, 0) ? g.num(0) : g.mul(g.mul(id, g.call("log", [n.a])), db);
        return g.add(base, expo);
      }
      case "call": {
        const def = FUNCTIONS[n.fn];
        const dargs = n.args.map((a) => this.diff(a));
        if (dargs.every((d) => g.isConst(d, 0))) return g.num(0);
        if (def.derivative) return def.derivative(g, n.args, dargs);
        let total = g.num(0);
        dargs.forEach((da, i) => {
          if (g.isConst(da, 0)) return;
          total = g.add(total, g.mul(def.partial!(g, n.args, id, i), da));
        });
        return total;
      }
    }
  }
}

/**
 * The derivative of an expression with respect to a name, simplified.
 *
 * @example printExpr(differentiate(parseExpr("x^3 + 2*x"), "x")) // "2 + 3 * x ^ 2"
 */
export function differentiate(e: Expr, variable: string): Expr {
  const g = new ExprGraph();
  const root = g.fromExpr(e);
  return g.toExpr(new Differentiator(g, variable).diff(root));
}

/**
 * The expression after the graph's simplifications (constant folding, x*1, x+0, ...).
 *
 * @example printExpr(simplify(parseExpr("1 * x + 0 * y + 2 * 3"))) // "x + 6"
 */
export function simplify(e: Expr): Expr {
  const g = new ExprGraph();
  return g.toExpr(g.fromExpr(e));
}
