/**
 * runBatch gives integrateBatch's numbers bit for bit, whatever the number of workers and
 * whatever varies between runs: dataSet values, trainable parameters, data stimuli, a network.
 */
import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import { buildTutorialNetwork } from "../../../../examples/tutorial-network.js";
import { firstDifference, hhCell, useBuiltWorker } from "./helpers.js";

beforeAll(useBuiltWorker);

describe("runBatch equals integrateBatch bit for bit", () => {
  it("dataSet values on 1, 2, 3 and the default number of workers", async () => {
    const cell = hhCell();
    const gs = [0.06, 0.08, 0.1, 0.12, 0.14, 0.2, 0.3];
    const list = gs.map((g) => ({ tMax: 15, paramState: cell.dataSet("HH_gNa", g) }));
    const serial = jx.integrateBatch(cell, list);
    for (const workers of [1, 2, 3, undefined]) {
      const parallel = await jx.runBatch(cell, list, workers ? { workers } : undefined);
      expect(parallel.shape).toEqual([gs.length, 2, 601]);
      expect(firstDifference(parallel, serial), `workers ${workers}`).toBe(-1);
    }
    expect(jx.liveWorkers()).toBe(0);
  });

  it("trainable parameters, per-row dataSet values, data stimuli and solvers", async () => {
    const cell = hhCell();
    cell.branch("all").makeTrainable("HH_gK");
    const list: jx.IntegrateOptions[] = [0, 1, 2, 3].map((i) => ({
      tMax: 10,
      deltaT: i === 3 ? 0.05 / 2 : 0.025,
      solver: i === 2 ? "crank_nicolson" : "bwd_euler",
      params: [{ HH_gK: tf.tensor1d([0.03 + 0.002 * i, 0.036, 0.04]) }],
      paramState: cell.branch(1).dataSet("radius", [1, 1.5 + i / 10, 1, 0.8]),
      dataStimuli: cell
        .branch(1)
        .comp(2)
        .dataStimulate(tf.fill([401], 0.1 * i)),
    }));
    const serial = jx.integrateBatch(cell, list);
    const parallel = await jx.runBatch(cell, list, { workers: 2 });
    expect(firstDifference(parallel, serial)).toBe(-1);
  });

  it("the tutorial network (synapses), with progress reported for every run", async () => {
    const network = buildTutorialNetwork();
    network.cell([0, 1, 2]).branch(0).comp(0).record("v");
    network
      .cell(0)
      .branch(0)
      .comp(0)
      .stimulate(jx.stepCurrent(1, 5, 0.5));
    const amps = [0.1, 0.3, 0.5, 0.7, 0.9];
    const list = amps.map((a) => ({
      tMax: 20,
      dataStimuli: network
        .cell(1)
        .branch(0)
        .comp(0)
        .dataStimulate(jx.stepCurrent(2, 10, a)),
    }));
    const serial = jx.integrateBatch(network, list);
    const seen: number[] = [];
    const parallel = await jx.runBatch(network, list, { workers: 2, onProgress: (done) => seen.push(done) });
    expect(firstDifference(parallel, serial)).toBe(-1);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  it("leaves the given tensors intact (the pool transfers copies)", async () => {
    const cell = hhCell();
    const g = tf.tensor1d([0.1]);
    const ps = cell.dataSet("HH_gNa", g);
    await jx.runBatch(cell, [{ tMax: 5, paramState: ps }], { workers: 1 });
    expect(Array.from(g.dataSync())).toEqual([Math.fround(0.1)]);
    expect(ps[0].indices.length).toBe(12);
  });
});
