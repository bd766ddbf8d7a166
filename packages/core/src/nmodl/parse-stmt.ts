/**
 * Statements of INITIAL, BREAKPOINT, DERIVATIVE, KINETIC, PROCEDURE and FUNCTION
 * bodies. NMODL needs no separators: a statement ends where its expression ends.
 */
import type { ConserveStmt, Expr, Reactant, ReactionStmt, Stmt, TableStmt } from "./ast.js";
import { type Cursor, describe, posOf } from "./cursor.js";
import { callArgs, parseExpression } from "./parse-expr.js";
import { isUnsupported, unsupported } from "./unsupported.js";

/** Words ignored as statements (old thread-safety markers). */
const IGNORED = new Set(["MUTEXLOCK", "MUTEXUNLOCK"]);

/**
 * Parses `{ statements }` (the cursor at `{`) and returns the statements.
 *
 * @example parseBody(cursor) // [{ kind: "assign", target: "m", prime: true, ... }]
 */
export function parseBody(c: Cursor, context: string): Stmt[] {
  const open = c.expect("{", `to open ${context}`);
  c.enter(open);
  const body: Stmt[] = [];
  while (!c.is("}")) {
    if (c.atEnd()) {
      throw c.error(`${context} opened with "{" at line ${open.line}, column ${open.column} is not closed by "}"`);
    }
    parseStatement(c, body, context);
  }
  c.next();
  c.leave();
  return body;
}

/** Names separated by commas (or blanks): `a, b, c`. */
export function nameList(c: Cursor, context: string, stop: (c: Cursor) => boolean = () => false): string[] {
  const names = [c.name(context).text];
  for (;;) {
    if (c.accept(",")) {
      names.push(c.name(context).text);
      continue;
    }
    if (c.peek().kind === "name" && !stop(c)) {
      names.push(c.next().text);
      continue;
    }
    return names;
  }
}

/** Parses one statement and appends it to `out` (a nested `{ }` appends its statements). */
function parseStatement(c: Cursor, out: Stmt[], context: string): void {
  const t = c.peek();
  const pos = posOf(t);
  if (t.kind === "punct" && t.text === "{") {
    out.push(...parseBody(c, "a nested block"));
    return;
  }
  if (t.kind === "punct" && t.text === "~") {
    out.push(reaction(c));
    return;
  }
  if (t.kind !== "name") throw c.error(`expected a statement in ${context}, found ${describe(t)}`);
  const word = t.text;
  if (IGNORED.has(word)) {
    c.next();
    return;
  }
  if (word === "PROTECT") {
    c.next();
    parseStatement(c, out, context);
    return;
  }
  if (isUnsupported(word) && word !== "FROM") throw unsupported(word, pos);
  switch (word) {
    case "if": {
      out.push(ifStatement(c));
      return;
    }
    case "else":
      throw c.error(`"else" without a matching "if"`);
    case "LOCAL": {
      c.next();
      out.push({ kind: "local", names: localNames(c), pos });
      return;
    }
    case "UNITSON":
    case "UNITSOFF": {
      c.next();
      out.push({ kind: "unitsflag", on: word === "UNITSON", pos });
      return;
    }
    case "TABLE": {
      out.push(table(c));
      return;
    }
    case "SOLVE": {
      c.next();
      const block = c.name("after SOLVE").text;
      let method: string | null = null,
        steadystate = false;
      if (c.accept("METHOD")) method = c.name("after METHOD").text;
      else if (c.accept("STEADYSTATE")) {
        steadystate = true;
        method = c.name("after STEADYSTATE").text;
      }
      if (c.is("IFERROR")) throw c.error(`SOLVE ... IFERROR is not supported`, c.peek(), "IFERROR");
      out.push({ kind: "solve", block, method, steadystate, pos });
      return;
    }
    case "CONSERVE": {
      out.push(conserve(c));
      return;
    }
    case "FROM":
      throw unsupported("FROM", pos);
  }
  c.next();
  if (c.is("[")) throw unsupported("[array]", posOf(c.peek()));
  if (c.is("(")) {
    const args = callArgs(c, word);
    out.push({ kind: "call", call: { kind: "call", name: word, args, pos }, pos });
    return;
  }
  const prime = c.accept("'");
  if (!c.is("=")) {
    throw c.error(
      `expected "=" after "${word}${prime ? "'" : ""}" (an assignment)` +
        `${prime ? "" : ' or "(" (a call)'}, found ${describe(c.peek())}`,
    );
  }
  c.next();
  out.push({ kind: "assign", target: word, prime, value: parseExpression(c), pos });
}

