/**
 * Shared by the pool's tests. The tests run the core's TypeScript sources, but a worker
 * thread loads JavaScript: the pool of the sources is pointed at the built worker script,
 * packages/core/dist/parallel/pool-worker.js (turbo builds the core before its tests, see
 * turbo.json; by hand: pnpm exec turbo run build --filter @dendrolab/core).
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type * as tf from "@tensorflow/tfjs-core";
import * as jx from "../../src/index.js";
import { HH } from "../../src/channels.js";
import { setWorkerScript } from "../../src/parallel/pool.js";

/** The built worker script. */
export const BUILT_WORKER = new URL("../../dist/parallel/pool-worker.js", import.meta.url);

/** Points the sources' pool at the built worker; fails clearly when the core is not built. */
export function useBuiltWorker(): void {
  if (!existsSync(fileURLToPath(BUILT_WORKER))) {
    throw new Error(
      `${fileURLToPath(BUILT_WORKER)} is missing: build the core first (pnpm exec turbo run build --filter @dendrolab/core).`,
    );
  }
  setWorkerScript(BUILT_WORKER);
}

/** A 3-branch cell of 4 compartments, HH, one recording at the root, a timed step current. */
export function hhCell(): jx.Cell {
  const cell = new jx.Cell(new jx.Branch(new jx.Compartment(), 4), [-1, 0, 0]);
  cell.insert(new HH());
  cell.branch(0).comp(0).record("v");
  cell.branch(2).comp(3).record("v");
  cell
    .branch(0)
    .comp(0)
    .stimulate(jx.stepCurrent(1, 5, 0.5));
  return cell;
}

/** The index of the first value that differs (NaN equal to NaN: same bits matter), or -1. */
export function firstDifference(a: tf.Tensor, b: tf.Tensor): number {
  if (a.shape.join() !== b.shape.join()) return 0;
  const x = new Uint32Array(Float32Array.from(a.dataSync()).buffer);
  const y = new Uint32Array(Float32Array.from(b.dataSync()).buffer);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return i;
  return -1;
}
