/**
 * NMODL expressions as text of the mechanism spec language (`src/mechanisms/expr`):
 * arithmetic stays as it is, fully parenthesised; comparisons and `&& || !` become
 * `ifle(a, b, x, y)` selections (x if a <= b, else y); `fabs` is `abs`.
 */
import type { Expr, SourcePos } from "./ast.js";
import { NmodlError } from "./errors.js";

/** The spec text of a name read at this point of a block (a definition, input or number). */
export type Resolve = (name: string, pos: SourcePos) => string;

/** NMODL's math functions under their names in the spec language. */
const FUNCTION_TEXT: Readonly<Record<string, string>> = {
  exp: "exp",
  log: "log",
  log10: "log10",
  fabs: "abs",
  sqrt: "sqrt",
  pow: "pow",
  sin: "sin",
  cos: "cos",
  tan: "tan",
  tanh: "tanh",
  sinh: "sinh",
  cosh: "cosh",
  atan: "atan",
  asin: "asin",
  acos: "acos",
  atan2: "atan2",
  floor: "floor",
  ceil: "ceil",
  fmod: "fmod",
};

/**
 * A number as spec text (negative numbers in parentheses; no literal exists for the
 * non-finite values, so they are written as quotients).
 *
 * @example numberText(-2.5) // "(-2.5)"
 */
export function numberText(value: number): string {
  if (Number.isNaN(value)) return "(0 / 0)";
  if (value === Infinity) return "(1 / 0)";
  if (value === -Infinity) return "(-1 / 0)";
  if (value < 0 || Object.is(value, -0)) return `(-${String(-value)})`;
  return String(value);
}

const COMPARISONS = new Set(["<", "<=", ">", ">=", "==", "!="]);

/**
 * The spec text of an NMODL expression; a comparison or logical operation used as a
 * number is 1 or 0, as in C.
 *
 * @example exprText(parse("a > b"), resolve) // "ifle(a, b, 0, 1)"
 */
export function exprText(e: Expr, resolve: Resolve): string {
  switch (e.kind) {
    case "num":
      return numberText(e.value);
    case "name":
      return resolve(e.name, e.pos);
    case "call": {
      const fn = FUNCTION_TEXT[e.name];
      if (fn === undefined) {
        throw new NmodlError(e.pos, "FUNCTION", `the function ${e.name}() is not available in a mechanism`);
      }
      return `${fn}(${e.args.map((a) => exprText(a, resolve)).join(", ")})`;
    }
    case "unary":
      return e.op === "-" ? `(-${exprText(e.arg, resolve)})` : selectText(e, "1", "0", resolve);
    case "binary": {
      if (COMPARISONS.has(e.op) || e.op === "&&" || e.op === "||") return selectText(e, "1", "0", resolve);
      return `(${exprText(e.left, resolve)} ${e.op} ${exprText(e.right, resolve)})`;
    }
  }
}

/**
 * `x` where the condition `cond` holds (is nonzero), else `y`, as spec text. `x` and
 * `y` should be short (names or numbers): they may appear several times.
 *
 * @example selectText(parse("v == -27"), "a", "b", resolve) // "ifle(v, (-27), ifle((-27), v, a, b), b)"
 */
export function selectText(cond: Expr, x: string, y: string, resolve: Resolve): string {
  if (cond.kind === "unary" && cond.op === "!") return selectText(cond.arg, y, x, resolve);
  if (cond.kind === "binary") {
    if (cond.op === "&&" || cond.op === "||") return `ifle(${truthText(cond, resolve)}, 0, ${y}, ${x})`;
    if (COMPARISONS.has(cond.op)) {
      const l = exprText(cond.left, resolve),
        r = exprText(cond.right, resolve);
      switch (cond.op) {
        case "<=":
          return `ifle(${l}, ${r}, ${x}, ${y})`;
        case ">=":
          return `ifle(${r}, ${l}, ${x}, ${y})`;
        case "<":
          return `ifle(${r}, ${l}, ${y}, ${x})`;
        case ">":
          return `ifle(${l}, ${r}, ${y}, ${x})`;
        case "==":
          return `ifle(${l}, ${r}, ifle(${r}, ${l}, ${x}, ${y}), ${y})`;
        default:
          return `ifle(${l}, ${r}, ifle(${r}, ${l}, ${y}, ${x}), ${x})`;
      }
    }
  }
  // Any other value: true where nonzero.
  const t = exprText(cond, resolve);
  return `ifle(${t}, 0, ifle(0, ${t}, ${y}, ${x}), ${x})`;
}

/**
 * A condition as 1 (true) or 0 (false); `&&` is a product and `||` a maximum of truth
 * values, so that no operand is repeated (the text stays linear in the condition).
 *
 * @example truthText(parse("a < b && c"), resolve) // "(ifle(b, a, 0, 1) * ifle(c, 0, ifle(0, c, 0, 1), 1))"
 */
function truthText(cond: Expr, resolve: Resolve): string {
  if (cond.kind === "binary" && cond.op === "&&")
    return `(${truthText(cond.left, resolve)} * ${truthText(cond.right, resolve)})`;
  if (cond.kind === "binary" && cond.op === "||")
    return `max(${truthText(cond.left, resolve)}, ${truthText(cond.right, resolve)})`;
  return selectText(cond, "1", "0", resolve);
}