function localNames(c: Cursor): string[] {
  const names = [c.name("after LOCAL").text];
  if (c.is("[")) throw unsupported("[array]", posOf(c.peek()));
  while (c.accept(",")) {
    names.push(c.name("in the LOCAL list").text);
    if (c.is("[")) throw unsupported("[array]", posOf(c.peek()));
  }
  return names;
}

function ifStatement(c: Cursor): Stmt {
  const t = c.next();
  c.enter(t);
  c.expect("(", `after "if"`);
  const cond = parseExpression(c);
  c.expect(")", `to close the condition of the "if" at line ${t.line}, column ${t.column}`);
  const then = parseBody(c, `the "if" block`);
  let otherwise: Stmt[] | null = null;
  if (c.accept("else")) otherwise = c.is("if") ? [ifStatement(c)] : parseBody(c, `the "else" block`);
  c.leave();
  return { kind: "if", cond, then, else: otherwise, pos: posOf(t) };
}

function table(c: Cursor): TableStmt {
  const t = c.next();
  const keywords = ["DEPEND", "FROM"];
  const stop = (cc: Cursor) => keywords.some((k) => cc.is(k));
  const names = c.is("FROM") || c.is("DEPEND") ? [] : nameList(c, "in TABLE", stop);
  const depend = c.accept("DEPEND") ? nameList(c, "after DEPEND", stop) : [];
  c.expect("FROM", "in TABLE (TABLE names DEPEND names FROM low TO high WITH count)");
  const from = parseExpression(c);
  c.expect("TO", "in TABLE after FROM low");
  const to = parseExpression(c);
  c.expect("WITH", "in TABLE after TO high");
  const w = c.peek();
  if (w.kind !== "num") throw c.error(`expected the number of table entries after WITH, found ${describe(w)}`);
  c.next();
  return { kind: "table", names, depend, from, to, with: w.value, pos: posOf(t) };
}

function reactants(c: Cursor): Reactant[] {
  const out: Reactant[] = [];
  do {
    const t = c.peek();
    let count = 1;
    if (t.kind === "num") {
      count = t.value;
      c.next();
    }
    const name = c.name("in the reaction");
    if (c.is("[")) throw unsupported("[array]", posOf(c.peek()));
    out.push({ name: name.text, count, pos: posOf(t) });
  } while (c.accept("+"));
  return out;
}

function reaction(c: Cursor): ReactionStmt {
  const t = c.next();
  const left = reactants(c);
  if (c.accept("<<")) {
    c.expect("(", 'after "<<" (the flux)');
    const flux = parseExpression(c);
    c.expect(")", "to close the flux");
    return { kind: "reaction", op: "<<", left, right: [], rates: [flux], pos: posOf(t) };
  }
  if (c.is("-") && c.is(">", 1)) throw c.error(`"->" reactions are not supported; write "<->" with a backward rate 0`);
  c.expect("<->", "in the reaction (~ A <-> B (kf, kb))");
  const right = reactants(c);
  c.expect("(", "before the rates of the reaction (kf, kb)");
  const kf = parseExpression(c);
  c.expect(",", "between the forward and backward rates");
  const kb = parseExpression(c);
  c.expect(")", "to close the rates of the reaction");
  return { kind: "reaction", op: "<->", left, right, rates: [kf, kb], pos: posOf(t) };
}

function conserve(c: Cursor): ConserveStmt {
  const t = c.next();
  const left: Expr = parseExpression(c);
  c.expect("=", "in CONSERVE (CONSERVE a + b = total)");
  const right = parseExpression(c);
  return { kind: "conserve", left, right, pos: posOf(t) };
}
