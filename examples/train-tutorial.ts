/**
 * Training the tutorial network: recover the fast- and slow-spiking sodium conductances
 * from traces of a model with known values, starting from [1.0, 0.1], with Adam.
 * Run: pnpm --filter @dendrolab/examples train
 */
import * as tf from "@tensorflow/tfjs";
import * as jx from "@dendrolab/core";
import { buildTutorialNetwork, simulateTutorial } from "./tutorial-network.js";

await tf.setBackend("cpu");
const network = buildTutorialNetwork();
network.cell([0, 1]).addToGroup("fast_spiking");
network.cell(2).addToGroup("slow_spiking");
for (const [cell, amplitude] of [
  [0, 0.5],
  [2, 0.1],
]) {
  // nA; the slow cell must be observed to be identifiable
  network.cell(cell).branch(0).comp(0).record("v");
  network
    .cell(cell)
    .branch(0)
    .comp(0)
    .stimulate(jx.stepCurrent(1, 5, amplitude, 0.025, 20));
}
const simulate = (params: tf.Tensor1D) => simulateTutorial(network, params);

const truth = [0.4, 0.07];
const target = simulate(tf.tensor1d(truth));
const transform = new jx.SigmoidTransform(0.001, 2); // keeps conductances in (0.001, 2) S/cm2
const raw = tf.variable(transform.inverse(tf.tensor1d([1.0, 0.1])));
const optimizer = tf.train.adam(0.05);
const t0 = performance.now();
for (let step = 0; step <= 150; step++) {
  const loss = optimizer.minimize(
    () => tf.losses.meanSquaredError(target, simulate(transform.forward(raw) as tf.Tensor1D)) as tf.Scalar,
    true,
  )!;
  if (step % 15 === 0) {
    const p = transform.forward(raw).dataSync();
    console.log(
      `step ${String(step).padStart(3)}  loss ${loss.dataSync()[0].toExponential(3)}  Na_gNa fast ${p[0].toFixed(4)}  slow ${p[1].toFixed(4)}`,
    );
  }
  loss.dispose();
}
const fitted = transform.forward(raw).dataSync();
console.log(
  `\ntrue [${truth.join(", ")}], fitted [${Array.from(fitted, (x) => x.toFixed(4)).join(", ")}], ` +
    `relative errors ${Array.from(fitted, (x, i) => `${((100 * Math.abs(x - truth[i])) / truth[i]).toFixed(2)}%`).join(", ")}, ` +
    `${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
