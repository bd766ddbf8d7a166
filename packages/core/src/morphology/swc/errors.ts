import { DendrolabError } from "../../errors.js";

/**
 * The one error type of SWC reading: bad syntax, bad values and bad tree structure.
 * Every message names the line (1-based, counting comment and blank lines), quotes the
 * offending text and says what was expected.
 */
export class SwcError extends DendrolabError {
  /** 1-based line of the file the error concerns; `null` for the file as a whole. */
  readonly line: number | null;
  /** The offending line's text (trimmed), if the error concerns one line. */
  readonly text: string | null;

  constructor(message: string, line: number | null = null, text: string | null = null) {
    super(message, "SWC_PARSE");
    this.name = "SwcError";
    this.line = line;
    this.text = text;
  }
}

/** Quote a line for an error message, shortened to `max` characters. */
export function quoteLine(text: string, max = 80): string {
  const t = text.length > max ? `${text.slice(0, max - 3)}...` : text;
  return JSON.stringify(t);
}

/** An `SwcError` about one line: "line 12: <what>: "<text>"". */
export function lineError(line: number, text: string, what: string): SwcError {
  return new SwcError(`SWC line ${line}: ${what}: ${quoteLine(text)}`, line, text);
}
