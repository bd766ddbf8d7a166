/**
 * Modules: Compartment, Branch, Cell and Network. Each owns its description and is the
 * view of all of itself; parts given to a constructor are copied in.
 */
import { DendrolabError } from "../errors.js";
import { compartmentData, concatData } from "../model/build.js";
import { type CellTopology, cloneTopology, ModelData } from "../model/data.js";
import { describe } from "../model/edit.js";
import { View } from "./view.js";

function allNodes(d: ModelData): Int32Array {
  return Int32Array.from({ length: d.nComp }, (_, i) => i);
}

/** Base class of modules: a view of every compartment of its own description. */
export abstract class Module extends View {
  constructor(data: ModelData, path: string) {
    super(data, allNodes(data), null, "shared", path);
  }
}

/**
 * One isopotential compartment. Defaults: length 10 um, radius 1 um, axial_resistivity
 * 5000 ohm cm, capacitance 1 uF/cm2, v -70 mV.
 *
 * @example
 * const comp = new Compartment();
 */
export class Compartment extends Module {
  constructor() {
    super(compartmentData(), "compartment");
  }
}

/**
 * A branch of `ncomp` copies of `comp`, or of the given compartments.
 *
 * @example
 * const branch = new Branch(new Compartment(), 4);
 */
export class Branch extends Module {
  constructor(comps: Compartment | readonly Compartment[] = new Compartment(), ncomp?: number) {
    super(branchData(comps, ncomp), "branch");
  }
}

function branchData(comps: Compartment | readonly Compartment[], ncomp?: number): ModelData {
  let list: Compartment[];
  if (Array.isArray(comps)) {
    if (comps.length === 0)
      throw new DendrolabError("new Branch([]): a branch needs at least one compartment.", "INVALID_ARGUMENT");
    if (ncomp !== undefined && ncomp !== comps.length) {
      throw new DendrolabError(
        `new Branch(list, ${ncomp}): the list has ${comps.length} compartments; omit ncomp or make them agree.`,
        "SHAPE_MISMATCH",
      );
    }
    list = comps.slice();
  } else {
    const n = ncomp ?? 1;
    if (!Number.isInteger(n) || n < 1)
      throw new DendrolabError(
        `new Branch(comp, ncomp): ncomp must be an integer >= 1; got ${String(ncomp)}.`,
        "INVALID_ARGUMENT",
      );
    list = Array.from({ length: n }, () => comps as Compartment);
  }
  list.forEach((c, i) => {
    if (!(c instanceof Compartment))
      throw new DendrolabError(`new Branch(...): item ${i} is ${describe(c)}, not a Compartment.`, "INVALID_ARGUMENT");
  });
  return concatData(
    list.map((c) => c.base),
    [{ parents: [-1], parentX: [1], ncomp: [list.length] }],
  );
}

/** Checks a parents list: parents[0] = -1, every other entry a branch index, no cycles. */
export function checkParents(parents: readonly number[]): void {
  if (!Array.isArray(parents) || parents.length === 0) {
    throw new DendrolabError(
      `A cell needs a parents list such as [-1, 0, 0, 1]; got ${describe(parents)}.`,
      "INVALID_ARGUMENT",
    );
  }
  const n = parents.length;
  parents.forEach((p, i) => {
    if (!Number.isInteger(p))
      throw new DendrolabError(`parents[${i}] is ${String(p)}; parents must be integers.`, "INVALID_ARGUMENT");
    if (i === 0 && p !== -1)
      throw new DendrolabError(`parents[0] must be -1 (branch 0 is the root); got ${p}.`, "INVALID_ARGUMENT");
    if (i > 0 && (p < 0 || p >= n)) {
      throw new DendrolabError(
        `parents[${i}] is ${p}; it must be a branch index from 0 to ${n - 1} (only parents[0] is -1).`,
        "INDEX_OUT_OF_RANGE",
      );
    }
    if (i > 0 && p === i)
      throw new DendrolabError(`parents[${i}] is ${p}: a branch cannot be its own parent.`, "INVALID_ARGUMENT");
  });
  // Every branch must lead to the root. One walk per branch, stopping at a branch already
  // known to lead there, so the check is linear in the number of branches (a chain of
  // 200,000 branches included).
  const walk = new Int32Array(n); // 0: not seen; -1: leads to the root; k > 0: on walk k
  walk[0] = -1;
  for (let i = 1; i < n; i++) {
    let cur = i;
    while (cur !== -1 && walk[cur] === 0) {
      walk[cur] = i;
      cur = parents[cur];
    }
    if (cur !== -1 && walk[cur] === i) {
      throw new DendrolabError(
        `parents list is not a tree: branch ${i} leads into a cycle through branch ${cur} (parents = ${listPreview(parents)}).`,
        "INVALID_ARGUMENT",
      );
    }
    for (let j = i; j !== cur && j !== -1 && walk[j] === i; j = parents[j]) walk[j] = -1;
  }
}

