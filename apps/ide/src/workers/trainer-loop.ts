/**
 * The training loop, free of worker plumbing (tested in Node): Adam on shared group
 * parameters, through `dataSet` and `integrate`, with a learning-rate schedule. Gradients
 * come from tfjs through the differentiable `integrate`; if that is unavailable, from
 * central finite differences. A parameter whose first gradient is exactly 0 (no recording
 * depends on it) is named in a warning.
 */
import * as tf from "@tensorflow/tfjs";
import * as jx from "@dendrolab/core";
import { deserializeModel } from "@dendrolab/core/io";
import type { TrainJob } from "../protocol/messages.js";
import type { Traces } from "../protocol/model.js";
import { resample } from "../protocol/resample.js";
import { Adam } from "./adam.js";
import { lossTensor, lossValue } from "./losses.js";
import { learningRate } from "./lr-schedule.js";

export interface TrainHooks {
  started(info: {
    initial: number[];
    target: Traces;
    gradient: "autodiff" | "finite-differences";
    warnings: string[];
  }): void;
  /** After every step: the loss, the values it was computed at, their traces. The worker yields here so that "stop" can arrive. */
  progress(p: { step: number; loss: number; values: number[]; traces: Traces; stepMs: number }): Promise<void> | void;
  shouldStop(): boolean;
}

export interface TrainResult {
  reason: "finished" | "stopped";
  /** Values after the last step. */
  values: number[];
  losses: number[];
  /** The lowest loss seen and the values it was computed at (Adam oscillates near the optimum). */
  best: { step: number; loss: number; values: number[] };
}

/**
 * Adam's momentum. 0.5 rather than the usual 0.9: with a few shared parameters, 0.9
 * carries the step far past the optimum and the loss rises and falls for tens of steps
 * (the tutorial's training: 0.0014 at step 7, 1.5 at step 11, 0.35 at step 20); with 0.5
 * and the cosine schedule it falls to 1e-3 in 20 steps and keeps falling.
 */
export const ADAM_BETA1 = 0.5;

/** An error with a message meant for the user. */
export class TrainError extends Error {}

/** Value <-> unconstrained variable, per parameter (index i of the job's params). */
type Transform = {
  fwd: (t: number, i: number) => number;
  inv: (v: number, i: number) => number;
  fwdT: (t: tf.Tensor1D) => tf.Tensor1D;
};

function transformOf(job: TrainJob): Transform {
  if (job.transform === "log") return { fwd: Math.exp, inv: Math.log, fwdT: (t) => tf.exp(t) };
  if (job.transform === "sigmoid") {
    const bounds = job.params.map((p) => {
      if (!p.bounds)
        throw new TrainError(
          `${p.key} of ${p.group} has no bounds; training "within bounds" needs [lower, upper] for every parameter.`,
        );
      return p.bounds;
    });
    const lo = bounds.map((b) => b[0]);
    const width = bounds.map((b) => b[1] - b[0]);
    return {
      fwd: (t, i) => lo[i] + width[i] / (1 + Math.exp(-t)),
      inv: (v, i) => {
        const u = (v - lo[i]) / width[i];
        if (!(u > 0 && u < 1)) {
          const p = job.params[i];
          throw new TrainError(
            `${p.key} of ${p.group} is ${Number(v.toPrecision(6))}, not strictly inside its bounds [${bounds[i][0]}, ${bounds[i][1]}]; start it inside them.`,
          );
        }
        return Math.log(u / (1 - u));
      },
      fwdT: (t) => tf.add(tf.tensor1d(lo), tf.mul(tf.tensor1d(width), tf.sigmoid(t))),
    };
  }
  return { fwd: (t) => t, inv: (v) => v, fwdT: (t) => t };
}

