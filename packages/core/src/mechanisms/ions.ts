/**
 * Ion species as NEURON has them: the variables of a species `x` (`ex` reversal
 * potential in mV, `xi` and `xo` concentrations in mM, `ix` current density in mA/cm2),
 * their defaults, and the Nernst equation with NEURON 8.2's constants.
 */
import { DendrolabError } from "../errors.js";

/** The gas constant, J/(K mol) (NEURON 8.2's value). */
export const GAS_CONSTANT = 8.31446261815324;
/** The Faraday constant, C/mol (NEURON 8.2's value). */
export const FARADAY = 96485.33212331001;

/** What an ion variable is: reversal potential, inside or outside concentration, current. */
export type IonRole = "e" | "i" | "o" | "current";

/** The defaults of a species (NEURON's): valence, concentrations (mM), reversal (mV). */
export interface IonDefaults {
  readonly valence: number;
  readonly ci: number;
  readonly co: number;
  readonly e: number;
}

/**
 * NEURON's defaults for na, k and ca (`nai0_na_ion` ...). `eca` 132.4579341637009 mV is
 * NEURON's default where nothing writes `cai` (not the Nernst value at any `celsius`).
 * Other species default to 1 mM on both sides and 0 mV.
 */
export const ION_DEFAULTS: Readonly<Record<string, IonDefaults>> = Object.freeze({
  na: { valence: 1, ci: 10, co: 140, e: 50 },
  k: { valence: 1, ci: 54.4, co: 2.5, e: -77 },
  ca: { valence: 2, ci: 5e-5, co: 2, e: 132.4579341637009 },
});

/** The defaults of species `name` with valence `valence` (given or known). */
export function ionDefaults(name: string, valence?: number): IonDefaults {
  const known = ION_DEFAULTS[name];
  if (known) return valence === undefined ? known : { ...known, valence };
  if (valence === undefined) {
    throw new DendrolabError(`Ion "${name}" needs a valence (only na, k and ca have a default one).`, "MECHANISM_SPEC");
  }
  return { valence, ci: 1, co: 1, e: 0 };
}

/** The names of the variables of species `x`: e, inside, outside, current. */
export function ionVariableNames(species: string): Record<IonRole, string> {
  return { e: `e${species}`, i: `${species}i`, o: `${species}o`, current: `i${species}` };
}

/** The role of variable `name` of species `species`, or undefined if it is not one. */
export function ionRoleOf(species: string, name: string): IonRole | undefined {
  const names = ionVariableNames(species);
  return (Object.keys(names) as IonRole[]).find((r) => names[r] === name);
}

/**
 * The Nernst reversal potential in mV: `(R T / (z F)) ln(co / ci)` with T = celsius +
 * 273.15 K, as NEURON's `nrn_nernst` (1e6 mV if ci <= 0, -1e6 if co <= 0).
 *
 * @example nernst(5e-5, 2, 2, 34) // 140.2366... mV
 */
export function nernst(ci: number, co: number, valence: number, celsius: number): number {
  if (valence === 0) return 0;
  if (ci <= 0) return 1e6;
  if (co <= 0) return -1e6;
  const ktf = (1000 * GAS_CONSTANT * (celsius + 273.15)) / FARADAY;
  return (ktf / valence) * Math.log(co / ci);
}
