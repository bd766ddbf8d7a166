/**
 * Adam (Kingma & Ba 2015) on a small vector of plain numbers, with the learning rate
 * given at each step (so that a schedule can change it). beta1 0.9, beta2 0.999, eps 1e-8:
 * the defaults of the paper (and of tf.train.adam, except tfjs's eps of 1e-7).
 */
export class Adam {
  private readonly m: number[];
  private readonly v: number[];
  private t = 0;

  constructor(
    size: number,
    private readonly beta1 = 0.9,
    private readonly beta2 = 0.999,
    private readonly eps = 1e-8,
  ) {
    this.m = new Array(size).fill(0);
    this.v = new Array(size).fill(0);
  }

  /**
   * One step: returns `x` moved against `grad` with learning rate `lr`.
   *
   * @example new Adam(1).step([1], [2], 0.1) // [0.9]: the first step moves by lr
   */
  step(x: readonly number[], grad: readonly number[], lr: number): number[] {
    this.t++;
    const c1 = 1 - this.beta1 ** this.t;
    const c2 = 1 - this.beta2 ** this.t;
    return x.map((xi, i) => {
      this.m[i] = this.beta1 * this.m[i] + (1 - this.beta1) * grad[i];
      this.v[i] = this.beta2 * this.v[i] + (1 - this.beta2) * grad[i] ** 2;
      return xi - (lr * (this.m[i] / c1)) / (Math.sqrt(this.v[i] / c2) + this.eps);
    });
  }
}
