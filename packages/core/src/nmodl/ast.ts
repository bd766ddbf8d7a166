/**
 * The syntax tree of an NMODL file. Every node carries the 1-based line and column
 * where it starts (`pos`). Units are kept as their text (`"mA/cm2"`).
 */
import type { SourcePos } from "./errors.js";

export type { SourcePos };

export type BinaryOp = "+" | "-" | "*" | "/" | "^" | "<" | "<=" | ">" | ">=" | "==" | "!=" | "&&" | "||";

/** A number literal, with the unit that may follow it (`1.0 (/ms)`). */
export interface NumExpr {
  readonly kind: "num";
  readonly value: number;
  readonly unit?: string;
  readonly pos: SourcePos;
}
/** A name: a variable, parameter, state, local or constant. */
export interface NameExpr {
  readonly kind: "name";
  readonly name: string;
  readonly pos: SourcePos;
}
/** A call of a built-in function or a FUNCTION of the file. */
export interface CallExpr {
  readonly kind: "call";
  readonly name: string;
  readonly args: readonly Expr[];
  readonly pos: SourcePos;
}
/** Unary minus or logical not. */
export interface UnaryExpr {
  readonly kind: "unary";
  readonly op: "-" | "!";
  readonly arg: Expr;
  readonly pos: SourcePos;
}
/** A binary operation; `^` is the power. */
export interface BinaryExpr {
  readonly kind: "binary";
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly pos: SourcePos;
}

export type Expr = NumExpr | NameExpr | CallExpr | UnaryExpr | BinaryExpr;

/** `x = e`, or with `prime` the differential equation `x' = e`. */
export interface AssignStmt {
  readonly kind: "assign";
  readonly target: string;
  readonly prime: boolean;
  readonly value: Expr;
  readonly pos: SourcePos;
}
/** A procedure (or function) called for its effect: `rates(v)`. */
export interface CallStmt {
  readonly kind: "call";
  readonly call: CallExpr;
  readonly pos: SourcePos;
}
/** `if (c) { } else { }`; `else if` is an `else` holding one `if`. */
export interface IfStmt {
  readonly kind: "if";
  readonly cond: Expr;
  readonly then: readonly Stmt[];
  readonly else: readonly Stmt[] | null;
  readonly pos: SourcePos;
}
/** `LOCAL a, b`. */
export interface LocalStmt {
  readonly kind: "local";
  readonly names: readonly string[];
  readonly pos: SourcePos;
}
/** `TABLE a, b DEPEND c FROM lo TO hi WITH n` (NEURON's lookup table; rates stay exact here). */
export interface TableStmt {
  readonly kind: "table";
  readonly names: readonly string[];
  readonly depend: readonly string[];
  readonly from: Expr;
  readonly to: Expr;
  readonly with: number;
  readonly pos: SourcePos;
}
/** `UNITSON` / `UNITSOFF` (unit checking switches; no effect on values). */
export interface UnitsFlagStmt {
  readonly kind: "unitsflag";
  readonly on: boolean;
  readonly pos: SourcePos;
}
/** `SOLVE states METHOD cnexp` or `SOLVE kin STEADYSTATE sparse`. */
export interface SolveStmt {
  readonly kind: "solve";
  readonly block: string;
  readonly method: string | null;
  readonly steadystate: boolean;
  readonly pos: SourcePos;
}
/** One side of a reaction: `2A + B`. */
export interface Reactant {
  readonly name: string;
  readonly count: number;
  readonly pos: SourcePos;
}
/** `~ A <-> B (kf, kb)` or `~ A << (flux)`. */
export interface ReactionStmt {
  readonly kind: "reaction";
  readonly op: "<->" | "<<";
  readonly left: readonly Reactant[];
  readonly right: readonly Reactant[];
  readonly rates: readonly Expr[];
  readonly pos: SourcePos;
}
/** `CONSERVE a + b = total`. */
export interface ConserveStmt {
  readonly kind: "conserve";
  readonly left: Expr;
  readonly right: Expr;
  readonly pos: SourcePos;
}

export type Stmt =
  | AssignStmt
  | CallStmt
  | IfStmt
  | LocalStmt
  | TableStmt
  | UnitsFlagStmt
  | SolveStmt
  | ReactionStmt
  | ConserveStmt;

/** `USEION ca READ eca, cai WRITE ica VALENCE 2`. */
export interface UseIon {
  readonly name: string;
  readonly read: readonly string[];
  readonly write: readonly string[];
  readonly valence: number | null;
  readonly pos: SourcePos;
}

/** The NEURON block. */
export interface NeuronBlock {
  readonly kind: "neuron";
  readonly suffix: string | null;
  readonly suffixPos: SourcePos | null;
  readonly ions: readonly UseIon[];
  readonly nonspecific: readonly string[];
  readonly range: readonly string[];
  readonly global: readonly string[];
  readonly threadsafe: boolean;
  readonly pos: SourcePos;
}

/** A unit definition `(mV) = (millivolt)` or a named constant `FARADAY = (faraday) (coulomb)`. */
export type UnitsEntry =
  | { readonly kind: "unitdef"; readonly name: string; readonly definition: string; readonly pos: SourcePos }
  | {
      readonly kind: "factor";
      readonly name: string;
      readonly from: string;
      readonly to: string;
      readonly pos: SourcePos;
    }
  | {
      readonly kind: "value";
      readonly name: string;
      readonly value: number;
      readonly unit: string | null;
      readonly pos: SourcePos;
    };

export interface UnitsBlock {
  readonly kind: "units";
  readonly entries: readonly UnitsEntry[];
  readonly pos: SourcePos;
}

/** One declared variable of PARAMETER, CONSTANT, ASSIGNED or STATE. */
export interface Declaration {
  readonly name: string;
  readonly value: number | null;
  readonly unit: string | null;
  /** `<low, high>` of a PARAMETER. */
  readonly limits: readonly [number, number] | null;
  /** `FROM a TO b` of a STATE. */
  readonly range: readonly [number, number] | null;
  readonly pos: SourcePos;
}

export interface DeclarationBlock {
  readonly kind: "parameter" | "constant" | "assigned" | "state";
  readonly declarations: readonly Declaration[];
  readonly pos: SourcePos;
}

/** A formal argument of a PROCEDURE or FUNCTION. */
export interface Argument {
  readonly name: string;
  readonly unit: string | null;
  readonly pos: SourcePos;
}

export interface StatementBlock {
  readonly kind: "initial" | "breakpoint";
  readonly body: readonly Stmt[];
  readonly pos: SourcePos;
}
export interface NamedBlock {
  readonly kind: "derivative" | "kinetic";
  readonly name: string;
  readonly body: readonly Stmt[];
  readonly pos: SourcePos;
}
export interface CallableBlock {
  readonly kind: "procedure" | "function";
  readonly name: string;
  readonly args: readonly Argument[];
  readonly unit: string | null;
  readonly body: readonly Stmt[];
  readonly pos: SourcePos;
}

export type Block =
  | { readonly kind: "title"; readonly text: string; readonly pos: SourcePos }
  | NeuronBlock
  | UnitsBlock
  | DeclarationBlock
  | { readonly kind: "independent"; readonly pos: SourcePos }
  | StatementBlock
  | NamedBlock
  | CallableBlock
  | { readonly kind: "local"; readonly names: readonly string[]; readonly pos: SourcePos }
  | { readonly kind: "define"; readonly name: string; readonly value: number; readonly pos: SourcePos }
  | UnitsFlagStmt;

/** A parsed `.mod` file: its top-level blocks in source order. */
export interface NmodlFile {
  readonly blocks: readonly Block[];
}