export async function train(job: TrainJob, hooks: TrainHooks): Promise<TrainResult> {
  if (job.params.length === 0) throw new TrainError("Choose at least one parameter to train.");
  const seen = new Set<string>();
  for (const p of job.params) {
    const k = `${p.group}/${p.key}`;
    if (seen.has(k)) throw new TrainError(`${p.key} of group ${p.group} is listed twice; train each parameter once.`);
    seen.add(k);
  }
  const net = deserializeModel(job.model);
  const opts = { tMax: job.sim.tMax, deltaT: job.sim.dt, solver: job.sim.solver };
  // A group, or a synapse type (its synapses' parameters: `named` reaches both, groups first).
  const views = job.params.map((p) => net.named(p.group));
  const initial = job.params.map((p, i) => {
    const table = net.base.edges.columns.has(p.key) ? views[i].edges : views[i].view;
    const col = table.column(p.key).filter((v): v is number => typeof v === "number" && !Number.isNaN(v));
    if (col.length === 0) throw new TrainError(`No compartment of group ${p.group} has ${p.key}.`);
    return col.reduce((s, v) => s + v, 0) / col.length;
  });
  const tr = transformOf(job);
  if (job.transform === "log") {
    job.params.forEach((p, i) => {
      if (!(initial[i] > 0))
        throw new TrainError(
          `${p.key} of ${p.group} is ${initial[i]}; training in log space needs positive values (choose "none").`,
        );
    });
  }
  const paramStateOf = (vals: tf.Tensor1D | number[]) => {
    let ps: jx.ParamState | null = null;
    job.params.forEach((p, i) => {
      const v = Array.isArray(vals) ? tf.scalar(vals[i]) : vals.slice(i, 1);
      ps = views[i].dataSet(p.key, v, ps);
    });
    return ps;
  };
  const simulate64 = (vals: number[]) => {
    let out: ReturnType<typeof jx.simulate> | undefined;
    tf.tidy(() => {
      out = jx.simulate(net, { ...opts, paramState: paramStateOf(vals) });
    });
    return out!;
  };

  // Target traces.
  const base = jx.simulate(net, opts);
  const nRec = base.nRecordings;
  const nSamples = base.nSamples;
  let target: Float64Array;
  if (job.target.kind === "model") target = simulate64(job.params.map((p) => p.target)).values;
  else if (job.target.kind === "csv") target = resampledTarget(job.target, nRec, nSamples, job.sim.dt);
  else {
    const rows = job.target.rows;
    if (rows.length !== nRec || rows.some((r) => r.length !== nSamples)) {
      throw new TrainError(
        `The target has ${rows.length} trace(s) of ${rows[0]?.length ?? 0} samples; the model records ${nRec} of ${nSamples}.`,
      );
    }
    target = Float64Array.from(rows.flat());
  }
  const tracesOf = (values: ArrayLike<number>): Traces => ({
    dt: job.sim.dt,
    nSamples,
    rows: Array.from({ length: nRec }, (_, r) => ({
      label: `recording ${r}`,
      values: Float32Array.from(Array.prototype.slice.call(values, r * nSamples, (r + 1) * nSamples)),
    })),
    ms: 0,
  });

  let theta = initial.map(tr.inv);
  const adam = new Adam(theta.length, ADAM_BETA1);
  const targetT = tf.tensor2d(Float32Array.from(target), [nRec, nSamples]);
  const losses: number[] = [];
  let gradient: "autodiff" | "finite-differences" =
    job.gradient === "finite-differences" ? "finite-differences" : "autodiff";
  let started = false;
  let best = { step: 0, loss: Infinity, values: initial.slice() };
  const lossAndGrad = (th: number[]): { loss: number; grad: number[]; traces: ArrayLike<number> } => {
    if (gradient === "autodiff") {
      let traces: ArrayLike<number> = new Float32Array(0);
      const f = (x: tf.Tensor1D) => {
        const v = jx.integrate(net, { ...opts, paramState: paramStateOf(tr.fwdT(x)) });
        traces = v.dataSync().slice();
        return lossTensor(job.loss, v, targetT);
      };
      const x = tf.tensor1d(th);
      try {
        const { value, grad } = tf.valueAndGrad(f)(x);
        const out = { loss: value.dataSync()[0], grad: Array.from(grad.dataSync()), traces };
        value.dispose();
        grad.dispose();
        return out;
      } finally {
        x.dispose();
      }
    }
    const lossAt = (t: number[]) => lossValue(job.loss, simulate64(t.map(tr.fwd)).values, target, nRec);
    const now = simulate64(th.map(tr.fwd)).values;
    const grad = th.map((_, i) => {
      const h = 1e-4 * Math.max(1, Math.abs(th[i]));
      const up = th.slice();
      const down = th.slice();
      up[i] += h;
      down[i] -= h;
      return (lossAt(up) - lossAt(down)) / (2 * h);
    });
    return { loss: lossValue(job.loss, now, target, nRec), grad, traces: now };
  };
  try {
    for (let step = 1; step <= job.steps; step++) {
      const t0 = performance.now();
      const evaluated = theta.map(tr.fwd);
      let r: ReturnType<typeof lossAndGrad>;
      try {
        r = lossAndGrad(theta);
      } catch (e) {
        if (step > 1 || gradient !== "autodiff" || !/gradient/i.test((e as Error).message)) throw e;
        gradient = "finite-differences";
        step--;
        continue;
      }
      const { loss, grad, traces } = r;
      if (!started) {
        hooks.started({ initial, target: tracesOf(target), gradient, warnings: zeroGradientWarnings(job, grad) });
        started = true;
      }
      if (!Number.isFinite(loss))
        throw new TrainError(`The loss became ${loss} at step ${step}; try a smaller learning rate.`);
      theta = adam.step(theta, grad, learningRate(job.schedule ?? "constant", job.lr, step, job.steps));
      losses.push(loss);
      if (loss < best.loss) best = { step, loss, values: evaluated };
      await hooks.progress({ step, loss, values: evaluated, traces: tracesOf(traces), stepMs: performance.now() - t0 });
      if (hooks.shouldStop()) return { reason: "stopped", values: theta.map(tr.fwd), losses, best };
    }
    return { reason: "finished", values: theta.map(tr.fwd), losses, best };
  } finally {
    targetT.dispose();
  }
}

/** One warning per parameter whose gradient is exactly 0: no recording depends on it. */
export function zeroGradientWarnings(job: Pick<TrainJob, "params">, grad: readonly number[]): string[] {
  return job.params.flatMap((p, i) =>
    grad[i] === 0 ? [`${p.group}.${p.key}: gradient exactly 0 (no recording depends on it)`] : [],
  );
}

/** A CSV target's rows resampled onto the simulation's grid (`nSamples` samples `dt` apart), one after another. */
function resampledTarget(
  csv: { t: number[]; rows: number[][] },
  nRec: number,
  nSamples: number,
  dt: number,
): Float64Array {
  if (csv.rows.length !== nRec)
    throw new TrainError(
      `The CSV has ${csv.rows.length} trace column(s); the model records ${nRec}. Give one column per recording.`,
    );
  if (csv.t.length < 2 || csv.rows.some((r) => r.length !== csv.t.length))
    throw new TrainError(`Each CSV column needs one value per time (${csv.t.length} times, at least 2).`);
  const out = new Float64Array(nRec * nSamples);
  csv.rows.forEach((r, i) => {
    out.set(resample(csv.t, r, dt, nSamples), i * nSamples);
  });
  return out;
}
