/**
 * The NMODL front end (internal for now; a `./nmodl` subpath comes with the
 * integration into the mechanism compiler, see README.md).
 */
export { NmodlError, type SourcePos } from "./errors.js";
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
