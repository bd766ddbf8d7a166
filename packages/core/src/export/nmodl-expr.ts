/**
 * Printing the expression language as NMODL: fully parenthesised arithmetic, NEURON's
 * math functions, and NMODL `FUNCTION`s for the project's own functions (`vtrap`,
 * `efun`, `sigmoid`, ...), written from their definitions in `mechanisms/expr`.
 */
import type { Expr } from "../mechanisms/expr/ast.js";
import { exportError } from "./errors.js";

/** Functions NMODL (C's math library) has under the same or another name. */
const NATIVE: Readonly<Record<string, string>> = {
  exp: "exp",
  log: "log",
  sqrt: "sqrt",
  abs: "fabs",
  tanh: "tanh",
  sinh: "sinh",
  cosh: "cosh",
  log10: "log10",
  sin: "sin",
  cos: "cos",
  tan: "tan",
  atan: "atan",
  asin: "asin",
  acos: "acos",
  floor: "floor",
  ceil: "ceil",
  atan2: "atan2",
  fmod: "fmod",
  pow: "pow",
};

/**
 * The project's functions as NMODL `FUNCTION`s, same formulas and guards as
 * `mechanisms/expr/special.ts` and `functions.ts` (named `dl_<name>` so that no
 * NEURON name is shadowed).
 */
const HELPERS: Readonly<Record<string, string>> = {
  sigmoid: `FUNCTION dl_sigmoid(x) {
    dl_sigmoid = 1 / (1 + exp(-x))
}`,
  sign: `FUNCTION dl_sign(x) {
    if (x > 0) {
        dl_sign = 1
    } else if (x < 0) {
        dl_sign = -1
    } else {
        dl_sign = 0
    }
}`,
  min: `FUNCTION dl_min(a, b) {
    if (a <= b) {
        dl_min = a
    } else {
        dl_min = b
    }
}`,
  max: `FUNCTION dl_max(a, b) {
    if (a >= b) {
        dl_max = a
    } else {
        dl_max = b
    }
}`,
  ifle: `FUNCTION dl_ifle(a, b, x, y) {
    if (a <= b) {
        dl_ifle = x
    } else {
        dl_ifle = y
    }
}`,
  efun: `FUNCTION dl_efun(x) {
    if (fabs(x) < 1e-6) {
        dl_efun = 1 - x / 2 + x * x / 12
    } else {
        dl_efun = x / (exp(x) - 1)
    }
}`,
  vtrap: `FUNCTION dl_vtrap(x, y) {
    if (fabs(x / y) < 1e-6) {
        dl_vtrap = y * (1 - x / y / 2)
    } else {
        dl_vtrap = x / (exp(x / y) - 1)
    }
}`,
};

/** An expression printer bound to a name map (spec names to NMODL names). */
export class NmodlPrinter {
  /** The helper functions used so far, by name. */
  readonly helpersUsed = new Set<string>();

  constructor(
    private readonly rename: (name: string) => string,
    /** Where the expressions come from, for errors (e.g. `channel "Na", gate m`). */
    public where: string,
  ) {}

  /** The NMODL text of `e`, with every operation parenthesised. */
  print(e: Expr): string {
    switch (e.type) {
      case "num":
        return printNumber(e.value, this.where);
      case "var":
        return this.rename(e.name);
      case "neg":
        return `(-${this.print(e.arg)})`;
      case "bin":
        return `(${this.print(e.left)} ${e.op} ${this.print(e.right)})`;
      case "call": {
        const args = e.args.map((a) => this.print(a)).join(", ");
        const native = NATIVE[e.fn];
        if (native) return `${native}(${args})`;
        if (HELPERS[e.fn]) {
          this.helpersUsed.add(e.fn);
          return `dl_${e.fn}(${args})`;
        }
        throw exportError(
          `${this.where} calls ${e.fn}(), which has no NMODL form (it exists for derivatives inside ` +
            `Dendrolab); write the mechanism with ${[...Object.keys(NATIVE), ...Object.keys(HELPERS)].join(", ")}`,
        );
      }
    }
  }

  /** The NMODL FUNCTION blocks of the helpers used. */
  helperBlocks(): string[] {
    return [...this.helpersUsed].sort().map((f) => HELPERS[f]);
  }
}

function printNumber(x: number, where: string): string {
  if (!Number.isFinite(x)) throw exportError(`${where} has the constant ${x}, which NMODL cannot write`);
  const s = String(x);
  return x < 0 ? `(${s})` : s;
}
