/**
 * Hines elimination: solves M x = b for a symmetric matrix whose graph is a forest,
 * in O(N). Node i couples only to parent[i] < i, with off-diagonal entry off[i].
 */

/**
 * Solves in place: on return `x` holds the solution; `diag` and `rhs` are overwritten.
 * @param parent parent of each node, -1 for roots; parents precede children
 * @param off M[i][parent[i]] = M[parent[i]][i]
 */
export function solveTree(
  parent: Int32Array,
  diag: Float64Array,
  off: Float64Array,
  rhs: Float64Array,
  x: Float64Array,
): void {
  const n = parent.length;
  for (let i = n - 1; i > 0; i--) {
    const p = parent[i];
    if (p < 0) continue;
    const f = off[i] / diag[i];
    diag[p] -= f * off[i];
    rhs[p] -= f * rhs[i];
  }
  for (let i = 0; i < n; i++) {
    const p = parent[i];
    x[i] = (p < 0 ? rhs[i] : rhs[i] - off[i] * x[p]) / diag[i];
  }
}