/** A list for a message: its first 20 entries, and how many there are when it is longer. */
function listPreview(xs: readonly number[]): string {
  return xs.length <= 20 ? `[${xs.join(", ")}]` : `[${xs.slice(0, 20).join(", ")}, ...] (${xs.length} entries)`;
}

/**
 * A cell: branches and the parent of each (parents[0] = -1). Branches may differ in
 * compartment count.
 *
 * @example
 * const cell = new Cell(new Branch(new Compartment(), 2), [-1, 0, 0, 1]);
 */
export class Cell extends Module {
  constructor(branches: Branch | readonly Branch[] = new Branch(), parents: readonly number[] = [-1]) {
    // A prepared description (e.g. from readSwc) is taken as it is.
    super(branches instanceof ModelData ? branches : cellData(branches, parents), "cell");
  }

  /** @internal A cell from a prepared single-cell description (e.g. an SWC morphology). */
  static fromData(data: ModelData): Cell {
    return new Cell(data as unknown as Branch);
  }
}

function cellData(branches: Branch | readonly Branch[], parents: readonly number[]): ModelData {
  checkParents(parents);
  const list = Array.isArray(branches)
    ? branches.slice()
    : Array.from({ length: parents.length }, () => branches as Branch);
  if (list.length !== parents.length) {
    throw new DendrolabError(
      `new Cell(branches, parents): ${list.length} branches but ${parents.length} parents; give one parent per branch.`,
      "SHAPE_MISMATCH",
    );
  }
  list.forEach((b, i) => {
    if (!(b instanceof Branch))
      throw new DendrolabError(`new Cell(...): branch ${i} is ${describe(b)}, not a Branch.`, "INVALID_ARGUMENT");
  });
  const topo: CellTopology = {
    parents: parents.slice(),
    parentX: parents.map(() => 1),
    ncomp: list.map((b) => b.base.nComp),
  };
  return concatData(
    list.map((b) => b.base),
    [topo],
  );
}

/**
 * A network of cells; each cell is copied in (the same cell may appear several times).
 *
 * @example
 * const net = new Network([cell, cell, cell]);
 */
export class Network extends Module {
  constructor(cells: ReadonlyArray<Cell | Branch | Compartment>) {
    super(networkData(cells), "network");
  }
}

function networkData(cells: ReadonlyArray<Cell | Branch | Compartment>): ModelData {
  if (!Array.isArray(cells) || cells.length === 0) {
    throw new DendrolabError(
      `new Network(cells) needs a non-empty list of cells; got ${describe(cells)}.`,
      "INVALID_ARGUMENT",
    );
  }
  cells.forEach((c, i) => {
    if (!(c instanceof Module) || c instanceof Network) {
      throw new DendrolabError(
        `new Network(...): item ${i} is ${describe(c)}; expected a Cell (or Branch/Compartment).`,
        "INVALID_ARGUMENT",
      );
    }
  });
  return concatData(
    cells.map((c) => c.base),
    cells.flatMap((c) => c.base.cells.map(cloneTopology)),
  );
}
