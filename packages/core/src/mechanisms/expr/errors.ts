import { DendrolabError } from "../../errors.js";

/**
 * The error raised for a bad expression: it names the problem, the position and the
 * input, then gives a hint (what is allowed) and draws a caret under the position.
 */
export class ExpressionError extends DendrolabError {
  /** The expression text that was given. */
  readonly input: string;
  /** 0-based character offset of the problem in `input`. */
  readonly position: number;
  /** The problem alone, without position, input or hint. */
  readonly problem: string;

  constructor(input: string, position: number, problem: string, hint?: string) {
    const caret = `${" ".repeat(position)}^`;
    super(
      `${problem} at position ${position} in expression "${input}"` +
        `${hint ? `. ${hint}` : ""}\n    ${input}\n    ${caret}`,
      "EXPRESSION",
    );
    this.name = "ExpressionError";
    this.input = input;
    this.position = position;
    this.problem = problem;
  }
}
