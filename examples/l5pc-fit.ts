/**
 * The synthetic L5PC fit of the Jaxley paper (Deistler et al., Fig. 3), with Dendrolab's own
 * channels (examples/l5pc-fit-problem.ts says what is fitted and how): 19 region-wise
 * parameters, each kept inside its parameters.json bounds by a sigmoid; a target trace
 * simulated from release_params.json under a 3 nA somatic step; a loss on the mean and
 * standard deviation of the somatic voltage in two windows; normalised gradient steps with
 * a Polyak-style step size (examples/polyak.ts) on exact gradients (the adjoint through
 * integrate), from random starts drawn uniformly inside the bounds. Counts the gradient
 * steps until the loss is below the threshold, the seconds per step, and the errors of the
 * fitted parameters.
 *
 *   pnpm --filter @dendrolab/examples l5pc-fit [-- --starts 5 --steps 40 --dt 0.025 --seed 1]
 *
 * Options: --starts, --from (first start to run), --steps (most per start), --dt (ms), --ncomp (per section, default 4), --seed,
 * --beta, --scale, --maxstep and --momentum (the step: d = loss/scale * g/|g|^beta, at most --maxstep
 * long; u = momentum * u + d; x -= u), --adam LR (Adam with step size LR instead), --threshold, --swc PATH (default
 * ../shared/swc/morph_l5pc_with_axon.swc next to the repository).
 */
import { readFileSync } from "node:fs";
import * as tf from "@tensorflow/tfjs";
import * as jx from "@dendrolab/core";
import { buildL5pc, l5pcRegion } from "./l5pc.js";
import {
  FIT_STIMULUS,
  FIT_T_MAX,
  FIT_THRESHOLD,
  L5PC_FIT,
  statScales,
  statsLoss,
  summaryStats,
} from "./l5pc-fit-problem.js";
import { AdamDescent } from "./adam.js";
import { fitLevenberg } from "./l5pc-fit-lm.js";
import { PolyakDescent } from "./polyak.js";
import { reportErrors, summarise, type StartResult } from "./l5pc-fit-report.js";

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const swcArg = process.argv.indexOf("--swc");
const SWC =
  swcArg > 0 ? process.argv[swcArg + 1] : new URL("../../shared/swc/morph_l5pc_with_axon.swc", import.meta.url);
const STARTS = arg("starts", 5);
const FROM = arg("from", 0); // the first start run (earlier ones are drawn and skipped)
const MAX_STEPS = arg("steps", 40);
const DT = arg("dt", 0.025); // ms
const NCOMP = arg("ncomp", 4); // compartments per section
const SEED = arg("seed", 1);
const STEP = {
  beta: arg("beta", 0.8),
  lossScale: arg("scale", 3),
  momentum: arg("momentum", 0),
  maxStep: arg("maxstep", Number.POSITIVE_INFINITY),
};
const THRESHOLD = arg("threshold", FIT_THRESHOLD);
const ADAM = arg("adam", 0); // > 0: Adam with this step size instead of the Polyak steps
const LM = process.argv.includes("--lm"); // Levenberg-Marquardt steps (l5pc-fit-lm.ts) instead

await tf.setBackend("cpu");

const cell = buildL5pc(readFileSync(SWC, "utf8"), { ncomp: NCOMP });
const soma = cell.group("soma").loc(0.5);
const { amplitudeNa, delayMs, durationMs } = FIT_STIMULUS;
soma.stimulate(jx.stepCurrent(delayMs, durationMs, amplitudeNa, DT, FIT_T_MAX));
soma.record("v");
for (const p of L5PC_FIT) l5pcRegion(cell, p.region).makeTrainable(p.key);
const transform = new jx.ParamTransform(L5PC_FIT.map((p) => ({ [p.key]: new jx.SigmoidTransform(...p.bounds) })));

const simulate = (p: jx.Params) => jx.integrate(cell, { params: p, tMax: FIT_T_MAX, deltaT: DT });
const target = tf.tidy(() => summaryStats(simulate(cell.getParameters()), DT));
const residualsOf = (raw: jx.Params) =>
  tf.tidy(
    () => tf.div(tf.sub(summaryStats(simulate(transform.forward(raw)), DT), target), statScales()) as tf.Tensor1D,
  );
