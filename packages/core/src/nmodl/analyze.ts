/**
 * Semantic analysis: from the syntax tree of an NMODL file to a checked mechanism
 * description with resolved names, inlined straight-line code for INITIAL, BREAKPOINT
 * and the DERIVATIVE block, and the linear forms of cnexp equations. Throws
 * {@link NmodlError} for anything the simulator could not run as NEURON does.
 */
import type {
  CallableBlock,
  NamedBlock,
  NeuronBlock,
  NmodlFile,
  SolveStmt,
  SourcePos,
  StatementBlock,
  Stmt,
} from "./ast.js";
import { NmodlError } from "./errors.js";
import { assignedIn, readBeforeWrite, readsIn, type FlatStmt } from "./flat.js";
import { Inliner, MATH_FUNCTIONS } from "./inline.js";
import { cnexpForms, type LinearForm } from "./linear.js";
import { parseNmodl } from "./parser.js";
import { buildSymbols, type IonRole, type MechSymbol } from "./symbols.js";

/** Integration methods of a DERIVATIVE block that the simulator will support. */
export const METHODS = ["cnexp", "derivimplicit"] as const;
export type Method = (typeof METHODS)[number];

export interface IonUsage {
  readonly name: string;
  /** VALENCE if given; else NEURON's default for na, k (1) and ca (2), or null. */
  readonly valence: number | null;
  readonly read: readonly { readonly name: string; readonly role: IonRole }[];
  readonly write: readonly { readonly name: string; readonly role: IonRole }[];
}

export interface DerivativeBlock {
  readonly name: string;
  /** "procedure": `SOLVE name` of a PROCEDURE, whose assignments update the states explicitly. */
  readonly method: Method | "procedure";
  /** Statements with the differential equations in place (`kind: "derivative"`); a PROCEDURE's body. */
  readonly body: readonly FlatStmt[];
  /** For cnexp: each state's equation as x' = a + b x. */
  readonly linear: ReadonlyMap<string, LinearForm>;
}

/** A checked NMODL mechanism: what the mechanism compiler needs. */
export interface NmodlMechanism {
  readonly suffix: string;
  readonly title: string | null;
  readonly threadsafe: boolean;
  readonly ions: readonly IonUsage[];
  /** Currents written: ion currents (`ina`) and NONSPECIFIC_CURRENTs (`ihcn`). */
  readonly currents: readonly { readonly name: string; readonly ion: string | null }[];
  readonly parameters: readonly MechSymbol[];
  readonly assigned: readonly MechSymbol[];
  /** STATEs, including ion concentrations a mechanism integrates (`isState`). */
  readonly states: readonly MechSymbol[];
  /** Named constants (UNITS, CONSTANT, DEFINE), already substituted into the code. */
  readonly constants: Readonly<Record<string, number>>;
  /** NEURON variables read: any of v, celsius, dt, t. */
  readonly builtinsRead: readonly string[];
  readonly initial: readonly FlatStmt[];
  /** BREAKPOINT without its SOLVE. */
  readonly breakpoint: readonly FlatStmt[];
  readonly derivative: DerivativeBlock | null;
  /** Unique names of the locals and temporaries of the inlined code. */
  readonly locals: readonly string[];
  /**
   * ASSIGNED variables read by BREAKPOINT or the DERIVATIVE block before they are
   * written there (their value must persist per instance, e.g. km.mod's `tadj` set in
   * INITIAL).
   */
  readonly persistent: readonly string[];
  /** TABLE statements were present (rates are computed exactly instead). */
  readonly hadTables: boolean;
  readonly symbols: ReadonlyMap<string, MechSymbol>;
}

const DEFAULT_VALENCE: Record<string, number> = { na: 1, k: 1, ca: 2 };

function only<T extends { kind: string; pos: SourcePos }>(items: readonly T[], what: string): T | null {
  if (items.length > 1) throw new NmodlError(items[1].pos, what, `a second ${what} block; a mechanism has at most one`);
  return items[0] ?? null;
}

