/**
 * Connecting views of one network with synapses (Jaxley's connect module). Cell-level
 * functions put each synapse on the first compartment in view of the presynaptic cell
 * (for a whole cell: branch 0, comp 0) and, unless `randomPostComp`, of the
 * postsynaptic cell. Synapses are appended to the network's edge table in pre-major order.
 */
import { DendrolabError, unknownNameError } from "../errors.js";
import type { Mechanism } from "../mechanisms/define.js";
import { addSynapses, type CellsInView, cellsInView, checkConnect, siteOfCell } from "../model/connect.js";
import { seededRandom } from "../random.js";
import { describe } from "../model/edit.js";
import type { View } from "./view.js";

/** Options of the cell-level connect functions. */
export interface ConnectOptions {
  /** Seed of the random draws (sparseConnect's pairs, randomPostComp's sites); default 0. */
  seed?: number;
  /** Put each synapse on a random compartment (in view) of the postsynaptic cell, as Jaxley's `random_post_comp`. */
  randomPostComp?: boolean;
}

const OPTION_KEYS = ["seed", "randomPostComp"];

/** A value for an error message (numbers as written, NaN and Infinity included). */
function show(x: unknown): string {
  return typeof x === "number" ? String(x) : describe(x);
}

function checkOptions(fn: string, options: ConnectOptions | undefined): { seed: number; randomPostComp: boolean } {
  if (options === undefined) return { seed: 0, randomPostComp: false };
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new DendrolabError(
      `${fn}: options must be an object such as { seed: 1 }; got ${describe(options)}.`,
      "INVALID_ARGUMENT",
    );
  }
  for (const k of Object.keys(options)) {
    if (!OPTION_KEYS.includes(k)) throw unknownNameError(`${fn} option`, k, OPTION_KEYS);
  }
  const seed = options.seed ?? 0;
  if (typeof seed !== "number" || !Number.isInteger(seed)) {
    throw new DendrolabError(`${fn}: seed must be an integer; got ${show(seed)}.`, "INVALID_ARGUMENT");
  }
  const randomPostComp = options.randomPostComp ?? false;
  if (typeof randomPostComp !== "boolean") {
    throw new DendrolabError(
      `${fn}: randomPostComp must be true or false; got ${show(randomPostComp)}.`,
      "INVALID_ARGUMENT",
    );
  }
  return { seed, randomPostComp };
}

/** Appends synapses from pre cell a[i] to post cell b[j] for the listed (i, j) pairs. */
function connectCells(
  d: View["base"],
  synapse: Mechanism,
  a: CellsInView,
  b: CellsInView,
  pairsI: ArrayLike<number>,
  pairsJ: ArrayLike<number>,
  rand: (() => number) | undefined,
): void {
  const n = pairsI.length;
  const pres = new Int32Array(n);
  const posts = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    pres[k] = siteOfCell(a, pairsI[k]);
    posts[k] = siteOfCell(b, pairsJ[k], rand);
  }
  addSynapses(d, synapse, pres, posts);
}

/**
 * One synapse per pair of compartments: the i-th compartment of `pre` to the i-th of
 * `post` (both views of one network, with equal compartment counts).
 *
 * @example
 * connect(net.cell(0).branch(0).loc(0), net.cell(1).branch(2).loc(0.5), new IonotropicSynapse());
 */
export function connect(pre: View, post: View, synapse: Mechanism): void {
  const d = checkConnect("connect", pre, post, synapse);
  if (pre.nodeIndices.length !== post.nodeIndices.length) {
    throw new DendrolabError(
      `connect: pre (${pre.path}) has ${pre.nodeIndices.length} compartments and post (${post.path}) has ${post.nodeIndices.length}; ` +
        "connect pairs them one to one, so they must have the same count (use fullyConnect for all pairs of cells).",
      "SHAPE_MISMATCH",
    );
  }
  addSynapses(d, synapse, pre.nodeIndices, post.nodeIndices);
}

/**
 * A synapse from every cell of `pre` to every cell of `post` (n_pre x n_post synapses,
 * pre-major), from the first compartment in view of the presynaptic cell onto the first
 * compartment in view (or, with `randomPostComp`, a random one) of the postsynaptic cell.
 *
 * @example
 * fullyConnect(net.cell([0, 1]), net.cell(2), new IonotropicSynapse()); // 2 synapses
 */
