/**
 * Shared pieces of the L5PC channel set (Hay et al. 2011): units, the temperature factor
 * the channel files hard-code, and NEURON's guard against 0/0 at removable singularities.
 *
 * Hay E, Hill S, Schürmann F, Markram H, Segev I (2011). Models of neocortical layer 5b
 * pyramidal cells capturing a wide range of dendritic and perisomatic active properties.
 * PLoS Comput Biol 7(7): e1002107. doi:10.1371/journal.pcbi.1002107
 */
import type { ChannelSpec, GateInfTau, IonUse, QuantitySpec } from "../../types.js";

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

/**
 * The definitions of the channels whose files evaluate their rates at `v + 10` mV
 * (`vs`) and divide their time constants by the temperature factor (`qt`).
 */
export const SHIFTED_BY_10 = { qt: QT, vs: "v + 10" };

/**
 * `1 / (1 + exp((x - half) / slope))`: the Boltzmann steady state of the files, rising
 * with `x` for a negative slope (mV).
 *
 * @example boltzmann("v", -52.6, -4.6) // "1 / (1 + exp((v - -52.6) / -4.6))"
 */
export function boltzmann(x: string, half: number, slope: number): string {
  return `1 / (1 + exp((${x} - ${half}) / ${slope}))`;
}

/**
 * A gate in steady-state form whose time constant is divided by `divisor` (the name of
 * the temperature factor, usually `qt`), or taken as it is without one.
 *
 * @example infTauGate("mInf", "5 + v / 10", "qt") // { inf: "mInf", tau: "(5 + v / 10) / qt" }
 */
export function infTauGate(inf: string, tau: string, divisor?: string): GateInfTau {
  return { inf, tau: divisor === undefined ? tau : `(${tau}) / ${divisor}` };
}

/**
 * The gate of state `x` from its rates, the definitions `<x>Alpha` and `<x>Beta`:
 * `inf = a / (a + b)`, `tau = 1 / (a + b)` (divided by `divisor` where given), as the
 * files' `rates()` procedures compute them.
 *
 * @example rateGate("m", "qt") // { inf: "mAlpha / (mAlpha + mBeta)", tau: "(1 / (mAlpha + mBeta)) / qt" }
 */
export function rateGate(x: string, divisor?: string): GateInfTau {
  const a = `${x}Alpha`;
  const b = `${x}Beta`;
  return infTauGate(`${a} / (${a} + ${b})`, `1 / (${a} + ${b})`, divisor);
}

/** What an {@link ohmicChannel} adds to the common shape. */
export interface OhmicChannelParts {
  /** The default maximal conductance, S/cm2; 1e-5 when not given. */
  gbar?: number;
  /** Further parameters, after the conductance. */
  params?: Record<string, number | QuantitySpec>;
  /** Further ion species used (read), after the channel's own. */
  ions?: Record<string, IonUse>;
  definitions?: Record<string, string>;
  /** One gate per state; each state starts at 0.5 (before its steady state is taken). */
  gates: Record<string, GateInfTau>;
}

/**
 * The spec of a channel written as the model's files write them: one ion species
 * passed ohmically, `i<ion> = g<name>bar * gating * (v - e<ion>)` (reads `e<ion>`,
 * writes `i<ion>`), a maximal conductance `g<name>bar` and one state per gate.
 *
 * @example ohmicChannel("Im", "k", "m", { gates: { m: rateGate("m") } }) // keys Im_gImbar, ek; ik = gImbar * m * (v - ek)
 */
export function ohmicChannel(
  name: string,
  ion: string,
  gating: string,
  parts: OhmicChannelParts,
): Omit<ChannelSpec, "kind"> {
  const gbar = `g${name}bar`;
  return {
    name,
    params: { [gbar]: conductance(parts.gbar ?? 0.00001), ...parts.params },
    states: Object.fromEntries(Object.keys(parts.gates).map((x) => [x, 0.5])),
    ions: { [ion]: { read: [`e${ion}`], write: [`i${ion}`] }, ...parts.ions },
    ...(parts.definitions && { definitions: parts.definitions }),
    gates: parts.gates,
    ionCurrents: { [`i${ion}`]: `${gbar} * ${gating} * (v - e${ion})` },
  };
}
