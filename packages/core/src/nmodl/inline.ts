/**
 * Inlines PROCEDURE and FUNCTION calls into straight-line code ({@link FlatStmt}), with
 * NEURON's semantics: arguments are passed by value (a procedure may assign to its
 * arguments, and to its copy of `v`), a FUNCTION's value is the last value assigned to
 * its name, locals are fresh per call. Resolves every name and checks every assignment.
 */
import type { CallableBlock, CallExpr, Expr, SolveStmt, SourcePos, Stmt } from "./ast.js";
import { nearestName } from "../names.js";
import { NmodlError } from "./errors.js";
import type { FlatStmt } from "./flat.js";
import type { MechSymbol } from "./symbols.js";

/** Built-in functions of NMODL with their arity. */
export const MATH_FUNCTIONS: Record<string, number> = {
  exp: 1,
  log: 1,
  log10: 1,
  fabs: 1,
  sqrt: 1,
  pow: 2,
  sin: 1,
  cos: 1,
  tan: 1,
  tanh: 1,
  sinh: 1,
  cosh: 1,
  atan: 1,
  asin: 1,
  acos: 1,
  atan2: 2,
  floor: 1,
  ceil: 1,
  fmod: 2,
};

/** Calls nested deeper than this are taken as recursion. */
const MAX_INLINE_DEPTH = 32;
/** Inlined code longer than this is refused (calls that fan out grow exponentially). */
export const MAX_INLINED_STATEMENTS = 50_000;

type Scope = Map<string, string>;

/** What the block being flattened allows. */
export interface BlockContext {
  /** The block's name, for messages ("DERIVATIVE states"). */
  readonly block: string;
  /** Differential equations `x' = ...` are allowed (DERIVATIVE). */
  readonly primes: boolean;
  /** SOLVE statements are allowed (BREAKPOINT, INITIAL). */
  readonly solves: boolean;
}

export class Inliner {
  private counter = 0;
  private statementCount = 0;
  /** Unique names of every local and temporary introduced. */
  readonly locals: string[] = [];
  readonly solves: SolveStmt[] = [];

  constructor(
    private readonly symbols: ReadonlyMap<string, MechSymbol>,
    private readonly callables: ReadonlyMap<string, CallableBlock>,
  ) {}

  private fresh(name: string): string {
    const u = `${name}$${++this.counter}`;
    this.locals.push(u);
    return u;
  }

  /**
   * The flattened statements of a block body.
   *
   * @example new Inliner(symbols, callables).block(initial.body, { block: "INITIAL", primes: false, solves: true })
   */
  block(body: readonly Stmt[], ctx: BlockContext): FlatStmt[] {
    const out: FlatStmt[] = [];
    this.statements(body, new Map(), ctx, out, 0, null);
    return out;
  }

  private statements(
    body: readonly Stmt[],
    scope: Scope,
    ctx: BlockContext,
    out: FlatStmt[],
    depth: number,
    fn: string | null,
  ): void {
    for (const s of body) this.statement(s, scope, ctx, out, depth, fn);
  }

