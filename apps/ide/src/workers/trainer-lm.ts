/**
 * Levenberg-Marquardt steps in the trainer (levenbergFit of @dendrolab/core) on the residuals
 * of a "stats" or "windows" loss: per step, the Jacobian from one adjoint run per residual
 * (or central finite differences), then trial simulations until one lowers sum r^2. Each
 * step is reported as progress (the start as step 0), with the time since the last.
 */
import * as tf from "@tensorflow/tfjs";
import { levenbergFit, seededRandom } from "@dendrolab/core";
import type { TrainJob } from "../protocol/messages.js";
import { lossOfResiduals, residualsTensor } from "./losses.js";
import { TrainError, type TrainProblem, zeroGradientWarnings } from "./train-problem.js";
import type { TrainHooks, TrainResult } from "./trainer-loop.js";

/** The seed of the random directions of steps out of a stall (the Node example's first start of seed 1). */
const STALL_SEED = 1000;

export async function trainLevenberg(job: TrainJob, p: TrainProblem, hooks: TrainHooks): Promise<TrainResult> {
  if (p.loss.kind === "mse")
    throw new TrainError(
      `Levenberg-Marquardt steps need a loss made of a few statistics ("mean and std" or "window statistics"); the MSE of the traces has one residual per sample (${p.nRec * p.nSamples}). Choose another loss, or Adam.`,
    );
  const { tr, nRec } = p;
  let gradient: "autodiff" | "finite-differences" =
    job.gradient === "finite-differences" ? "finite-differences" : "autodiff";
  let traces: ArrayLike<number> = new Float32Array(0);

  /** Residuals and the traces they come from, at unconstrained x. */
  const residuals = (x: readonly number[]): number[] =>
    tf.tidy(() => {
      const v = p.integrateAt(tf.tensor1d(x as number[]));
      traces = v.dataSync().slice();
      return Array.from(residualsTensor(p.loss, v, p.targetT).dataSync());
    });
  const jacobianAutodiff = (x: readonly number[]) => {
    const r: number[] = [];
    const jac: number[][] = [];
    const xt = tf.tensor1d(x as number[]);
    try {
      for (let i = 0; ; i++) {
        const f = (u: tf.Tensor1D) => {
          const v = p.integrateAt(u);
          if (i === 0) traces = v.dataSync().slice();
          const all = residualsTensor(p.loss, v, p.targetT);
          if (i === 0) r.push(...all.dataSync());
          return all.gather([i]).sum() as tf.Scalar;
        };
        const { value, grad } = tf.valueAndGrad(f)(xt);
        jac.push(Array.from(grad.dataSync()));
        tf.dispose([value, grad]);
        if (i + 1 >= r.length) break;
      }
    } finally {
      xt.dispose();
    }
    return { r, jac };
  };
  const jacobianFd = (x: readonly number[]) => {
    const r = residuals(x);
    const here = traces;
    const cols = x.map((xi, k) => {
      const h = 1e-4 * Math.max(1, Math.abs(xi));
      const up = x.slice();
      const down = x.slice();
      up[k] += h;
      down[k] -= h;
      const ru = residuals(up);
      const rd = residuals(down);
      return ru.map((u, i) => (u - rd[i]) / (2 * h));
    });
    traces = here;
    return { r, jac: r.map((_, i) => cols.map((c) => c[i])) };
  };
  /** The last Jacobian (its zero columns name the parameters no residual depends on), and whether progress began. */
  let lastJac: number[][] = [];
  let started = false;
  const jacobian = (x: readonly number[]) => {
    if (gradient === "autodiff") {
      try {
        const out = jacobianAutodiff(x);
        lastJac = out.jac;
        return out;
      } catch (e) {
        if (started || !/gradient/i.test((e as Error).message)) throw e;
        gradient = "finite-differences";
      }
    }
    const out = jacobianFd(x);
    lastJac = out.jac;
    return out;
  };

  const losses: number[] = [];
  let best = { step: 0, loss: Infinity, values: p.initial.slice() };
  let t0 = performance.now();
  const out = await levenbergFit({ residuals, jacobian }, p.initial.map(tr.inv), {
    threshold: job.threshold ?? undefined,
    maxSteps: job.steps,
    loss: (r) => lossOfResiduals(p.loss.kind, r, nRec),
    random: seededRandom(STALL_SEED),
    shouldStop: () => hooks.shouldStop(),
    onStep: async (s) => {
      const values = s.x.map(tr.fwd);
      if (!started) {
        // A parameter no residual depends on has a Jacobian column of zeros.
        const grad = values.map((_, k) => lastJac.reduce((sum, row) => sum + Math.abs(row[k]), 0));
        hooks.started({
          initial: p.initial,
          target: p.tracesOf(p.target),
          gradient,
          warnings: zeroGradientWarnings(job, grad),
        });
        started = true;
      }
      if (!Number.isFinite(s.loss)) throw new TrainError(`The loss became ${s.loss} at step ${s.step}.`);
      losses.push(s.loss);
      const step = s.step; // 0: the start
      if (s.loss < best.loss) best = { step, loss: s.loss, values };
      await hooks.progress({ step, loss: s.loss, values, traces: p.tracesOf(traces), stepMs: performance.now() - t0 });
      t0 = performance.now();
    },
  });
  return { reason: out.reason === "stopped" ? "stopped" : "finished", values: out.x.map(tr.fwd), losses, best };
}
