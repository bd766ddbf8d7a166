/**
 * Tree structure of SWC samples: index maps, validation (duplicates, unknown parents,
 * cycles, roots) and the choice of one tree when several roots are allowed.
 */

import { lineError, quoteLine, SwcError } from "./errors.js";
import type { SwcSample } from "./parse.js";

/** Samples with their parent as an array index (-1 for a root) and children lists. */
export interface SampleTree {
  samples: SwcSample[];
  /** parentIndex[i]: index of sample i's parent in `samples`, -1 for a root. */
  parentIndex: Int32Array;
  /** children[i]: indices of sample i's children, in file order. */
  children: number[][];
  /** Indices of the roots, in file order. */
  roots: number[];
}

/**
 * Check that samples form a tree (or, with `allowMultipleRoots`, a forest) and return
 * index maps. Throws an {@link SwcError} that names the line for duplicate ids, unknown
 * parents, cycles, no root, and several roots unless allowed.
 *
 * @example checkTree(parseSwc(text, { allowMultipleRoots: true }), true).roots.length
 */
export function checkTree(samples: SwcSample[], allowMultipleRoots: boolean): SampleTree {
  const n = samples.length;
  if (n === 0) throw new SwcError("SWC has no samples: expected at least one sample");
  const indexOf = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const s = samples[i];
    const seen = indexOf.get(s.id);
    if (seen !== undefined) {
      throw lineError(
        s.line,
        s.text,
        `duplicate id ${s.id} (already used on line ${samples[seen].line}); expected unique ids`,
      );
    }
    indexOf.set(s.id, i);
  }
  const parentIndex = new Int32Array(n);
  const children: number[][] = Array.from({ length: n }, () => []);
  const roots: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = samples[i];
    if (s.parent < 0) {
      parentIndex[i] = -1;
      roots.push(i);
      continue;
    }
    const p = indexOf.get(s.parent);
    if (p === undefined) {
      throw lineError(
        s.line,
        s.text,
        `parent ${s.parent} does not exist (no sample has id ${s.parent}); expected the id of ` +
          "another sample, or -1 for the root",
      );
    }
    parentIndex[i] = p;
    children[p].push(i);
  }
  const tree: SampleTree = { samples, parentIndex, children, roots };
  checkAcyclic(tree);
  if (roots.length > 1 && !allowMultipleRoots) {
    const first = samples[roots[0]];
    const second = samples[roots[1]];
    throw lineError(
      second.line,
      second.text,
      `a second root (parent -1; the first is on line ${first.line}, ${roots.length} roots in ` +
        "all); expected one tree, or pass allowMultipleRoots to keep the first tree",
    );
  }
  return tree;
}

/** Every sample must be reachable from a root; otherwise report one cycle. */
function checkAcyclic(tree: SampleTree): void {
  const { samples, parentIndex, children, roots } = tree;
  const n = samples.length;
  const reached = new Uint8Array(n);
  const stack = [...roots];
  let count = 0;
  while (stack.length > 0) {
    const i = stack.pop() as number;
    reached[i] = 1;
    count++;
    for (const c of children[i]) stack.push(c);
  }
  if (count === n) return;
  let start = 0;
  while (reached[start]) start++;
  // Walk up from an unreached sample until a sample repeats: that one is on the cycle.
  const onPath = new Map<number, number>();
  let i = start;
  while (!onPath.has(i)) {
    onPath.set(i, onPath.size);
    i = parentIndex[i];
  }
  const cycle: number[] = [i];
  for (let k = parentIndex[i]; k !== i; k = parentIndex[k]) cycle.push(k);
  const s = samples[i];
  const ids = [...cycle.map((k) => samples[k].id), s.id].join(" -> ");
  const lines = cycle.map((k) => samples[k].line).join(", ");
  const what =
    cycle.length === 1
      ? `sample ${s.id} is its own parent; expected a tree`
      : `sample ${s.id} is its own ancestor (parents ${ids}, lines ${lines}); expected a tree`;
  if (roots.length === 0) {
    throw new SwcError(
      `SWC has no root (no sample has parent -1): line ${s.line}: ${what}: ${quoteLine(s.text)}`,
      s.line,
      s.text,
    );
  }
  throw lineError(s.line, s.text, what);
}

/**
 * The samples of the tree that grows from the first root, in file order.
 *
 * @example treeOfFirstRoot(checkTree(samples, true)).length
 */
export function treeOfFirstRoot(tree: SampleTree): SwcSample[] {
  const keep = new Uint8Array(tree.samples.length);
  const stack = [tree.roots[0]];
  while (stack.length > 0) {
    const i = stack.pop() as number;
    keep[i] = 1;
    for (const c of tree.children[i]) stack.push(c);
  }
  return tree.samples.filter((_, i) => keep[i] === 1);
}
