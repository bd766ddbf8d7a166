/**
 * Expression graphs: hash-consed expression DAGs with simplifying constructors. Equal
 * subexpressions are one node, which gives common-subexpression elimination for free
 * and lets derivatives share work with the values they are derived from.
 *
 * Simplifications are exact in floating point (x*1, x+0, x-x, constant folding of
 * literal operands, -(-x)), except that 0*x is 0 even where x would be infinite.
 */
import type { Expr } from "./ast.js";
import { FUNCTIONS } from "./functions.js";

export type NodeId = number;

export type GraphNode =
  | { readonly op: "num"; readonly value: number }
  | { readonly op: "var"; readonly name: string }
  | { readonly op: "neg"; readonly a: NodeId }
  | { readonly op: "add" | "sub" | "mul" | "div" | "pow"; readonly a: NodeId; readonly b: NodeId }
  | { readonly op: "call"; readonly fn: string; readonly args: readonly NodeId[] };

const BIN_OPS = { "+": "add", "-": "sub", "*": "mul", "/": "div", "^": "pow" } as const;

/**
 * A growing set of expression nodes. Node ids increase from children to parents, so
 * sorting ids gives an evaluation order.
 *
 * @example
 * const g = new ExprGraph();
 * const x = g.variable("x");
 * g.add(g.mul(x, g.num(1)), g.num(0)) === x // true
 */
export class ExprGraph {
  readonly nodes: GraphNode[] = [];
  private readonly index = new Map<string, NodeId>();

  private intern(key: string, node: GraphNode): NodeId {
    const found = this.index.get(key);
    if (found !== undefined) return found;
    const id = this.nodes.length;
    this.nodes.push(node);
    this.index.set(key, id);
    return id;
  }

  node(id: NodeId): GraphNode {
    return this.nodes[id];
  }

  /** The literal value of `id`, or undefined if it is not a literal. */
  constant(id: NodeId): number | undefined {
    const n = this.nodes[id];
    return n.op === "num" ? n.value : undefined;
  }

  isConst(id: NodeId, value: number): boolean {
    return this.constant(id) === value;
  }

  num(value: number): NodeId {
    const key = Object.is(value, -0) ? "n-0" : `n${value}`;
    return this.intern(key, { op: "num", value });
  }

  variable(name: string): NodeId {
    return this.intern(`v${name}`, { op: "var", name });
  }

  neg(a: NodeId): NodeId {
    const n = this.nodes[a];
    if (n.op === "num") return this.num(-n.value);
    if (n.op === "neg") return n.a;
    return this.intern(`-${a}`, { op: "neg", a });
  }

  add(a: NodeId, b: NodeId): NodeId {
    const ca = this.constant(a),
      cb = this.constant(b);
    if (ca !== undefined && cb !== undefined) return this.num(ca + cb);
    if (ca === 0) return b;
    if (cb === 0) return a;
    const nb = this.nodes[b],
      na = this.nodes[a];
    if (nb.op === "neg") return this.sub(a, nb.a);
    if (na.op === "neg") return this.sub(b, na.a);
    return a <= b
      ? this.intern(`+${a},${b}`, { op: "add", a, b })
      : this.intern(`+${b},${a}`, { op: "add", a: b, b: a });
  }

  sub(a: NodeId, b: NodeId): NodeId {
    const ca = this.constant(a),
      cb = this.constant(b);
    if (ca !== undefined && cb !== undefined) return this.num(ca - cb);
    if (cb === 0) return a;
    if (ca === 0) return this.neg(b);
    if (a === b) return this.num(0);
    const nb = this.nodes[b];
    if (nb.op === "neg") return this.add(a, nb.a);
    return this.intern(`s${a},${b}`, { op: "sub", a, b });
  }

