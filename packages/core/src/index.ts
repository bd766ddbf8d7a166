/**
 * @dendrolab/core: a differentiable multicompartment neuron simulator with a
 * Jaxley-style API. Channels live in `@dendrolab/core/channels`, synapses in
 * `@dendrolab/core/synapses`; `@dendrolab/core/sim` is the part without tfjs.
 *
 * This entry needs `@tensorflow/tfjs-core` and a backend (e.g. `@tensorflow/tfjs`, or
 * `@tensorflow/tfjs-backend-cpu`); importing it installs the tensor bridge (its side effect).
 */
import "./train/bridge.js";

export * from "./sim.js";
export { integrate, integrateBatch } from "./train/integrate.js";
export { exportNeuron, type ExportNeuronOptions, type NeuronExport } from "./export/index.js";
export {
  AffineTransform,
  ChainTransform,
  IdentityTransform,
  ParamTransform,
  SigmoidTransform,
  SoftplusTransform,
  type Transform,
} from "./train/transforms.js";
export {
  type AbortSignalLike,
  defaultWorkerCount,
  type RunBatchOptions,
  runBatch,
} from "./parallel/run-batch.js";
export { liveWorkers } from "./parallel/pool.js";
export {
  type ParameterSweep,
  type StimulusSweep,
  type SweepOptions,
  type SweepResult,
  sweep,
} from "./parallel/sweep.js";
export { type BatchGradient, gradBatch } from "./parallel/grad-batch.js";
