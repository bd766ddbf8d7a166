/**
 * What every optimiser of the trainer shares (tested in Node through trainer-loop.ts): the
 * model, the trained parameters' views, their starting values, the transform to the
 * unconstrained space, the target traces and the loss.
 */
import * as tf from "@tensorflow/tfjs";
import * as jx from "@dendrolab/core";
import { deserializeModel } from "@dendrolab/core/io";
import type { TrainJob } from "../protocol/messages.js";
import type { Traces } from "../protocol/model.js";
import { resample } from "../protocol/resample.js";
import { type LossSpec, windowRanges } from "./losses.js";

/** An error with a message meant for the user. */
export class TrainError extends Error {}

/** Value <-> unconstrained variable, per parameter (index i of the job's params). */
export type Transform = {
  fwd: (t: number, i: number) => number;
  inv: (v: number, i: number) => number;
  fwdT: (t: tf.Tensor1D) => tf.Tensor1D;
};

export interface TrainProblem {
  /** The parameters' values in the model (mean over the group). */
  initial: number[];
  tr: Transform;
  loss: LossSpec;
  nRec: number;
  nSamples: number;
  /** Target traces, row-major, and as a [nRec, nSamples] tensor (disposed by `dispose`). */
  target: Float64Array;
  targetT: tf.Tensor2D;
  /** Traces (row-major float64) at these parameter values. */
  simulate64(values: number[]): Float64Array;
  /** Differentiable traces [nRec, nSamples] at these unconstrained variables. */
  integrateAt(x: tf.Tensor1D): tf.Tensor2D;
  tracesOf(values: ArrayLike<number>): Traces;
  dispose(): void;
}

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

/** Checks the job's parameters, builds the model and simulates the target. */
export function trainProblem(job: TrainJob): TrainProblem {
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
    return out!.values;
  };

  const base = jx.simulate(net, opts);
  const nRec = base.nRecordings;
  const nSamples = base.nSamples;
  const loss = lossSpecOf(job, nSamples);
  let target: Float64Array;
  if (job.target.kind === "model") target = simulate64(job.params.map((p) => p.target));
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
  const targetT = tf.tensor2d(Float32Array.from(target), [nRec, nSamples]);
  return {
    initial,
    tr,
    loss,
    nRec,
    nSamples,
    target,
    targetT,
    simulate64,
    integrateAt: (x) => jx.integrate(net, { ...opts, paramState: paramStateOf(tr.fwdT(x)) }),
    tracesOf: (values) => ({
      dt: job.sim.dt,
      nSamples,
      rows: Array.from({ length: nRec }, (_, r) => ({
        label: `recording ${r}`,
        values: Float32Array.from(Array.prototype.slice.call(values, r * nSamples, (r + 1) * nSamples)),
      })),
      ms: 0,
    }),
    dispose: () => targetT.dispose(),
  };
}

/** One warning per parameter whose gradient is exactly 0: no recording depends on it. */
export function zeroGradientWarnings(job: Pick<TrainJob, "params">, grad: readonly number[]): string[] {
  return job.params.flatMap((p, i) =>
    grad[i] === 0 ? [`${p.group}.${p.key}: gradient exactly 0 (no recording depends on it)`] : [],
  );
}

/** The job's loss, its windows checked against the trace (each must hold at least 2 samples). */
function lossSpecOf(job: TrainJob, nSamples: number): LossSpec {
  const spec: LossSpec = { kind: job.loss, dt: job.sim.dt, windows: job.windows, scales: job.scales };
  if (job.loss !== "windows") return spec;
  const [m, s] = job.scales ?? [1, 1];
  if (!(m > 0 && s > 0)) throw new TrainError(`The loss's scales must be positive (mV); got mean ${m}, std ${s}.`);
  const tEnd = (nSamples - 1) * job.sim.dt;
  for (const [i, [a, b]] of windowRanges(spec, nSamples).entries()) {
    const w = job.windows?.[i];
    if (b - a < 2 || (w && w[1] > tEnd + job.sim.dt / 2)) {
      const [from, to] = w ?? [0, job.sim.tMax];
      throw new TrainError(
        `The loss window ${from}-${to} ms does not fit the 0-${Number(tEnd.toPrecision(6))} ms trace: each window needs to be inside it and hold at least 2 samples.`,
      );
    }
  }
  return spec;
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
