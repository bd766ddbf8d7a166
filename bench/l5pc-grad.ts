/**
 * Gradient cost on the full L5PC (Hay et al. 2011): the BBP morphology with its axon
 * (../shared/swc/morph_l5pc_with_axon.swc, read as NEURON reads it, 4 compartments per
 * section, 1,296 compartments), the project's 12 channels in their regions with the
 * values of release_params.json, exponential apical Ih, 34 C (examples/l5pc.ts), the
 * somatic step current of the NEURON fixture l5pc_full_soma_step, 100 ms at
 * dt 0.025 ms, backward Euler.
 *
 * Every free region-wise parameter of release_params.json is trainable (one value per
 * region: 19 parameters, channel densities and the calcium dynamics' gamma and decay);
 * the loss is the mean squared difference between the somatic voltage and a target trace
 * (the same model with every parameter scaled by 1.05). Prints, as JSON lines and one
 * summary line:
 *  (a) the forward time: the loss through plain `integrate` (no gradient recorded);
 *  (b) the forward + gradient time: `tf.variableGrads` of the loss w.r.t. all parameters,
 *      and (b) / (a) (goal <= 3, issue 10).
 * Times are the best of REPEATS wall-clock runs after a warm-up, with the best
 * main-thread CPU times (Linux schedstat), which move less when other jobs share the
 * machine.
 *
 *   pnpm --filter @dendrolab/bench run l5pc-grad
 *   # env: REPEATS=3  T_MS=100  SOLVER=bwd_euler|crank_nicolson
 */
import { readFileSync } from "node:fs";
import * as tf from "@tensorflow/tfjs";
import { integrate, stepCurrent } from "@dendrolab/core";
import { buildL5pc, L5PC_FREE, l5pcRegion } from "../examples/l5pc.js";
import { bestTimes } from "./lib/timing.js";

const REPEATS = Number(process.env.REPEATS ?? 3);
const T_MS = Number(process.env.T_MS ?? 100);
const SOLVER = (process.env.SOLVER ?? "bwd_euler") as "bwd_euler" | "crank_nicolson";
const DT = 0.025;
const root = new URL("..", import.meta.url).pathname;
const FIXTURE = `${root}packages/core/test/fixtures/neuron-mod/l5pc_full_soma_step_bwd_euler.json`;
const SWC = `${root}../shared/swc/morph_l5pc_with_axon.swc`;

/** The fixture's somatic step (the stimulus of the NEURON comparison). */
const { stimulus } = JSON.parse(readFileSync(FIXTURE, "utf8")) as {
  stimulus: { delay_ms: number; dur_ms: number; amp_nA: number };
};

await tf.setBackend("cpu");
await tf.ready();

const cell = buildL5pc(readFileSync(SWC, "utf8"), { ncomp: 4 });
const soma = cell.group("soma").loc(0.5);
soma.stimulate(stepCurrent(stimulus.delay_ms, stimulus.dur_ms, stimulus.amp_nA, DT, T_MS));
soma.record("v");
for (const p of L5PC_FREE) l5pcRegion(cell, p.region).makeTrainable(p.key);
const params = cell.getParameters();
const opts = { tMax: T_MS, deltaT: DT, solver: SOLVER };
const target = tf.tidy(() =>
  integrate(cell, { ...opts, params: params.map((p) => ({ [Object.keys(p)[0]]: tf.mul(Object.values(p)[0], 1.05) })) }),
);
const loss = () => tf.losses.meanSquaredError(target, integrate(cell, { ...opts, params })) as tf.Scalar;
const variables = params.map((p) => Object.values(p)[0] as tf.Variable);

const forward = () => tf.tidy(() => loss().dataSync()[0]);
const forwardAndGrad = () =>
  tf.tidy(() => {
    const { value, grads } = tf.variableGrads(loss, variables);
    return { value: value.dataSync()[0], norm: Math.hypot(...Object.values(grads).map((g) => g.dataSync()[0])) };
  });

forward();
const g0 = forwardAndGrad(); // warm-up
const fwd = bestTimes(REPEATS, forward);
const grad = bestTimes(REPEATS, forwardAndGrad);
const ratio = grad.wall / fwd.wall;
const common = { ncomp: cell.nComp, steps: Math.round(T_MS / DT), solver: SOLVER };
console.log(
  JSON.stringify({ simulator: "Dendrolab", what: "forward", ...common, seconds: fwd.wall, cpu_seconds: fwd.cpu }),
);
console.log(
  JSON.stringify({
    simulator: "Dendrolab",
    what: "forward+gradient",
    ...common,
    params: variables.length,
    seconds: grad.wall,
    cpu_seconds: grad.cpu,
    ratio_to_forward: ratio,
    ratio_to_forward_cpu: grad.cpu / fwd.cpu,
    loss: g0.value,
    grad_norm: g0.norm,
  }),
);
console.log(
  `grad L5PC ${cell.nComp} compartments x ${common.steps} steps (${SOLVER}), ${variables.length} params ` +
    `(best of ${REPEATS}): forward ${(1000 * fwd.wall).toFixed(0)} ms, forward+gradient ${(1000 * grad.wall).toFixed(0)} ms, ` +
    `ratio ${ratio.toFixed(2)} (goal <= 3; main-thread CPU time ratio ${(grad.cpu / fwd.cpu).toFixed(2)})`,
);
