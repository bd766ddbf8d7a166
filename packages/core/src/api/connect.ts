/**
 * Connecting views of one network with synapses (Jaxley's connect module).
 */
import { DendrolabError } from "../errors.js";
import type { Mechanism } from "../mechanisms/define.js";
import { addSynapses, checkConnect, firstCompOfCells, seededRandom } from "../model/connect.js";
import type { View } from "./view.js";

/**
 * One synapse per pair of compartments: the i-th compartment of `pre` to the i-th of `post`.
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
    );
  }
  addSynapses(d, synapse, pre.nodeIndices, post.nodeIndices);
}

/**
 * A synapse from every cell of `pre` to every cell of `post`, from branch 0, comp 0 of
 * the presynaptic cell onto branch 0, comp 0 of the postsynaptic cell.
 */
export function fullyConnect(pre: View, post: View, synapse: Mechanism): void {
  const d = checkConnect("fullyConnect", pre, post, synapse);
  const a = firstCompOfCells(d, pre.nodeIndices);
  const b = firstCompOfCells(d, post.nodeIndices);
  const pres: number[] = [];
  const posts: number[] = [];
  for (const i of a) for (const j of b) (pres.push(i), posts.push(j));
  addSynapses(d, synapse, pres, posts);
}

/**
 * Each (pre cell, post cell) pair is connected with probability `p`, drawn from a
 * PRNG seeded with `seed` (default 0), so the same call gives the same network.
 */
export function sparseConnect(pre: View, post: View, synapse: Mechanism, p: number, options: { seed?: number } = {}): void {
  const d = checkConnect("sparseConnect", pre, post, synapse);
  if (typeof p !== "number" || !(p >= 0 && p <= 1)) {
    throw new DendrolabError(`sparseConnect: p must be a probability in [0, 1]; got ${String(p)}.`);
  }
  const seed = options.seed ?? 0;
  if (!Number.isInteger(seed)) throw new DendrolabError(`sparseConnect: seed must be an integer; got ${String(seed)}.`);
  const rand = seededRandom(seed);
  const a = firstCompOfCells(d, pre.nodeIndices);
  const b = firstCompOfCells(d, post.nodeIndices);
  const pres: number[] = [];
  const posts: number[] = [];
  for (const i of a) for (const j of b) if (rand() < p) (pres.push(i), posts.push(j));
  addSynapses(d, synapse, pres, posts);
}

/**
 * Synapses where `matrix[i][j]` is true (or non-zero): from pre cell i to post cell j.
 * The matrix must have one row per cell of `pre` and one column per cell of `post`.
 */
export function connectivityMatrixConnect(
  pre: View, post: View, synapse: Mechanism, matrix: ReadonlyArray<ArrayLike<boolean | number>>,
): void {
  const d = checkConnect("connectivityMatrixConnect", pre, post, synapse);
  const a = firstCompOfCells(d, pre.nodeIndices);
  const b = firstCompOfCells(d, post.nodeIndices);
  const rows = Array.isArray(matrix) ? matrix.length : -1;
  const cols = rows > 0 && matrix[0] != null ? matrix[0].length : -1;
  if (rows !== a.length || !matrix.every((r) => r != null && r.length === b.length)) {
    throw new DendrolabError(
      `connectivityMatrixConnect: the matrix must be ${a.length} x ${b.length} (pre cells x post cells); got ${rows} x ${cols}.`,
    );
  }
  const pres: number[] = [];
  const posts: number[] = [];
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) if (matrix[i][j]) (pres.push(a[i]), posts.push(b[j]));
  addSynapses(d, synapse, pres, posts);
}
