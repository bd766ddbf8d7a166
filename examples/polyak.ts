// Normalised gradient steps with a Polyak-style step size, as the Jaxley paper's L5PC fit:
// the gradient g (over all parameters, in the unconstrained space) is divided by |g|^beta,
// and the step is scaled by the current loss: d = (loss / lossScale) * g / |g|^beta.
// With beta = 1 every step has length loss / lossScale: large steps far from the target,
// small ones near it, whatever the size of the gradient (which spans orders of magnitude
// between a silent and a spiking cell). The paper used beta 0.8 and lossScale 3. With
// beta = 2 and lossScale 1 it is Polyak's own step, loss / |g|^2 * g: the step to where the
// linearised loss is zero (its known minimum), which shrinks as the loss does; maxStep caps
// it where the gradient is small (a silent cell).
//
// Optionally with heavy-ball momentum (the paper's fitting scripts use optax's sgd, which has
// a momentum option): the velocity u <- momentum * u + d, and x <- x - u, which averages out
// the components of successive steps that alternate in sign and keeps those that agree (in
// the README's runs it did not help the L5PC fit).
import * as tf from "@tensorflow/tfjs";

export interface PolyakOptions {
  /** Exponent of the gradient norm the gradient is divided by (0: plain gradient descent, 1: unit length). */
  beta: number;
  /** The step size is loss / lossScale. */
  lossScale: number;
  /** Heavy-ball momentum in [0, 1) (default 0: none). */
  momentum?: number;
  /** The longest step (length of d in the unconstrained space; default: no limit). */
  maxStep?: number;
}

/** A Polyak-style optimiser over fixed variables; `step` applies one update. */
export class PolyakDescent {
  private readonly velocity: tf.Variable[];

  constructor(
    private readonly variables: readonly tf.Variable[],
    private readonly options: PolyakOptions,
  ) {
    this.velocity = variables.map((v) => tf.variable(tf.zerosLike(v), false));
  }

  /** One step with the gradients of `loss` at the current point; returns the norm of the gradient. */
  step(grads: readonly tf.Tensor[], loss: number): number {
    const norm = Math.sqrt(grads.reduce((s, g) => s + tf.tidy(() => tf.sum(tf.square(g)).dataSync()[0]), 0));
    if (!(norm > 0) || !Number.isFinite(norm)) return norm;
    const length = (loss / this.options.lossScale) * norm ** (1 - this.options.beta);
    const rate = Math.min(length, this.options.maxStep ?? Number.POSITIVE_INFINITY) / norm;
    const momentum = this.options.momentum ?? 0;
    this.variables.forEach((x, i) => {
      tf.tidy(() => {
        const u = tf.add(tf.mul(this.velocity[i], momentum), tf.mul(grads[i], rate));
        this.velocity[i].assign(u);
        x.assign(tf.sub(x, u));
      });
    });
    return norm;
  }

  /** Frees the velocity tensors. */
  dispose(): void {
    for (const u of this.velocity) u.dispose();
  }
}
