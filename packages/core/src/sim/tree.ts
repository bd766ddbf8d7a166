/**
 * The tree of nodes the cable equation is solved on: every compartment, plus a
 * zero-capacitance node wherever branches meet at a branch end (as NEURON's 0-area
 * section-end nodes). Nodes are numbered so that every parent precedes its children,
 * which is what Hines elimination needs.
 */

/** Branches as plain arrays (global branch indices). */
export interface BranchLayout {
  /** Parent branch, -1 for the root of a cell. */
  parent: Int32Array;
  /** Attachment point on the parent in [0, 1]; 1 = distal end. */
  parentX: Float64Array;
  /** First global compartment and compartment count of each branch. */
  firstComp: Int32Array;
  ncomp: Int32Array;
}

/** What an axial edge (node -> its parent) is made of, to compute its conductance. */
export interface AxialEdge {
  /** Compartment on the child side, and whether its proximal (in) half faces the edge. */
  childComp: number;
  /** Compartment on the parent side (its distal/out half faces the edge), or -1 at a branch point. */
  parentComp: number;
}

export interface Tree {
  nNodes: number;
  nComp: number;
  /** Parent node of each node (in solve order), -1 for roots. parent[i] < i. */
  parent: Int32Array;
  /** Solve-order node of each global compartment. */
  nodeOfComp: Int32Array;
  /** Global compartment of each node, -1 for branch points. */
  compOfNode: Int32Array;
  /**
   * How to compute the conductance between node i and its parent: child side is always a
   * compartment half (or a branch point, childComp = -1), parent side a compartment half or
   * a branch point. `edgeChildHalf[i]`: compartment whose half lies on the child side, or -1;
   * `edgeChildIn[i]`: 1 if that half is the compartment's proximal half.
   * `edgeParentHalf[i]`: compartment whose half lies on the parent side, or -1;
   * `edgeParentIn[i]`: 1 if that half is the compartment's proximal half.
   */
  edgeChildHalf: Int32Array;
  edgeChildIn: Uint8Array;
  edgeParentHalf: Int32Array;
  edgeParentIn: Uint8Array;
}

/**
 * Builds the solve tree of all cells. Branches whose parent is -1 are cell roots.
 * Throws if the layout is not a forest.
 */
export function buildTree(layout: BranchLayout, nComp: number): Tree {
  const nBranch = layout.parent.length;
  const children: number[][] = Array.from({ length: nBranch }, () => []);
  const roots: number[] = [];
  for (let b = 0; b < nBranch; b++) {
    const p = layout.parent[b];
    if (p < 0) roots.push(b);
    else children[p].push(b);
  }
  const needsDistal = new Uint8Array(nBranch);
  const needsProximal = new Uint8Array(nBranch);
  for (let b = 0; b < nBranch; b++) {
    const p = layout.parent[b];
    if (p < 0) continue;
    const x = layout.parentX[b];
    if (x >= 1) needsDistal[p] = 1;
    else if (x <= 0) needsProximal[rootwardStart(layout, p)] = 1;
  }
  const parent: number[] = [];
  const compOfNode: number[] = [];
  const childHalf: number[] = [];
  const childIn: number[] = [];
  const parentHalf: number[] = [];
  const parentIn: number[] = [];
  const nodeOfComp = new Int32Array(nComp).fill(-1);
  const distalNode = new Int32Array(nBranch).fill(-1);
  const proximalNode = new Int32Array(nBranch).fill(-1);
  const push = (p: number, comp: number, ch: number, chIn: number, ph: number, phIn: number): number => {
    parent.push(p);
    compOfNode.push(comp);
    childHalf.push(ch);
    childIn.push(chIn);
    parentHalf.push(ph);
    parentIn.push(phIn);
    return parent.length - 1;
  };
  for (const root of roots) {
    const queue = [root];
    while (queue.length > 0) {
      const b = queue.shift()!;
      const first = layout.firstComp[b];
      const n = layout.ncomp[b];
      // Where comp 0 of this branch attaches.
      let attach = -1;
      let attachHalf = -1;
      const attachIn = 0;
      const p = layout.parent[b];
      if (p < 0) {
        if (needsProximal[b]) {
          proximalNode[b] = push(-1, -1, -1, 0, -1, 0);
          attach = proximalNode[b];
        }
      } else {
        const x = layout.parentX[b];
        if (x >= 1) {
          attach = distalNode[p];
        } else if (x <= 0) {
          attach = proximalNode[rootwardStart(layout, p)];
          if (attach < 0) attach = startNodeOf(layout, p, nodeOfComp, distalNode);
        } else {
          const k = Math.min(Math.floor(x * layout.ncomp[p]), layout.ncomp[p] - 1);
          attachHalf = -2; // direct attachment to a compartment node: only the child's half counts
          attach = nodeOfComp[layout.firstComp[p] + k];
        }
      }
      for (let k = 0; k < n; k++) {
        const c = first + k;
        if (k === 0) {
          nodeOfComp[c] = push(attach, c, c, 1, attachHalf === -2 ? -1 : attachHalf, attachIn);
        } else {
          nodeOfComp[c] = push(nodeOfComp[c - 1], c, c, 1, c - 1, 0);
        }
      }
      if (needsDistal[b]) {
        const last = first + n - 1;
        distalNode[b] = push(nodeOfComp[last], -1, -1, 0, last, 0);
      }
      for (const ch of children[b]) queue.push(ch);
    }
  }
  if (parent.length - countBranchPoints(compOfNode) !== nComp || nodeOfComp.some((x) => x < 0)) {
    throw new Error("internal: branch layout is not a forest reaching every compartment");
  }
  return {
    nNodes: parent.length,
    nComp,
    parent: Int32Array.from(parent),
    nodeOfComp,
    compOfNode: Int32Array.from(compOfNode),
    edgeChildHalf: Int32Array.from(childHalf),
    edgeChildIn: Uint8Array.from(childIn),
    edgeParentHalf: Int32Array.from(parentHalf),
    edgeParentIn: Uint8Array.from(parentIn),
  };
}

function countBranchPoints(compOfNode: number[]): number {
  let n = 0;
  for (const c of compOfNode) if (c < 0) n++;
  return n;
}

/** The root-most branch reached by following proximal (x = 0) attachments. */
function rootwardStart(layout: BranchLayout, b: number): number {
  let cur = b;
  while (layout.parent[cur] >= 0 && layout.parentX[cur] <= 0) cur = layout.parent[cur];
  return cur;
}

/** The node at x = 0 of a non-root branch: the node it attaches to. */
function startNodeOf(layout: BranchLayout, b: number, nodeOfComp: Int32Array, distalNode: Int32Array): number {
  const p = layout.parent[b];
  const x = layout.parentX[b];
  if (x >= 1) return distalNode[p];
  const k = Math.min(Math.floor(x * layout.ncomp[p]), layout.ncomp[p] - 1);
  return nodeOfComp[layout.firstComp[p] + k];
}
