/**
 * Named constants of NEURON's unit library, with NEURON 8.2's values (2019 SI
 * definitions: e = 1.602176634e-19 C, N_A = 6.02214076e23 /mol, k = 1.380649e-23 J/K).
 * A UNITS entry `FARADAY = (faraday) (coulomb)` is the value of `faraday` expressed in
 * `coulomb`; NEURON 8.2 gives 96485.33212331001 and `R = (k-mole) (joule/degC)` gives
 * 8.31446261815324.
 */
import type { UnitsEntry } from "./ast.js";
import { NmodlError } from "./errors.js";

const E_CHARGE = 1.602176634e-19; // coulomb
const AVOGADRO = 6.02214076e23; // 1/mol
const BOLTZMANN = 1.380649e-23; // joule/kelvin

/** Physical quantities by their name in the unit library, with the SI unit they are in. */
const QUANTITIES: Record<string, { value: number; dimension: string }> = {
  faraday: { value: 96485.33212331001, dimension: "charge/mol" },
  "k-mole": { value: 8.31446261815324, dimension: "energy/temperature/mol" },
  R: { value: 8.31446261815324, dimension: "energy/temperature/mol" },
  k: { value: BOLTZMANN, dimension: "energy/temperature" },
  boltzmann: { value: BOLTZMANN, dimension: "energy/temperature" },
  e: { value: E_CHARGE, dimension: "charge" },
  electron: { value: E_CHARGE, dimension: "charge" },
  avogadro: { value: AVOGADRO, dimension: "1" },
  mole: { value: AVOGADRO, dimension: "1" },
  pi: { value: Math.PI, dimension: "1" },
};

/** Target units and the factor from SI. Faraday per mole and R per mole are taken per mole, as NEURON does. */
const TARGETS: Record<string, { factor: number; dimension: string }> = {
  coulomb: { factor: 1, dimension: "charge" },
  coulombs: { factor: 1, dimension: "charge" },
  coul: { factor: 1, dimension: "charge" },
  C: { factor: 1, dimension: "charge" },
  kilocoulomb: { factor: 1e-3, dimension: "charge" },
  kilocoulombs: { factor: 1e-3, dimension: "charge" },
  "joule/degC": { factor: 1, dimension: "energy/temperature" },
  "joule/K": { factor: 1, dimension: "energy/temperature" },
  "joule/kelvin": { factor: 1, dimension: "energy/temperature" },
  "J/degC": { factor: 1, dimension: "energy/temperature" },
  "millijoule/degC": { factor: 1e3, dimension: "energy/temperature" },
  "1": { factor: 1, dimension: "1" },
};

/** Per-mole quantities (faraday, k-mole) are expressed without the mole, as NEURON's library does. */
const perMole = (d: string) => d.replace(/\/mol$/, "");

/**
 * The value of a UNITS constant entry (`factor` or `value` kind), or throws
 * {@link NmodlError} for a unit pair this importer does not know.
 *
 * @example unitsConstant({ kind: "factor", name: "FARADAY", from: "faraday", to: "coulomb", pos }) // 96485.33212331001
 */
export function unitsConstant(entry: Extract<UnitsEntry, { kind: "factor" | "value" }>): number {
  if (entry.kind === "value") return entry.value;
  const q = QUANTITIES[entry.from];
  const t = TARGETS[entry.to.replace(/\s+/g, "")];
  if (q === undefined || t === undefined || perMole(q.dimension) !== t.dimension) {
    throw new NmodlError(
      entry.pos,
      "UNITS",
      `the unit constant ${entry.name} = (${entry.from}) (${entry.to}) is not known to this importer ` +
        `(known: ${Object.keys(QUANTITIES).join(", ")} in ${Object.keys(TARGETS).join(", ")}); ` +
        `write its value as a number, e.g. ${entry.name} = 96485.33212331001 (coulomb)`,
    );
  }
  return q.value * t.factor;
}
