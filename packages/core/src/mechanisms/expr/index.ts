/**
 * The expression language of mechanism equations: parsing, printing, symbolic
 * differentiation, simplification, evaluation and JavaScript emission.
 */
export { printExpr, stripPositions, freeNames } from "./ast.js";
export type { Expr, NumExpr, VarExpr, NegExpr, BinExpr, CallExpr, BinaryOp } from "./ast.js";
export { ExpressionError } from "./errors.js";
export { tokenize } from "./lexer.js";
export type { Token } from "./lexer.js";
export { parseExpr, checkNames } from "./parser.js";
export type { ParseOptions } from "./parser.js";
export { FUNCTIONS, FUNCTION_NAMES, HELPERS } from "./functions.js";
export type { FunctionDef } from "./functions.js";
export { ExprGraph } from "./graph.js";
export type { NodeId, GraphNode } from "./graph.js";
export { Differentiator, differentiate, simplify } from "./diff.js";
export { emitNodes, reachable, usedVariables, numberSource, helperPreamble } from "./emit.js";
export type { EmittedCode } from "./emit.js";
export { evaluateExpr, compileExpr } from "./evaluate.js";
export { editDistance, nearestName, validNamesHint } from "../../names.js";
export { efun, efun_d1, efun_d2, efun_d3, vtrap, sigmoid } from "./special.js";
