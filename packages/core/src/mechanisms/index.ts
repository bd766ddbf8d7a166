/**
 * Mechanisms as data, compiled to code (DESIGN.md D2): definitions, the expression
 * compiler and its kernels. The built-in channels and synapses are exported from
 * `../channels` and `../synapses`.
 */
export type {
  QuantitySpec, GateAlphaBeta, GateInfTau, GateSpec, ChannelSpec, SynapseSpec, MechanismSpec,
  MechanismKernels, CompiledMechanism,
} from "./types";
export { Mechanism, defineChannel, defineSynapse } from "./define";
export type { MechanismClass } from "./define";
export { compileMechanism, canonicalSpecJson, analyzeSpec } from "./compile";
export type { CompiledMechanismWithSource } from "./compile";
export { prefixedKey, quantityDefault, mechanismKeys, currentNameOf, keyOf } from "./keys";
export type { MechanismKeys } from "./keys";
export { MechanismSpecError, validateSpec } from "./validate";
export type { AnalyzedSpec, AnalyzedGate } from "./validate";
export * as expr from "./expr/index";
export { ExpressionError, parseExpr, printExpr, differentiate, compileExpr } from "./expr/index";
