/**
 * Which lines of the script a change touched (pure), for the editor to scroll to and
 * highlight the lines a GUI action wrote. Loaded with the editor, not before first paint.
 */

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
