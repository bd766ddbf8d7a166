import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/random.js";
import { solveTree } from "../../src/sim/solve.js";

/** Dense Gaussian elimination with partial pivoting, for reference. */
function denseSolve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((r, i) => [...r, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = c + 1; r < n; r++) {
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r][n];
    for (let k = r + 1; k < n; k++) s -= M[r][k] * x[k];
    x[r] = s / M[r][r];
  }
  return x;
}

describe("solveTree (Hines elimination)", () => {
  it("matches dense elimination on random forests", () => {
    const r = seededRandom(7);
    for (let trial = 0; trial < 50; trial++) {
      const n = 2 + Math.floor(r() * 40);
      const parent = new Int32Array(n);
      for (let i = 0; i < n; i++) parent[i] = i === 0 || r() < 0.1 ? -1 : Math.floor(r() * i);
      const off = Float64Array.from({ length: n }, (_, i) => (parent[i] < 0 ? 0 : -(0.1 + r())));
      const diag = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        diag[i] += 0.01 + r();
        if (parent[i] >= 0) {
          diag[i] -= off[i];
          diag[parent[i]] -= off[i];
        }
      }
      const rhs = Float64Array.from({ length: n }, () => r() * 2 - 1);
      const A = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? diag[i] : 0)));
      for (let i = 0; i < n; i++) if (parent[i] >= 0) A[i][parent[i]] = A[parent[i]][i] = off[i];
      const expected = denseSolve(A, Array.from(rhs));
      const x = new Float64Array(n);
      solveTree(parent, diag.slice(), off, rhs.slice(), x);
      for (let i = 0; i < n; i++) expect(x[i]).toBeCloseTo(expected[i], 10);
    }
  });
});
