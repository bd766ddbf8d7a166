/**
 * integrate knows whether tfjs records a gradient (through customGrad's `save`, public
 * API): outside tf.grad a run with tensor inputs is a plain run (no tape; fwd_euler is
 * fine), inside it the run is differentiable (fwd_euler is refused). No tensor leaks.
 */
import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import { HH } from "../../src/channels.js";

function cell(): jx.Cell {
  const c = new jx.Cell(new jx.Branch(new jx.Compartment(), 2), [-1, 0]);
  c.insert(new HH());
  c.branch(0).comp(0).record("v");
  c.branch(0)
    .comp(0)
    .stimulate(jx.stepCurrent(0.5, 2, 0.5, 0.025, 4));
  return c;
}

describe("integrate with tensor inputs, inside and outside a gradient", () => {
  it("runs fwd_euler outside tf.grad and refuses it inside", () => {
    const c = cell();
    const run = (g: tf.Tensor) => jx.integrate(c, { paramState: c.dataSet("HH_gNa", g), solver: "fwd_euler" });
    const v = run(tf.tensor1d([0.12]));
    expect(v.shape).toEqual([1, 161]);
    expect(() => tf.grad((g: tf.Tensor) => run(g))(tf.tensor1d([0.12]), tf.onesLike(v))).toThrow(
      /gradients are available with solver bwd_euler or crank_nicolson/,
    );
  });

  it("gives the same values inside and outside, a non-zero gradient, and leaks no tensor", () => {
    const c = cell();
    const g0 = tf.tensor1d([0.12]);
    const run = (g: tf.Tensor) => jx.integrate(c, { paramState: c.dataSet("HH_gNa", g) });
    const outside = run(g0);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      tf.tidy(() => {
        run(g0);
        const { value, grad } = tf.valueAndGrad((g: tf.Tensor) => run(g))(g0, tf.onesLike(outside));
        expect(Array.from(value.dataSync())).toEqual(Array.from(outside.dataSync()));
        expect(Math.abs(grad.dataSync()[0])).toBeGreaterThan(0);
      });
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
