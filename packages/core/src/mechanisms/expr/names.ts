/**
 * Name suggestions for error messages: edit distance and "did you mean".
 */

/**
 * Levenshtein distance between two strings, where a difference only in letter case
 * costs 0.5 (so `gna` is nearer to `gNa` than to `gK`).
 *
 * @example editDistance("gna", "gNa") // 0.5
 */
export function editDistance(a: string, b: string): number {
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const x = a[i - 1], y = b[j - 1];
      const sub = x === y ? 0 : x.toLowerCase() === y.toLowerCase() ? 0.5 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + sub);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/**
 * The candidate nearest to `name` by {@link editDistance} (ties: the first given), or
 * `undefined` when there are no candidates.
 *
 * @example nearestName("gna", ["gK", "gNa"]) // "gNa"
 */
export function nearestName(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(name, c);
    if (d < bestD) { best = c; bestD = d; }
  }
  return best;
}

/**
 * A sentence listing the valid names (sorted) and the nearest match, for error messages.
 *
 * @example validNamesHint("gna", ["gNa", "v"]) // 'Valid names: gNa, v. Did you mean "gNa"?'
 */
export function validNamesHint(
  name: string, candidates: Iterable<string>, what = "names",
): string {
  const list = [...new Set(candidates)].sort();
  if (list.length === 0) return `There are no valid ${what} here.`;
  const near = nearestName(name, list);
  return `Valid ${what}: ${list.join(", ")}. Did you mean "${near}"?`;
}
