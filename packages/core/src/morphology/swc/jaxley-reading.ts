/**
 * The "jaxley" reading of an SWC tree: Jaxley's tracing rules (`jaxley/io/graph.py`,
 * `_trace_branches`), with the deviations listed in README.md.
 */

import { cumulativePathLength, type TracedPoint } from "../geometry.js";
import type { SwcSample } from "./parse.js";
import type { TracedSection } from "./sections.js";
import type { SampleTree } from "./tree.js";

/**
 * Trace a single SWC tree into unbranched sections, Jaxley's way: a depth-first walk
 * from the lowest-id leaf (or from a single-point soma), neighbours in increasing id,
 * cutting at branch points and at changes of type among `relevantTypeIds`.
 *
 * @example traceJaxley(tree, [1, 2, 3, 4]).length // number of branches
 */
export function traceJaxley(tree: SampleTree, relevantTypeIds: readonly number[]): TracedSection[] {
  const { samples, parentIndex, children } = tree;
  const n = samples.length;
  const relevant = new Set(relevantTypeIds);
  const sameType = (ta: number, tb: number) => ta === tb || (!relevant.has(ta) && !relevant.has(tb));
  const type = (i: number) => samples[i].type;

  const neighbours: number[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const nb = parentIndex[i] >= 0 ? [parentIndex[i], ...children[i]] : [...children[i]];
    nb.sort((a, b) => samples[a].id - samples[b].id);
    neighbours[i] = nb;
  }
  const somata: number[] = [];
  for (let i = 0; i < n; i++) if (type(i) === 1) somata.push(i);
  const singleSoma = somata.length === 1 ? somata[0] : -1;
  // A somatic branch point: a soma sample with at least two soma neighbours. Non-soma
  // branches that touch it start (or end) at their own first sample instead.
  const somaticBranchPoint = (i: number) => type(i) === 1 && neighbours[i].filter((k) => type(k) === 1).length >= 2;

  const sections: TracedSection[] = [];
  const endsAt = new Int32Array(n).fill(-1);

  const emit = (nodes: number[], jaxleyType: number) => {
    const index = sections.length;
    const isRoot = sections.length === 0;
    const typeId = relevant.has(jaxleyType) ? jaxleyType : mostCommonType(nodes.slice(isRoot ? 0 : 1));
    const first = nodes[0];
    const last = nodes[nodes.length - 1];
    const dropStart = !isRoot && (first === singleSoma || (somaticBranchPoint(first) && type(nodes[1]) !== 1));
    const dropEnd = nodes.length > 2 && somaticBranchPoint(last) && type(nodes[nodes.length - 2]) !== 1;
    const kept = nodes.slice(dropStart ? 1 : 0, dropEnd ? nodes.length - 1 : nodes.length);
    const points: TracedPoint[] = kept.map((i) => {
      const s = samples[i];
      return [s.x, s.y, s.z, s.r];
    });
    // Radii do not bleed over from a neighbouring neurite of another type.
    if (!dropStart && nodes.length > 1 && !sameType(type(first), typeId)) {
      points[0] = withRadius(points[0], samples[nodes[1]].r);
    }
    if (!dropEnd && nodes.length > 1 && !sameType(type(last), typeId)) {
      points[points.length - 1] = withRadius(points[points.length - 1], samples[nodes[nodes.length - 2]].r);
    }
    const cum = cumulativePathLength(points);
    // Which compartment a sample maps to: a branch point goes to its parent branch
    // (priority 1 here), a sample of another type or left out to a branch of its type.
    const own: TracedSection["samples"] = kept.map((i, k) => ({
      id: samples[i].id,
      s: cum[k],
      priority: !sameType(type(i), typeId) ? 2 : k === 0 && !isRoot && !dropStart ? 1 : 0,
    }));
    if (dropStart) own.unshift({ id: samples[first].id, s: 0, priority: 2 });
    if (dropEnd) own.push({ id: samples[last].id, s: cum[cum.length - 1], priority: 2 });
    const firstOwn = samples[isRoot || nodes.length === 1 ? first : nodes[1]];
    sections.push({
      parent: isRoot ? -1 : endsAt[first],
      // Children of a single-point soma join its centre, as in NEURON (Jaxley joins them
      // at the soma's end, which adds the resistance of half the soma cylinder).
      parentX: !isRoot && first === singleSoma ? 0.5 : 1,
      typeId,
      points,
      samples: own,
      line: firstOwn.line,
      text: firstOwn.text,
    });
    if (endsAt[last] < 0) endsAt[last] = index;
  };

  let root: number;
  if (singleSoma >= 0) {
    root = singleSoma;
    const s = samples[root];
    // A single-point soma becomes a cylinder of length 2r along x (area = sphere area).
    sections.push({
      parent: -1,
      parentX: 1,
      typeId: 1,
      points: [
        [s.x - s.r, s.y, s.z, s.r],
        [s.x + s.r, s.y, s.z, s.r],
      ],
      samples: [{ id: s.id, s: s.r }],
      line: s.line,
      text: s.text,
    });
    endsAt[root] = 0;
  } else {
    root = lowestIdLeaf(samples, neighbours);
    if (n === 1) emit([root], type(root));
  }

  let current: number[] = [];
  const onEdge = (i: number, j: number) => {
    if (current.length === 0) current = [i];
    current.push(j);
    const forward = parentIndex[j] === i;
    const deg = neighbours[j].length;
    const changes = !sameType(type(i), type(j));
    if (deg < 2 || (deg > 2 && changes && forward)) {
      // A leaf, or a branch point of another type: the last edge may be its own branch.
      if (changes) {
        if (current.length > 2) emit(current.slice(0, -1), type(i));
        emit([i, j], type(j));
      } else {
        emit(current, type(i));
      }
      current = [];
    } else if (deg > 2) {
      emit(current, type(i));
      current = [];
    } else if (changes) {
      if (!forward) {
        emit(current, type(i));
        current = [];
      } else {
        if (current.length > 2) emit(current.slice(0, -1), type(i));
        current = [i, j];
      }
    }
  };

  // Depth-first walk without recursion (traces can be thousands of samples deep).
  const visited = new Uint8Array(n);
  visited[root] = 1;
  const stackNode: number[] = [root];
  const stackNext: number[] = [0];
  while (stackNode.length > 0) {
    const top = stackNode.length - 1;
    const u = stackNode[top];
    const k = stackNext[top];
    if (k >= neighbours[u].length) {
      stackNode.pop();
      stackNext.pop();
      continue;
    }
    stackNext[top] = k + 1;
    const v = neighbours[u][k];
    if (visited[v]) continue;
    visited[v] = 1;
    onEdge(u, v);
    stackNode.push(v);
    stackNext.push(0);
  }
  return sections;

  /** A branch of types outside relevantTypeIds gets the most common one (ties: lowest). */
  function mostCommonType(nodes: number[]): number {
    const counts = new Map<number, number>();
    for (const i of nodes) if (!relevant.has(type(i))) counts.set(type(i), (counts.get(type(i)) ?? 0) + 1);
    let best = Infinity;
    let bestCount = 0;
    for (const [t, c] of counts) if (c > bestCount || (c === bestCount && t < best)) [best, bestCount] = [t, c];
    return bestCount > 0 ? best : type(nodes[0]);
  }
}

function withRadius(p: TracedPoint, r: number): TracedPoint {
  return [p[0], p[1], p[2], r];
}

/** Jaxley's root: the sample with the lowest id among those with fewer than two neighbours. */
function lowestIdLeaf(samples: SwcSample[], neighbours: number[][]): number {
  let best = -1;
  for (let i = 0; i < samples.length; i++) {
    if (neighbours[i].length < 2 && (best < 0 || samples[i].id < samples[best].id)) best = i;
  }
  return best;
}
