/**
 * Gradient speed on the 1,016-compartment HH tree of bench/tree-hh.ts (127 branches x 8
 * compartments, 100 ms at dt 0.025 ms = 4000 steps, backward Euler), with one trainable
 * HH_gNa per branch (127 parameters) and loss = mean squared difference between the
 * recorded voltages (compartment 4 of every branch, 127 traces) and a target trace set
 * (the same model simulated with each branch's gNa scaled by 1 + 0.1 sin(b + 1)).
 *
 * Prints, as JSON lines and one summary line:
 *  (a) the forward time: the loss through plain `integrate` (no gradient recorded);
 *  (b) the forward + gradient time: `tf.variableGrads` of the same loss w.r.t. the 127
 *      parameters (integrate's customGrad: float64 forward with tape + discrete adjoint),
 *      and (b) / (a) (goal <= 3; Jaxley's published figures are 7 to 11);
 *  (c) the same forward + gradient written op by op in tfjs (bench/lib/tfjs-reference.ts,
 *      float32, cpu backend, tf.grad). It is far too slow for 4000 steps, so it is timed on
 *      shorter windows (REF_STEPS steps from t = 0, which include the spike) and scaled
 *      per step. Its cost per step tends to grow with the window (tfjs keeps every
 *      intermediate tensor for the gradient, so the garbage collector has more to walk),
 *      so the ratio uses its cheapest per-step figure over the windows, which flatters it.
 *      Before timing, its traces and gradient are checked against Dendrolab's on the
 *      longest window.
 * Times are the best of REPEATS (Dendrolab) or REF_REPEATS (reference) wall-clock runs
 * after a warm-up; for Dendrolab the best main-thread CPU times (Linux schedstat) are
 * printed too, as they move less than wall time when other jobs share the machine.
 *
 *   pnpm --filter @dendrolab/bench run grad
 *   # env: REPEATS=5  REF_STEPS=100,300 (0: skip (c))  REF_REPEATS=2
 */
import * as tf from "@tensorflow/tfjs";
import { integrate, type Cell } from "@dendrolab/core";
import { bestOf } from "./lib/neuron.js";
import { binaryTreeSpec, buildTreeCell, TfjsTreeReference } from "./lib/tfjs-reference.js";
import { bestTimes } from "./lib/timing.js";

const REPEATS = Number(process.env.REPEATS ?? 5);
const REF_STEPS = (process.env.REF_STEPS ?? "100,300")
  .split(",")
  .map(Number)
  .filter((n) => n > 0)
  .sort((a, b) => a - b);
const REF_REPEATS = Number(process.env.REF_REPEATS ?? 2);
const N_STEPS = 4000;
const SOLVER = "bwd_euler" as const;

await tf.setBackend("cpu");
await tf.ready();

const spec = binaryTreeSpec(7, 8);
const dt = spec.dtMs;
const nBranch = spec.parents.length;
const cell: Cell = buildTreeCell(spec, N_STEPS * dt);
const nComp = cell.nComp;
cell.branch("all").makeTrainable("HH_gNa");
const params = cell.getParameters();
const gNa = params[0].HH_gNa as tf.Variable<tf.Rank.R1>;
if (params.length !== 1 || gNa.size !== nBranch)
  throw new Error(`expected one trainable of ${nBranch} values, got ${params.map((p) => Object.values(p)[0].size)}`);
const nParams = gNa.size;
const opts = (nSteps: number) => ({ tMax: nSteps * dt, deltaT: dt, solver: SOLVER });

const truth = tf.tensor1d(Array.from({ length: nBranch }, (_, b) => spec.hh.gNa * (1 + 0.1 * Math.sin(b + 1))));
const target = integrate(cell, { ...opts(N_STEPS), params: [{ HH_gNa: truth }] });
const lossOf = (v: tf.Tensor2D, t: tf.Tensor2D) => tf.losses.meanSquaredError(t, v) as tf.Scalar;
const loss = (nSteps: number, t: tf.Tensor2D) => () => lossOf(integrate(cell, { ...opts(nSteps), params }), t);

function forward(nSteps: number, t: tf.Tensor2D): number {
  return tf.tidy(() => loss(nSteps, t)().dataSync()[0]);
}
function forwardAndGrad(nSteps: number, t: tf.Tensor2D): { value: number; grad: Float32Array } {
  return tf.tidy(() => {
    const { value, grads } = tf.variableGrads(loss(nSteps, t), [gNa]);
    return { value: value.dataSync()[0], grad: grads[gNa.name].dataSync() as Float32Array };
  });
}

