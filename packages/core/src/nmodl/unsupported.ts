/**
 * NMODL constructs Dendrolab does not run, each with what to do instead.
 */
import { NmodlError, type SourcePos } from "./errors.js";

const ADVICE: Record<string, string> = {
  VERBATIM:
    "Dendrolab cannot run C code embedded in a .mod file; rewrite the VERBATIM block as NMODL statements " +
    "(assignments, if/else, PROCEDURE and FUNCTION blocks)",
  POINTER:
    "a POINTER links to another mechanism's variable, which Dendrolab does not support; " +
    "make the variable a PARAMETER and set it from the script",
  BBCOREPOINTER: "BBCOREPOINTER (random streams for CoreNEURON) is not supported; remove it and its VERBATIM code",
  FUNCTION_TABLE:
    "FUNCTION_TABLE reads a table filled from hoc, which Dendrolab does not support; " +
    "write the function as a FUNCTION with an expression",
  NET_RECEIVE:
    "event-driven synapses (NET_RECEIVE) come in a later release; use a synapse from " +
    "@dendrolab/core/synapses or defineSynapse",
  POINT_PROCESS:
    "point processes (POINT_PROCESS, ARTIFICIAL_CELL) come in a later release with event-driven synapses; " +
    "use a synapse from @dendrolab/core/synapses or defineSynapse, or a density mechanism with SUFFIX",
  ARTIFICIAL_CELL: "artificial cells come in a later release with event-driven synapses",
  LINEAR:
    "LINEAR blocks (simultaneous linear equations) are not supported; solve the equations by hand into assignments",
  NONLINEAR: "NONLINEAR blocks (Newton iterations) are not supported; solve the equations by hand into assignments",
  WATCH: "WATCH (threshold events) is not supported; event-driven mechanisms come in a later release",
  FOR_NETCONS: "FOR_NETCONS is not supported; event-driven synapses come in a later release",
  ELECTRODE_CURRENT: "ELECTRODE_CURRENT is not supported; inject current with the stimulus API (view.stimulate)",
  EXTERNAL: "EXTERNAL variables from hoc are not supported; declare the variable as a PARAMETER",
  INCLUDE: "INCLUDE is not supported; paste the included file's blocks into this file",
  BEFORE: "BEFORE/AFTER blocks are not supported; move their statements into BREAKPOINT or the DERIVATIVE block",
  AFTER: "BEFORE/AFTER blocks are not supported; move their statements into BREAKPOINT or the DERIVATIVE block",
  DISCRETE: "DISCRETE blocks are not supported; write the update as a DERIVATIVE block",
  PARTIAL: "PARTIAL blocks are not supported",
  COMPARTMENT: "COMPARTMENT (volumes in KINETIC schemes) is not supported; scale the rates instead",
  LONGITUDINAL_DIFFUSION: "LONGITUDINAL_DIFFUSION is not supported",
  while: "loops (while) are not supported; write the iterations out, or use a closed-form expression",
  FROM: "loops (FROM i = a TO b) are not supported; write the iterations out",
  "[array]": "array variables (name[n]) are not supported; declare one scalar per element",
  CONSTRUCTOR: "CONSTRUCTOR/DESTRUCTOR blocks are not supported (they hold C code)",
  DESTRUCTOR: "CONSTRUCTOR/DESTRUCTOR blocks are not supported (they hold C code)",
  SENS: "SENS is not supported; Dendrolab computes exact gradients of every parameter by itself",
  MATCH: "MATCH blocks are not supported",
  TERMINAL: "TERMINAL blocks are not supported",
  PLOT: "PLOT is not supported; record variables from the script",
  STEPPED: "STEPPED is not supported",
  LAG: "LAG is not supported",
  RESET: "RESET is not supported",
  SWEEP: "SWEEP is not supported",
  CONDUCTANCE: "CONDUCTANCE hints are not supported; remove the line (currents are linearised exactly)",
  RANDOM: "RANDOM variables are not supported",
};

/** The constructs with advice, for tests and documentation. */
export const UNSUPPORTED_CONSTRUCTS: readonly string[] = Object.keys(ADVICE);

/** Whether a keyword names an unsupported construct. */
export function isUnsupported(word: string): boolean {
  return Object.hasOwn(ADVICE, word);
}

/**
 * The error for an unsupported construct at `pos`.
 *
 * @example throw unsupported("VERBATIM", { line: 3, column: 1 })
 */
export function unsupported(construct: string, pos: SourcePos): NmodlError {
  const advice = ADVICE[construct] ?? "this construct is not supported";
  const shown = construct === "[array]" ? "an array variable" : construct;
  return new NmodlError(pos, construct === "[array]" ? "array" : construct, `${shown} is not supported: ${advice}.`);
}
