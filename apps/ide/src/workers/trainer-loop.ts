/**
 * The training loop, free of worker plumbing (tested in Node): Adam on shared group
 * parameters, through `dataSet` and `integrate`, with a learning-rate schedule, or
 * Levenberg-Marquardt steps on the loss's residuals (trainer-lm.ts). Gradients
 * come from tfjs through the differentiable `integrate`; if that is unavailable, from
 * central finite differences. A parameter whose first gradient is exactly 0 (no recording
 * depends on it) is named in a warning.
 */
import * as tf from "@tensorflow/tfjs";
import type { TrainJob } from "../protocol/messages.js";
import type { Traces } from "../protocol/model.js";
import { Adam } from "./adam.js";
import { lossTensor, lossValue } from "./losses.js";
import { learningRate } from "./lr-schedule.js";
import { TrainError, type TrainProblem, trainProblem, zeroGradientWarnings } from "./train-problem.js";
import { trainLevenberg } from "./trainer-lm.js";

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

export { TrainError, zeroGradientWarnings } from "./train-problem.js";

export async function train(job: TrainJob, hooks: TrainHooks): Promise<TrainResult> {
  const p = trainProblem(job);
  try {
    return await (job.optimizer === "lm" ? trainLevenberg(job, p, hooks) : trainAdam(job, p, hooks));
  } finally {
    p.dispose();
  }
}

async function trainAdam(job: TrainJob, p: TrainProblem, hooks: TrainHooks): Promise<TrainResult> {
  const { initial, tr, nRec } = p;
  let theta = initial.map(tr.inv);
  const adam = new Adam(theta.length, ADAM_BETA1);
  const losses: number[] = [];
  let gradient: "autodiff" | "finite-differences" =
    job.gradient === "finite-differences" ? "finite-differences" : "autodiff";
  let started = false;
  let best = { step: 0, loss: Infinity, values: initial.slice() };
  const lossAndGrad = (th: number[]): { loss: number; grad: number[]; traces: ArrayLike<number> } => {
    if (gradient === "autodiff") {
      let traces: ArrayLike<number> = new Float32Array(0);
      const f = (x: tf.Tensor1D) => {
        const v = p.integrateAt(x);
        traces = v.dataSync().slice();
        return lossTensor(p.loss, v, p.targetT);
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
    const lossAt = (t: number[]) => lossValue(p.loss, p.simulate64(t.map(tr.fwd)), p.target, nRec);
    const now = p.simulate64(th.map(tr.fwd));
    const grad = th.map((_, i) => {
      const h = 1e-4 * Math.max(1, Math.abs(th[i]));
      const up = th.slice();
      const down = th.slice();
      up[i] += h;
      down[i] -= h;
      return (lossAt(up) - lossAt(down)) / (2 * h);
    });
    return { loss: lossValue(p.loss, now, p.target, nRec), grad, traces: now };
  };
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
      hooks.started({ initial, target: p.tracesOf(p.target), gradient, warnings: zeroGradientWarnings(job, grad) });
      started = true;
    }
    if (!Number.isFinite(loss))
      throw new TrainError(`The loss became ${loss} at step ${step}; try a smaller learning rate.`);
    theta = adam.step(theta, grad, learningRate(job.schedule ?? "constant", job.lr, step, job.steps));
    losses.push(loss);
    if (loss < best.loss) best = { step, loss, values: evaluated };
    await hooks.progress({ step, loss, values: evaluated, traces: p.tracesOf(traces), stepMs: performance.now() - t0 });
    if (job.threshold != null && loss < job.threshold) return { reason: "finished", values: evaluated, losses, best };
    if (hooks.shouldStop()) return { reason: "stopped", values: theta.map(tr.fwd), losses, best };
  }
  return { reason: "finished", values: theta.map(tr.fwd), losses, best };
}
