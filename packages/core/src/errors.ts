/**
 * Errors that say what was given, what is allowed, and where.
 */
import { nearestName } from "./names.js";

/**
 * Stable machine-readable codes of Dendrolab's errors. A program may branch on `code`;
 * messages are for people and may be reworded.
 */
export type ErrorCode =
  | "INVALID_ARGUMENT"
  | "UNKNOWN_KEY"
  | "UNKNOWN_NAME"
  | "INDEX_OUT_OF_RANGE"
  | "NON_FINITE"
  | "MECHANISM_SPEC"
  | "EXPRESSION"
  | "SWC_PARSE"
  | "MODEL_FORMAT"
  | "NMODL"
  | "NEEDS_TFJS";

/**
 * Base class of every error raised by Dendrolab for bad input.
 *
 * @example
 * try { cell.set("radiuss", 1); } catch (e) { if (e instanceof DendrolabError && e.code === "UNKNOWN_KEY") ... }
 */
export class DendrolabError extends Error {
  /** A stable code for programs (see {@link ErrorCode}). */
  readonly code: ErrorCode;
  constructor(message: string, code: ErrorCode = "INVALID_ARGUMENT") {
    super(message);
    this.name = "DendrolabError";
    this.code = code;
  }
}

/** "Unknown X 'given'. Valid Xs: a, b, c. Did you mean 'b'?" */
export function unknownNameError(what: string, given: string, valid: readonly string[], where = ""): DendrolabError {
  const near = nearestName(given, valid, { onlyClose: true });
  const list = valid.length > 0 ? valid.join(", ") : "(none)";
  return new DendrolabError(
    `Unknown ${what} '${given}'${where ? ` ${where}` : ""}. Valid: ${list}.` +
      (near !== undefined ? ` Did you mean '${near}'?` : ""),
  );
}

/** Throws unless `value` is a finite number greater than zero. */
export function requirePositive(what: string, value: number, where = ""): void {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new DendrolabError(`${what} must be a finite number > 0${where ? ` ${where}` : ""}; got ${value}.`);
  }
}

/** Throws unless `value` is a finite number. */
export function requireFinite(what: string, value: number, where = ""): void {
  if (!Number.isFinite(value)) {
    throw new DendrolabError(`${what} must be a finite number${where ? ` ${where}` : ""}; got ${value}.`);
  }
}
