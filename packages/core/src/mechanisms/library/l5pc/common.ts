/**
 * Shared pieces of the L5PC channel set (Hay et al. 2011): units, the temperature factor
 * the channel files hard-code, and NEURON's guard against 0/0 at removable singularities.
 *
 * Hay E, Hill S, Schürmann F, Markram H, Segev I (2011). Models of neocortical layer 5b
 * pyramidal cells capturing a wide range of dendritic and perisomatic active properties.
 * PLoS Comput Biol 7(7): e1002107. doi:10.1371/journal.pcbi.1002107
 */
import type { QuantitySpec } from "../../types.js";

/** A maximal conductance parameter, S/cm2. */
export const conductance = (value: number): QuantitySpec => ({
  default: value,
  unit: "S/cm2",
  description: "maximal conductance",
});

/**
 * The Q10 factor of the rates: `2.3^((34 - 21) / 10)`. The channel files compute it from
 * the fixed 34 C at which the model was fitted, not from `celsius`, so the channels'
 * kinetics do not change with the compartment's temperature (only the Nernst reversal
 * potential of calcium does, where calcium is written).
 */
export const QT = "2.3^((34 - 21) / 10)";

/**
 * `x`, or `x + 0.0001` where `x` equals `at` exactly: the files' `if (v == at) { v = v +
 * 0.0001 }`, which steps off a 0/0 in the following rate expression.
 *
 * @example nudged("v", -32) // "ifle(v, -32, ifle(-32, v, v + 0.0001, v), v)"
 */
export function nudged(x: string, at: number): string {
  return `ifle(${x}, ${at}, ifle(${at}, ${x}, ${x} + 0.0001, ${x}), ${x})`;
}
