/**
 * The syntax tree of the expression language, and printing it back to text.
 */

export type BinaryOp = "+" | "-" | "*" | "/" | "^";

/** A number literal. `pos` is the 0-based character offset in the source, if parsed. */
export interface NumExpr {
  readonly type: "num";
  readonly value: number;
  readonly pos?: number;
}
/** A name: a variable, parameter, state or definition. */
export interface VarExpr {
  readonly type: "var";
  readonly name: string;
  readonly pos?: number;
}
/** Unary minus. */
export interface NegExpr {
  readonly type: "neg";
  readonly arg: Expr;
  readonly pos?: number;
}
/** A binary operation; `^` is the power. */
export interface BinExpr {
  readonly type: "bin";
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly pos?: number;
}
/** A call of a built-in function. */
export interface CallExpr {
  readonly type: "call";
  readonly fn: string;
  readonly args: readonly Expr[];
  readonly pos?: number;
}

export type Expr = NumExpr | VarExpr | NegExpr | BinExpr | CallExpr;

const PRECEDENCE: Record<BinaryOp, number> = { "+": 1, "-": 1, "*": 2, "/": 2, "^": 4 };
const NEG_PRECEDENCE = 3;
const ATOM_PRECEDENCE = 5;

function precedence(e: Expr): number {
  if (e.type === "bin") return PRECEDENCE[e.op];
  if (e.type === "neg") return NEG_PRECEDENCE;
  if (e.type === "num" && (e.value < 0 || Object.is(e.value, -0))) return NEG_PRECEDENCE;
  return ATOM_PRECEDENCE;
}

function printNumber(x: number): string {
  if (Number.isNaN(x)) return "(0/0)";
  if (x === Infinity) return "(1/0)";
  if (x === -Infinity) return "-(1/0)";
  if (Object.is(x, -0)) return "-0";
  return String(x);
}

/**
 * Prints an expression with the fewest parentheses that parse back to the same tree.
 *
 * @example printExpr(parseExpr("(a + b) * c ^ 2")) // "(a + b) * c ^ 2"
 */
export function printExpr(e: Expr): string {
  switch (e.type) {
    case "num":
      return printNumber(e.value);
    case "var":
      return e.name;
    case "call":
      return `${e.fn}(${e.args.map(printExpr).join(", ")})`;
    case "neg": {
      const inner = printExpr(e.arg);
      // `-x ^ 2` is -(x ^ 2), so a power needs no parentheses under a minus.
      return precedence(e.arg) >= NEG_PRECEDENCE && !startsWithMinus(inner) ? `-${inner}` : `-(${inner})`;
    }
    case "bin": {
      const p = PRECEDENCE[e.op];
      let l = printExpr(e.left);
      let r = printExpr(e.right);
      if (e.op === "^") {
        // Right-associative, and binds tighter than unary minus on its left.
        if (precedence(e.left) <= p) l = `(${l})`;
        if (precedence(e.right) < p && precedence(e.right) !== NEG_PRECEDENCE) r = `(${r})`;
      } else {
        if (precedence(e.left) < p) l = `(${l})`;
        if (precedence(e.right) <= p) r = `(${r})`;
      }
      return `${l} ${e.op} ${r}`;
    }
  }
}

function startsWithMinus(s: string): boolean {
  return s.startsWith("-");
}

/**
 * The direct subexpressions of `e`, in order (none for a number or a name).
 *
 * @example childrenOf(parseExpr("f(a, b)")).length // 2
 */
export function childrenOf(e: Expr): readonly Expr[] {
  if (e.type === "neg") return [e.arg];
  if (e.type === "bin") return [e.left, e.right];
  if (e.type === "call") return e.args;
  return [];
}

/**
 * `e` with each direct subexpression replaced by `f` of it; a number or a name as it is.
 *
 * @example mapChildren(parseExpr("-x"), () => num) // { type: "neg", arg: num, pos: 0 }
 */
export function mapChildren(e: Expr, f: (child: Expr) => Expr): Expr {
  if (e.type === "neg") return { ...e, arg: f(e.arg) };
  if (e.type === "bin") return { ...e, left: f(e.left), right: f(e.right) };
  if (e.type === "call") return { ...e, args: e.args.map(f) };
  return e;
}

/**
 * A copy of the tree without source positions (for comparing trees).
 *
 * @example stripPositions(parseExpr("x")) // { type: "var", name: "x" }
 */
export function stripPositions(e: Expr): Expr {
  const { pos: _pos, ...rest } = mapChildren(e, stripPositions);
  return rest as Expr;
}

/**
 * Every name used as a variable in the expression, with the position of its first use.
 *
 * @example [...freeNames(parseExpr("g * (v - e)")).keys()] // ["g", "v", "e"]
 */
export function freeNames(e: Expr, out = new Map<string, number>()): Map<string, number> {
  if (e.type === "var") {
    if (!out.has(e.name)) out.set(e.name, e.pos ?? 0);
  } else {
    for (const c of childrenOf(e)) freeNames(c, out);
  }
  return out;
}
