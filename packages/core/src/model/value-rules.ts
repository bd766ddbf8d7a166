/**
 * The values a key accepts, in one place: `set` checks them (through {@link checkValue})
 * and the IDE's table asks the same function before it writes a `set` line.
 *
 * - Every value must be a finite number (`1e400` is Infinity and is refused; a string
 *   such as `"2"` is refused as a string).
 * - `length`: 1e-3 um (1 nm) to 1e6 um (1 m); `radius`: 1e-3 um to 1e4 um (1 cm). Smaller
 *   or larger compartments are not neurons and drive the simulation to nonsense (a
 *   length of 1e-300 um gave v = 0 mV, a radius of 1e-30 um 1e31 mV).
 * - `axial_resistivity`, `capacitance`: > 0.
 * - `v` (the initial voltage): within -200..200 mV; `celsius`: >= -273.15.
 * - Conductances (units S/cm2, mho/cm2, uS, pS/um2, ...), permeabilities (cm/s) and
 *   concentrations (mM, and the ion columns `cai`, `nao`, ...): >= 0. Without a unit, a
 *   mechanism parameter named like a conductance (`gNa`, `gbar`, `gkbar`, `pcabar`) is one.
 * - NMODL parameters with `<low, high>` limits: within them.
 * - Gating states (a state whose gate is in rate form `alpha`/`beta` or steady-state
 *   form `inf`/`tau`, and that has no unit or unit "1"; e.g. `HH_m`): 0 to 1, as they
 *   are fractions of open gates. States with a unit (concentrations) and states given
 *   by `rate` or `next` take any finite value.
 *
 * Everything else (reversal potentials, shifts, half-activation voltages, rates of
 * any sign) takes any finite value: NEURON-style models use negative values there.
 */
import { DendrolabError } from "../errors.js";
import { ionVariableNames } from "../mechanisms/ions.js";
import { prefixedKey } from "../mechanisms/keys.js";
import type { QuantitySpec } from "../mechanisms/types.js";

/** The range a key accepts; `low`/`high` inclusive unless `lowOpen`. Plain data (structured-clone safe). */
export interface ValueRule {
  /** What the key is, for messages: "a conductance (S/cm2)". */
  readonly what: string;
  readonly low?: number;
  /** `low` itself is not allowed (`> low` rather than `>= low`). */
  readonly lowOpen?: boolean;
  readonly high?: number;
}

/** The largest |v| accepted as an initial voltage, mV. */
export const MAX_INITIAL_VOLTAGE_MV = 200;

/** The smallest `length` and `radius` accepted, um (1 nm). */
export const MIN_GEOMETRY_UM = 1e-3;
/** The largest `length` of a compartment accepted, um (1 m). */
export const MAX_LENGTH_UM = 1e6;
/** The largest `radius` accepted, um (1 cm). */
export const MAX_RADIUS_UM = 1e4;

/** The rule of a gating state: a fraction of open gates. */
export const GATING_STATE_RULE: ValueRule = { what: "a gating state (a fraction of open gates)", low: 0, high: 1 };

const BASE_RULES: Readonly<Record<string, ValueRule>> = {
  length: { what: "a length (um)", low: MIN_GEOMETRY_UM, high: MAX_LENGTH_UM },
  radius: { what: "a radius (um)", low: MIN_GEOMETRY_UM, high: MAX_RADIUS_UM },
  axial_resistivity: { what: "an axial resistivity (ohm cm)", low: 0, lowOpen: true },
  capacitance: { what: "a membrane capacitance (uF/cm2)", low: 0, lowOpen: true },
  v: { what: "an initial voltage (mV)", low: -MAX_INITIAL_VOLTAGE_MV, high: MAX_INITIAL_VOLTAGE_MV },
  celsius: { what: "a temperature (degrees C)", low: -273.15 },
};

/**
 * The keys that must be > 0 (geometry, resistivity, capacitance): `integrate`'s `params`
 * and `dataSet` check these too (conductances may pass through negative values while
 * training in a linear space; `set` refuses them).
 */
export const STRICTLY_POSITIVE_KEYS: ReadonlySet<string> = new Set(
  Object.entries(BASE_RULES)
    .filter(([, r]) => r.low !== undefined && (r.low > 0 || (r.low === 0 && r.lowOpen)))
    .map(([k]) => k),
);

