/**
 * Mechanisms as data, compiled to code (docs/design.md#mechanisms): definitions, the expression
 * compiler and its kernels. The built-in channels and synapses are exported from
 * `../channels` and `../synapses`.
 */
export type {
  QuantitySpec, GateAlphaBeta, GateInfTau, GateSpec, ChannelSpec, SynapseSpec, MechanismSpec,
  MechanismKernels, CompiledMechanism,
} from "./types.js";
export { Mechanism, defineChannel, defineSynapse } from "./define.js";
export type { MechanismClass } from "./define.js";
export { compileMechanism, canonicalSpecJson, analyzeSpec } from "./compile.js";
export type { CompiledMechanismWithSource } from "./compile.js";
export { prefixedKey, quantityDefault, mechanismKeys, currentNameOf, keyOf } from "./keys.js";
export type { MechanismKeys } from "./keys.js";
export { MechanismSpecError, validateSpec } from "./validate.js";
export type { AnalyzedSpec, AnalyzedGate } from "./validate.js";
export * as expr from "./expr/index.js";
export { ExpressionError, parseExpr, printExpr, differentiate, compileExpr } from "./expr/index.js";