  mul(a: NodeId, b: NodeId): NodeId {
    const ca = this.constant(a),
      cb = this.constant(b);
    if (ca !== undefined && cb !== undefined) return this.num(ca * cb);
    if (ca === 0 || cb === 0) return this.num(0);
    if (ca === 1) return b;
    if (cb === 1) return a;
    if (ca === -1) return this.neg(b);
    if (cb === -1) return this.neg(a);
    const na = this.nodes[a],
      nb = this.nodes[b];
    if (na.op === "neg" && nb.op === "neg") return this.mul(na.a, nb.a);
    if (na.op === "neg") return this.neg(this.mul(na.a, b));
    if (nb.op === "neg") return this.neg(this.mul(a, nb.a));
    return a <= b
      ? this.intern(`*${a},${b}`, { op: "mul", a, b })
      : this.intern(`*${b},${a}`, { op: "mul", a: b, b: a });
  }

  div(a: NodeId, b: NodeId): NodeId {
    const ca = this.constant(a),
      cb = this.constant(b);
    if (ca !== undefined && cb !== undefined) return this.num(ca / cb);
    if (ca === 0) return this.num(0);
    if (cb === 1) return a;
    if (cb === -1) return this.neg(a);
    if (a === b) return this.num(1);
    const na = this.nodes[a],
      nb = this.nodes[b];
    if (na.op === "neg" && nb.op === "neg") return this.div(na.a, nb.a);
    return this.intern(`/${a},${b}`, { op: "div", a, b });
  }

  pow(a: NodeId, b: NodeId): NodeId {
    const ca = this.constant(a),
      cb = this.constant(b);
    if (ca !== undefined && cb !== undefined) return this.num(ca ** cb);
    if (cb === 0) return this.num(1);
    if (cb === 1) return a;
    return this.intern(`^${a},${b}`, { op: "pow", a, b });
  }

  /** A call of a built-in function; folds when every argument is a literal. */
  call(fn: string, args: readonly NodeId[]): NodeId {
    const def = FUNCTIONS[fn];
    if (!def) throw new Error(`Unknown function "${fn}"`);
    if (args.length !== def.arity) {
      throw new Error(`Function "${fn}" takes ${def.arity} argument(s), given ${args.length}`);
    }
    const consts = args.map((a) => this.constant(a));
    if (consts.every((c) => c !== undefined)) return this.num(def.evaluate(...(consts as number[])));
    const simplified = def.simplify?.(this, args);
    if (simplified !== undefined) return simplified;
    return this.intern(`${fn}(${args.join(",")})`, { op: "call", fn, args: [...args] });
  }

  /**
   * Adds a syntax tree to the graph. `env` maps names to nodes (parameters, states,
   * earlier definitions); names not in `env` become variables of the same name.
   */
  fromExpr(e: Expr, env: ReadonlyMap<string, NodeId> = new Map()): NodeId {
    switch (e.type) {
      case "num":
        return this.num(e.value);
      case "var":
        return env.get(e.name) ?? this.variable(e.name);
      case "neg":
        return this.neg(this.fromExpr(e.arg, env));
      case "call":
        return this.call(
          e.fn,
          e.args.map((a) => this.fromExpr(a, env)),
        );
      case "bin": {
        const a = this.fromExpr(e.left, env),
          b = this.fromExpr(e.right, env);
        return this[BIN_OPS[e.op]](a, b);
      }
    }
  }

  /** Converts a node back to a syntax tree (shared nodes are duplicated). */
  toExpr(id: NodeId): Expr {
    const n = this.nodes[id];
    switch (n.op) {
      case "num":
        return { type: "num", value: n.value };
      case "var":
        return { type: "var", name: n.name };
      case "neg":
        return { type: "neg", arg: this.toExpr(n.a) };
      case "call":
        return { type: "call", fn: n.fn, args: n.args.map((a) => this.toExpr(a)) };
      default: {
        const op = ({ add: "+", sub: "-", mul: "*", div: "/", pow: "^" } as const)[n.op];
        return { type: "bin", op, left: this.toExpr(n.a), right: this.toExpr(n.b) };
      }
    }
  }
}
