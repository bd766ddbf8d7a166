/**
 * Straight-line code: the statements of a block after inlining every PROCEDURE and
 * FUNCTION call. Only assignments, conditionals and differential equations remain;
 * locals have unique names (`qt$3`), constants are numbers.
 */
import type { Expr, SourcePos } from "./ast.js";

export type FlatStmt =
  | { readonly kind: "assign"; readonly target: string; readonly value: Expr; readonly pos: SourcePos }
  | {
      readonly kind: "if";
      readonly cond: Expr;
      readonly then: readonly FlatStmt[];
      readonly else: readonly FlatStmt[];
      readonly pos: SourcePos;
    }
  | { readonly kind: "derivative"; readonly state: string; readonly value: Expr; readonly pos: SourcePos };

/** Every name an expression reads. */
export function namesIn(e: Expr, out = new Set<string>()): Set<string> {
  switch (e.kind) {
    case "num":
      break;
    case "name":
      out.add(e.name);
      break;
    case "call":
      for (const a of e.args) namesIn(a, out);
      break;
    case "unary":
      namesIn(e.arg, out);
      break;
    case "binary":
      namesIn(e.left, out);
      namesIn(e.right, out);
      break;
  }
  return out;
}

/**
 * The variables a block reads before it writes them (on some path): for mechanism
 * variables these must persist between blocks (NEURON keeps every ASSIGNED per instance).
 *
 * @example readBeforeWrite(body, new Set()) // e.g. Set { "v", "tadj" }
 */
export function readBeforeWrite(body: readonly FlatStmt[], written: Set<string>, out = new Set<string>()): Set<string> {
  for (const s of body) {
    const reads = s.kind === "if" ? namesIn(s.cond) : namesIn(s.value);
    for (const n of reads) if (!written.has(n)) out.add(n);
    if (s.kind === "if") {
      const a = new Set(written),
        b = new Set(written);
      readBeforeWrite(s.then, a, out);
      readBeforeWrite(s.else, b, out);
      for (const n of a) if (b.has(n)) written.add(n);
    } else if (s.kind === "assign") {
      written.add(s.target);
    }
  }
  return out;
}

/** Every variable a block assigns (on any path). */
export function assignedIn(body: readonly FlatStmt[], out = new Set<string>()): Set<string> {
  for (const s of body) {
    if (s.kind === "assign") out.add(s.target);
    if (s.kind === "if") {
      assignedIn(s.then, out);
      assignedIn(s.else, out);
    }
  }
  return out;
}

/** Every name read in the statements (conditions and right-hand sides). */
export function readsIn(ss: readonly FlatStmt[], out = new Set<string>()): Set<string> {
  for (const s of ss) {
    if (s.kind === "if") {
      namesIn(s.cond, out);
      readsIn(s.then, out);
      readsIn(s.else, out);
    } else namesIn(s.value, out);
  }
  return out;
}