const CONDUCTANCE_UNIT = /^(S|mS|uS|nS|pS|mho|mmho|umho)(\/(cm2|cm\^2|um2|um\^2|mm2|mm\^2))?$/;
const PERMEABILITY_UNIT = /^(cm|um|mm|m)\/(s|ms)$/;
const CONCENTRATION_UNIT = /^(M|mM|uM|nM|mol\/l|mmol\/l|milli\/liter)$/;
/** Conductance-like local names of mechanism parameters: `gNa`, `gbar`, `gnabar`, `pcabar`. */
const CONDUCTANCE_NAME = /^(g[A-Za-z0-9_]*|[a-z]*bar)$/;

/**
 * The rule of a key with no mechanism information (base columns, or any other key:
 * any finite value).
 *
 * @example valueRule("radius") // { what: "a radius (um)", low: 0, lowOpen: true }
 */
export function valueRule(key: string): ValueRule {
  return BASE_RULES[key] ?? { what: "a number" };
}

/**
 * The rule of a mechanism parameter from its local name, unit and NMODL limits.
 *
 * @example quantityRule("gNa", "S/cm2") // { what: "a conductance (S/cm2)", low: 0 }
 * @example quantityRule("eNa", "mV")    // { what: "a number" }: any finite value
 */
export function quantityRule(
  localName: string,
  unit: string | null | undefined,
  limits: readonly [number, number] | null = null,
): ValueRule {
  const u = unit?.replace(/\s+/g, "") ?? "";
  let rule: ValueRule = { what: "a number" };
  if (CONDUCTANCE_UNIT.test(u)) rule = { what: `a conductance (${u})`, low: 0 };
  else if (PERMEABILITY_UNIT.test(u)) rule = { what: `a permeability (${u})`, low: 0 };
  else if (CONCENTRATION_UNIT.test(u)) rule = { what: `a concentration (${u})`, low: 0 };
  else if (u === "" && CONDUCTANCE_NAME.test(localName)) rule = { what: "a conductance (by its name)", low: 0 };
  if (!limits) return rule;
  const low = Math.max(limits[0], rule.low ?? -Infinity);
  return {
    what: `${rule.what === "a number" ? "a parameter" : rule.what} with NMODL limits <${limits[0]}, ${limits[1]}>`,
    low,
    high: limits[1],
  };
}

/** What a mechanism (channel or synapse) tells about its keys; `nmodl` is the metadata `loadNmodl` attaches to its class. */
export interface MechanismLike {
  readonly name: string;
  readonly spec: {
    readonly params: Readonly<Record<string, number | QuantitySpec>>;
    readonly shared?: Readonly<Record<string, number | QuantitySpec>>;
    readonly ions?: Readonly<Record<string, unknown>>;
    /** States and their gates: gating states (alpha/beta or inf/tau, no unit) are fractions in 0..1. */
    readonly states?: Readonly<Record<string, number | QuantitySpec>>;
    readonly gates?: Readonly<Record<string, object>>;
  };
}

/**
 * The rule of `key` in a model with these mechanisms: the base columns, the ion
 * concentration columns, and the parameters of channels and synapses (by unit, name and
 * NMODL limits).
 *
 * @example mechanismValueRule([new Na()], "Na_gNa") // a conductance: >= 0
 */
export function mechanismValueRule(mechanisms: Iterable<MechanismLike>, key: string): ValueRule {
  const base = BASE_RULES[key];
  if (base) return base;
  for (const m of mechanisms) {
    for (const species of Object.keys(m.spec.ions ?? {})) {
      const n = ionVariableNames(species);
      if (key === n.i || key === n.o) return { what: "a concentration (mM)", low: 0 };
    }
    const limits = nmodlLimits(m, key);
    for (const [local, q] of Object.entries(m.spec.params)) {
      if (prefixedKey(m.name, local) === key) return quantityRule(local, unitOf(q), limits);
    }
    const shared = m.spec.shared?.[key];
    if (shared !== undefined) return quantityRule(key, unitOf(shared), limits);
    const gating = gatingStateRule(m, key);
    if (gating) return gating;
  }
  return { what: "a number" };
}

/**
 * {@link GATING_STATE_RULE} if `key` is a gating state of `m`: its gate is in rate form
 * (`alpha`, `beta`) or steady-state form (`inf`, `tau`) and it has no unit (or "1").
 */
