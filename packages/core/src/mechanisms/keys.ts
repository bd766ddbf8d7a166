/**
 * How a mechanism's local names map to the full keys used in tables and by `set`:
 * local parameter `gNa` of the mechanism named `Na` is the key `Na_gNa`, its state `m`
 * is `Na_m`, and shared keys (`eNa`, `vt`) are used as they are.
 */
import { DendrolabError } from "../errors.js";
import { validNamesHint } from "../names.js";
import type { MechanismSpec, QuantitySpec } from "./types.js";

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

/** A mechanism's keys and defaults in kernel order. */
export interface MechanismKeys {
  /** Prefixed parameters in spec order, then shared keys in spec order. */
  readonly paramKeys: readonly string[];
  readonly paramDefaults: readonly number[];
  /** Prefixed states in spec order. */
  readonly stateKeys: readonly string[];
  readonly stateDefaults: readonly number[];
  /** The name under which the current is recorded. */
  readonly currentName: string;
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
    stateKeys: states.map(([k]) => prefixedKey(spec.name, k)),
    stateDefaults: states.map(([, q]) => quantityDefault(q)),
    currentName: currentNameOf(spec),
  };
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
  if (Object.hasOwn(spec.params, localName) || Object.hasOwn(spec.states, localName)) {
    return prefixedKey(spec.name, localName);
  }
  if (spec.shared && Object.hasOwn(spec.shared, localName)) return localName;
  const valid = [...Object.keys(spec.params), ...Object.keys(spec.states), ...Object.keys(spec.shared ?? {})];
  throw new DendrolabError(`Mechanism "${spec.name}" has no parameter or state "${localName}". ` +
    validNamesHint(localName, valid), "UNKNOWN_KEY");
}
