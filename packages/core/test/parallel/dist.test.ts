/**
 * The built package (packages/core/dist) on its own: its pool finds pool-worker.js beside
 * itself (new URL("./pool-worker.js", import.meta.url)) and spawns real worker threads.
 * Its numbers equal its own integrateBatch's, bit for bit.
 */
import { describe, expect, it } from "vitest";
import { BUILT_WORKER, firstDifference } from "./helpers.js";

type Core = typeof import("../../src/index.js");
type Channels = typeof import("../../src/channels.js");

describe("runBatch from the built package", () => {
  it("spawns its workers from dist and matches the serial batch", async () => {
    const jx = (await import(new URL("../../dist/index.js", import.meta.url).href)) as Core;
    const { HH } = (await import(new URL("../../dist/channels.js", import.meta.url).href)) as Channels;
    expect(BUILT_WORKER.href).toMatch(/dist\/parallel\/pool-worker\.js$/);
    const cell = new jx.Cell(new jx.Branch(new jx.Compartment(), 3), [-1, 0]);
    cell.insert(new HH());
    cell.branch(1).comp(2).record("v");
    cell
      .branch(0)
      .comp(0)
      .stimulate(jx.stepCurrent(1, 3, 0.4));
    const list = [0.1, 0.12, 0.14].map((g) => ({ tMax: 8, paramState: cell.dataSet("HH_gNa", g) }));
    const seen: number[] = [];
    const parallel = await jx.runBatch(cell, list, { workers: 2, onProgress: () => seen.push(jx.liveWorkers()) });
    expect(seen).toEqual([2, 2, 2]); // two live worker threads of the built pool
    expect(firstDifference(parallel, jx.integrateBatch(cell, list))).toBe(-1);
    expect(jx.liveWorkers()).toBe(0);
  });
});
