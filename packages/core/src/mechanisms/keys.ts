/**
 * How a mechanism's local names map to the full keys used in tables and by `set`:
 * local parameter `gNa` of the mechanism named `Na` is the key `Na_gNa`, its state `m`
 * is `Na_m`, and shared keys (`eNa`, `vt`) are used as they are.
 */
import { DendrolabError } from "../errors.js";
import { validNamesHint } from "../names.js";
import { ionDefaults, ionVariableNames } from "./ions.js";
import type { MechanismKeys, MechanismSpec, QuantitySpec } from "./types.js";

/**
 * The full key of a prefixed parameter or state.
 *
 * @example prefixedKey("Na", "gNa") // "Na_gNa"
 */
export function prefixedKey(mechanismName: string, localName: string): string {
  return `${mechanismName}_${localName}`;
}

/**
 * The default value of a parameter or state given as a number or a {@link QuantitySpec}.
 *
 * @example quantityDefault({ default: 0.12, unit: "S/cm2" }) // 0.12
 */
function quantityDefault(q: number | QuantitySpec): number {
  return typeof q === "number" ? q : q.default;
}

/** Concentrations a spec writes (its states with these names have un-prefixed keys). */
export function writtenConcentrations(spec: MechanismSpec): Set<string> {
  const out = new Set<string>();
  for (const [species, use] of Object.entries(spec.ions ?? {})) {
    const names = ionVariableNames(species);
    for (const w of use.write ?? []) if (w === names.i || w === names.o) out.add(w);
  }
  return out;
}

/** The full key of state `local` of `spec`: prefixed, or the ion variable for a concentration. */
export function stateKeyOf(spec: MechanismSpec, local: string): string {
  return writtenConcentrations(spec).has(local) ? local : prefixedKey(spec.name, local);
}

/**
 * The keys and defaults of a mechanism, in the order the kernels use.
 *
 * @example mechanismKeys(naSpec).paramKeys // ["Na_gNa", "eNa", "vt"]
 */
export function mechanismKeys(spec: MechanismSpec): MechanismKeys {
  const params = Object.entries(spec.params);
  const shared = Object.entries(spec.shared ?? {});
  const states = Object.entries(spec.states);
  return {
    paramKeys: [...params.map(([k]) => prefixedKey(spec.name, k)), ...shared.map(([k]) => k)],
    paramDefaults: [...params, ...shared].map(([, q]) => quantityDefault(q)),
    stateKeys: states.map(([k]) => stateKeyOf(spec, k)),
    stateDefaults: states.map(([k, q]) => concentrationDefault(spec, k) ?? quantityDefault(q)),
    currentName: currentNameOf(spec),
    ...ionColumns(spec),
  };
}

function ionColumns(spec: MechanismSpec): { ionColumnKeys: string[]; ionColumnDefaults: number[] } {
  const keys: string[] = [],
    defaults: number[] = [];
  for (const [species, use] of Object.entries(spec.ions ?? {})) {
    const d = ionDefaults(species, use.valence);
    const n = ionVariableNames(species);
    keys.push(n.e, n.i, n.o);
    defaults.push(d.e, d.ci, d.co);
  }
  return { ionColumnKeys: keys, ionColumnDefaults: defaults };
}

/** NEURON's initial value of a concentration state, or undefined if `local` is not one. */
function concentrationDefault(spec: MechanismSpec, local: string): number | undefined {
  for (const [species, use] of Object.entries(spec.ions ?? {})) {
    const n = ionVariableNames(species);
    if (!(use.write ?? []).includes(local)) continue;
    const d = ionDefaults(species, use.valence);
    if (local === n.i) return d.ci;
    if (local === n.o) return d.co;
  }
  return undefined;
}

/**
 * The recorded name of the mechanism's current: `spec.currentName`, or `i_<name>`.
 *
 * @example currentNameOf(leakSpec) // "i_Leak"
 */
function currentNameOf(spec: MechanismSpec): string {
  return spec.currentName ?? `i_${spec.name}`;
}

/**
 * The full key of a local parameter or state name, or of a shared key (unchanged).
 * Throws for other names, listing the valid ones.
 *
 * @example keyOf(naSpec, "gNa") // "Na_gNa"; keyOf(naSpec, "eNa") // "eNa"
 */
export function keyOf(spec: MechanismSpec, localName: string): string {
  if (Object.hasOwn(spec.params, localName)) return prefixedKey(spec.name, localName);
  if (Object.hasOwn(spec.states, localName)) return stateKeyOf(spec, localName);
  if (spec.shared && Object.hasOwn(spec.shared, localName)) return localName;
  const valid = [...Object.keys(spec.params), ...Object.keys(spec.states), ...Object.keys(spec.shared ?? {})];
  throw new DendrolabError(
    `Mechanism "${spec.name}" has no parameter or state "${localName}". ` + validNamesHint(localName, valid),
    "UNKNOWN_KEY",
  );
}
