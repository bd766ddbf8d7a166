/**
 * Path distances along a cell's tree, as NEURON's `h.distance(ref_seg, seg)`: from the
 * centre of one compartment to the centres of others, measured along the cable.
 *
 * Positions along a branch are arc lengths from its proximal end (x = 0), computed from the
 * `length` column (um): the centre of compartment j lies at `len_0 + ... + len_(j-1) +
 * len_j / 2`, which for equal compartments is NEURON's `(j + 0.5) / nseg * L`. A child
 * branch starts where it attaches to its parent (as in the solve tree, src/sim/tree.ts):
 * at the parent's distal end (`parentX` 1), its proximal end (0), or, for an interior x,
 * the centre of the parent compartment that contains x (NEURON connects to that node).
 */
import { DendrolabError } from "../errors.js";
import type { ModelData } from "./data.js";

/** Arc positions (um from the branch's proximal end) of one cell's compartment centres and branch ends. */
interface CellArcs {
  /** Global branch of the cell's first branch, and the count. */
  firstBranch: number;
  nBranch: number;
  /** Per local branch: total length (um) and where it starts on its parent (um along the parent; NaN for the root). */
  lengthUm: Float64Array;
  attachUm: Float64Array;
  /** Per global compartment of the cell (offset by the cell's first compartment): centre position, um. */
  centreUm: Float64Array;
}

function cellArcs(data: ModelData, cell: number): CellArcs {
  const t = data.topo;
  const topo = data.cells[cell];
  const firstBranch = t.cellFirstBranch[cell];
  const firstComp = t.cellFirstComp[cell];
  const nBranch = topo.ncomp.length;
  const length = data.column("length")!;
  let nComp = 0;
  for (const n of topo.ncomp) nComp += n;
  const centreUm = new Float64Array(nComp);
  const lengthUm = new Float64Array(nBranch);
  const attachUm = new Float64Array(nBranch).fill(NaN);
  for (let bl = 0; bl < nBranch; bl++) {
    const c0 = t.branchFirstComp[firstBranch + bl];
    let s = 0;
    for (let j = 0; j < topo.ncomp[bl]; j++) {
      const len = length[c0 + j];
      centreUm[c0 - firstComp + j] = s + len / 2;
      s += len;
    }
    lengthUm[bl] = s;
  }
  for (let bl = 0; bl < nBranch; bl++) {
    const p = topo.parents[bl];
    if (p < 0) continue;
    const x = topo.parentX[bl] ?? 1;
    if (x >= 1) attachUm[bl] = lengthUm[p];
    else if (x <= 0) attachUm[bl] = 0;
    else {
      const n = topo.ncomp[p];
      const k = Math.min(Math.floor(x * n), n - 1);
      attachUm[bl] = centreUm[t.branchFirstComp[firstBranch + p] - firstComp + k];
    }
  }
  return { firstBranch, nBranch, lengthUm, attachUm, centreUm };
}

/**
 * For every compartment of `nodes` (global indices, in order), the path distance in um
 * from the centre of compartment `ref` to its centre, along the tree of their cell.
 * Throws a DendrolabError if a compartment lies in another cell than `ref` (no path).
 *
 * @example pathDistances(data, Int32Array.from([4, 5]), 2) // Float64Array [d(2,4), d(2,5)]
 */
export function pathDistances(data: ModelData, nodes: Int32Array, ref: number, where = ""): Float64Array {
  const t = data.topo;
  const cell = t.compCell[ref];
  const cellName = data.cells.length > 1 ? `cell ${cell}` : "the cell";
  for (const n of nodes) {
    if (t.compCell[n] !== cell)
      throw new DendrolabError(
        `pathDistance: compartment ${n} lies in cell ${t.compCell[n]} but the reference compartment ${ref} in ` +
          `${cellName}${where}; distances exist only within one cell: select the compartments of cell ${cell} ` +
          `(e.g. net.cell(${cell}).pathDistance(ref)).`,
        "INVALID_ARGUMENT",
      );
  }
  const arcs = cellArcs(data, cell);
  const topo = data.cells[cell];
  const firstComp = t.cellFirstComp[cell];
  // On each branch of the reference's chain to the root: where the path from the reference
  // enters it (um along it; NaN off the chain) and the distance walked to get there.
  const onChain = new Float64Array(arcs.nBranch).fill(NaN);
  const chainOffset = new Float64Array(arcs.nBranch);
  let b = t.compBranch[ref] - arcs.firstBranch;
  let pos = arcs.centreUm[ref - firstComp];
  let walked = 0;
  for (;;) {
    onChain[b] = pos;
    chainOffset[b] = walked;
    const p = topo.parents[b];
    if (p < 0) break;
    walked += pos;
    pos = arcs.attachUm[b];
    b = p;
  }
  // up[b]: distance from branch b's proximal end to the reference point (memoised walk up).
  const up = new Float64Array(arcs.nBranch).fill(NaN);
  const upOf = (start: number): number => {
    const stack: number[] = [];
    let cur = start;
    while (Number.isNaN(up[cur])) {
      const p = topo.parents[cur];
      if (!Number.isNaN(onChain[p])) {
        up[cur] = chainOffset[p] + Math.abs(arcs.attachUm[cur] - onChain[p]);
        break;
      }
      stack.push(cur);
      cur = p;
    }
    for (let i = stack.length - 1; i >= 0; i--) {
      const c = stack[i];
      up[c] = arcs.attachUm[c] + up[topo.parents[c]];
    }
    return up[start];
  };
  const out = new Float64Array(nodes.length);
  nodes.forEach((n, i) => {
    const bl = t.compBranch[n] - arcs.firstBranch;
    const s = arcs.centreUm[n - firstComp];
    out[i] = Number.isNaN(onChain[bl]) ? s + upOf(bl) : chainOffset[bl] + Math.abs(s - onChain[bl]);
  });
  return out;
}
