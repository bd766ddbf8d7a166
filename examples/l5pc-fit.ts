/**
 * The synthetic L5PC fit of the Jaxley paper (Deistler et al., Fig. 3), with Dendrolab's
 * own channels: the 20 free region-wise parameters of BluePyOpt's parameters.json
 * (examples/l5pc.ts), each kept inside its bounds by a sigmoid; a target trace simulated
 * from release_params.json; a loss on summary features of the somatic voltage (mean and
 * standard deviation in windows, as in Jaxley's L5PC tutorial); Adam on exact gradients
 * (the adjoint through integrate) from random starts inside the bounds. Counts the steps
 * until the loss falls below THRESHOLD.
 *
 *   pnpm --filter @dendrolab/examples l5pc-fit [-- --starts 5 --steps 40 --tmax 60 --seed 1 --lr 0.1]
 *
 * Needs ../shared/swc/morph_l5pc_with_axon.swc next to the repository (or --swc PATH).
 */
import { readFileSync } from "node:fs";
import * as tf from "@tensorflow/tfjs";
import * as jx from "@dendrolab/core";
import { buildL5pc, L5PC_FREE, l5pcRegion } from "./l5pc.js";

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const swcArg = process.argv.indexOf("--swc");
const SWC =
  swcArg > 0 ? process.argv[swcArg + 1] : new URL("../../shared/swc/morph_l5pc_with_axon.swc", import.meta.url);
const STARTS = arg("starts", 5);
const MAX_STEPS = arg("steps", 40);
const T_MAX = arg("tmax", 60); // ms
const SEED = arg("seed", 1);
const LEARNING_RATE = arg("lr", 0.1); // Adam, in the unconstrained (pre-sigmoid) space
const DT = 0.025; // ms
const WINDOW = 5; // ms: features are the mean and standard deviation of v in each window
/** Loss below which a fit counts as converged: features within about 1 mV on average. */
const THRESHOLD = arg("threshold", 1.0);

await tf.setBackend("cpu");

// The cell, a somatic step current (1.5 nA from 5 ms to the end) and the somatic recording.
const cell = buildL5pc(readFileSync(SWC, "utf8"), { ncomp: 4 });
const soma = cell.group("soma").loc(0.5);
soma.stimulate(jx.stepCurrent(5, T_MAX, 1.5, DT, T_MAX));
soma.record("v");
for (const p of L5PC_FREE) l5pcRegion(cell, p.region).makeTrainable(p.key);
const params = cell.getParameters(); // one shared value per region and key, release values
const transform = new jx.ParamTransform(L5PC_FREE.map((p) => ({ [p.key]: new jx.SigmoidTransform(...p.bounds) })));

/** Mean and standard deviation of v (mV) in consecutive windows of WINDOW ms. */
function features(v: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const perWindow = Math.round(WINDOW / DT);
    const n = Math.floor((v.shape[1] - 1) / perWindow) * perWindow;
    const w = v.slice([0, 1], [1, n]).reshape([-1, perWindow]);
    const { mean, variance } = tf.moments(w, 1);
    return tf.concat([mean, tf.sqrt(tf.add(variance, 1e-6))]) as tf.Tensor1D;
  });
}

const simulate = (p: jx.Params) => jx.integrate(cell, { params: p, tMax: T_MAX, deltaT: DT });
const targetTrace = simulate(params);
const target = features(targetTrace);
const lossOf = (raw: jx.Params) =>
  tf.tidy(() => tf.losses.meanSquaredError(target, features(simulate(transform.forward(raw)))) as tf.Scalar);

// A seeded uniform generator (mulberry32), for reproducible starts.
let state = SEED >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

console.log(
  `L5PC fit: ${cell.nComp} compartments, ${L5PC_FREE.length} parameters, ${T_MAX} ms, ` +
    `${STARTS} starts, at most ${MAX_STEPS} Adam steps, threshold ${THRESHOLD}`,
);
const results: Array<{ start: number; steps: number | null; loss: number; secondsPerStep: number; errors: number[] }> =
  [];
for (let s = 0; s < STARTS; s++) {
  // A random start inside the bounds (away from the edges, where the sigmoid saturates).
  const init = L5PC_FREE.map((p) => p.bounds[0] + (0.05 + 0.9 * random()) * (p.bounds[1] - p.bounds[0]));
  const raw = transform
    .inverse(L5PC_FREE.map((p, i) => ({ [p.key]: tf.tensor1d([init[i]]) })))
    .map((r) => Object.fromEntries(Object.entries(r).map(([k, t]) => [k, tf.variable(t)])));
  const variables = raw.map((r) => Object.values(r)[0] as tf.Variable);
  const optimizer = tf.train.adam(LEARNING_RATE);
  let reached: number | null = null;
  let loss = Number.NaN;
  const t0 = performance.now();
  let step = 0;
  for (; step < MAX_STEPS; step++) {
    let value: tf.Scalar | null;
    try {
      value = optimizer.minimize(() => lossOf(raw), true, variables);
    } catch (e) {
      console.error(`start ${s}, step ${step}: the gradient failed: ${(e as Error).message}`);
      process.exit(1);
    }
    loss = value!.dataSync()[0];
    value!.dispose();
    console.log(`start ${s} step ${String(step).padStart(3)}  loss ${loss.toExponential(3)}`);
    if (loss < THRESHOLD) {
      reached = step;
      break;
    }
  }
  const secondsPerStep = (performance.now() - t0) / 1000 / Math.max(step + (reached === null ? 0 : 1), 1);
  const fitted = transform.forward(raw).map((r) => (Object.values(r)[0] as tf.Tensor).dataSync()[0]);
  const errors = fitted.map(
    (x, i) => Math.abs(x - L5PC_FREE[i].release) / (L5PC_FREE[i].bounds[1] - L5PC_FREE[i].bounds[0]),
  );
  results.push({ start: s, steps: reached, loss, secondsPerStep, errors });
  console.log(
    `start ${s}: ${reached === null ? `not below ${THRESHOLD} in ${MAX_STEPS} steps` : `below ${THRESHOLD} after ${reached} steps`}, ` +
      `loss ${loss.toExponential(3)}, ${secondsPerStep.toFixed(2)} s per step, ` +
      `parameter error (fraction of the bounds) median ${median(errors).toFixed(3)}, max ${Math.max(...errors).toFixed(3)}`,
  );
  for (const v of variables) v.dispose();
  optimizer.dispose();
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const reachedSteps = results.flatMap((r) => (r.steps === null ? [] : [r.steps]));
console.log(
  `\n${reachedSteps.length} of ${STARTS} starts below ${THRESHOLD}; steps until then: ` +
    (reachedSteps.length
      ? `median ${median(reachedSteps)}, range ${Math.min(...reachedSteps)}-${Math.max(...reachedSteps)}`
      : "-") +
    `; seconds per step (Node): median ${median(results.map((r) => r.secondsPerStep)).toFixed(2)}`,
);
