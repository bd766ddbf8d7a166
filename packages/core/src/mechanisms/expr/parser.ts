/**
 * Parser of the expression language:
 *
 * ```
 * expr    := term (("+" | "-") term)*
 * term    := unary (("*" | "/") unary)*
 * unary   := ("-" | "+") unary | power
 * power   := primary (("^" | "**") unary)?        right-associative: 2^3^2 = 2^9
 * primary := number | name | name "(" expr ("," expr)* ")" | "(" expr ")"
 * ```
 *
 * Unary minus binds looser than `^` (`-x^2` is `-(x^2)`) and tighter than `*`.
 */
import { DendrolabError } from "../../errors.js";
import type { BinaryOp, Expr } from "./ast.js";
import { ExpressionError } from "./errors.js";
import { FUNCTIONS, FUNCTION_NAMES } from "./functions.js";
import { tokenize, type Token } from "./lexer.js";
import { validNamesHint } from "../../names.js";

export interface ParseOptions {
  /**
   * The names an expression may use. When given, any other name is an error that lists
   * these and the nearest match.
   */
  names?: Iterable<string>;
}

function describe(t: Token): string {
  if (t.kind === "end") return "end of input";
  if (t.kind === "num") return `number ${t.text}`;
  if (t.kind === "name") return `name "${t.text}"`;
  return `"${t.text}"`;
}

const OPERAND = `a number, a name, "(" or "-"`;

class Parser {
  private i = 0;
  constructor(
    private readonly input: string,
    private readonly tokens: Token[],
  ) {}

  private peek(): Token {
    return this.tokens[this.i];
  }
  private next(): Token {
    return this.tokens[this.i++];
  }
  private isOp(text: string): boolean {
    const t = this.peek();
    return t.kind === "op" && t.text === text;
  }
  private fail(t: Token, expected: string): never {
    throw new ExpressionError(this.input, t.pos, `Cannot parse: expected ${expected} but found ${describe(t)}`);
  }

  parseAll(): Expr {
    if (this.peek().kind === "end") this.fail(this.peek(), OPERAND);
    const e = this.expr();
    const t = this.peek();
    if (t.kind !== "end") {
      this.fail(
        t,
        t.kind === "op" && t.text === ")"
          ? `an operator (+ - * / ^) or end of input (this ")" has no matching "(")`
          : "an operator (+ - * / ^) or end of input",
      );
    }
    return e;
  }

  private expr(): Expr {
    return this.leftAssociative(["+", "-"], () => this.term());
  }

  private term(): Expr {
    return this.leftAssociative(["*", "/"], () => this.unary());
  }

  /** `operand (op operand)*` for operators of one precedence, grouped from the left. */
  private leftAssociative(ops: readonly BinaryOp[], operand: () => Expr): Expr {
    let left = operand();
    for (let op = this.peekOp(ops); op; op = this.peekOp(ops)) {
      this.next();
      left = { type: "bin", op: op.text as BinaryOp, left, right: operand(), pos: op.pos };
    }
    return left;
  }

  /** The next token if it is one of `ops`. */
  private peekOp(ops: readonly BinaryOp[]): Token | undefined {
    const t = this.peek();
    return ops.some((o) => this.isOp(o)) ? t : undefined;
  }

  private unary(): Expr {
    if (this.isOp("-")) {
      const op = this.next();
      return { type: "neg", arg: this.unary(), pos: op.pos };
    }
    if (this.isOp("+")) {
      this.next();
      return this.unary();
    }
    return this.power();
  }

  private power(): Expr {
    const base = this.primary();
    if (this.isOp("^")) {
      const op = this.next();
      return { type: "bin", op: "^", left: base, right: this.unary(), pos: op.pos };
    }
    return base;
  }

  private primary(): Expr {
    const t = this.next();
    if (t.kind === "num") return { type: "num", value: t.value, pos: t.pos };
    if (t.kind === "name") {
      if (this.isOp("(")) return this.call(t);
      if (FUNCTIONS[t.text]) {
        this.fail(this.peek(), `"(" after the function name "${t.text}"`);
      }
      return { type: "var", name: t.text, pos: t.pos };
    }
    if (t.kind === "op" && t.text === "(") {
      const e = this.expr();
      if (!this.isOp(")")) this.fail(this.peek(), `")" to close the "(" at position ${t.pos}`);
      this.next();
      return e;
    }
    this.fail(t, OPERAND);
  }

  private call(name: Token): Expr {
    const def = FUNCTIONS[name.text];
    if (!def) {
      throw new ExpressionError(
        this.input,
        name.pos,
        `Unknown function "${name.text}"`,
        validNamesHint(name.text, FUNCTION_NAMES, "functions"),
      );
    }
    const open = this.next();
    const args: Expr[] = [];
    if (this.isOp(")")) this.fail(this.peek(), `an argument of ${name.text}(...)`);
    for (;;) {
      args.push(this.expr());
      if (this.isOp(",")) {
        this.next();
        continue;
      }
      if (this.isOp(")")) {
        this.next();
        break;
      }
      this.fail(this.peek(), `"," or ")" in the arguments of ${name.text}(...) opened at position ${open.pos}`);
    }
    if (args.length !== def.arity) {
      throw new ExpressionError(
        this.input,
        name.pos,
        `Function "${name.text}" takes ${def.arity} argument${def.arity === 1 ? "" : "s"} ` +
          `but was given ${args.length} (${def.doc})`,
      );
    }
    return { type: "call", fn: name.text, args, pos: name.pos };
  }
}

/**
 * Parses an expression. Throws {@link ExpressionError} naming the input, the position
 * and what was expected; with `options.names`, also for unknown names.
 *
 * @example
 * parseExpr("0.1 * vtrap(-(v + 40), 10)", { names: ["v"] })
 * parseExpr("gna * m", { names: ["gNa", "m"] }) // throws: ... Did you mean "gNa"?
 */
export function parseExpr(input: string, options: ParseOptions = {}): Expr {
  if (typeof input !== "string") {
    throw new DendrolabError(
      `An expression must be a string, got ${JSON.stringify(input) ?? String(input)}; write it as text, e.g. "gNa * m^3 * h * (v - eNa)"`,
      "EXPRESSION",
    );
  }
  let e: Expr;
  try {
    e = new Parser(input, tokenize(input)).parseAll();
  } catch (err) {
    if (err instanceof RangeError) {
      throw new ExpressionError(input, 0, "Cannot parse: the expression is nested too deeply");
    }
    throw err;
  }
  if (options.names) checkNames(input, e, new Set(options.names));
  return e;
}

/**
 * Throws {@link ExpressionError} at the first name of `e` not in `valid`.
 *
 * @example checkNames("x + y", parseExpr("x + y"), new Set(["x"])) // throws at y
 */
function checkNames(input: string, e: Expr, valid: ReadonlySet<string>): void {
  const visit = (x: Expr): void => {
    switch (x.type) {
      case "var":
        if (!valid.has(x.name)) {
          throw new ExpressionError(input, x.pos ?? 0, `Unknown name "${x.name}"`, validNamesHint(x.name, valid));
        }
        return;
      case "neg":
        visit(x.arg);
        return;
      case "bin":
        visit(x.left);
        visit(x.right);
        return;
      case "call":
        x.args.forEach(visit);
        return;
      default:
        return;
    }
  };
  visit(e);
}
