/**
 * The NMODL parser: text to {@link NmodlFile}. Every outcome is a syntax tree or an
 * {@link NmodlError} naming line, column and construct.
 */
import type { Argument, Block, NmodlFile } from "./ast.js";
import { Cursor, describe, posOf } from "./cursor.js";
import { NmodlError } from "./errors.js";
import { tokenizeNmodl } from "./lexer.js";
import { parseDeclarationBlock, parseNeuronBlock, parseUnitsBlock } from "./parse-decl.js";
import { parseBody } from "./parse-stmt.js";
import { isUnsupported, unsupported } from "./unsupported.js";

const BLOCK_WORDS =
  "TITLE, NEURON, UNITS, PARAMETER, CONSTANT, ASSIGNED, STATE, INDEPENDENT, INITIAL, BREAKPOINT, " +
  "DERIVATIVE, KINETIC, PROCEDURE, FUNCTION, LOCAL, UNITSON, UNITSOFF";

/** Skips a balanced `{ ... }` (INDEPENDENT's content is not used). */
function skipBraces(c: Cursor, block: string): void {
  const open = c.expect("{", `after ${block}`);
  let depth = 1;
  while (depth > 0) {
    const t = c.next();
    if (t.kind === "eof")
      throw c.error(`${block} opened with "{" at line ${open.line}, column ${open.column} is not closed by "}"`, t);
    if (t.kind === "punct" && t.text === "{") depth++;
    if (t.kind === "punct" && t.text === "}") depth--;
  }
}

function parseArguments(c: Cursor, fn: string): Argument[] {
  const open = c.expect("(", `after the name "${fn}" (PROCEDURE and FUNCTION need an argument list, maybe empty)`);
  const args: Argument[] = [];
  if (c.accept(")")) return args;
  for (;;) {
    const t = c.name(`as an argument of "${fn}"`);
    if (c.is("[")) throw unsupported("[array]", posOf(c.peek()));
    args.push({ name: t.text, unit: c.unit(), pos: posOf(t) });
    if (c.accept(")")) return args;
    c.expect(",", `or ")" in the arguments of "${fn}" (opened at line ${open.line}, column ${open.column})`);
  }
}

function parseBlock(c: Cursor): Block {
  const t = c.peek();
  const pos = posOf(t);
  if (t.kind !== "name") throw c.error(`expected a block (${BLOCK_WORDS}), found ${describe(t)}`);
  const word = t.text;
  switch (word) {
    case "TITLE": {
      c.next();
      const text = c.peek().kind === "text" ? c.next().text : "";
      return { kind: "title", text, pos };
    }
    case "NEURON":
      return parseNeuronBlock(c);
    case "UNITS":
      return parseUnitsBlock(c);
    case "PARAMETER":
      return parseDeclarationBlock(c, "parameter");
    case "CONSTANT":
      return parseDeclarationBlock(c, "constant");
    case "ASSIGNED":
      return parseDeclarationBlock(c, "assigned");
    case "STATE":
      return parseDeclarationBlock(c, "state");
    case "INDEPENDENT":
      c.next();
      skipBraces(c, "INDEPENDENT");
      return { kind: "independent", pos };
    case "INITIAL":
    case "BREAKPOINT": {
      c.next();
      return { kind: word === "INITIAL" ? "initial" : "breakpoint", body: parseBody(c, word), pos };
    }
    case "DERIVATIVE":
    case "KINETIC": {
      c.next();
      const name = c.name(`after ${word}`).text;
      return {
        kind: word === "DERIVATIVE" ? "derivative" : "kinetic",
        name,
        body: parseBody(c, `${word} ${name}`),
        pos,
      };
    }
    case "PROCEDURE":
    case "FUNCTION": {
      c.next();
      const name = c.name(`after ${word}`).text;
      const args = parseArguments(c, name);
      const unit = c.unit();
      return {
        kind: word === "PROCEDURE" ? "procedure" : "function",
        name,
        args,
        unit,
        body: parseBody(c, `${word} ${name}`),
        pos,
      };
    }
    case "LOCAL": {
      c.next();
      const names = [c.name("after LOCAL").text];
      if (c.is("[")) throw unsupported("[array]", posOf(c.peek()));
      while (c.accept(",")) names.push(c.name("in the LOCAL list").text);
      return { kind: "local", names, pos };
    }
    case "UNITSON":
    case "UNITSOFF":
      c.next();
      return { kind: "unitsflag", on: word === "UNITSON", pos };
    case "DEFINE": {
      c.next();
      const name = c.name("after DEFINE").text;
      return { kind: "define", name, value: c.signedNumber(`as the value of DEFINE ${name}`), pos };
    }
    case "ENDCOMMENT":
      throw c.error(`ENDCOMMENT without COMMENT`);
  }
  if (isUnsupported(word)) throw unsupported(word, pos);
  throw c.error(`expected a block (${BLOCK_WORDS}), found "${word}"`);
}

/**
 * Parses an NMODL text into its syntax tree. Throws {@link NmodlError} (code "NMODL")
 * with line and column for a syntax error or an unsupported construct.
 *
 * @example
 * const file = parseNmodl("NEURON { SUFFIX leak NONSPECIFIC_CURRENT i }");
 * file.blocks[0].kind // "neuron"
 */
export function parseNmodl(text: string): NmodlFile {
  if (typeof text !== "string") {
    throw new NmodlError({ line: 1, column: 1 }, "input", `an NMODL text must be a string, got ${typeof text}`);
  }
  const c = new Cursor(tokenizeNmodl(text), text);
  const blocks: Block[] = [];
  while (!c.atEnd()) blocks.push(parseBlock(c));
  return { blocks };
}
