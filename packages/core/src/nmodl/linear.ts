/**
 * `cnexp`: a differential equation x' = f is solved exactly for one step when f is
 * linear in x, f = a + b x (a, b free of x), as NEURON does:
 *
 *   x += (1 - exp(dt * b)) * (-(a / b) - x)
 *
 * with b = df/dx and a = f at x = 0 (NEURON's forms; where b is 0, x += dt * a).
 */
import type { Expr, SourcePos } from "./ast.js";
import { NmodlError } from "./errors.js";
import { assignedIn, namesIn, readsIn, type FlatStmt } from "./flat.js";

/** f = a + b x. */
export interface LinearForm {
  readonly a: Expr;
  readonly b: Expr;
}

const num = (value: number, pos: SourcePos): Expr => ({ kind: "num", value, pos });
const isNum = (e: Expr, v: number) => e.kind === "num" && e.value === v;

function add(l: Expr, r: Expr, pos: SourcePos): Expr {
  if (isNum(l, 0)) return r;
  if (isNum(r, 0)) return l;
  return { kind: "binary", op: "+", left: l, right: r, pos };
}
function sub(l: Expr, r: Expr, pos: SourcePos): Expr {
  if (isNum(r, 0)) return l;
  if (isNum(l, 0)) return neg(r, pos);
  return { kind: "binary", op: "-", left: l, right: r, pos };
}
function neg(e: Expr, pos: SourcePos): Expr {
  if (e.kind === "num") return num(-e.value, pos);
  return { kind: "unary", op: "-", arg: e, pos };
}
function mul(l: Expr, r: Expr, pos: SourcePos): Expr {
  if (isNum(l, 0) || isNum(r, 0)) return num(0, pos);
  if (isNum(l, 1)) return r;
  if (isNum(r, 1)) return l;
  return { kind: "binary", op: "*", left: l, right: r, pos };
}
function div(l: Expr, r: Expr, pos: SourcePos): Expr {
  if (isNum(l, 0)) return num(0, pos);
  if (isNum(r, 1)) return l;
  return { kind: "binary", op: "/", left: l, right: r, pos };
}

/**
 * One equation's view of the block before it: assignments in SSA form (`t#2` is the
 * second value of t); `current` gives each variable's version at the equation.
 */
interface Ssa {
  /** Definitions; a value assigned inside an if is `if$(names it may read)`. */
  readonly defs: ReadonlyMap<string, Expr>;
  readonly current: ReadonlyMap<string, string>;
}

/** The pseudo-function standing for a value assigned inside an if. */
const CONDITIONAL = "if$";