function hasTable(file: NmodlFile): boolean {
  return file.blocks.some(
    (b) => "body" in b && (b.body as readonly { kind: string }[]).some((s) => s.kind === "table"),
  );
}

/**
 * Analyses a parsed file (or NMODL text) into an {@link NmodlMechanism}.
 *
 * @example
 * const m = analyzeNmodl(text);
 * m.suffix;                       // "NaTs2_t"
 * m.derivative?.linear.get("m");  // { a: mInf / mTau, b: -1 / mTau }
 */
export function analyzeNmodl(input: NmodlFile | string): NmodlMechanism {
  const file = typeof input === "string" ? parseNmodl(input) : input;
  const neuron = only(
    file.blocks.filter((b): b is NeuronBlock => b.kind === "neuron"),
    "NEURON",
  );
  if (neuron === null || neuron.suffix === null) {
    throw new NmodlError(
      neuron?.pos ?? { line: 1, column: 1 },
      "NEURON",
      "a density mechanism needs a NEURON block with a SUFFIX, e.g. NEURON { SUFFIX kdr ... }",
    );
  }
  const symbols = buildSymbols(file);
  const callables = new Map<string, CallableBlock>();
  for (const b of file.blocks) {
    if (b.kind !== "procedure" && b.kind !== "function") continue;
    const prev = callables.get(b.name);
    if (prev)
      throw new NmodlError(
        b.pos,
        b.kind.toUpperCase(),
        `"${b.name}" is defined twice (first at line ${prev.pos.line})`,
      );
    if (symbols.has(b.name) && symbols.get(b.name)!.kind !== "builtin") {
      throw new NmodlError(
        b.pos,
        b.kind.toUpperCase(),
        `"${b.name}" is both a variable and a ${b.kind.toUpperCase()}; rename one`,
      );
    }
    callables.set(b.name, b);
  }
  for (const b of file.blocks) {
    if (b.kind === "kinetic") {
      throw new NmodlError(
        b.pos,
        "KINETIC",
        `KINETIC ${b.name}: kinetic schemes are parsed but not yet solved; ` +
          `write the scheme as a DERIVATIVE block (one x' = ... per state) with METHOD derivimplicit`,
      );
    }
  }
  for (const n of neuron.nonspecific) {
    if (!symbols.has(n) || symbols.get(n)!.kind !== "assigned") {
      throw new NmodlError(
        neuron.pos,
        "NONSPECIFIC_CURRENT",
        `NONSPECIFIC_CURRENT ${n} must also be declared in ASSIGNED, e.g. ${n} (mA/cm2)`,
      );
    }
  }
  for (const n of neuron.global) {
    if (!symbols.has(n)) {
      throw new NmodlError(neuron.pos, "GLOBAL", `GLOBAL "${n}" is not declared; declare it in PARAMETER or ASSIGNED`);
    }
  }

  const inliner = new Inliner(symbols, callables);
  const initialBlock = only(
    file.blocks.filter((b): b is StatementBlock => b.kind === "initial"),
    "INITIAL",
  );
  const bpBlock = only(
    file.blocks.filter((b): b is StatementBlock => b.kind === "breakpoint"),
    "BREAKPOINT",
  );
  const initial = initialBlock
    ? inliner.block(initialBlock.body, { block: "INITIAL", primes: false, solves: true })
    : [];
  const initialSolves = inliner.solves.splice(0);
  for (const s of initialSolves) {
    throw new NmodlError(
      s.pos,
      "SOLVE",
      `SOLVE ${s.block} in INITIAL (steady state of a scheme) is not supported; ` +
        `assign the states their initial values instead`,
    );
  }
  const breakpoint = bpBlock ? inliner.block(bpBlock.body, { block: "BREAKPOINT", primes: false, solves: true }) : [];
  const solves = inliner.solves.splice(0);
  const derivative = derivativeBlock(file, solves, inliner);

  const states = [...symbols.values()].filter((s) => s.kind === "state" || s.isState);
  const stateWrite = firstAssignment(breakpoint, new Set(states.map((s) => s.name)));
  if (stateWrite) {
    throw new NmodlError(
      stateWrite.pos,
      "STATE",
      `BREAKPOINT assigns the STATE ${stateWrite.target} outside its SOLVE (NEURON would run it at every current ` +
        `evaluation, twice a step); update ${stateWrite.target} in the DERIVATIVE block, or in a PROCEDURE ` +
        `that BREAKPOINT solves (SOLVE name)`,
    );
  }
  if (derivative?.method === "procedure") {
    // A STATE the PROCEDURE does not assign keeps its value.
  } else if (derivative) {
    for (const s of states) {
      if (!derivative.body.some((st) => st.kind === "derivative" && st.state === s.name)) {
        throw new NmodlError(
          s.pos,
          "STATE",
          `the STATE ${s.name} has no equation ${s.name}' = ... in DERIVATIVE ${derivative.name}`,
        );
      }
    }
  } else if (states.length > 0) {
    throw new NmodlError(
      states[0].pos,
      "STATE",
      `the STATEs (${states.map((s) => s.name).join(", ")}) need a DERIVATIVE block ` +
        `and SOLVE ... METHOD cnexp in BREAKPOINT (or SOLVE of a PROCEDURE that updates them)`,
    );
  }

  const currents = [
    ...neuron.ions.flatMap((ion) =>
      ion.write.filter((w) => w === `i${ion.name}`).map((name) => ({ name, ion: ion.name })),
    ),
    ...neuron.nonspecific.map((name) => ({ name, ion: null })),
  ];
  const written = assignedIn(breakpoint);
  for (const c of currents) {
    if (!written.has(c.name)) {
      throw new NmodlError(
        bpBlock?.pos ?? neuron.pos,
        "BREAKPOINT",
        `the current ${c.name} is never assigned in BREAKPOINT; ` + `write ${c.name} = ... there`,
      );
    }
  }
  const assigned = [...symbols.values()].filter((s) => s.kind === "assigned");
  const assignedNames = new Set(assigned.map((s) => s.name));
  const persistentSet = new Set<string>();
  for (const body of [breakpoint, derivative?.body ?? []]) {
    for (const n of readBeforeWrite(body, new Set())) if (assignedNames.has(n)) persistentSet.add(n);
  }
  const everything = [...initial, ...breakpoint, ...(derivative?.body ?? [])];
  const reads = readsIn(everything, new Set());
  return {
    suffix: neuron.suffix,
    title: file.blocks.flatMap((b) => (b.kind === "title" ? [b.text] : []))[0] ?? null,
    threadsafe: neuron.threadsafe,
    ions: neuron.ions.map((ion) => ({
      name: ion.name,
      valence: ion.valence ?? DEFAULT_VALENCE[ion.name] ?? null,
      read: ion.read.map((name) => ({ name, role: symbols.get(name)!.ion!.role })),
      write: ion.write.map((name) => ({ name, role: symbols.get(name)!.ion!.role })),
    })),
    currents,
    parameters: [...symbols.values()].filter((s) => s.kind === "parameter"),
    assigned,
    states,
    constants: Object.fromEntries(
      [...symbols.values()].filter((s) => s.kind === "constant").map((s) => [s.name, s.value!]),
    ),
    builtinsRead: ["v", "celsius", "dt", "t"].filter((n) => reads.has(n)),
    initial,
    breakpoint,
    derivative,
    locals: inliner.locals,
    persistent: [...persistentSet],
    hadTables: hasTable(file),
    symbols,
  };
}

