/**
 * The NEURON .mod fixtures of tools/neuron-refs (test/fixtures/neuron-mod), rebuilt with
 * the project's own L5PC channels through the public API.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as jx from "../../src/index.js";
import * as l5pc from "../../src/channels-l5pc.js";

const here = dirname(fileURLToPath(import.meta.url));
export const MOD_FIXTURES = join(here, "../fixtures/neuron-mod");

export interface ModCase {
  name: string;
  compartment: { length_um: number; diam_um: number; cm_uF_per_cm2: number; Ra_ohm_cm: number };
  mechanisms: Array<{ suffix: string; file?: string | null }>;
  parameters: Record<string, Record<string, { value: number; scope: string }>>;
  ions: Record<string, Record<string, number>>;
  ions_t0: Record<string, number>;
  celsius: number;
  v_init_mV: number;
  dt_ms: number;
  /** "bwd_euler" (NEURON secondorder 0) or "crank_nicolson" (secondorder 2); absent means bwd_euler. */
  solver?: string;
  n_steps: number;
  record_every: number;
  stimuli: Array<{ delay_ms: number; dur_ms: number; amp_nA: number }>;
  recordings: Array<{ key: string; unit: string }>;
}

/** The names of the single-compartment L5PC cases (`l5pc_<suffix>_<T>`). */
export function l5pcCaseNames(): string[] {
  if (!existsSync(MOD_FIXTURES)) return [];
  return readdirSync(MOD_FIXTURES)
    .filter((f) => /^l5pc_.*C\.json$/.test(f) && !f.startsWith("l5pc_full"))
    .map((f) => f.replace(/\.json$/, ""));
}

export function loadModCase(name: string): { def: ModCase; traces: number[][] } {
  const def = JSON.parse(readFileSync(join(MOD_FIXTURES, `${name}.json`), "utf8")) as ModCase;
  const traces = (JSON.parse(readFileSync(join(MOD_FIXTURES, `${name}.traces.json`), "utf8")) as { traces: number[][] })
    .traces;
  return { def, traces };
}

/** The project's own L5PC channels (and `pas`) by NEURON suffix. */
export const CHANNELS: Record<string, () => jx.Mechanism> = {
  NaTs2_t: () => new l5pc.NaTs2_t(),
  NaTa_t: () => new l5pc.NaTa_t(),
  Nap_Et2: () => new l5pc.Nap_Et2(),
  K_Pst: () => new l5pc.K_Pst(),
  K_Tst: () => new l5pc.K_Tst(),
  SKv3_1: () => new l5pc.SKv3_1(),
  Im: () => new l5pc.Im(),
  SK_E2: () => new l5pc.SK_E2(),
  Ca_HVA: () => new l5pc.Ca_HVA(),
  Ca_LVAst: () => new l5pc.Ca_LVAst(),
  CaDynamics_E2: () => new l5pc.CaDynamics_E2(),
  Ih: () => new l5pc.Ih(),
  pas: () => new l5pc.Pas(),
};

/** Recorded names that differ between NEURON and Dendrolab. */
export const RECORD_AS: Record<string, string> = {};

/**
 * Builds the case: one compartment, every mechanism with every parameter as NEURON had
 * it, ions and celsius as set, initStates at v_init, the two step currents, recordings.
 * `channels` makes each mechanism by suffix (default: the project's own channels).
 */
export function buildModCase(def: ModCase, channels: Record<string, () => jx.Mechanism> = CHANNELS): jx.Compartment {
  const comp = new jx.Compartment();
  comp.set("length", def.compartment.length_um);
  comp.set("radius", def.compartment.diam_um / 2);
  comp.set("capacitance", def.compartment.cm_uF_per_cm2);
  comp.set("axial_resistivity", def.compartment.Ra_ohm_cm);
  for (const m of def.mechanisms) {
    const make = channels[m.suffix];
    if (!make) throw new Error(`no project channel for ${m.suffix}`);
    comp.insert(make());
  }
  for (const [suffix, params] of Object.entries(def.parameters)) {
    for (const [name, p] of Object.entries(params)) comp.set(`${suffix}_${name}`, p.value);
  }
  // ena / ek where the ion is used (NEURON sets them on every section; here they exist only where used).
  for (const values of Object.values(def.ions)) {
    for (const [k, v] of Object.entries(values)) if (k in def.ions_t0) comp.set(k, v);
  }
  comp.set("celsius", def.celsius);
  comp.set("v", def.v_init_mV);
  comp.initStates({ deltaT: def.dt_ms });
  const tMax = def.n_steps * def.dt_ms;
  for (const s of def.stimuli) comp.stimulate(jx.stepCurrent(s.delay_ms, s.dur_ms, s.amp_nA, def.dt_ms, tMax));
  for (const r of def.recordings) comp.record(RECORD_AS[r.key] ?? r.key);
  return comp;
}
