/**
 * sweep: a parameter or a stimulus varied over a list, one run each, on the pool; the traces
 * equal the serial runs built by hand, bit for bit.
 */
import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import { firstDifference, hhCell, useBuiltWorker } from "./helpers.js";

beforeAll(useBuiltWorker);

describe("sweep", () => {
  it("a parameter on a view: one run per value, as dataSet would give them", async () => {
    const cell = hhCell();
    const values = [0.05, 0.1, 0.15, 0.2];
    const view = cell.branch(0);
    const result = await jx.sweep(cell, { key: "HH_gNa", view, values }, { tMax: 10, workers: 2 });
    expect(result.values).toEqual(values);
    expect(result.traces.shape).toEqual([4, 2, 401]);
    const serial = jx.integrateBatch(
      cell,
      values.map((g) => ({ tMax: 10, paramState: view.dataSet("HH_gNa", g) })),
    );
    expect(firstDifference(result.traces, serial)).toBe(-1);
  });

  it("a stimulus per run (an f-I sweep), keeping the shared dataSet values", async () => {
    const cell = hhCell();
    const soma = cell.branch(0).comp(0);
    const stimuli = [0, 0.2, 0.4].map((a) => jx.stepCurrent(2, 5, a));
    const shared = cell.dataSet("HH_gK", 0.03);
    const { traces, values } = await jx.sweep(cell, { view: soma, stimuli }, { tMax: 10, paramState: shared });
    expect(values).toBe(stimuli);
    const serial = jx.integrateBatch(
      cell,
      stimuli.map((s) => ({ tMax: 10, paramState: shared, dataStimuli: soma.dataStimulate(s) })),
    );
    expect(firstDifference(traces, serial)).toBe(-1);
  });

  it("without a view, the whole module gets the value", async () => {
    const cell = hhCell();
    const { traces } = await jx.sweep(cell, { key: "HH_gLeak", values: [1e-4, 3e-4] }, { tMax: 5 });
    const serial = jx.integrateBatch(
      cell,
      [1e-4, 3e-4].map((g) => ({ tMax: 5, paramState: cell.dataSet("HH_gLeak", g) })),
    );
    expect(firstDifference(traces, serial)).toBe(-1);
    expect(jx.liveWorkers()).toBe(0);
  });

  it("frees the tensors it makes of the values, and keeps the caller's", async () => {
    const cell = hhCell();
    const mine = tf.scalar(0.1);
    const before = tf.memory().numTensors;
    const { traces } = await jx.sweep(cell, { key: "HH_gNa", values: [0.05, mine] }, { tMax: 2 });
    traces.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(mine.isDisposed).toBe(false);
  });
});
