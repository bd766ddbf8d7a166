/**
 * gradBatch: the gradient of a batch's loss as the sum of the workers' adjoints equals the
 * serial float64 adjoint summed over the runs (to 1e-12 relative), and integrateBatch's
 * gradient under tfjs up to its float32 rounding.
 */
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import { planRun } from "../../src/run/options.js";
import { runAdjoint } from "../../src/train/adjoint.js";
import { hhCell, useBuiltWorker } from "./helpers.js";

beforeAll(useBuiltWorker);

/** max |a - b| / max |b|. */
function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < b.length; i++) {
    num = Math.max(num, Math.abs(a[i] - b[i]));
    den = Math.max(den, Math.abs(b[i]));
  }
  return num / den;
}

describe("gradBatch", () => {
  it("shared parameters and per-run dataSet values: the workers' adjoints sum to the serial gradient", async () => {
    const cell = hhCell();
    cell.branch("all").makeTrainable("HH_gNa");
    const params = cell.getParameters();
    const gNa = params[0].HH_gNa;
    const gK = [0.03, 0.036, 0.04, 0.045, 0.05].map((g) => tf.scalar(g));
    const soma = cell.branch(0).comp(0);
    const list = gK.map((g, i) => ({
      tMax: 10,
      params,
      paramState: cell.dataSet("HH_gK", g),
      dataStimuli: soma.dataStimulate(tf.fill([401], 0.05 * i)),
    }));
    const target = tf.fill([5, 2, 401], -60) as tf.Tensor3D;
    const loss = (v: tf.Tensor3D) => tf.mean(tf.square(tf.sub(v, target))) as tf.Scalar;

    const xs = [gNa, gK[1], gK[4]];
    const parallel = await jx.gradBatch(cell, list, loss, xs, { workers: 2 });
    expect(jx.liveWorkers()).toBe(0);

    // The serial float64 gradient: each run's adjoint in this thread, summed in run order.
    const traces = jx.integrateBatch(cell, list);
    const { value, grad } = tf.valueAndGrad(loss)(traces);
    expect(parallel.value).toBe(value.dataSync()[0]);
    const dy = grad.dataSync();
    const per = 2 * 401;
    const serial = xs.map((x) => new Float64Array(x.size));
    list.forEach((o, i) => {
      const { grads } = runAdjoint(cell.base, o, planRun(cell.base, o), dy.subarray(i * per, (i + 1) * per));
      const inputs = [gNa, gK[i], ...(o.dataStimuli.map((s) => s.value) as tf.Tensor[])];
      inputs.forEach((t, k) => {
        const j = xs.indexOf(t);
        if (j >= 0) for (let e = 0; e < serial[j].length; e++) serial[j][e] += grads[k][e];
      });
    });
    for (let j = 0; j < xs.length; j++) {
      expect(relativeError(parallel.grads64[j], serial[j]), `xs[${j}]`).toBeLessThanOrEqual(1e-12);
      expect(parallel.grads[j].shape).toEqual(xs[j].shape);
    }
    expect(Math.abs(serial[0][0])).toBeGreaterThan(0);

    // integrateBatch under tfjs (float32 gradients, summed in float32).
    const viaTfjs = tf.grads((g: tf.Tensor, a: tf.Tensor, b: tf.Tensor) => {
      const runs = list.map((o, i) => ({
        ...o,
        params: [{ HH_gNa: g }],
        paramState: i === 1 ? cell.dataSet("HH_gK", a) : i === 4 ? cell.dataSet("HH_gK", b) : o.paramState,
      }));
      return loss(jx.integrateBatch(cell, runs));
    })(xs);
    viaTfjs.forEach((g, j) => {
      expect(relativeError(parallel.grads[j].dataSync(), g.dataSync()), `xs[${j}] vs tfjs`).toBeLessThan(1e-5);
    });
  });

  it("names a tensor given to no run, and a loss that is not a function", async () => {
    const cell = hhCell();
    const list = [{ tMax: 2, paramState: cell.dataSet("HH_gK", 0.03) }];
    const loss = (v: tf.Tensor3D) => tf.mean(v) as tf.Scalar;
    await expect(jx.gradBatch(cell, list, loss, [tf.scalar(1)])).rejects.toThrow(
      /gradBatch: xs\[0\] \(shape \[\]\) is given to no run; differentiate by tensors passed as params, a dataSet value or a data stimulus/,
    );
    await expect(jx.gradBatch(cell, list, "mse" as never, [list[0].paramState[0].value])).rejects.toThrow(
      /gradBatch: loss must be a function of the traces returning a scalar, \(traces\) => tf\.Scalar; got "mse"\./,
    );
    expect(jx.liveWorkers()).toBe(0);
  });
});
