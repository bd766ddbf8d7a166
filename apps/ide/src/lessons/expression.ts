/**
 * What the page can tell about a check's expression without evaluating it (the page
 * never evaluates: the sandbox does, sandbox/lesson-checks.ts): its length, and that its
 * brackets and quotes are closed. Anything subtler is reported by the sandbox, which
 * compiles each check on its own.
 */

/** Longest expression of one check, characters. */
export const MAX_EXPR_CHARS = 400;

const CLOSING: Record<string, string> = { "(": ")", "[": "]", "{": "}" };

/** Why `expr` cannot be a check's expression ("has an unclosed ("), or null. */
export function expressionProblem(expr: string): string | null {
  if (!expr.trim()) return "is empty";
  if (expr.length > MAX_EXPR_CHARS) return `is ${expr.length} characters long; a check has at most ${MAX_EXPR_CHARS}`;
  if (/;/.test(expr.replace(/(["'])(?:\\.|(?!\1).)*\1/g, '""')))
    return 'has a ";": a check is one expression, such as `spikes(trace()) >= 3`';
  const open: string[] = [];
  let quote: string | null = null;
  for (let i = 0; i < expr.length; i++) {
    const ch = expr[i];
    if (quote) {
      if (ch === "\\") i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch in CLOSING) open.push(CLOSING[ch]);
    else if (ch === ")" || ch === "]" || ch === "}") {
      const want = open.pop();
      if (want !== ch)
        return want ? `closes with "${ch}" where "${want}" is expected` : `has a "${ch}" that closes nothing`;
    }
  }
  if (quote) return `has an unclosed ${quote} string`;
  if (open.length) return `has an unclosed "${Object.keys(CLOSING).find((k) => CLOSING[k] === open[open.length - 1])}"`;
  return null;
}
