/**
 * The bridge to tfjs. This layer never imports tfjs: the `.` entry installs a bridge
 * (train/bridge.ts) that makes tensors and variables; `@dendrolab/core/sim` alone has none,
 * and what needs tensors then raises NEEDS_TFJS. Tensors given to the simulator are read
 * through their public `dataSync`/`shape`/`rank`, so any tfjs copy's tensors work.
 */
import type { Tensor, Variable } from "@tensorflow/tfjs-core";
import { DendrolabError } from "../errors.js";

/** A value given to dataSet / dataStimulate / dataClamp. */
export type DataValue = number | ArrayLike<number> | ReadonlyArray<ArrayLike<number>> | Tensor;

/** What the core asks of tfjs. */
export interface TensorBridge {
  /** A value as a tensor (kept as given if already one); `what` names the call for errors. */
  toTensor(value: DataValue, what: string): Tensor;
  /** A new trainable float32 variable holding `values`. */
  variable(values: readonly number[]): Variable;
  /** Writes `values` into `v`. */
  assign(v: Variable, values: readonly number[]): void;
}

let installed: TensorBridge | null = null;

/** @internal Installs the bridge (done by importing `@dendrolab/core`). */
export function installTensorBridge(bridge: TensorBridge): void {
  installed = bridge;
}

/** The bridge, or NEEDS_TFJS naming `what` needed it. */
export function tensorBridge(what: string): TensorBridge {
  if (installed) return installed;
  throw new DendrolabError(
    `${what} makes tfjs tensors, but tfjs is not loaded: '@dendrolab/core/sim' simulates without tfjs. ` +
      `Import from '@dendrolab/core' instead (with '@tensorflow/tfjs', or '@tensorflow/tfjs-core' and '@tensorflow/tfjs-backend-cpu', installed).`,
    "NEEDS_TFJS",
  );
}

/** Is `x` a tensor (of any tfjs copy)? */
export function isTensor(x: unknown): x is Tensor {
  return (
    x != null &&
    typeof x === "object" &&
    typeof (x as Tensor).dataSync === "function" &&
    Array.isArray((x as Tensor).shape)
  );
}