  private statement(s: Stmt, scope: Scope, ctx: BlockContext, out: FlatStmt[], depth: number, fn: string | null): void {
    if (++this.statementCount > MAX_INLINED_STATEMENTS) {
      throw new NmodlError(
        s.pos,
        "inlining",
        `inlining PROCEDURE and FUNCTION calls gives more than ${MAX_INLINED_STATEMENTS} ` +
          `statements; compute a repeated call once into a LOCAL and reuse it`,
      );
    }
    switch (s.kind) {
      case "unitsflag":
      case "table":
        return; // TABLE: rates are computed exactly
      case "local":
        for (const n of s.names) {
          const u = this.fresh(n);
          scope.set(n, u);
          out.push({ kind: "assign", target: u, value: { kind: "num", value: 0, pos: s.pos }, pos: s.pos });
        }
        return;
      case "solve":
        if (!ctx.solves || depth > 0)
          throw new NmodlError(s.pos, "SOLVE", `SOLVE is allowed only in BREAKPOINT and INITIAL, not in ${ctx.block}`);
        this.solves.push(s);
        return;
      case "reaction":
      case "conserve":
        throw new NmodlError(
          s.pos,
          s.kind === "reaction" ? "KINETIC" : "CONSERVE",
          `${s.kind === "reaction" ? "a reaction (~)" : "CONSERVE"} is allowed only in a KINETIC block, not in ${ctx.block}`,
        );
      case "call": {
        if (s.call.name in MATH_FUNCTIONS) {
          this.expr(s.call, scope, out, depth);
          return;
        }
        this.inlineCall(s.call, scope, ctx, out, depth, "statement");
        return;
      }
      case "if": {
        const cond = this.expr(s.cond, scope, out, depth);
        const then: FlatStmt[] = [],
          other: FlatStmt[] = [];
        this.statements(s.then, new Map(scope), ctx, then, depth, fn);
        if (s.else) this.statements(s.else, new Map(scope), ctx, other, depth, fn);
        out.push({ kind: "if", cond, then, else: other, pos: s.pos });
        return;
      }
      case "assign": {
        const value = this.expr(s.value, scope, out, depth);
        if (s.prime) {
          if (!ctx.primes || depth > 0) {
            throw new NmodlError(
              s.pos,
              "derivative",
              `the differential equation ${s.target}' = ... is allowed only in a ` +
                `DERIVATIVE block${depth > 0 ? " itself, not in a PROCEDURE or FUNCTION it calls" : `, not in ${ctx.block}`}`,
            );
          }
          const sym = this.symbols.get(s.target);
          if (scope.has(s.target) || !(sym?.kind === "state" || sym?.isState)) {
            throw new NmodlError(
              s.pos,
              "derivative",
              `${s.target}' = ...: "${s.target}" is not a STATE; declare it in STATE`,
            );
          }
          out.push({ kind: "derivative", state: s.target, value, pos: s.pos });
          return;
        }
        out.push({ kind: "assign", target: this.target(s.target, s.pos, scope, fn), value, pos: s.pos });
        return;
      }
    }
  }

  /** The variable an assignment writes, checked. */
  private target(name: string, pos: SourcePos, scope: Scope, fn: string | null): string {
    const local = scope.get(name);
    if (local !== undefined) return local;
    const sym = this.symbols.get(name);
    const refuse = (why: string): never => {
      throw new NmodlError(pos, "assignment", `cannot assign to "${name}": ${why}`);
    };
    if (sym === undefined) {
      if (this.callables.has(name) && name !== fn) refuse(`it is a ${this.callables.get(name)!.kind.toUpperCase()}`);
      return refuse(`it is not declared. ${this.hint(name, scope)}Declare it in ASSIGNED or as a LOCAL`);
    }
    switch (sym.kind) {
      case "parameter":
        return refuse("it is a PARAMETER (set by the user); declare it in ASSIGNED if the mechanism computes it");
      case "constant":
        return refuse("it is a constant");
      case "builtin":
        return name === "v" ? name : refuse(`it is NEURON's ${name}, which a mechanism only reads`);
      case "ion":
        if (!sym.ion!.write)
          refuse(`ion ${sym.ion!.name} is only READ here; add it to WRITE in USEION ${sym.ion!.name}`);
        return name;
      default:
        return name;
    }
  }

  private hint(name: string, scope: Scope): string {
    const near = nearestName(name, [...this.symbols.keys(), ...scope.keys()], { onlyClose: true });
    return near !== undefined ? `Did you mean "${near}"? ` : "";
  }