export function fullyConnect(pre: View, post: View, synapse: Mechanism, options?: ConnectOptions): void {
  const d = checkConnect("fullyConnect", pre, post, synapse);
  const o = checkOptions("fullyConnect", options);
  const a = cellsInView(d, pre.nodeIndices);
  const b = cellsInView(d, post.nodeIndices);
  const n = a.cell.length * b.cell.length;
  const is = new Int32Array(n);
  const js = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < a.cell.length; i++) {
    for (let j = 0; j < b.cell.length; j++) {
      is[k] = i;
      js[k] = j;
      k++;
    }
  }
  connectCells(d, synapse, a, b, is, js, o.randomPostComp ? seededRandom(o.seed) : undefined);
}

/**
 * Each (pre cell, post cell) pair is connected with probability `p` in [0, 1], drawn
 * from a PRNG seeded with `seed` (default 0): the same call gives the same synapses, and
 * p = 1 connects every pair. (Jaxley instead draws a binomial count of pairs with
 * replacement, so its p = 1 may repeat pairs and miss others.)
 *
 * @example
 * sparseConnect(net.cell("all"), net.cell("all"), new IonotropicSynapse(), 0.1, { seed: 42 });
 */
export function sparseConnect(pre: View, post: View, synapse: Mechanism, p: number, options?: ConnectOptions): void {
  const d = checkConnect("sparseConnect", pre, post, synapse);
  if (typeof p !== "number" || !(p >= 0 && p <= 1)) {
    throw new DendrolabError(`sparseConnect: p must be a probability in [0, 1]; got ${show(p)}.`, "INVALID_ARGUMENT");
  }
  const o = checkOptions("sparseConnect", options);
  const rand = seededRandom(o.seed);
  const a = cellsInView(d, pre.nodeIndices);
  const b = cellsInView(d, post.nodeIndices);
  const is: number[] = [];
  const js: number[] = [];
  for (let i = 0; i < a.cell.length; i++)
    for (let j = 0; j < b.cell.length; j++) {
      if (rand() < p) {
        is.push(i);
        js.push(j);
      }
    }
  connectCells(d, synapse, a, b, is, js, o.randomPostComp ? rand : undefined);
}

/**
 * Synapses where `matrix[i][j]` is true (or a non-zero number): from the i-th cell of
 * `pre` to the j-th cell of `post`. The matrix needs one row per cell of `pre` and one
 * column per cell of `post`; rows may be arrays or typed arrays.
 *
 * @example
 * connectivityMatrixConnect(net.cell([0, 1]), net.cell([2, 3]), new IonotropicSynapse(), [[true, false], [true, true]]);
 */
export function connectivityMatrixConnect(
  pre: View,
  post: View,
  synapse: Mechanism,
  matrix: ReadonlyArray<ArrayLike<boolean | number>>,
  options?: ConnectOptions,
): void {
  const fn = "connectivityMatrixConnect";
  const d = checkConnect(fn, pre, post, synapse);
  const o = checkOptions(fn, options);
  const a = cellsInView(d, pre.nodeIndices);
  const b = cellsInView(d, post.nodeIndices);
  const want = `${a.cell.length} x ${b.cell.length} (pre cells x post cells)`;
  if (!Array.isArray(matrix)) {
    throw new DendrolabError(
      `${fn}: the matrix must be an array of rows, ${want}; got ${describe(matrix)}.`,
      "INVALID_ARGUMENT",
    );
  }
  const rowLength = (r: unknown) =>
    r != null && typeof (r as ArrayLike<unknown>).length === "number" ? (r as ArrayLike<unknown>).length : -1;
  if (matrix.length !== a.cell.length || matrix.some((r) => rowLength(r) !== b.cell.length)) {
    const cols = matrix.length > 0 ? rowLength(matrix[0]) : 0;
    const ragged = matrix.findIndex((r) => rowLength(r) !== cols);
    const shape =
      ragged < 0
        ? `${matrix.length} x ${cols}`
        : `${matrix.length} rows; row 0 has ${cols} entries, row ${ragged} has ${rowLength(matrix[ragged])}`;
    throw new DendrolabError(`${fn}: the matrix must be ${want}; got ${shape}.`, "SHAPE_MISMATCH");
  }
  const is: number[] = [];
  const js: number[] = [];
  for (let i = 0; i < a.cell.length; i++) {
    const row = matrix[i];
    for (let j = 0; j < b.cell.length; j++) {
      const x = row[j];
      if (x === true || (typeof x === "number" && x !== 0 && !Number.isNaN(x))) {
        is.push(i);
        js.push(j);
      } else if (!(x === false || x === 0)) {
        throw new DendrolabError(
          `${fn}: matrix[${i}][${j}] is ${show(x)}; entries must be booleans or numbers (non-zero = connected).`,
          "INVALID_ARGUMENT",
        );
      }
    }
  }
  connectCells(d, synapse, a, b, is, js, o.randomPostComp ? seededRandom(o.seed) : undefined);
}
