/**
 * `@dendrolab/core/tensor-bridge`: how the core makes tfjs tensors, for hosts that load
 * tfjs late. `@dendrolab/core` installs the tfjs bridge when it is imported;
 * `@dendrolab/core/sim` has none, and what needs tensors (`getParameters`, `dataSet`,
 * `dataStimulate`, `dataClamp`) then raises NEEDS_TFJS. A host that runs `sim` first and
 * loads tfjs only when a script needs it (the IDE's script sandbox) installs its own
 * bridge here to learn when that happens.
 */
export { installTensorBridge, type TensorBridge, tensorBridge } from "./run/tensors.js";
