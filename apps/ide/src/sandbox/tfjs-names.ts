/** The names of `@dendrolab/core` that `@dendrolab/core/sim` lacks: they need tfjs (a test checks the list against the core). */
export const TFJS_CORE_NAMES = [
  "AffineTransform",
  "ChainTransform",
  "IdentityTransform",
  "ParamTransform",
  "SigmoidTransform",
  "SoftplusTransform",
  "defaultWorkerCount",
  "exportNeuron",
  "gradBatch",
  "integrate",
  "integrateBatch",
  "liveWorkers",
  "runBatch",
  "sweep",
] as const;
