/**
 * A cursor over the tokens of one file, with the checks every parser step needs. Each
 * method either consumes at least one token or throws, so no parsing loop can hang.
 */
import { NmodlError, type SourcePos } from "./errors.js";
import type { Token } from "./lexer.js";

/** Nesting (blocks, parentheses) deeper than this is refused instead of overflowing the stack. */
export const MAX_DEPTH = 200;

export const posOf = (t: Token): SourcePos => ({ line: t.line, column: t.column });

/** How a token is shown in messages. */
export function describe(t: Token): string {
  if (t.kind === "eof") return "the end of the file";
  if (t.kind === "other") return `the character "${t.text}"`;
  if (t.kind === "num") return `the number ${t.text}`;
  return `"${t.text}"`;
}

export class Cursor {
  private i = 0;
  depth = 0;
  constructor(
    private readonly tokens: readonly Token[],
    readonly src: string,
  ) {}

  peek(k = 0): Token {
    return this.tokens[Math.min(this.i + k, this.tokens.length - 1)];
  }
  next(): Token {
    const t = this.peek();
    if (t.kind !== "eof") this.i++;
    return t;
  }
  atEnd(): boolean {
    return this.peek().kind === "eof";
  }
  /** Whether the next token is punctuation `p` (or the name `p`). */
  is(p: string, k = 0): boolean {
    const t = this.peek(k);
    return (t.kind === "punct" || t.kind === "name") && t.text === p;
  }
  /** Consumes `p` if it is next. */
  accept(p: string): boolean {
    if (!this.is(p)) return false;
    this.next();
    return true;
  }
  /** A syntax error at token `t` (default: the next one). */
  error(what: string, t: Token = this.peek(), construct = "syntax"): NmodlError {
    return new NmodlError(posOf(t), construct, what);
  }
  /** Consumes `p` or throws "expected p ... found ...". */
  expect(p: string, context: string): Token {
    if (!this.is(p)) throw this.error(`expected "${p}" ${context}, found ${describe(this.peek())}`);
    return this.next();
  }
  /** Consumes a name or throws. */
  name(context: string): Token {
    const t = this.peek();
    if (t.kind !== "name") throw this.error(`expected a name ${context}, found ${describe(t)}`);
    return this.next();
  }
  /** A signed number: `-3.5`, `1e-4`, `+2`. */
  signedNumber(context: string): number {
    let sign = 1;
    if (this.accept("-")) sign = -1;
    else this.accept("+");
    const t = this.peek();
    if (t.kind !== "num") throw this.error(`expected a number ${context}, found ${describe(t)}`);
    this.next();
    return sign * t.value;
  }
  /**
   * If `(` is next, reads a unit up to its `)` and returns its text (`"mA/cm2"`);
   * otherwise null. Units are kept as written, with spaces normalised.
   */
  unit(): string | null {
    if (!this.is("(")) return null;
    const open = this.next();
    let depth = 1;
    for (;;) {
      const t = this.peek();
      if (t.kind === "eof")
        throw this.error(`a unit opened with "(" at line ${open.line}, column ${open.column} is not closed`);
      if (t.kind === "punct" && (t.text === "{" || t.text === "}")) {
        throw this.error(
          `expected ")" to close the unit opened at line ${open.line}, column ${open.column}, found ${describe(t)}`,
        );
      }
      this.next();
      if (t.text === "(") depth++;
      if (t.text === ")" && --depth === 0) {
        return this.src.slice(open.end, t.start).replace(/\s+/g, " ").trim();
      }
    }
  }
  /** Enters one level of nesting (throws beyond {@link MAX_DEPTH}). */
  enter(t: Token): void {
    if (++this.depth > MAX_DEPTH) throw this.error(`nesting deeper than ${MAX_DEPTH} levels`, t);
  }
  leave(): void {
    this.depth--;
  }
}
