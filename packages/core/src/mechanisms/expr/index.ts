/**
 * The expression language of mechanism equations: parsing, printing, symbolic
 * differentiation, simplification, evaluation and JavaScript emission.
 */
export { printExpr, stripPositions, freeNames } from "./ast";
export type { Expr, NumExpr, VarExpr, NegExpr, BinExpr, CallExpr, BinaryOp } from "./ast";
export { ExpressionError } from "./errors";
export { tokenize } from "./lexer";
export type { Token } from "./lexer";
export { parseExpr, checkNames } from "./parser";
export type { ParseOptions } from "./parser";
export { FUNCTIONS, FUNCTION_NAMES, HELPERS } from "./functions";
export type { FunctionDef } from "./functions";
export { ExprGraph } from "./graph";
export type { NodeId, GraphNode } from "./graph";
export { Differentiator, differentiate, simplify } from "./diff";
export { emitNodes, reachable, usedVariables, numberSource, helperPreamble } from "./emit";
export type { EmittedCode } from "./emit";
export { evaluateExpr, compileExpr } from "./evaluate";
export { editDistance, nearestName, validNamesHint } from "./names";
export { efun, efun_d1, efun_d2, efun_d3, vtrap, sigmoid } from "./special";