const lossOf = (raw: jx.Params) => tf.tidy(() => statsLoss(summaryStats(simulate(transform.forward(raw)), DT), target));
console.log(
  `L5PC fit: ${cell.nComp} compartments, ${L5PC_FIT.length} parameters, ${FIT_T_MAX} ms at dt ${DT} ms, ` +
    `target statistics [${Array.from(target.dataSync(), (x) => x.toFixed(2)).join(", ")}] mV, ` +
    `${STARTS} starts, at most ${MAX_STEPS} steps, threshold ${THRESHOLD}`,
);

const random = jx.seededRandom(SEED);
const results: StartResult[] = [];
for (let s = 0; s < STARTS; s++) {
  const init = L5PC_FIT.map((p) => p.bounds[0] + random() * (p.bounds[1] - p.bounds[0]));
  if (s < FROM) continue;
  const raw = transform
    .inverse(L5PC_FIT.map((p, i) => ({ [p.key]: tf.tensor1d([init[i]]) })))
    .map((r) => Object.fromEntries(Object.entries(r).map(([k, t]) => [k, tf.variable(t)])));
  const variables = raw.map((r) => Object.values(r)[0] as tf.Variable);
  const valuesNow = () => transform.forward(raw).map((r) => (Object.values(r)[0] as tf.Tensor).dataSync()[0]);
  if (LM) {
    const out = await fitLevenberg(
      { variables, count: target.shape[0], residuals: () => residualsOf(raw), values: valuesNow },
      {
        threshold: THRESHOLD,
        maxSteps: MAX_STEPS,
        lambda: arg("lambda", 1),
        maxStep: arg("maxstep", 2),
        random: jx.seededRandom(SEED * 1000 + s),
        log: (line) => console.log(`start ${s} ${line}`),
      },
    );
    const secondsPerStep = out.seconds / Math.max(out.adjoints, 1);
    results.push({ start: s, steps: out.steps, loss: out.best.loss, secondsPerStep, values: out.best.values });
    console.log(
      `start ${s}: ${out.steps === null ? `not below ${THRESHOLD}` : `below ${THRESHOLD} after ${out.steps} steps`}, ` +
        `best loss ${out.best.loss.toFixed(4)}, ${out.simulations} simulations, ${out.adjoints} adjoint runs, ` +
        `${out.kicks} steps out of a stall, ` +
        `${out.seconds.toFixed(1)} s (${secondsPerStep.toFixed(2)} s per gradient)`,
    );
    for (const v of variables) v.dispose();
    continue;
  }
  const descent = ADAM > 0 ? new AdamDescent(variables, { lr: ADAM }) : new PolyakDescent(variables, STEP);
  let reached: number | null = null;
  let best = { loss: Number.POSITIVE_INFINITY, values: init };
  let step = 0;
  const t0 = performance.now();
  for (; step <= MAX_STEPS; step++) {
    const values = transform.forward(raw).map((r) => (Object.values(r)[0] as tf.Tensor).dataSync()[0]);
    const { value, grads } = tf.variableGrads(() => lossOf(raw), variables);
    const loss = value.dataSync()[0];
    value.dispose();
    if (loss < best.loss) best = { loss, values };
    const norm =
      loss < THRESHOLD
        ? 0
        : descent.step(
            variables.map((v) => grads[v.name]),
            loss,
          );
    tf.dispose(Object.values(grads));
    console.log(
      `start ${s} step ${String(step).padStart(3)}  loss ${loss.toFixed(4)}  |grad| ${norm.toExponential(2)}`,
    );
    if (loss < THRESHOLD) {
      reached = step;
      break;
    }
  }
  const secondsPerStep = (performance.now() - t0) / 1000 / Math.min(step + 1, MAX_STEPS + 1);
  results.push({ start: s, steps: reached, loss: best.loss, secondsPerStep, values: best.values });
  console.log(
    `start ${s}: ${reached === null ? `not below ${THRESHOLD} in ${MAX_STEPS} steps` : `below ${THRESHOLD} after ${reached} steps`}, ` +
      `best loss ${best.loss.toFixed(4)}, ${secondsPerStep.toFixed(2)} s per step`,
  );
  for (const v of variables) v.dispose();
  descent.dispose();
}
reportErrors(L5PC_FIT, results);
console.log(summarise(results, results.length, THRESHOLD));
