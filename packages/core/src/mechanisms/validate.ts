/**
 * Checks a mechanism spec (which may come from a share link or a student's typing) and
 * parses its expressions. Every error names the mechanism, the field, what was given
 * and what is allowed.
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
import type { CompiledIon, MechanismSpec } from "./types.js";
import { isObject } from "../guards.js";

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
  readonly form: "alphaBeta" | "infTau" | "rate";
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

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SPEC_FIELDS = [
  "kind",
  "name",
  "params",
  "shared",
  "states",
  "gates",
  "definitions",
  "current",
  "currentName",
  "ions",
  "ionCurrents",
  "outputs",
];
const RESERVED = ["v", "v_pre", "v_post", "dt", "t", "celsius", "__proto__"];

const show = (x: unknown): string => {
  if (typeof x === "number") return String(x);
  try {
    return JSON.stringify(x, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v)) ?? String(x);
  } catch {
    return String(x);
  }
};

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
export function validateSpec(spec: unknown): AnalyzedSpec {
  if (!isObject(spec)) throw new MechanismSpecError(`A mechanism spec must be an object, got ${show(spec)}`);
  const kind = spec.kind;
  if (kind !== "channel" && kind !== "synapse") {
    throw new MechanismSpecError(`A mechanism spec needs kind "channel" or "synapse", got kind ${show(kind)}`);
  }
  const label = kind === "channel" ? "Channel" : "Synapse";
  const name = spec.name;
  if (typeof name !== "string" || !IDENTIFIER.test(name)) {
    throw new MechanismSpecError(
      `${label} name must be an identifier (letters, digits, _; ` + `not starting with a digit), got ${show(name)}`,
    );
  }
  const where = `${label} "${name}"`;
  const fail = (msg: string, cause?: unknown): never => {
    throw new MechanismSpecError(`${where}: ${msg}`, cause ? { cause } : undefined);
  };

  for (const field of Object.keys(spec)) {
    if (!SPEC_FIELDS.includes(field)) fail(`unknown field "${field}". ${validNamesHint(field, SPEC_FIELDS, "fields")}`);
  }
  const record = (field: string, optional: boolean): Record<string, unknown> => {
    const r = spec[field];
    if (r === undefined && optional) return {};
    if (!isObject(r)) fail(`"${field}" must be an object of name: value, got ${show(r)}`);
    return r as Record<string, unknown>;
  };
  const params = record("params", false),
    shared = record("shared", true);
  const states = record("states", false),
    gates = record("gates", false);
  const definitions = record("definitions", true);
  const outputsSpec = record("outputs", true);
  if (spec.current !== undefined && typeof spec.current !== "string") {
    fail(`"current" must be an expression string, got ${show(spec.current)}`);
  }
  if (spec.currentName !== undefined && (typeof spec.currentName !== "string" || !IDENTIFIER.test(spec.currentName))) {
    fail(`"currentName" must be an identifier such as "i_Na", got ${show(spec.currentName)}`);
  }

  const ionsSpec = record("ions", true),
    ionCurrentsSpec = record("ionCurrents", true);
  if (kind !== "channel" && Object.keys(ionsSpec).length > 0) fail(`"ions" are for channels only`);
  const ions: CompiledIon[] = [];
  const ionReads: string[] = [];
  const ionCurrentReads = new Set<string>();
  const writtenCurrents: string[] = [];
  const writtenConcentrations = new Set<string>();
  for (const [species, use] of Object.entries(ionsSpec)) {
    if (!IDENTIFIER.test(species)) fail(`ion species name ${show(species)} is not an identifier`);
    if (!isObject(use)) fail(`ion "${species}" must be { valence?, read?, write? }, got ${show(use)}`);
    const u = use as Record<string, unknown>;
    for (const f of Object.keys(u)) {
      if (!["valence", "read", "write"].includes(f))
        fail(`ion "${species}" has unknown field "${f}"; allowed: valence, read, write`);
    }
    if (u.valence !== undefined && (typeof u.valence !== "number" || !Number.isFinite(u.valence))) {
      fail(`ion "${species}" valence must be a finite number, got ${show(u.valence)}`);
    }
    let valence: number;
    try {
      valence = ionDefaults(species, u.valence as number | undefined).valence;
    } catch (e) {
      return fail(
        `ion "${species}" needs a valence (only na, k and ca have a default one), e.g. { valence: 1, ... }`,
        e,
      );
    }
    const list = (f: "read" | "write"): string[] => {
      const r = u[f] ?? [];
      if (!Array.isArray(r) || r.some((x) => typeof x !== "string"))
        fail(`ion "${species}" ${f} must be a list of names, got ${show(r)}`);
      for (const x of r as string[]) {
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
      return r as string[];
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
    if (typeof ionCurrentsSpec[k] !== "string")
      fail(`ion current "${k}" is written, so ionCurrents needs an expression for it, got ${show(ionCurrentsSpec[k])}`);
  }

  // Names and defaults.
  const voltageNames = kind === "channel" ? ["v"] : ["v_pre", "v_post"];
  const owner = new Map<string, string>();
  for (const f of FUNCTION_NAMES) owner.set(f, "a built-in function");
  for (const r of RESERVED) owner.set(r, voltageNames.includes(r) ? "the voltage" : "reserved");
  const claim = (n: string, role: string) => {
    if (!IDENTIFIER.test(n)) fail(`${role} name ${show(n)} is not an identifier (letters, digits, _)`);
    const prev = owner.get(n);
    if (prev) fail(`the name "${n}" is used as ${role} but is already ${prev}; names in expressions must be unique`);
    owner.set(n, role);
  };
  const quantities = (r: Record<string, unknown>, role: string) => {
    for (const [k, q] of Object.entries(r)) {
      claim(k, role);
      const d = isObject(q) ? q.default : q;
      if (typeof d !== "number" || !Number.isFinite(d)) {
        fail(`${role} "${k}" needs a finite number default (or { default: number }), got ${show(q)}`);
      }
    }
  };
  quantities(params, "a parameter");
  quantities(shared, "a shared parameter");
  quantities(states, "a state");
  for (const x of ionReads) claim(x, "an ion variable");
  for (const [k, d] of Object.entries(definitions)) {
    claim(k, "a definition");
    if (typeof d !== "string") fail(`definition "${k}" must be an expression string, got ${show(d)}`);
  }

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
    const e = parse(definitions[d] as string, [...base, ...defNames.slice(0, i)], `definition "${d}"`);
    parsedDefs.push([d, e]);
    stateDeps.set(d, dependsOn(e));
  });
  const all = [...base, ...defNames];
  const ratesValid = all.filter((n) => !stateNames.has(n));

  const analyzedGates: AnalyzedGate[] = [];
  for (const g of Object.keys(gates)) {
    if (!stateNames.has(g)) fail(`gate "${g}" has no state of that name. ${validNamesHint(g, stateNames, "states")}`);
  }
  const FORMS: Record<string, AnalyzedGate["form"]> = { "alpha,beta": "alphaBeta", "inf,tau": "infTau", rate: "rate" };
  for (const s of stateNames) {
    const gate = gates[s];
    if (gate === undefined) {
      fail(`state "${s}" has no gate; every state needs a gate in "gates" ({ alpha, beta }, { inf, tau } or { rate })`);
    }
    const fields = isObject(gate)
      ? Object.keys(gate)
          .filter((f) => f !== "initial" && f !== "method")
          .sort()
          .join(",")
      : "";
    const form =
      FORMS[fields] ??
      fail(
        `gate "${s}" must be { alpha, beta } (rates, 1/ms), { inf, tau } (tau in ms) or { rate } (dx/dt), ` +
          `each with an optional initial, got ${show(gate)}`,
      );
    const names = form === "alphaBeta" ? ["alpha", "beta"] : form === "infTau" ? ["inf", "tau"] : ["rate"];
    const expr = (f: string, allowOwn: boolean, allowIonCurrents: boolean): Expr => {
      const text = (gate as Record<string, unknown>)[f];
      if (typeof text !== "string") fail(`gate "${s}" field "${f}" must be an expression string, got ${show(text)}`);
      const e = parse(text as string, all, `gate "${s}" (${f})`);
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
    const method = (gate as Record<string, unknown>).method;
    if (method !== undefined && (form !== "rate" || (method !== "cnexp" && method !== "implicit"))) {
      fail(`gate "${s}": "method" is for { rate } gates only and must be "cnexp" or "implicit", got ${show(method)}`);
    }
    const exprs = names.map((f) => expr(f, form === "rate", true));
    const initial = (gate as Record<string, unknown>).initial === undefined ? null : expr("initial", false, false);
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
  const current = noIonCurrents(parse((spec.current as string | undefined) ?? "0", all, "current"), "current");
  const parsedIonCurrents = writtenCurrents.map(
    (k) =>
      [k, noIonCurrents(parse(ionCurrentsSpec[k] as string, all, `ion current "${k}"`), `ion current "${k}"`)] as const,
  );
  const outputs = Object.entries(outputsSpec).map(([k, text]) => {
    if (!IDENTIFIER.test(k)) fail(`output name ${show(k)} is not an identifier (letters, digits, _)`);
    claimKey(prefixedKey(name, k), `output "${k}"`);
    if (typeof text !== "string") fail(`output "${k}" must be an expression string, got ${show(text)}`);
    return [k, parse(text as string, all, `output "${k}"`)] as const;
  });
  return {
    spec: frozenSpecCopy(spec as unknown as MechanismSpec),
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