function derivativeBlock(file: NmodlFile, solves: readonly SolveStmt[], inliner: Inliner): DerivativeBlock | null {
  if (solves.length === 0) return null;
  if (solves.length > 1)
    throw new NmodlError(
      solves[1].pos,
      "SOLVE",
      "a second SOLVE in BREAKPOINT; solve all states in one DERIVATIVE block",
    );
  const solve = solves[0];
  const target = file.blocks.find(
    (b): b is NamedBlock => (b.kind === "derivative" || b.kind === "kinetic") && b.name === solve.block,
  );
  if (target === undefined) {
    const proc = file.blocks.find((b): b is CallableBlock => b.kind === "procedure" && b.name === solve.block);
    if (proc !== undefined) return procedureSolve(solve, proc, inliner);
    const known = file.blocks.filter((b): b is NamedBlock => b.kind === "derivative").map((b) => b.name);
    throw new NmodlError(
      solve.pos,
      "SOLVE",
      `SOLVE ${solve.block}: there is no DERIVATIVE block named ${solve.block}` +
        `${known.length ? ` (DERIVATIVE blocks: ${known.join(", ")})` : ""}`,
    );
  }
  const method = solve.method ?? "cnexp";
  if (!(METHODS as readonly string[]).includes(method)) {
    throw new NmodlError(
      solve.pos,
      "SOLVE",
      `METHOD ${method} is not supported for a DERIVATIVE block; use ` +
        `${METHODS.join(" or ")}${method === "euler" ? " (cnexp is exact for equations linear in their state)" : ""}`,
    );
  }
  const body = inliner.block(target.body, { block: `DERIVATIVE ${target.name}`, primes: true, solves: false });
  const seen = new Set<string>();
  for (const s of body) {
    if (s.kind === "if" && containsDerivative([s])) {
      throw new NmodlError(
        s.pos,
        "derivative",
        `a differential equation inside an if; write x' = ... unconditionally ` +
          `and put the if into its right-hand side's variables`,
      );
    }
    if (s.kind === "derivative") {
      if (seen.has(s.state))
        throw new NmodlError(s.pos, "derivative", `a second equation for ${s.state}'; each STATE has one`);
      seen.add(s.state);
    }
  }
  const linear = method === "cnexp" ? cnexpForms(body, `DERIVATIVE ${target.name}`) : new Map<string, LinearForm>();
  return { name: target.name, method: method as Method, body, linear };
}

