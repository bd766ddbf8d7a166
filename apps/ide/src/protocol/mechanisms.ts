/**
 * What the Mechanisms panel shows: each mechanism of the model or of an imported `.mod`
 * file, described (ions, parameters, states) with its gating curves, and the files that
 * could not be read. Plain, structured-clone-safe objects sent by the model worker.
 */

/** A parameter of a mechanism: full key (`NaTs2_t_gNaTs2_tbar`), unit, default and limits. */
export interface MechanismParam {
  key: string;
  unit: string;
  default: number;
  /** NMODL's `<low, high>`, when given. */
  limits: [number, number] | null;
}

/** A state: full key (`NaTs2_t_m`, or `cai` for a concentration), unit, default. */
export interface MechanismState {
  key: string;
  unit: string;
  default: number;
}

/** Steady state and time constant (ms) of one gate at each voltage of {@link GATING_V}. */
export interface GateCurve {
  state: string;
  inf: number[];
  tau: number[];
}

/** Where a mechanism can be taken from in a script, to insert or delete it. */
export type MechanismSource =
  | { kind: "file"; file: string }
  | { kind: "module"; module: string; exportName: string }
  | { kind: "script" };

export interface MechanismInfo {
  /** The mechanism's name (NMODL `SUFFIX`): the prefix of its keys. */
  name: string;
  title: string | null;
  source: MechanismSource;
  ions: Array<{ species: string; read: string[]; write: string[] }>;
  params: MechanismParam[];
  states: MechanismState[];
  /** Voltage-dependent gates only (states whose steady state changes with v); empty for others. */
  gates: GateCurve[];
  /** Compartments of the current model where it is inserted. */
  inserted: number;
}

/** A `.mod` file that could not be read: where and why. */
export interface MechanismProblem {
  file: string;
  message: string;
  line: number | null;
  column: number | null;
}

/** The panel's content: mechanisms, problems, and the temperature of the curves. */
export interface MechanismsReport {
  mechanisms: MechanismInfo[];
  problems: MechanismProblem[];
  /** The model's temperature (degrees C) at which the curves are computed. */
  celsius: number;
  /** Whether `celsius` differs between compartments (the curves use the first compartment's). */
  celsiusVaries: boolean;
  /** Built-in channels neither in the model nor imported, that the GUI can insert (no curves). */
  available?: MechanismInfo[];
}

/** The voltages of the gating curves: -100 to 50 mV in steps of 1 mV (151 points). */
export const GATING_V: readonly number[] = Object.freeze(Array.from({ length: 151 }, (_, i) => -100 + i));
