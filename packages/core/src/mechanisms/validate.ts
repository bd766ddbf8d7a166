/**
 * Checks a mechanism spec (which may come from a share link or a student's typing) and
 * parses its expressions: first its shape against the schema (`spec-schema.ts`), then
 * what depends on the whole spec (names unique, ions, expressions and the names they
 * use, gate rates free of states). Every error names the mechanism, the field, what was
 * given and what is allowed.
 */
import { DendrolabError } from "../errors.js";
import type { Expr } from "./expr/ast.js";
import { freeNames } from "./expr/ast.js";
import { ExpressionError } from "./expr/errors.js";
import { FUNCTION_NAMES } from "./expr/functions.js";
import { validNamesHint } from "../names.js";
import { parseExpr } from "./expr/parser.js";
import { prefixedKey } from "./keys.js";
import { ionDefaults, ionRoleOf } from "./ions.js";
import { checkSpecShape } from "./spec-schema.js";
import type { CompiledIon, IonUse, MechanismSpec, QuantitySpec } from "./types.js";

/** A bad mechanism spec. */
export class MechanismSpecError extends DendrolabError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, "MECHANISM_SPEC", options);
    this.name = "MechanismSpecError";
  }
}

/** A gate with parsed expressions: `a`, `b` are alpha, beta or inf, tau; for "rate", `a` is the rate. */
export interface AnalyzedGate {
  readonly state: string;
  readonly form: "alphaBeta" | "infTau" | "rate" | "next";
  readonly a: Expr;
  readonly b: Expr | null;
  /** The initial value (`initial`), if given. */
  readonly initial: Expr | null;
  /** The ion variable this state is (a concentration, e.g. "cai"), if it is one. */
  readonly concentration: string | null;
  /** For rate gates: NEURON's cnexp or an implicit (backward Euler) step. */
  readonly method: "cnexp" | "implicit";
}

/** A valid spec with its expressions parsed. */
export interface AnalyzedSpec {
  readonly spec: MechanismSpec;
  readonly voltageNames: readonly string[];
  readonly definitions: readonly (readonly [string, Expr])[];
  readonly gates: readonly AnalyzedGate[];
  /** The nonspecific current ("0" if not given). */
  readonly current: Expr;
  /** Ion species used, normalised (valence filled in). */
  readonly ions: readonly CompiledIon[];
  /** Ion currents written, with their expressions, in spec order. */
  readonly ionCurrents: readonly (readonly [string, Expr])[];
  /** Ion variables read in expressions (not concentration states of this mechanism), in order. */
  readonly ionReads: readonly string[];
  /** Recordable outputs (local name, expression), in spec order. */
  readonly outputs: readonly (readonly [string, Expr])[];
}

const RESERVED = ["v", "v_pre", "v_post", "dt", "t", "celsius", "__proto__"];

/**
 * A deep-frozen copy of a valid spec (its values are strings and finite numbers, so a
 * JSON round trip is exact).
 *
 * @example frozenSpecCopy(spec) !== spec // true, and Object.isFrozen(result.params)
 */
function frozenSpecCopy<T extends MechanismSpec>(spec: T): T {
  const freeze = (x: unknown): unknown => {
    if (typeof x === "object" && x !== null) {
      Object.freeze(x);
      for (const v of Object.values(x)) freeze(v);
    }
    return x;
  };
  return freeze(JSON.parse(JSON.stringify(spec))) as T;
}

/**
 * Validates a spec and parses its expressions; throws {@link MechanismSpecError}.
 *
 * @example
 * validateSpec({ kind: "channel", name: "Leak2", params: { g: 1e-4, e: -70 }, states: {},
 *   gates: {}, current: "g * (v - e)" }).current // the parsed current
 */
