/**
 * Splits expression text into tokens: numbers (`2`, `0.5`, `.5`, `1e-3`), names,
 * operators `+ - * / ^ **`, parentheses and commas.
 */
import { ExpressionError } from "./errors.js";

export type Token =
  | { kind: "num"; value: number; text: string; pos: number }
  | { kind: "name"; text: string; pos: number }
  | { kind: "op"; text: "+" | "-" | "*" | "/" | "^" | "(" | ")" | ","; pos: number }
  | { kind: "end"; text: ""; pos: number };

const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/**
 * Tokenises an expression; throws {@link ExpressionError} at the first character that
 * starts no token.
 *
 * @example tokenize("2*x").map((t) => t.text) // ["2", "*", "x", ""]
 */
export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
      continue;
    }
    const rest = input.slice(i);
    const num = NUMBER.exec(rest);
    if (num) {
      if (/^[eE]/.test(rest.slice(num[0].length)) || /^[A-Za-z_.]/.test(rest.slice(num[0].length))) {
        throw new ExpressionError(
          input,
          i,
          `Malformed number "${rest.match(/^[0-9A-Za-z_.+-]*/)![0]}": expected digits, an optional ` +
            `fraction and an optional exponent such as 1e-3`,
        );
      }
      tokens.push({ kind: "num", value: Number(num[0]), text: num[0], pos: i });
      i += num[0].length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      tokens.push({ kind: "name", text: name[0], pos: i });
      i += name[0].length;
      continue;
    }
    if (c === "*" && input[i + 1] === "*") {
      tokens.push({ kind: "op", text: "^", pos: i });
      i += 2;
      continue;
    }
    if ("+-*/^(),".includes(c)) {
      tokens.push({ kind: "op", text: c as "+", pos: i });
      i++;
      continue;
    }
    throw new ExpressionError(
      input,
      i,
      `Unexpected character "${c}": expected a number, a name, an operator (+ - * / ^), ` + `"(", ")" or ","`,
    );
  }
  tokens.push({ kind: "end", text: "", pos: input.length });
  return tokens;
}
