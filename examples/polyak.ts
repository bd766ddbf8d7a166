// Normalised gradient steps with a Polyak-style step size, as the Jaxley paper's L5PC fit:
// the gradient g (over all parameters, in the unconstrained space) is divided by |g|^beta,
// and the step is scaled by the current loss: x <- x - (loss / lossScale) * g / |g|^beta.
// With beta = 1 every step has length loss / lossScale: large steps far from the target,
// small ones near it, whatever the size of the gradient (which spans orders of magnitude
// between a silent and a spiking cell). The paper used beta 0.8 and lossScale 3.
import * as tf from "@tensorflow/tfjs";

export interface PolyakOptions {
  /** Exponent of the gradient norm the gradient is divided by (0: plain gradient descent, 1: unit length). */
  beta: number;
  /** The step size is loss / lossScale. */
  lossScale: number;
}

/** One step on `variables` with their gradients; returns the norm of the gradient. */
export function polyakStep(
  variables: readonly tf.Variable[],
  grads: readonly tf.Tensor[],
  loss: number,
  options: PolyakOptions,
): number {
  const norm = Math.sqrt(grads.reduce((s, g) => s + tf.tidy(() => tf.sum(tf.square(g)).dataSync()[0]), 0));
  if (!(norm > 0) || !Number.isFinite(norm)) return norm;
  const rate = loss / options.lossScale / norm ** options.beta;
  variables.forEach((x, i) => {
    tf.tidy(() => x.assign(tf.sub(x, tf.mul(grads[i], rate))));
  });
  return norm;
}