/**
 * `SOLVE name` of a PROCEDURE (no METHOD): NEURON calls it once per step after the
 * voltage update, and its assignments to STATEs are the states' new values.
 */
function procedureSolve(solve: SolveStmt, proc: CallableBlock, inliner: Inliner): DerivativeBlock {
  if (solve.method) {
    throw new NmodlError(
      solve.pos,
      "SOLVE",
      `SOLVE ${proc.name} METHOD ${solve.method}: ${proc.name} is a PROCEDURE, which is solved without a METHOD ` +
        `(its assignments update the states); remove METHOD ${solve.method}, or write a DERIVATIVE block`,
    );
  }
  if (proc.args.length > 0) {
    throw new NmodlError(
      solve.pos,
      "SOLVE",
      `SOLVE ${proc.name}: a PROCEDURE that is solved takes no arguments; ${proc.name} has ${proc.args.length}`,
    );
  }
  const call: Stmt = {
    kind: "call",
    call: { kind: "call", name: proc.name, args: [], pos: solve.pos },
    pos: solve.pos,
  };
  const body = inliner.block([call], { block: `PROCEDURE ${proc.name}`, primes: false, solves: false });
  return { name: proc.name, method: "procedure", body, linear: new Map() };
}

/** The first assignment (in `if` branches too) to one of `names`, or undefined. */
function firstAssignment(
  ss: readonly FlatStmt[],
  names: ReadonlySet<string>,
): Extract<FlatStmt, { kind: "assign" }> | undefined {
  for (const s of ss) {
    if (s.kind === "assign" && names.has(s.target)) return s;
    if (s.kind === "if") {
      const inner = firstAssignment(s.then, names) ?? firstAssignment(s.else, names);
      if (inner) return inner;
    }
  }
  return undefined;
}

function containsDerivative(ss: readonly FlatStmt[]): boolean {
  return ss.some((s) => s.kind === "derivative" || (s.kind === "if" && containsDerivative([...s.then, ...s.else])));
}

export { MATH_FUNCTIONS };
