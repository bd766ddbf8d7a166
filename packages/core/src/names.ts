/**
 * Name suggestions for error messages: one edit distance and one "did you mean" for
 * the whole library (unknown keys, groups, columns, options, expression names).
 */

/**
 * Levenshtein distance between two strings (insertions, deletions, substitutions cost
 * 1), where a difference only in letter case costs 0.5, so `gna` is nearer to `gNa`
 * than to `gK`.
 *
 * @example editDistance("gna", "gNa") // 0.5
 * @example editDistance("radus", "radius") // 1
 */
export function editDistance(a: string, b: string): number {
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const x = a[i - 1],
        y = b[j - 1];
      const sub = x === y ? 0 : x.toLowerCase() === y.toLowerCase() ? 0.5 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + sub);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/**
 * The candidate nearest to `name` by {@link editDistance} (ties: the first given with
 * `name`'s first letter, else the first given).
 * `undefined` when there are no candidates, or, with `onlyClose`, when the nearest
 * differs in more than max(2, half its length) edits (a guess that far is no help).
 *
 * @example nearestName("gna", ["gK", "gNa"]) // "gNa"
 * @example nearestName("axon", ["apical"], { onlyClose: true }) // undefined
 */
export function nearestName(
  name: string,
  candidates: Iterable<string>,
  options: { onlyClose?: boolean } = {},
): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  // Among equally near candidates, one with the same first letter ("v_post": "v", not "dt").
  const first = (c: string) => c[0]?.toLowerCase() === name[0]?.toLowerCase();
  for (const c of candidates) {
    const d = editDistance(name, c);
    if (d < bestD || (d === bestD && first(c) && !first(best!))) {
      best = c;
      bestD = d;
    }
  }
  if (best === undefined || !options.onlyClose) return best;
  return bestD <= Math.max(2, Math.floor(best.length / 2)) ? best : undefined;
}

/**
 * A sentence listing the valid names (sorted) and the nearest match, for error messages.
 *
 * @example validNamesHint("gna", ["gNa", "v"]) // 'Valid names: gNa, v. Did you mean "gNa"?'
 */
export function validNamesHint(name: string, candidates: Iterable<string>, what = "names"): string {
  const list = [...new Set(candidates)].sort();
  if (list.length === 0) return `There are no valid ${what} here.`;
  const near = nearestName(name, list);
  return `Valid ${what}: ${list.join(", ")}. Did you mean "${near}"?`;
}
