/**
 * Parameter transforms: maps between an unconstrained space (where optimisers step) and
 * the parameters' own space, written with tfjs ops so that gradients flow through them
 * (functional ops only: tfjs-core alone registers no chained ops).
 */
import * as tf from "@tensorflow/tfjs-core";
import { DendrolabError } from "../errors.js";
import type { Params } from "../run/trainables.js";

/** A bijection between an unconstrained tensor and a constrained one. */
export interface Transform {
  /** Unconstrained -> constrained. */
  forward(x: tf.Tensor): tf.Tensor;
  /** Constrained -> unconstrained. */
  inverse(y: tf.Tensor): tf.Tensor;
}

function finite(name: string, values: Record<string, number>): void {
  for (const [k, v] of Object.entries(values)) {
    if (typeof v !== "number" || !Number.isFinite(v))
      throw new DendrolabError(`${name}: ${k} must be a finite number; got ${String(v)}.`, "INVALID_ARGUMENT");
  }
}

/** The identity. */
export class IdentityTransform implements Transform {
  forward(x: tf.Tensor): tf.Tensor {
    return tf.clone(x);
  }
  inverse(y: tf.Tensor): tf.Tensor {
    return tf.clone(y);
  }
}

/**
 * R -> (lower, upper) through a logistic function.
 * @example new SigmoidTransform(0.01, 1.0)
 */
export class SigmoidTransform implements Transform {
  constructor(
    readonly lower: number,
    readonly upper: number,
  ) {
    finite("SigmoidTransform", { lower, upper });
    if (!(upper > lower))
      throw new DendrolabError(
        `SigmoidTransform: upper (${upper}) must be greater than lower (${lower}).`,
        "INVALID_ARGUMENT",
      );
  }
  forward(x: tf.Tensor): tf.Tensor {
    return tf.tidy(() => tf.add(tf.mul(tf.sigmoid(x), this.upper - this.lower), this.lower));
  }
  inverse(y: tf.Tensor): tf.Tensor {
    return tf.tidy(() => {
      const u = tf.div(tf.sub(y, this.lower), this.upper - this.lower);
      return tf.log(tf.div(u, tf.sub(1, u)));
    });
  }
}

/**
 * R -> (lower, inf) through softplus, linear above `threshold` (as Jaxley).
 * @example new SoftplusTransform(0)
 */
export class SoftplusTransform implements Transform {
  constructor(
    readonly lower: number,
    readonly threshold = 20,
  ) {
    finite("SoftplusTransform", { lower, threshold });
  }
  forward(x: tf.Tensor): tf.Tensor {
    return tf.tidy(() => tf.add(tf.where(tf.greater(x, this.threshold), x, tf.softplus(x)), this.lower));
  }
  inverse(y: tf.Tensor): tf.Tensor {
    return tf.tidy(() => {
      const z = tf.sub(y, this.lower);
      return tf.where(tf.greater(z, this.threshold), z, tf.log(tf.sub(tf.exp(z), 1)));
    });
  }
}

/**
 * x -> scale * x + shift.
 * @example new AffineTransform(0.1, 0)
 */
export class AffineTransform implements Transform {
  constructor(
    readonly scale: number,
    readonly shift: number,
  ) {
    finite("AffineTransform", { scale, shift });
    if (Math.abs(scale) < 1e-12)
      throw new DendrolabError(`AffineTransform: scale must not be 0; got ${scale}.`, "INVALID_ARGUMENT");
  }
  forward(x: tf.Tensor): tf.Tensor {
    return tf.tidy(() => tf.add(tf.mul(x, this.scale), this.shift));
  }
  inverse(y: tf.Tensor): tf.Tensor {
    return tf.tidy(() => tf.div(tf.sub(y, this.shift), this.scale));
  }
}

/**
 * Several transforms in order (forward applies the first first; inverse the reverse).
 * @example new ChainTransform([new SigmoidTransform(-1, 1), new AffineTransform(0.1, 0.2)])
 */
export class ChainTransform implements Transform {
  constructor(readonly transforms: readonly Transform[]) {
    if (!Array.isArray(transforms) || transforms.length === 0) {
      throw new DendrolabError(
        "ChainTransform needs a non-empty list of transforms, e.g. [new SigmoidTransform(-1, 1), new AffineTransform(0.1, 0.2)]; " +
          `got ${Array.isArray(transforms) ? "[]" : typeof transforms}.`,
        "INVALID_ARGUMENT",
      );
    }
  }
  forward(x: tf.Tensor): tf.Tensor {
    return tf.tidy(() => this.transforms.reduce((t, f) => f.forward(t), x));
  }
  inverse(y: tf.Tensor): tf.Tensor {
    return tf.tidy(() => [...this.transforms].reverse().reduce((t, f) => f.inverse(t), y));
  }
}

/**
 * Transforms for every entry of a parameter list (as returned by getParameters):
 * a list of single-key records of transforms, or one transform for all.
 *
 * @example
 * const tfm = new ParamTransform([{ Na_gNa: new SigmoidTransform(0.01, 1.0) }]);
 * const unconstrained = tfm.inverse(net.getParameters());
 * const v = integrate(net, { params: tfm.forward(unconstrained) });
 */
export class ParamTransform {
  constructor(readonly transforms: ReadonlyArray<Record<string, Transform>> | Transform) {}

  private map(params: Params, dir: "forward" | "inverse"): Params {
    if (!Array.isArray(params))
      throw new DendrolabError(
        `ParamTransform expects a parameter list like getParameters() returns; got ${params === null ? "null" : typeof params}.`,
        "INVALID_ARGUMENT",
      );
    const list = this.transforms;
    if (Array.isArray(list) && list.length !== params.length) {
      throw new DendrolabError(
        `ParamTransform has ${list.length} entries but the parameters have ${params.length}; give one { key: transform } entry per parameter, in getParameters() order.`,
        "SHAPE_MISMATCH",
      );
    }
    return params.map((p, i) => {
      const [key, value] = (p != null && typeof p === "object" ? Object.entries(p)[0] : undefined) ?? [];
      if (key === undefined)
        throw new DendrolabError(
          `params[${i}] is ${p === null ? "null" : typeof p === "object" ? "an empty object" : typeof p}; each entry must be { key: value } as getParameters() returns.`,
          "INVALID_ARGUMENT",
        );
      const t = Array.isArray(list) ? (list[i] as Record<string, Transform> | undefined)?.[key] : (list as Transform);
      if (t == null || typeof (t as Partial<Transform>)[dir] !== "function") {
        const keys =
          Array.isArray(list) && list[i] != null && typeof list[i] === "object"
            ? Object.keys(list[i] as object).join(", ")
            : "";
        if (!Array.isArray(list)) {
          throw new DendrolabError(
            "ParamTransform takes one transform (e.g. new SoftplusTransform(0)) or a list of { key: transform }, one per parameter.",
            "INVALID_ARGUMENT",
          );
        }
        throw new DendrolabError(
          `ParamTransform entry ${i} has no transform for '${key}' (it has: ${keys || "none"}); add { ${key}: new SoftplusTransform(0) } or similar.`,
          "UNKNOWN_KEY",
        );
      }
      return { [key]: t[dir](value as tf.Tensor) };
    });
  }

  /** Unconstrained -> constrained, differentiably. */
  forward(params: Params): Params {
    return this.map(params, "forward");
  }

  /** Constrained -> unconstrained. */
  inverse(params: Params): Params {
    return this.map(params, "inverse");
  }
}