// (a), (b) Dendrolab.
const tensorsBefore = tf.memory().numTensors;
forward(N_STEPS, target);
const g0 = forwardAndGrad(N_STEPS, target); // warm-up
const fwd = bestTimes(REPEATS, () => forward(N_STEPS, target));
const grad = bestTimes(REPEATS, () => forwardAndGrad(N_STEPS, target));
const fwdSeconds = fwd.wall;
const gradSeconds = grad.wall;
const leaked = tf.memory().numTensors - tensorsBefore;
const ratio = gradSeconds / fwdSeconds;
console.log(
  JSON.stringify({
    simulator: "Dendrolab",
    what: "forward",
    ncomp: nComp,
    steps: N_STEPS,
    solver: SOLVER,
    seconds: fwdSeconds,
    cpu_seconds: fwd.cpu,
    comp_steps_per_second: (nComp * N_STEPS) / fwdSeconds,
    loss: g0.value,
  }),
);
console.log(
  JSON.stringify({
    simulator: "Dendrolab",
    what: "forward+gradient",
    ncomp: nComp,
    steps: N_STEPS,
    params: nParams,
    seconds: gradSeconds,
    cpu_seconds: grad.cpu,
    ratio_to_forward: ratio,
    ratio_to_forward_cpu: grad.cpu / fwd.cpu,
    grad_norm: Math.hypot(...g0.grad),
    tensors_leaked: leaked,
  }),
);
const oursPerStep = gradSeconds / N_STEPS;
let summary =
  `grad tree HH ${nComp} compartments x ${N_STEPS} steps, ${nParams} params (best of ${REPEATS}): ` +
  `forward ${(1000 * fwdSeconds).toFixed(0)} ms, forward+gradient ${(1000 * gradSeconds).toFixed(0)} ms, ` +
  `ratio ${ratio.toFixed(2)} (goal <= 3; main-thread CPU time ratio ${(grad.cpu / fwd.cpu).toFixed(2)})`;

if (REF_STEPS.length > 0) {
  // (c) The tfjs op-by-op reference.
  const ref = new TfjsTreeReference(spec);
  const longest = REF_STEPS[REF_STEPS.length - 1];
  const windowOf = (n: number) => tf.tidy(() => target.slice([0, 0], [nBranch, n + 1]) as tf.Tensor2D);
  const refLoss = (n: number, w: tf.Tensor2D) => (g: tf.Tensor) => lossOf(ref.run(g as tf.Tensor1D, n), w);
  const refFwdGrad = (n: number, w: tf.Tensor2D): { value: number; grad: Float32Array } =>
    tf.tidy(() => {
      const { value, grad } = tf.valueAndGrad(refLoss(n, w))(gNa);
      return { value: value.dataSync()[0], grad: grad.dataSync() as Float32Array };
    });

  // Same model? Traces (Dendrolab's float64 forward, returned as float32) and gradients of
  // the windowed loss, at the trainables' values, over the longest window.
  const w = windowOf(longest);
  const [traceDiff, vMin, vMax] = tf.tidy(() => {
    const ours = integrate(cell, { ...opts(longest), params });
    const theirs = ref.run(gNa, longest);
    return [tf.max(tf.abs(tf.sub(ours, theirs))), tf.min(ours), tf.max(ours)].map((t) => t.dataSync()[0]);
  });
  const ourWin = forwardAndGrad(longest, w);
  const refWin = refFwdGrad(longest, w); // also the warm-up
  const gScale = Math.max(...ourWin.grad.map(Math.abs));
  const gradDiff = Math.max(...ourWin.grad.map((x, i) => Math.abs(x - refWin.grad[i]))) / gScale;
  console.log(
    JSON.stringify({
      what: "tfjs reference vs Dendrolab, same model",
      steps: longest,
      max_abs_trace_diff_mV: traceDiff,
      trace_range_mV: [vMin, vMax],
      loss_dendrolab: ourWin.value,
      loss_reference: refWin.value,
      max_abs_grad_diff_over_max_abs_grad: gradDiff,
    }),
  );
  tf.dispose(w);

  let bestPerStep = Infinity;
  for (const n of REF_STEPS) {
    const wn = windowOf(n);
    const f = bestOf(REF_REPEATS, () => tf.tidy(() => refLoss(n, wn)(gNa).dataSync()));
    const fg = bestOf(REF_REPEATS, () => refFwdGrad(n, wn));
    tf.dispose(wn);
    bestPerStep = Math.min(bestPerStep, fg / n);
    console.log(
      JSON.stringify({
        simulator: "tfjs op-by-op reference",
        backend: tf.getBackend(),
        dtype: "float32",
        ncomp: nComp,
        nodes: ref.nNodes,
        tree_levels: ref.nLevels,
        steps_timed: n,
        forward_seconds: f,
        forward_gradient_seconds: fg,
        forward_ms_per_step: (1000 * f) / n,
        forward_gradient_ms_per_step: (1000 * fg) / n,
      }),
    );
  }
  const refRatio = bestPerStep / oursPerStep;
  console.log(
    JSON.stringify({
      what: "forward+gradient per step, reference / Dendrolab",
      reference_ms_per_step: 1000 * bestPerStep,
      dendrolab_ms_per_step: 1000 * oursPerStep,
      ratio: refRatio,
      note: `reference: cheapest per-step cost over windows of ${REF_STEPS.join(", ")} steps; Dendrolab: ${N_STEPS} steps`,
    }),
  );
  summary +=
    `. tfjs op-by-op reference (float32; trace diff ${traceDiff.toExponential(1)} mV and gradient diff ` +
    `${gradDiff.toExponential(1)} of max over ${longest} steps): ${(1000 * bestPerStep).toFixed(1)} ms/step ` +
    `(best of windows ${REF_STEPS.join(", ")}) vs Dendrolab ${(1000 * oursPerStep).toFixed(3)} ms/step: ` +
    `Dendrolab ${refRatio.toFixed(0)}x faster (goal >= 50x)`;
  ref.dispose();
}
console.log(summary);
