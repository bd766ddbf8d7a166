/**
 * Training that works: Adam through integrate recovers known parameters.
 */
import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import { HH } from "../../src/channels.js";
import { buildTutorialNetwork, simulateTutorial } from "../../../../examples/tutorial-network.js";

tf.setBackend("cpu");

/** Adam on `raw` (unconstrained) for `steps` steps; returns the final loss. */
function adamFit(loss: () => tf.Scalar, steps: number, lr: number): number {
  const opt = tf.train.adam(lr);
  let last = Infinity;
  for (let i = 0; i < steps; i++) {
    const l = opt.minimize(loss, true)!;
    last = l.dataSync()[0];
    l.dispose();
  }
  opt.dispose();
  return last;
}

describe("fitting", () => {
  it("the tutorial's simulate(params) recovers fast- and slow-spiking Na_gNa from [1.0, 0.1]", () => {
    const network = buildTutorialNetwork();
    network.cell([0, 1]).addToGroup("fast_spiking");
    network.cell(2).addToGroup("slow_spiking");
    network.cell([0, 2]).branch(0).comp(0).record("v"); // the slow cell must be observed to be identifiable
    network
      .cell(0)
      .branch(0)
      .comp(0)
      .stimulate(jx.stepCurrent(1, 5, 0.5, 0.025, 20));
    network
      .cell(2)
      .branch(0)
      .comp(0)
      .stimulate(jx.stepCurrent(1, 5, 0.1, 0.025, 20));
    const simulate = (params: tf.Tensor1D) => simulateTutorial(network, params);
    const truth = [0.4, 0.07];
    const target = simulate(tf.tensor1d(truth));
    const tfm = new jx.SigmoidTransform(0.001, 2);
    const raw = tf.variable(tfm.inverse(tf.tensor1d([1.0, 0.1])));
    const final = adamFit(
      () => tf.losses.meanSquaredError(target, simulate(tfm.forward(raw) as tf.Tensor1D)) as tf.Scalar,
      150,
      0.05,
    );
    const fitted = tfm.forward(raw).dataSync();
    expect(final).toBeLessThan(1e-3);
    expect(Math.abs(fitted[0] - truth[0]) / truth[0]).toBeLessThan(0.01);
    expect(Math.abs(fitted[1] - truth[1]) / truth[1]).toBeLessThan(0.01);
  });

  it("a group-shared radius and axial resistivity on a branched cell", () => {
    const cell = new jx.Cell(
      [4, 3, 3, 2].map((n) => new jx.Branch(new jx.Compartment(), n)),
      [-1, 0, 0, 1],
    );
    cell.set("length", 30);
    cell.insert(new HH());
    cell.set("v", -65);
    cell.initStates();
    cell.branch([1, 3]).addToGroup("apical");
    cell
      .branch(0)
      .comp(0)
      .stimulate(jx.stepCurrent(1, 2, 0.05, 0.025, 15));
    cell.branch(0).comp(0).record();
    cell.branch(3).comp(1).record();
    cell.branch(2).comp(2).record();
    cell.group("apical").set("radius", 0.6);
    cell.set("axial_resistivity", 120);
    const target = jx.integrate(cell);
    cell.group("apical").set("radius", 1.0);
    cell.set("axial_resistivity", 200);
    cell.group("apical").makeTrainable("radius");
    cell.makeTrainable("axial_resistivity");
    const tfm = new jx.ParamTransform([
      { radius: new jx.SigmoidTransform(0.1, 3) },
      { axial_resistivity: new jx.SigmoidTransform(20, 500) },
    ]);
    const raw = tfm.inverse(cell.getParameters()).map((p) => {
      const [k, v] = Object.entries(p)[0];
      return { [k]: tf.variable(v) };
    });
    adamFit(
      () => tf.losses.meanSquaredError(target, jx.integrate(cell, { params: tfm.forward(raw) })) as tf.Scalar,
      200,
      0.05,
    );
    const [radius, ra] = tfm.forward(raw).map((p) => Object.values(p)[0].dataSync()[0]);
    expect(Math.abs(radius - 0.6) / 0.6).toBeLessThan(0.01);
    expect(Math.abs(ra - 120) / 120).toBeLessThan(0.01);
    // Writing the result back makes the model reproduce the target.
    cell.writeTrainables(tfm.forward(raw));
    cell.deleteTrainables();
    const v = jx.integrate(cell);
    expect(tf.losses.meanSquaredError(target, v).dataSync()[0]).toBeLessThan(1e-2);
  });
});
