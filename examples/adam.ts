// Adam (Kingma & Ba 2015) on the unconstrained variables of the L5PC fit, as an alternative
// to the Polyak steps of polyak.ts: each parameter's step is its running mean gradient over
// the root of its running mean square, so the 19 parameters move at comparable rates
// however different their sensitivities, and components that alternate in sign (an
// oscillation across a valley) average out. Same interface as PolyakDescent.
import * as tf from "@tensorflow/tfjs";

export interface AdamOptions {
  /** Step size (in the unconstrained space, per parameter). */
  lr: number;
  /** Decay of the running mean gradient (default 0.9) and of its square (default 0.999). */
  beta1?: number;
  beta2?: number;
}

/** Adam over fixed variables; `step` applies one update. */
export class AdamDescent {
  private readonly m: tf.Variable[];
  private readonly v: tf.Variable[];
  private t = 0;

  constructor(
    private readonly variables: readonly tf.Variable[],
    private readonly options: AdamOptions,
  ) {
    this.m = variables.map((x) => tf.variable(tf.zerosLike(x), false));
    this.v = variables.map((x) => tf.variable(tf.zerosLike(x), false));
  }

  /** One step with the gradients at the current point (the loss is not used); returns the norm of the gradient. */
  step(grads: readonly tf.Tensor[], _loss: number): number {
    const norm = Math.sqrt(grads.reduce((s, g) => s + tf.tidy(() => tf.sum(tf.square(g)).dataSync()[0]), 0));
    if (!Number.isFinite(norm)) return norm;
    const b1 = this.options.beta1 ?? 0.9;
    const b2 = this.options.beta2 ?? 0.999;
    this.t++;
    const rate = (this.options.lr * Math.sqrt(1 - b2 ** this.t)) / (1 - b1 ** this.t);
    this.variables.forEach((x, i) => {
      tf.tidy(() => {
        this.m[i].assign(tf.add(tf.mul(this.m[i], b1), tf.mul(grads[i], 1 - b1)));
        this.v[i].assign(tf.add(tf.mul(this.v[i], b2), tf.mul(tf.square(grads[i]), 1 - b2)));
        x.assign(tf.sub(x, tf.mul(tf.div(this.m[i], tf.add(tf.sqrt(this.v[i]), 1e-8)), rate)));
      });
    });
    return norm;
  }

  /** Frees the moment tensors. */
  dispose(): void {
    for (const t of [...this.m, ...this.v]) t.dispose();
  }
}
