/**
 * Splits NMODL text into tokens with line and column. Comments (`:` and `?` to the end
 * of the line, `COMMENT ... ENDCOMMENT`) are skipped; `TITLE` takes the rest of its line
 * as one text token; `VERBATIM` (embedded C) is refused here, since its content is not
 * NMODL and cannot be tokenised.
 */
import { NmodlError, type SourcePos } from "./errors.js";
import { unsupported } from "./unsupported.js";

export type TokenKind = "name" | "num" | "str" | "punct" | "text" | "other" | "eof";

export interface Token {
  readonly kind: TokenKind;
  /** The token's text (for "num" the literal as written; for "text" the rest of the line). */
  readonly text: string;
  /** The value of a number. */
  readonly value: number;
  readonly line: number;
  readonly column: number;
  /** Offset of the first character, and one past the last, in the source. */
  readonly start: number;
  readonly end: number;
}

/** Multi-character punctuation, longest first. */
const PUNCT = [
  "<->",
  "<<",
  "<=",
  ">=",
  "==",
  "!=",
  "&&",
  "||",
  "{",
  "}",
  "(",
  ")",
  "[",
  "]",
  ",",
  "=",
  "<",
  ">",
  "+",
  "-",
  "*",
  "/",
  "^",
  "'",
  "~",
  "!",
];

const isDigit = (c: string) => c >= "0" && c <= "9";
const isNameStart = (c: string) => (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_";
const isNameChar = (c: string) => isNameStart(c) || isDigit(c);

/**
 * Tokenises an NMODL text. Unknown characters become "other" tokens (units may hold
 * them; elsewhere the parser refuses them). Always ends with one "eof" token.
 *
 * @example tokenizeNmodl("m' = (minf - m) / mtau").map((t) => t.text) // ["m", "'", "=", "(", ...]
 */
export function tokenizeNmodl(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0,
    line = 1,
    lineStart = 0;
  const n = src.length;
  const pos = (at: number): SourcePos => ({ line, column: at - lineStart + 1 });
  const push = (kind: TokenKind, start: number, end: number, value = NaN, text = src.slice(start, end)) => {
    tokens.push({ kind, text, value, line, column: start - lineStart + 1, start, end });
  };
  /** Advances over [i, to), counting lines. */
  const skipTo = (to: number) => {
    for (; i < to; i++)
      if (src[i] === "\n") {
        line++;
        lineStart = i + 1;
      }
  };
  while (i < n) {
    const c = src[i];
    if (c === "\n") {
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (c === " " || c === "\t" || c === "\r" || c === "\f" || c === "\v") {
      i++;
      continue;
    }
    if (c === ":" || c === "?") {
      while (i < n && src[i] !== "\n") i++;
      continue;
    }
    if (isNameStart(c)) {
      let j = i + 1;
      while (j < n && isNameChar(src[j])) j++;
      const word = src.slice(i, j);
      if (word === "COMMENT") {
        const close = src.indexOf("ENDCOMMENT", j);
        if (close < 0) {
          throw new NmodlError(pos(i), "COMMENT", "COMMENT without ENDCOMMENT: close the comment with ENDCOMMENT");
        }
        skipTo(close + "ENDCOMMENT".length);
        continue;
      }
      if (word === "VERBATIM" || word === "ENDVERBATIM") throw unsupported("VERBATIM", pos(i));
      if (word === "TITLE") {
        push("name", i, j);
        let k = j;
        while (k < n && src[k] !== "\n") k++;
        push("text", j, k, NaN, src.slice(j, k).trim());
        i = k;
        continue;
      }
      push("name", i, j);
      i = j;
      continue;
    }
    if (isDigit(c) || (c === "." && i + 1 < n && isDigit(src[i + 1]))) {
      let j = i;
      while (j < n && isDigit(src[j])) j++;
      if (j < n && src[j] === ".") {
        j++;
        while (j < n && isDigit(src[j])) j++;
      }
      if (j < n && (src[j] === "e" || src[j] === "E")) {
        let k = j + 1;
        if (k < n && (src[k] === "+" || src[k] === "-")) k++;
        if (k < n && isDigit(src[k])) {
          while (k < n && isDigit(src[k])) k++;
          j = k;
        }
      }
      push("num", i, j, Number(src.slice(i, j)));
      i = j;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < n && src[j] !== '"' && src[j] !== "\n") j++;
      if (j >= n || src[j] !== '"')
        throw new NmodlError(pos(i), "syntax", 'unterminated string: close it with " on the same line');
      push("str", i, j + 1);
      i = j + 1;
      continue;
    }
    const p = PUNCT.find((s) => src.startsWith(s, i));
    if (p !== undefined) {
      push("punct", i, i + p.length);
      i += p.length;
      continue;
    }
    push("other", i, i + 1);
    i++;
  }
  push("eof", n, n, NaN, "");
  return tokens;
}