export function validateSpec(input: unknown): AnalyzedSpec {
  const shape = checkSpecShape(input);
  if (!shape.ok) throw new MechanismSpecError(shape.message);
  const spec = shape.spec;
  const { kind, name, params, states, gates } = spec;
  const none = {};
  const shared: Record<string, number | QuantitySpec> = spec.shared ?? none;
  const definitions: Record<string, string> = spec.definitions ?? none,
    outputsSpec: Record<string, string> = spec.outputs ?? none,
    ionCurrentsSpec: Record<string, string> = spec.ionCurrents ?? none;
  const ionsSpec: Record<string, IonUse> = spec.ions ?? none;
  const where = `${kind === "channel" ? "Channel" : "Synapse"} "${name}"`;
  const fail = (msg: string, cause?: unknown): never => {
    throw new MechanismSpecError(`${where}: ${msg}`, cause ? { cause } : undefined);
  };
  if (kind !== "channel" && Object.keys(ionsSpec).length > 0) fail(`"ions" are for channels only`);
  const ions: CompiledIon[] = [];
  const ionReads: string[] = [];
  const ionCurrentReads = new Set<string>();
  const writtenCurrents: string[] = [];
  const writtenConcentrations = new Set<string>();
  for (const [species, u] of Object.entries(ionsSpec)) {
    let valence: number;
    try {
      valence = ionDefaults(species, u.valence).valence;
    } catch (e) {
      return fail(
        `ion "${species}" needs a valence (only na, k and ca have a default one), e.g. { valence: 1, ... }`,
        e,
      );
    }
    const list = (f: "read" | "write"): string[] => {
      const r = u[f] ?? [];
      for (const x of r) {
        const role = ionRoleOf(species, x);
        if (!role)
          fail(
            `ion "${species}" ${f}: "${x}" is not a variable of ${species}; allowed: e${species}, ${species}i, ${species}o, i${species}`,
          );
        if (f === "write" && role === "e")
          fail(
            `ion "${species}": the reversal potential e${species} cannot be written; write a concentration and it follows Nernst`,
          );
      }
      return r;
    };
    const read = list("read"),
      write = list("write");
    for (const x of write) {
      if (ionRoleOf(species, x) === "current") {
        if (read.includes(x)) fail(`ion "${species}": ${x} is both read and written`);
        writtenCurrents.push(x);
      } else {
        if (!Object.hasOwn(states, x))
          fail(
            `ion "${species}" writes the concentration ${x}, so "states" needs a state "${x}" (with a gate { rate })`,
          );
        writtenConcentrations.add(x);
      }
    }
    for (const x of read) {
      if (writtenConcentrations.has(x)) continue;
      ionReads.push(x);
      if (ionRoleOf(species, x) === "current") ionCurrentReads.add(x);
    }
    ions.push({ species, valence, read, write });
  }
  for (const k of Object.keys(ionCurrentsSpec)) {
    if (!writtenCurrents.includes(k)) {
      fail(
        `ionCurrents has "${k}" but no ion writes it. ${validNamesHint(k, writtenCurrents, "written ion currents")}`,
      );
    }
  }
  for (const k of writtenCurrents) {
    if (ionCurrentsSpec[k] === undefined)
      fail(`ion current "${k}" is written, so ionCurrents needs an expression for it`);
  }

  // Names and defaults.
  const voltageNames = kind === "channel" ? ["v"] : ["v_pre", "v_post"];
  const owner = new Map<string, string>();
  for (const f of FUNCTION_NAMES) owner.set(f, "a built-in function");
  for (const r of RESERVED) owner.set(r, voltageNames.includes(r) ? "the voltage" : "reserved");
  const claim = (n: string, role: string) => {
    const prev = owner.get(n);
    if (prev) fail(`the name "${n}" is used as ${role} but is already ${prev}; names in expressions must be unique`);
    owner.set(n, role);
  };
  const quantities = (r: Record<string, unknown>, role: string) => {
    for (const k of Object.keys(r)) claim(k, role);
  };
  quantities(params, "a parameter");
  quantities(shared, "a shared parameter");
  quantities(states, "a state");
  for (const x of ionReads) claim(x, "an ion variable");
  for (const k of Object.keys(definitions)) claim(k, "a definition");

  // Full keys must not collide (a shared key may look like a prefixed one).
  const keyOwner = new Map<string, string>();
  const claimKey = (key: string, what: string) => {
    const prev = keyOwner.get(key);
    if (prev) fail(`the key "${key}" would belong both to ${prev} and to ${what}`);
    keyOwner.set(key, what);
  };
  for (const k of Object.keys(params)) claimKey(prefixedKey(name, k), `parameter "${k}"`);
  for (const k of Object.keys(shared)) claimKey(k, `shared parameter "${k}"`);
  for (const k of Object.keys(states)) {
    claimKey(writtenConcentrations.has(k) ? k : prefixedKey(name, k), `state "${k}"`);
  }

  // Expressions.
  const base = [
    ...voltageNames,
    "celsius",
    ...Object.keys(params),
    ...Object.keys(shared),
    ...ionReads,
    ...Object.keys(states),
    // The run's step and the time (ms); last, so that near-miss hints prefer the spec's own names.
    "dt",
    "t",
  ];
  const stateNames = new Set(Object.keys(states));
  const defNames = Object.keys(definitions);
  const parse = (text: string, valid: string[], context: string): Expr => {
    try {
      return parseExpr(text, { names: valid });
    } catch (e) {
      if (!(e instanceof ExpressionError)) throw e;
      const later = defNames.find((d) => !valid.includes(d) && e.problem === `Unknown name "${d}"`);
      if (later)
        fail(`${context} uses definition "${later}" before it is defined; definitions are evaluated in order`, e);
      return fail(`${context}: ${e.message}`, e);
    }
  };
  const parsedDefs: [string, Expr][] = [];
  const stateDeps = new Map<string, Set<string>>(); // definition -> states it depends on
  const dependsOn = (e: Expr): Set<string> => {
    const out = new Set<string>();
    for (const n of freeNames(e).keys()) {
      if (stateNames.has(n) || ionCurrentReads.has(n)) out.add(n);
      for (const s of stateDeps.get(n) ?? []) out.add(s);
    }
    return out;
  };
  defNames.forEach((d, i) => {
    const e = parse(definitions[d], [...base, ...defNames.slice(0, i)], `definition "${d}"`);
    parsedDefs.push([d, e]);
    stateDeps.set(d, dependsOn(e));
  });
  const all = [...base, ...defNames];
  const ratesValid = all.filter((n) => !stateNames.has(n));

  const analyzedGates: AnalyzedGate[] = [];
  for (const g of Object.keys(gates)) {
    if (!stateNames.has(g)) fail(`gate "${g}" has no state of that name. ${validNamesHint(g, stateNames, "states")}`);
  }
  for (const s of stateNames) {
    const gate = gates[s];
    if (gate === undefined) {
      fail(`state "${s}" has no gate; every state needs a gate in "gates" ({ alpha, beta }, { inf, tau } or { rate })`);
    }
    const form: AnalyzedGate["form"] =
      "alpha" in gate ? "alphaBeta" : "inf" in gate ? "infTau" : "next" in gate ? "next" : "rate";
    const names =
      form === "alphaBeta"
        ? ["alpha", "beta"]
        : form === "infTau"
          ? ["inf", "tau"]
          : form === "next"
            ? ["next"]
            : ["rate"];
    const expr = (f: string, allowOwn: boolean, allowIonCurrents: boolean): Expr => {
      const text = (gate as unknown as Record<string, string>)[f]; // a field of its form: a string (checked)
      const e = parse(text, all, `gate "${s}" (${f})`);
      const deps = [...dependsOn(e)].filter(
        (d) => !(allowOwn && d === s) && !(allowIonCurrents && ionCurrentReads.has(d)),
      );
      if (deps.length > 0) {
        fail(
          `gate "${s}" (${f}) depends on ${ionCurrentReads.has(deps[0]) ? "the ion current" : "state"} "${deps[0]}"; ` +
            `${f === "rate" ? "a rate may depend on its own state" : "gate rates may depend only on"} ` +
            `${voltageNames.join(", ")}, parameters and definitions of them. Valid names: ${ratesValid.join(", ")}`,
        );
      }
      return e;
    };
    const method = "method" in gate ? gate.method : undefined;
    // `next` is the value after the step: any state (before the step) may enter it.
    const exprs =
      form === "next"
        ? [parse((gate as { next: string }).next, all, `gate "${s}" (next)`)]
        : names.map((f) => expr(f, form === "rate", true));
    const initial = gate.initial === undefined ? null : expr("initial", false, false);
    analyzedGates.push({
      state: s,
      form,
      a: exprs[0],
      b: exprs[1] ?? null,
      initial,
      concentration: writtenConcentrations.has(s) ? s : null,
      method: method === "implicit" ? "implicit" : "cnexp",
    });
  }
  const noIonCurrents = (e: Expr, context: string): Expr => {
    const d = [...dependsOn(e)].find((x) => ionCurrentReads.has(x));
    if (d) fail(`${context} uses the ion current "${d}"; ion currents may be read in gates only`);
    return e;
  };
  const current = noIonCurrents(parse(spec.current ?? "0", all, "current"), "current");
  const parsedIonCurrents = writtenCurrents.map(
    (k) => [k, noIonCurrents(parse(ionCurrentsSpec[k], all, `ion current "${k}"`), `ion current "${k}"`)] as const,
  );
  const outputs = Object.entries(outputsSpec).map(([k, text]) => {
    claimKey(prefixedKey(name, k), `output "${k}"`);
    return [k, parse(text, all, `output "${k}"`)] as const;
  });
  return {
    spec: frozenSpecCopy(input as MechanismSpec),
    outputs,
    voltageNames,
    definitions: parsedDefs,
    gates: analyzedGates,
    current,
    ions,
    ionCurrents: parsedIonCurrents,
    ionReads,
  };
}
