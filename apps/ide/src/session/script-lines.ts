/**
 * Line-level rewrites of the script for GUI actions that change lines already there
 * (pure): a `set` that replaces an earlier `set` of the same target and key (renaming and
 * deleting groups: group-lines.ts).
 * Statements are found by lines: a top-level statement starts at column 0 and goes on
 * over lines that continue a chain (`  .branch(0)`) until one ends with `;`.
 */

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A statement of the script: its first and last line (0-based, inclusive). */
export interface LineSpan {
  from: number;
  to: number;
}

/** The top-level statement that line `i` belongs to, or null when it is inside a block. */
export function statementAt(lines: readonly string[], i: number): LineSpan | null {
  let from = i;
  while (from > 0 && /^\s+\./.test(lines[from]) && !/[;{}]\s*$/.test(lines[from - 1])) from--;
  if (/^\s/.test(lines[from])) return null; // indented: inside a function or block
  let to = from;
  while (to < lines.length - 1 && !/;\s*(\/\/.*)?$/.test(lines[to]) && /^\s+\./.test(lines[to + 1])) to++;
  return { from, to };
}

/** A statement's text with the whitespace of its line breaks removed: `network.cell(0).record("v");`. */
function joined(lines: readonly string[], s: LineSpan): string {
  return lines
    .slice(s.from, s.to + 1)
    .map((l) => l.trim())
    .join("");
}

/** `X.set("key", value);` split into the target `X` and the key, if a statement is one. */
function setCall(text: string): { target: string; key: string } | null {
  const m = /^(.*)\.set\(\s*("(?:[^"\\]|\\.)*")\s*,[^;]*\);?$/.exec(text);
  return m ? { target: m[1], key: JSON.parse(m[2]) as string } : null;
}

/**
 * Places new `set` lines: a line whose target and key an earlier top-level statement
 * already sets replaces that statement where it is, if no later line names the key
 * (else the old statement is removed and the new line goes with the others). Returns the
 * script and the lines that are still to be inserted.
 */
export function replaceSetLines(script: string, newLines: readonly string[]): { script: string; rest: string[] } {
  let lines = script.split("\n");
  const rest: string[] = [];
  for (const line of newLines) {
    const call = setCall(line);
    if (!call) {
      rest.push(line);
      continue;
    }
    const matches: LineSpan[] = [];
    for (let i = 0; i < lines.length; i++) {
      const s = statementAt(lines, i);
      if (!s || s.from !== i) continue;
      const other = setCall(joined(lines, s));
      if (other && other.target === call.target && other.key === call.key) matches.push(s);
      i = s.to;
    }
    if (matches.length === 0) {
      rest.push(line);
      continue;
    }
    const last = matches[matches.length - 1];
    const keyRe = new RegExp(escapeRe(JSON.stringify(call.key)));
    const laterUse = lines.slice(last.to + 1).some((l) => keyRe.test(l));
    const next: string[] = [];
    lines.forEach((l, i) => {
      const m = matches.find((s) => i >= s.from && i <= s.to);
      if (!m) next.push(l);
      else if (m === last && !laterUse && i === m.from) next.push(line);
    });
    lines = next;
    if (laterUse) rest.push(line);
  }
  return { script: lines.join("\n"), rest };
}
