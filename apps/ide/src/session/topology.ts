/**
 * Index arithmetic over a model's cells on the page side: which compartments a cell or
 * branch holds, and the cell / local branch / local compartment of a compartment.
 */
import type { CellShape } from "../protocol/model.js";

/** Indices of one compartment: cell, branch within the cell, compartment within the branch. */
export interface CompAddress {
  cell: number;
  branch: number;
  comp: number;
}

export class Topology {
  readonly cells: readonly CellShape[];
  readonly nComp: number;
  /** First global compartment of each (cell, branch). */
  private readonly firstComp: number[][];
  private readonly address: CompAddress[];

  constructor(cells: readonly CellShape[]) {
    this.cells = cells;
    this.firstComp = [];
    this.address = [];
    let k = 0;
    cells.forEach((c, ci) => {
      this.firstComp.push(
        c.branches.map((b, bi) => {
          const first = k;
          for (let j = 0; j < b.ncomp; j++) this.address.push({ cell: ci, branch: bi, comp: j });
          k += b.ncomp;
          return first;
        }),
      );
    });
    this.nComp = k;
  }

  get nCells(): number {
    return this.cells.length;
  }

  /** The global compartments of a cell. */
  compsOfCell(cell: number): number[] {
    return this.cells[cell].branches.flatMap((_, b) => this.compsOfBranch(cell, b));
  }

  /** The global compartments of a branch (local index within its cell). */
  compsOfBranch(cell: number, branch: number): number[] {
    const first = this.firstComp[cell][branch];
    return Array.from({ length: this.cells[cell].branches[branch].ncomp }, (_, j) => first + j);
  }

  /** The global index of compartment `comp` of `branch` of `cell`. */
  globalComp(cell: number, branch: number, comp: number): number {
    return this.firstComp[cell][branch] + comp;
  }

  /** Cell, local branch and local compartment of a global compartment. */
  addressOf(node: number): CompAddress {
    return this.address[node];
  }
}
