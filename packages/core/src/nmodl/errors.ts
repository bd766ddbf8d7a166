/**
 * The error of the NMODL front end: a {@link DendrolabError} with code "NMODL" that
 * names the line and column of the problem and the construct concerned.
 */
import { DendrolabError } from "../errors.js";

/** A place in a `.mod` file: 1-based line and column. */
export interface SourcePos {
  readonly line: number;
  readonly column: number;
}

/**
 * A problem in an NMODL text: a syntax error, an unsupported construct or a semantic
 * error. The message reads "line L, column C: ...".
 *
 * @example
 * try { parseNmodl(text); } catch (e) { if (e instanceof NmodlError) console.log(e.line, e.construct); }
 */
export class NmodlError extends DendrolabError {
  /** 1-based line of the problem. */
  readonly line: number;
  /** 1-based column of the problem. */
  readonly column: number;
  /** The construct concerned (`"VERBATIM"`, `"syntax"`, `"PARAMETER"`, ...). */
  readonly construct: string;
  /** The problem without its position. */
  readonly problem: string;

  constructor(pos: SourcePos, construct: string, problem: string) {
    super(`line ${pos.line}, column ${pos.column}: ${problem}`, "NMODL");
    this.name = "NmodlError";
    this.line = pos.line;
    this.column = pos.column;
    this.construct = construct;
    this.problem = problem;
  }
}
