/**
 * The tfjs side of the tensor bridge (run/tensors.ts). Importing this file installs it:
 * the `.` entry does, `@dendrolab/core/sim` does not. This is the file's side effect.
 */
import * as tf from "@tensorflow/tfjs-core";
import { DendrolabError } from "../errors.js";
import { describe } from "../model/edit.js";
import { type DataValue, installTensorBridge, isTensor } from "../run/tensors.js";

/**
 * Checks that tfjs has a backend to compute on; NEEDS_TFJS (naming `what`) if none is
 * registered, e.g. when only `@tensorflow/tfjs-core` is imported.
 */
export function requireBackend(what: string): void {
  try {
    if (tf.backend()) return;
  } catch (e) {
    throw new DendrolabError(
      `${what} needs a tfjs backend, and none is registered (tfjs says: ${(e as Error).message}). ` +
        `Import '@tensorflow/tfjs', or '@tensorflow/tfjs-backend-cpu' next to '@tensorflow/tfjs-core', before calling it.`,
      "NEEDS_TFJS",
    );
  }
  throw new DendrolabError(
    `${what} needs a tfjs backend; tf.backend() returned none. Import '@tensorflow/tfjs' or '@tensorflow/tfjs-backend-cpu'.`,
    "NEEDS_TFJS",
  );
}

/** A value as a tensor (kept as given if already one). */
function toTensor(value: DataValue, what: string): tf.Tensor {
  if (isTensor(value)) return value;
  if (
    typeof value !== "number" &&
    (value == null || typeof value === "string" || typeof (value as ArrayLike<unknown>).length !== "number")
  ) {
    throw new DendrolabError(
      `${what} must be a number, an array or a tf.Tensor; got ${describe(value)}.`,
      "INVALID_ARGUMENT",
    );
  }
  requireBackend(what);
  if (typeof value === "number") return tf.scalar(value);
  const first = (value as ArrayLike<unknown>)[0];
  if (first != null && typeof first === "object") {
    return tf.tensor2d((value as ReadonlyArray<ArrayLike<number>>).map((r) => Array.from(r)));
  }
  return tf.tensor1d(Array.from(value as ArrayLike<number>));
}

installTensorBridge({
  toTensor,
  variable(values) {
    requireBackend("getParameters()");
    return tf.variable(tf.tensor1d(values as number[]), true, undefined, "float32");
  },
  assign(v, values) {
    v.assign(tf.tensor1d(values as number[]));
  },
});
