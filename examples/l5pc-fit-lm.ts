// One start of the L5PC fit with Levenberg-Marquardt steps (levenbergFit of @dendrolab/core):
// the Jacobian of the four scaled residuals from one adjoint run each, a trial simulation per
// proposed step, refused trials only raise the damping. Counts accepted steps, simulations and
// adjoint runs.
import * as tf from "@tensorflow/tfjs";
import { type LevenbergOptions, levenbergFit } from "@dendrolab/core";

/** What one start needs: its variables (one value each) and the scaled residuals at the current values. */
export interface LmProblem {
  variables: readonly tf.Variable[];
  /** (statistic - target) / scale, as a tensor (recorded on the tape when under variableGrads). */
  residuals: () => tf.Tensor1D;
  /** How many residuals there are. */
  count: number;
  /** Values of the parameters (constrained space) at the current variables. */
  values: () => number[];
}

/** The outcome of one start. */
export interface LmResult {
  /** Accepted steps until the loss was below the threshold, or null. */
  steps: number | null;
  best: { loss: number; values: number[] };
  simulations: number;
  adjoints: number;
  /** Steps out of a stall (counted in steps too). */
  kicks: number;
  seconds: number;
}

/** Runs Levenberg-Marquardt steps until sum |r| < threshold or `maxSteps` steps. */
export async function fitLevenberg(
  problem: LmProblem,
  options: LevenbergOptions & {
    threshold: number;
    maxSteps: number;
    maxTrials?: number;
    /** Uniform numbers in [0, 1) for the steps out of a stall. */
    random: () => number;
    log: (line: string) => void;
  },
): Promise<LmResult> {
  const { variables } = problem;
  const t0 = performance.now();
  const setAll = (xs: readonly number[]): void => {
    tf.tidy(() => {
      for (const [k, v] of variables.entries()) v.assign(tf.tensor1d([xs[k]]));
    });
  };
  let simulations = 0;
  let adjoints = 0;
  const jacobian = (x: readonly number[]): { r: number[]; jac: number[][] } => {
    setAll(x);
    const r: number[] = [];
    const jac: number[][] = [];
    for (let i = 0; i < problem.count; i++) {
      const { value, grads } = tf.variableGrads(
        () => tf.tidy(() => problem.residuals().gather([i]).sum()),
        [...variables],
      );
      r.push(value.dataSync()[0]);
      jac.push(variables.map((v) => grads[v.name].dataSync()[0]));
      tf.dispose([value, ...Object.values(grads)]);
      simulations++;
      adjoints++;
    }
    return { r, jac };
  };
  const residuals = (x: readonly number[]): number[] => {
    setAll(x);
    simulations++;
    return tf.tidy(() => Array.from(problem.residuals().dataSync()));
  };
  const fmt = (r: readonly number[]) => `[${r.map((x) => x.toFixed(3)).join(", ")}]`;
  const out = await levenbergFit(
    { residuals, jacobian },
    variables.map((v) => v.dataSync()[0]),
    {
      ...options,
      onStep: (s) =>
        options.log(
          s.step === 0
            ? `step   0  loss ${s.loss.toFixed(4)}  residuals ${fmt(s.r)}`
            : s.kind === "stall"
              ? `step ${String(s.step).padStart(3)}  loss ${s.loss.toFixed(4)}  stalled: moved ${s.length} along the null space of J`
              : `step ${String(s.step).padStart(3)}  loss ${s.loss.toFixed(4)}  |dx| ${s.length.toFixed(3)}  ` +
                `lambda ${s.lambda.toExponential(1)}  residuals ${fmt(s.r)}  ` +
                `saturated ${s.x.filter((x) => Math.abs(x) > 4).length}`,
        ),
      onRefused: (loss, lambda) =>
        options.log(`         refused (loss ${loss.toFixed(4)}), lambda ${lambda.toExponential(1)}`),
    },
  );
  setAll(out.best.x);
  const best = { loss: out.best.loss, values: problem.values() };
  return {
    steps: out.reachedAfter,
    best,
    simulations,
    adjoints,
    kicks: out.stalls,
    seconds: (performance.now() - t0) / 1000,
  };
}