function gatingStateRule(m: MechanismLike, key: string): ValueRule | null {
  for (const [local, q] of Object.entries(m.spec.states ?? {})) {
    if (prefixedKey(m.name, local) !== key) continue;
    const gate = m.spec.gates?.[local] ?? {};
    const unit = unitOf(q)?.replace(/\s+/g, "") ?? "";
    const isGate = ("alpha" in gate && "beta" in gate) || ("inf" in gate && "tau" in gate);
    return isGate && (unit === "" || unit === "1") ? GATING_STATE_RULE : null;
  }
  return null;
}

/**
 * The rule `integrate` applies to `params`, `dataSet` and `dataClamp` values and
 * `makeTrainable`'s initial values: the ranges of the base columns (geometry, `v`, ...)
 * and of gating states, or null (any finite value). Conductances are not held to >= 0
 * here: a training step in a linear space may pass through negative values.
 *
 * @example runValueRule([new HH()], "HH_m") // GATING_STATE_RULE: 0..1
 */
export function runValueRule(mechanisms: Iterable<MechanismLike>, key: string): ValueRule | null {
  const base = BASE_RULES[key];
  if (base) return base;
  for (const m of mechanisms) {
    const gating = gatingStateRule(m, key);
    if (gating) return gating;
  }
  return null;
}

/** Whether `value` is a finite number within `rule`. */
export function ruleAllows(rule: ValueRule, value: unknown): boolean {
  if (typeof value !== "number" || !Number.isFinite(value)) return false;
  const belowLow = rule.low !== undefined && (rule.lowOpen ? !(value > rule.low) : !(value >= rule.low));
  const aboveHigh = rule.high !== undefined && !(value <= rule.high);
  return !belowLow && !aboveHigh;
}

function unitOf(q: number | QuantitySpec): string | undefined {
  return typeof q === "number" ? undefined : q.unit;
}

/** `<low, high>` of an NMODL parameter, from the metadata of the mechanism's class (if it came from `loadNmodl`). */
function nmodlLimits(m: MechanismLike, key: string): readonly [number, number] | null {
  const info = (m.constructor as { nmodl?: { parameters?: readonly { key: string; limits: unknown }[] } }).nmodl;
  const p = info?.parameters?.find((x) => x.key === key);
  const lim = p?.limits;
  return Array.isArray(lim) && lim.length === 2 ? [Number(lim[0]), Number(lim[1])] : null;
}

/** "> 0", ">= 0", "between -200 and 200": what a rule allows. */
export function allowedText(rule: ValueRule): string {
  const hasLow = rule.low !== undefined && rule.low > -Infinity;
  const hasHigh = rule.high !== undefined && rule.high < Infinity;
  if (hasLow && hasHigh) return `between ${rule.low} and ${rule.high}`;
  if (hasLow) return `${rule.lowOpen ? ">" : ">="} ${rule.low}`;
  if (hasHigh) return `<= ${rule.high}`;
  return "a finite number";
}

/**
 * Why `value` is not allowed for `key` under `rule`, or null if it is. The message names
 * the key, what is allowed, where (`where`, e.g. " (in network.cell(0))") and what was given
 * (`which` names it among several: "value #3").
 *
 * @example valueProblem("radius", -1, valueRule("radius")) // "set('radius'): radius must be > 0; got -1 (a radius (um))."
 */
export function valueProblem(key: string, value: unknown, rule: ValueRule, where = "", which = "value"): string | null {
  if (typeof value === "string") {
    return `set('${key}'): ${which} is the string ${JSON.stringify(value.slice(0, 40))}${where}; a number is needed (write ${key} values without quotes, e.g. set('${key}', ${Number.isFinite(Number(value)) && value.trim() !== "" ? Number(value) : 1})).`;
  }
  if (typeof value !== "number" || !Number.isFinite(value)) {
    const shown = typeof value === "number" ? String(value) : (JSON.stringify(value) ?? String(value));
    return `set('${key}'): ${which} is ${shown}${where}; values must be finite numbers.`;
  }
  if (ruleAllows(rule, value)) return null;
  return `set('${key}'): ${key} must be ${allowedText(rule)}${where}; got ${value} (${key} is ${rule.what}).`;
}

/**
 * Throws a `DendrolabError` (code `INVALID_ARGUMENT`) unless `value` is allowed for `key`.
 *
 * @example checkValue("v", 500, valueRule("v")) // throws: v must be between -200 and 200 ... got 500
 */
export function checkValue(key: string, value: unknown, rule: ValueRule = valueRule(key), where = ""): void {
  const problem = valueProblem(key, value, rule, where);
  if (problem !== null) throw new DendrolabError(problem, "INVALID_ARGUMENT");
}
