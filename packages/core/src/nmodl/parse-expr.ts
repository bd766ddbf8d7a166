/**
 * Expressions, with NMODL's precedence (lowest first): `||`, `&&`, comparisons,
 * `+ -`, `* /`, unary `-` and `!`, then `^` (right-associative, so `-x^2` is `-(x^2)`).
 * A number may carry a unit: `1.0 (/ms)`.
 */
import type { BinaryOp, Expr } from "./ast.js";
import { type Cursor, describe, posOf } from "./cursor.js";
import { unsupported } from "./unsupported.js";

const LEVELS: readonly (readonly BinaryOp[])[] = [
  ["||"],
  ["&&"],
  ["<", "<=", ">", ">=", "==", "!="],
  ["+", "-"],
  ["*", "/"],
];

function binaryLevel(c: Cursor, level: number): Expr {
  if (level >= LEVELS.length) return unary(c);
  let left = binaryLevel(c, level + 1);
  for (;;) {
    const t = c.peek();
    const op = LEVELS[level].find((o) => t.kind === "punct" && t.text === o);
    if (op === undefined) return left;
    c.next();
    const right = binaryLevel(c, level + 1);
    left = { kind: "binary", op, left, right, pos: left.pos };
  }
}

function unary(c: Cursor): Expr {
  const t = c.peek();
  if (t.kind === "punct" && (t.text === "-" || t.text === "!" || t.text === "+")) {
    c.next();
    c.enter(t);
    const arg = unary(c);
    c.leave();
    return t.text === "+" ? arg : { kind: "unary", op: t.text as "-" | "!", arg, pos: posOf(t) };
  }
  return power(c);
}

function power(c: Cursor): Expr {
  const base = primary(c);
  if (!c.is("^")) return base;
  const t = c.next();
  c.enter(t);
  const exponent = unary(c); // right-associative; allows x^-2
  c.leave();
  return { kind: "binary", op: "^", left: base, right: exponent, pos: base.pos };
}

function primary(c: Cursor): Expr {
  const t = c.peek();
  if (t.kind === "num") {
    c.next();
    const unit = c.unit();
    return unit === null
      ? { kind: "num", value: t.value, pos: posOf(t) }
      : { kind: "num", value: t.value, unit, pos: posOf(t) };
  }
  if (t.kind === "name") {
    c.next();
    if (c.is("[")) throw unsupported("[array]", posOf(c.peek()));
    if (!c.is("(")) return { kind: "name", name: t.text, pos: posOf(t) };
    return { kind: "call", name: t.text, args: callArgs(c, t.text), pos: posOf(t) };
  }
  if (t.kind === "punct" && t.text === "(") {
    c.next();
    c.enter(t);
    const e = parseExpression(c);
    c.leave();
    c.expect(")", `to close the "(" at line ${t.line}, column ${t.column}`);
    return e;
  }
  if (t.kind === "str") throw c.error(`a string (${t.text}) cannot be used in an expression`);
  throw c.error(`expected a number, a name, a function call or "(", found ${describe(t)}`);
}

/** `(a, b, c)` after a function or procedure name. */
export function callArgs(c: Cursor, fn: string): Expr[] {
  const open = c.expect("(", `after "${fn}"`);
  c.enter(open);
  const args: Expr[] = [];
  if (!c.accept(")")) {
    for (;;) {
      args.push(parseExpression(c));
      if (c.accept(")")) break;
      c.expect(",", `or ")" in the arguments of "${fn}" (opened at line ${open.line}, column ${open.column})`);
    }
  }
  c.leave();
  return args;
}

/**
 * Parses one expression at the cursor.
 *
 * @example parseExpression(new Cursor(tokenizeNmodl("-x^2"), "-x^2")) // unary minus of x^2
 */
export function parseExpression(c: Cursor): Expr {
  const t = c.peek();
  c.enter(t);
  const e = binaryLevel(c, 0);
  c.leave();
  return e;
}