  /** An expression with names resolved and FUNCTION calls hoisted into `out`. */
  private expr(e: Expr, scope: Scope, out: FlatStmt[], depth: number): Expr {
    switch (e.kind) {
      case "num":
        return { kind: "num", value: e.value, pos: e.pos };
      case "unary":
        return { ...e, arg: this.expr(e.arg, scope, out, depth) };
      case "binary":
        return { ...e, left: this.expr(e.left, scope, out, depth), right: this.expr(e.right, scope, out, depth) };
      case "name": {
        const local = scope.get(e.name);
        if (local !== undefined) return { kind: "name", name: local, pos: e.pos };
        const sym = this.symbols.get(e.name);
        if (sym?.kind === "constant") return { kind: "num", value: sym.value!, pos: e.pos };
        if (sym !== undefined) return e;
        if (this.callables.has(e.name) || e.name in MATH_FUNCTIONS) {
          throw new NmodlError(
            e.pos,
            "name",
            `"${e.name}" is a ${this.callables.get(e.name)?.kind.toUpperCase() ?? "function"}; call it with arguments: ${e.name}(...)`,
          );
        }
        throw new NmodlError(
          e.pos,
          "name",
          `unknown name "${e.name}". ${this.hint(e.name, scope)}` +
            `Declare it in PARAMETER, ASSIGNED or STATE, or as a LOCAL`,
        );
      }
      case "call": {
        const arity = MATH_FUNCTIONS[e.name];
        if (arity !== undefined && !this.callables.has(e.name)) {
          if (e.args.length !== arity) {
            throw new NmodlError(
              e.pos,
              "call",
              `${e.name} takes ${arity} argument${arity > 1 ? "s" : ""}, got ${e.args.length}`,
            );
          }
          return { kind: "call", name: e.name, args: e.args.map((a) => this.expr(a, scope, out, depth)), pos: e.pos };
        }
        const result = this.inlineCall(e, scope, { block: "", primes: false, solves: false }, out, depth, "expression");
        return { kind: "name", name: result!, pos: e.pos };
      }
    }
  }

  /** Inlines a call; returns the temporary holding a FUNCTION's value. */
  private inlineCall(
    call: CallExpr,
    scope: Scope,
    ctx: BlockContext,
    out: FlatStmt[],
    depth: number,
    as: "statement" | "expression",
  ): string | null {
    const target = this.callables.get(call.name);
    if (target === undefined) {
      const names = [...this.callables.keys(), ...Object.keys(MATH_FUNCTIONS)];
      const near = nearestName(call.name, names, { onlyClose: true });
      throw new NmodlError(
        call.pos,
        "call",
        `unknown function or procedure "${call.name}"` +
          `${near !== undefined ? `. Did you mean "${near}"?` : ""}; known: ${names.join(", ")}`,
      );
    }
    if (as === "expression" && target.kind === "procedure") {
      throw new NmodlError(
        call.pos,
        "call",
        `the PROCEDURE ${call.name} has no value; use it as a statement, or make it a FUNCTION`,
      );
    }
    if (call.args.length !== target.args.length) {
      throw new NmodlError(
        call.pos,
        "call",
        `${call.name} takes ${target.args.length} argument${target.args.length === 1 ? "" : "s"} ` +
          `(${target.args.map((a) => a.name).join(", ")}), got ${call.args.length}`,
      );
    }
    if (depth >= MAX_INLINE_DEPTH) {
      throw new NmodlError(
        call.pos,
        "recursion",
        `calls nested deeper than ${MAX_INLINE_DEPTH} (is ${call.name} recursive?); ` +
          `recursive PROCEDUREs and FUNCTIONs are not supported`,
      );
    }
    const inner: Scope = new Map();
    call.args.forEach((a, i) => {
      const value = this.expr(a, scope, out, depth);
      const u = this.fresh(target.args[i].name);
      out.push({ kind: "assign", target: u, value, pos: a.pos });
      inner.set(target.args[i].name, u);
    });
    let result: string | null = null;
    if (target.kind === "function") {
      result = this.fresh(target.name);
      out.push({ kind: "assign", target: result, value: { kind: "num", value: 0, pos: call.pos }, pos: call.pos });
      inner.set(target.name, result);
    }
    const innerCtx: BlockContext = {
      block: `${target.kind.toUpperCase()} ${target.name}`,
      primes: ctx.primes,
      solves: false,
    };
    this.statements(target.body, inner, innerCtx, out, depth + 1, target.kind === "function" ? target.name : null);
    return result;
  }
}
