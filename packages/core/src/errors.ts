/**
 * Errors that say what was given, what is allowed, and where.
 */
import { nearestName } from "./names.js";

/**
 * Stable machine-readable codes of Dendrolab's errors. A program may branch on `code`;
 * messages are for people and may be reworded.
 */
export type ErrorCode =
  /** A value of the wrong type or outside its allowed range (e.g. a radius <= 0, a NaN, a non-integer index). */
  | "INVALID_ARGUMENT"
  /** Something required was not given: no recording before a run, no tMax, no options. */
  | "MISSING_INPUT"
  /** A parameter or state key the model or view does not have (set, record, clamp, makeTrainable, dataSet). */
  | "UNKNOWN_KEY"
  /** A name that does not exist: a group, an option, a solver, a channel, a table column, a view member. */
  | "UNKNOWN_NAME"
  /** A cell, branch, compartment, node or edge index outside the valid range. */
  | "INDEX_OUT_OF_RANGE"
  /** Counts that must agree do not: values vs rows, matrix shape vs cells, parameters vs trainables. */
  | "SHAPE_MISMATCH"
  /** A name already taken by another group, channel or synapse. */
  | "NAME_CONFLICT"
  /** The view holds nothing the operation applies to (no compartments, or none with the key). */
  | "EMPTY_SELECTION"
  /** The simulation produced a non-finite voltage (`NonFiniteError`). */
  | "NON_FINITE"
  /** A bad channel or synapse spec (`MechanismSpecError`). */
  | "MECHANISM_SPEC"
  /** A model part that `exportNeuron` cannot write for NEURON (a mechanism, a clamp, a geometry). */
  | "NOT_EXPORTABLE"
  /** A bad expression in a mechanism spec (`ExpressionError`). */
  | "EXPRESSION"
  /** An SWC file that cannot be read: syntax, values or tree structure (`SwcError`). */
  | "SWC_PARSE"
  /** A serialised model that cannot be read (`ModelFormatError`), or one from a newer format version. */
  | "MODEL_FORMAT"
  /** NMODL text that cannot be translated. */
  | "NMODL"
  /** An operation that needs TensorFlow.js, which is not available. */
  | "NEEDS_TFJS"
  /** A run stopped by its AbortSignal (runBatch, sweep). */
  | "ABORTED"
  /** A worker of the pool could not start or died (runBatch, sweep). */
  | "WORKER_FAILED";

/**
 * Base class of every error raised by Dendrolab for bad input.
 *
 * @example
 * try { cell.set("radiuss", 1); } catch (e) { if (e instanceof DendrolabError && e.code === "UNKNOWN_KEY") ... }
 */
export class DendrolabError extends Error {
  /** A stable code for programs (see {@link ErrorCode}). */
  readonly code: ErrorCode;
  constructor(message: string, code: ErrorCode = "INVALID_ARGUMENT", options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DendrolabError";
    this.code = code;
  }
}

/** "Unknown X 'given'. Valid Xs: a, b, c. Did you mean 'b'?" */
export function unknownNameError(
  what: string,
  given: string,
  valid: readonly string[],
  where = "",
  code: ErrorCode = "UNKNOWN_NAME",
): DendrolabError {
  given = typeof given === "string" ? given : String(given);
  const near = nearestName(given, valid, { onlyClose: true });
  const list = valid.length > 0 ? valid.join(", ") : "(none)";
  return new DendrolabError(
    `Unknown ${what} '${given}'${where ? ` ${where}` : ""}. Valid: ${list}.` +
      (near !== undefined ? ` Did you mean '${near}'?` : ""),
    code,
  );
}

/** Throws unless `value` is a finite number greater than zero. */
export function requirePositive(what: string, value: number, where = ""): void {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new DendrolabError(
      `${what} must be a finite number > 0${where ? ` ${where}` : ""}; got ${value}.`,
      "INVALID_ARGUMENT",
    );
  }
}

/** Throws unless `value` is a finite number. */
export function requireFinite(what: string, value: number, where = ""): void {
  if (!Number.isFinite(value)) {
    throw new DendrolabError(
      `${what} must be a finite number${where ? ` ${where}` : ""}; got ${value}.`,
      "INVALID_ARGUMENT",
    );
  }
}
