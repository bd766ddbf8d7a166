/**
 * `@dendrolab/core/nmodl`: NEURON `.mod` files as Dendrolab mechanisms. `loadNmodl`
 * turns a file into a mechanism class (with metadata in `M.nmodl`), `gatingCurves`
 * gives the steady states and time constants of its gates against v; every problem
 * in a file is an `NmodlError` with line and column. The front end (`parseNmodl`,
 * `analyzeNmodl`) is exported for tools; see README.md in this folder.
 */
export { NmodlError, type SourcePos } from "./errors.js";
export {
  loadNmodl,
  type NmodlInfo,
  type NmodlMechanismClass,
  type NmodlParameterInfo,
  type NmodlStateInfo,
} from "./load.js";
export { gatingCurves, type GatingCurve, type GatingOptions } from "../mechanisms/gating.js";
export { parseNmodl } from "./parser.js";
export {
  analyzeNmodl,
  METHODS,
  type NmodlMechanism,
  type DerivativeBlock,
  type IonUsage,
  type Method,
} from "./analyze.js";
export type { NmodlFile, Block, Stmt, Expr } from "./ast.js";
export type { FlatStmt } from "./flat.js";
export type { LinearForm } from "./linear.js";
export type { MechSymbol, IonRole } from "./symbols.js";
export { UNSUPPORTED_CONSTRUCTS } from "./unsupported.js";
