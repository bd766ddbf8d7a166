/**
 * Line-level rewrites of the script for GUI actions that change lines already there
 * (pure): a `set` that replaces an earlier `set` of the same target and key, renaming a
 * group everywhere the script names it, deleting the statements that use a group.
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

/** Calls that name a group by a string literal: `group("x")`, `addToGroup("x")`. */
const groupCall = (name: string) =>
  new RegExp(`(\\b(?:group|addToGroup)\\(\\s*)(["'\`])${escapeRe(name)}\\2(\\s*\\))`, "g");

/** The group as a property of the model variable: `network.x` (not a call `network.x(`). */
const groupProperty = (model: string, name: string) =>
  new RegExp(`(\\b${escapeRe(model)}\\s*\\.\\s*)${escapeRe(name)}\\b(?!\\s*\\()`, "g");

/** Does the script name the group (a `group`/`addToGroup` literal or `model.name`)? */
export function mentionsGroup(text: string, model: string, name: string): boolean {
  return groupCall(name).test(text) || groupProperty(model, name).test(text);
}

/** Renames a group wherever the script names it; the count of the places changed. */
export function renameGroupInScript(
  script: string,
  model: string,
  from: string,
  to: string,
): { script: string; count: number } {
  let count = 0;
  const out = script
    .replace(groupCall(from), (_m, a: string, _q: string, b: string) => {
      count++;
      return `${a}${JSON.stringify(to)}${b}`;
    })
    .replace(groupProperty(model, from), (_m, a: string) => {
      count++;
      return `${a}${to}`;
    });
  return { script: out, count };
}

/**
 * Deletes the top-level statements that name the group. Returns the script, the number
 * of statements removed and the 1-based lines that still name it (inside functions or
 * blocks, left as they are).
 */
export function deleteGroupInScript(
  script: string,
  model: string,
  name: string,
): { script: string; removed: number; kept: number[] } {
  const lines = script.split("\n");
  const drop = new Set<number>();
  const kept: number[] = [];
  let removed = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!mentionsGroup(lines[i], model, name) || drop.has(i)) continue;
    const s = statementAt(lines, i);
    if (!s) {
      kept.push(i + 1);
      continue;
    }
    removed++;
    for (let j = s.from; j <= s.to; j++) drop.add(j);
  }
  return { script: lines.filter((_, i) => !drop.has(i)).join("\n"), removed, kept };
}

/**
 * The lines of `after` that differ from `before` (1-based, inclusive), found by the
 * common prefix and suffix; `to < from` when lines were only removed (at `from`).
 */
export function changedLines(before: string, after: string): { from: number; to: number } | null {
  if (before === after) return null;
  const a = before.split("\n");
  const b = after.split("\n");
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  return { from: p + 1, to: b.length - s };
}

/** Lines of the middle part compared one by one (above that, one range for all of it). */
const DIFF_LIMIT = 1500;

/**
 * The runs of lines of `after` that are new or changed from `before` (1-based,
 * inclusive), by a longest-common-subsequence of the lines between the common prefix and
 * suffix. A run with `to < from` marks lines removed before line `from`.
 */
export function changedHunks(before: string, after: string): Array<{ from: number; to: number }> {
  const whole = changedLines(before, after);
  if (!whole) return [];
  const a = before.split("\n");
  const b = after.split("\n");
  const p = whole.from - 1;
  const s = b.length - whole.to;
  const am = a.slice(p, a.length - s);
  const bm = b.slice(p, b.length - s);
  if (am.length === 0 || bm.length === 0 || am.length * bm.length > DIFF_LIMIT * DIFF_LIMIT) return [whole];
  // lcs[i][j]: the longest common subsequence of am[i..] and bm[j..].
  const lcs = Array.from({ length: am.length + 1 }, () => new Uint16Array(bm.length + 1));
  for (let i = am.length - 1; i >= 0; i--)
    for (let j = bm.length - 1; j >= 0; j--)
      lcs[i][j] = am[i] === bm[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const hunks: Array<{ from: number; to: number }> = [];
  let open: { from: number; to: number } | null = null;
  const close = () => {
    if (open) hunks.push(open);
    open = null;
  };
  let i = 0;
  let j = 0;
  while (i < am.length || j < bm.length) {
    if (i < am.length && j < bm.length && am[i] === bm[j]) {
      close();
      i++;
      j++;
    } else if (j < bm.length && (i === am.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
      const line = p + j + 1;
      open = open && open.to >= open.from ? { from: open.from, to: line } : { from: line, to: line };
      j++;
    } else {
      open ??= { from: p + j + 1, to: p + j };
      i++;
    }
  }
  close();
  return hunks;
}