const plainName = (n: string) => n.replace(/#\d+$/, "");

/** Linear forms over an SSA view, memoised by expression node (the defs form a DAG). */
class Linearizer {
  private readonly dep = new Map<Expr, boolean>();
  private readonly forms = new Map<Expr, LinearForm | null>();
  private readonly plain = new Map<Expr, Expr>();
  constructor(
    private readonly ssa: Ssa,
    private readonly x: string,
    private readonly pos: SourcePos,
  ) {}

  depends(e: Expr): boolean {
    let r = this.dep.get(e);
    if (r !== undefined) return r;
    this.dep.set(e, false);
    r = false;
    if (e.kind === "name") {
      if (e.name === this.x) r = true;
      else if (this.ssa.defs.has(e.name)) r = this.depends(this.ssa.defs.get(e.name)!);
    } else if (e.kind === "call") r = e.args.some((a) => this.depends(a));
    else if (e.kind === "unary") r = this.depends(e.arg);
    else if (e.kind === "binary") r = this.depends(e.left) || this.depends(e.right);
    this.dep.set(e, r);
    return r;
  }

  /** `e` (free of x) with SSA names turned back into variables at the equation. */
  toPlain(e: Expr): Expr {
    const hit = this.plain.get(e);
    if (hit) return hit;
    let out: Expr;
    switch (e.kind) {
      case "num":
        out = e;
        break;
      case "name": {
        const base = plainName(e.name);
        if (!this.ssa.defs.has(e.name) || this.ssa.current.get(base) === e.name) out = { ...e, name: base };
        else {
          const d = this.ssa.defs.get(e.name)!;
          if (d.kind === "call" && d.name === CONDITIONAL)
            throw new NmodlError(
              this.pos,
              "cnexp",
              `cannot write the equation of ${this.x} linearly: it uses an ` +
                `earlier, conditional value of "${base}"; use METHOD derivimplicit`,
            );
          out = this.toPlain(d);
        }
        break;
      }
      case "call":
        out = { ...e, args: e.args.map((a) => this.toPlain(a)) };
        break;
      case "unary":
        out = { ...e, arg: this.toPlain(e.arg) };
        break;
      case "binary":
        out = { ...e, left: this.toPlain(e.left), right: this.toPlain(e.right) };
        break;
    }
    this.plain.set(e, out);
    return out;
  }

  form(f: Expr): LinearForm | null {
    if (this.forms.has(f)) return this.forms.get(f)!;
    this.forms.set(f, null); // a cycle cannot occur in SSA; this only guards
    const r = this.compute(f);
    this.forms.set(f, r);
    return r;
  }

  private compute(f: Expr): LinearForm | null {
    const p = f.pos;
    if (!this.depends(f)) return { a: this.toPlain(f), b: num(0, p) };
    switch (f.kind) {
      case "name": {
        if (f.name === this.x) return { a: num(0, p), b: num(1, p) };
        return this.form(this.ssa.defs.get(f.name)!);
      }
      case "unary": {
        if (f.op !== "-") return null;
        const l = this.form(f.arg);
        return l && { a: neg(l.a, p), b: neg(l.b, p) };
      }
      case "binary": {
        const l = this.form(f.left),
          r = this.form(f.right);
        if (!l || !r) return null;
        const lx = this.depends(f.left),
          rx = this.depends(f.right);
        switch (f.op) {
          case "+":
            return { a: add(l.a, r.a, p), b: add(l.b, r.b, p) };
          case "-":
            return { a: sub(l.a, r.a, p), b: sub(l.b, r.b, p) };
          case "*":
            if (lx && rx) return null;
            return lx ? { a: mul(l.a, r.a, p), b: mul(l.b, r.a, p) } : { a: mul(l.a, r.a, p), b: mul(l.a, r.b, p) };
          case "/":
            if (rx) return null;
            return { a: div(l.a, r.a, p), b: div(l.b, r.a, p) };
          default:
            return null;
        }
      }
      default:
        return null; // x inside a function call
    }
  }
}

/** Rewrites names to their current SSA versions. */
function versioned(e: Expr, current: ReadonlyMap<string, string>): Expr {
  switch (e.kind) {
    case "num":
      return e;
    case "name": {
      const v = current.get(e.name);
      return v ? { ...e, name: v } : e;
    }
    case "call":
      return { ...e, args: e.args.map((a) => versioned(a, current)) };
    case "unary":
      return { ...e, arg: versioned(e.arg, current) };
    case "binary":
      return { ...e, left: versioned(e.left, current), right: versioned(e.right, current) };
  }
}

/**
 * The linear form of each differential equation of a DERIVATIVE block, for cnexp;
 * throws {@link NmodlError} (suggesting derivimplicit) for an equation that is not
 * linear in its state, or that depends on its state through a conditional assignment.
 * Terms are expanded through the block's earlier assignments where they depend on the
 * state; otherwise they stay names, read at the equation.
 *
 * @example cnexpForms(flatBody, "DERIVATIVE states").get("m") // { a: minf / mtau, b: -1 / mtau }
 */
export function cnexpForms(body: readonly FlatStmt[], block: string): Map<string, LinearForm> {
  const defs = new Map<string, Expr>();
  const current = new Map<string, string>();
  const forms = new Map<string, LinearForm>();
  let counter = 0;
  const assign = (target: string, value: Expr) => {
    const v = `${target}#${++counter}`;
    defs.set(v, value);
    current.set(target, v);
  };
  for (const s of body) {
    if (s.kind === "assign") {
      assign(s.target, versioned(s.value, current));
      continue;
    }
    if (s.kind === "if") {
      // Each variable assigned inside the if may depend on anything the if reads.
      const targets = assignedIn([s]);
      const reads = [...readsIn([s], new Set())].map((n) => current.get(n) ?? n);
      for (const t of targets) if (current.has(t)) reads.push(current.get(t)!);
      const args: Expr[] = reads.map((n) => ({ kind: "name", name: n, pos: s.pos }));
      for (const t of targets) assign(t, { kind: "call", name: CONDITIONAL, args, pos: s.pos });
      continue;
    }
    const x = s.state;
    const value = versioned(s.value, current);
    const lin = new Linearizer({ defs, current }, x, s.pos);
    const form = lin.form(value);
    if (form === null || namesIn(form.b).has(x)) {
      throw new NmodlError(
        s.pos,
        "cnexp",
        `${x}' = ... is not linear in ${x}, which METHOD cnexp requires ` +
          `(x' = a + b x); use METHOD derivimplicit in the SOLVE of ${block}`,
      );
    }
    forms.set(x, form);
  }
  return forms;
}
