// The layer-5 pyramidal cell of Hay et al. (2011), as BluePyOpt's L5PC example configures it
// (parameters.json, mechanisms.json, release_params.json), built from Dendrolab's own
// channels. The one definition of the model: the core's full-L5PC test against NEURON,
// the benchmarks (bench/l5pc.ts, bench/l5pc-grad.ts) and the fit (examples/l5pc-fit.ts) use it.
// The morphology is not part of the repository: pass the text of morph_l5pc_with_axon.swc.
import * as jx from "@dendrolab/core";
import {
  CaDynamics_E2,
  Ca_HVA,
  Ca_LVAst,
  Ih,
  Im,
  K_Pst,
  K_Tst,
  NaTa_t,
  NaTs2_t,
  Nap_Et2,
  Pas,
  SK_E2,
  SKv3_1,
} from "@dendrolab/core/channels/l5pc";

/** BluePyOpt's section lists and the readSwc groups that hold them. */
export type L5pcRegion = "somatic" | "axonal" | "basal" | "apical";
export const L5PC_GROUP: Readonly<Record<L5pcRegion, string>> = {
  somatic: "soma",
  axonal: "axon",
  basal: "basal",
  apical: "apical",
};

/** mechanisms.json: the mechanisms of each region (pas everywhere). */
export const L5PC_MECHANISMS: Readonly<Record<L5pcRegion | "all", ReadonlyArray<new () => jx.Mechanism>>> = {
  all: [Pas],
  basal: [Ih],
  apical: [Ih, Im, SKv3_1, NaTs2_t],
  axonal: [Ca_LVAst, Ca_HVA, CaDynamics_E2, SKv3_1, SK_E2, K_Tst, K_Pst, Nap_Et2, NaTa_t],
  somatic: [NaTs2_t, SKv3_1, SK_E2, CaDynamics_E2, Ca_HVA, Ca_LVAst, Ih],
};

/** parameters.json's fixed values, in file order (later rules win): [region, Dendrolab key, value]. */
export const L5PC_FIXED: ReadonlyArray<readonly [L5pcRegion | "all", string, number]> = [
  ["all", "pas_g", 3e-5], // g_pas, S/cm2
  ["all", "pas_e", -75], // e_pas, mV
  ["all", "capacitance", 1], // cm, uF/cm2
  ["all", "axial_resistivity", 100], // Ra, ohm cm
  ["apical", "ena", 50],
  ["apical", "ek", -85],
  ["apical", "capacitance", 2],
  ["somatic", "ena", 50],
  ["somatic", "ek", -85],
  ["basal", "capacitance", 2],
  ["axonal", "ena", 50],
  ["axonal", "ek", -85],
  ["basal", "Ih_gIhbar", 8e-5],
  ["somatic", "Ih_gIhbar", 8e-5],
];

/** Apical Ih (S/cm2) at path distance d (um) from the soma's centre: parameters.json's "exp" rule. */
export const l5pcApicalIh = (d: number): number => (-0.8696 + 2.087 * Math.exp(0.0031 * d)) * 8e-5;

/** One free parameter of parameters.json: region, Dendrolab key, bounds, and the fitted value of release_params.json. */
export interface L5pcFreeParam {
  /** BluePyOpt's name, `<NEURON parameter>.<section list>`. */
  name: string;
  region: L5pcRegion;
  key: string;
  bounds: readonly [number, number];
  release: number;
}

const free = (region: L5pcRegion, mech: string, param: string, bounds: [number, number], release: number) => ({
  name: `${param}_${mech}.${region}`,
  region,
  key: `${mech}_${param}`,
  bounds,
  release,
});

/** The 20 free parameters of parameters.json, in its order, with release_params.json's values. */
export const L5PC_FREE: readonly L5pcFreeParam[] = [
  free("apical", "NaTs2_t", "gNaTs2_tbar", [0, 0.04], 0.026145),
  free("apical", "SKv3_1", "gSKv3_1bar", [0, 0.04], 0.004226),
  free("apical", "Im", "gImbar", [0, 0.001], 0.000143),
  free("axonal", "NaTa_t", "gNaTa_tbar", [0, 4], 3.137968),
  free("axonal", "Nap_Et2", "gNap_Et2bar", [0, 4], 0.006827),
  free("axonal", "K_Pst", "gK_Pstbar", [0, 1], 0.973538),
  free("axonal", "K_Tst", "gK_Tstbar", [0, 0.1], 0.089259),
  free("axonal", "SK_E2", "gSK_E2bar", [0, 0.1], 0.007104),
  free("axonal", "SKv3_1", "gSKv3_1bar", [0, 2], 1.021945),
  free("axonal", "Ca_HVA", "gCa_HVAbar", [0, 0.001], 0.00099),
  free("axonal", "Ca_LVAst", "gCa_LVAstbar", [0, 0.01], 0.008752),
  free("axonal", "CaDynamics_E2", "gamma", [0.0005, 0.05], 0.00291),
  free("axonal", "CaDynamics_E2", "decay", [20, 1000], 287.198731),
  free("somatic", "NaTs2_t", "gNaTs2_tbar", [0, 1], 0.983955),
  free("somatic", "SKv3_1", "gSKv3_1bar", [0, 1], 0.303472),
  free("somatic", "SK_E2", "gSK_E2bar", [0, 0.1], 0.008407),
  free("somatic", "Ca_HVA", "gCa_HVAbar", [0, 0.001], 0.000994),
  free("somatic", "Ca_LVAst", "gCa_LVAstbar", [0, 0.01], 0.000333),
  free("somatic", "CaDynamics_E2", "gamma", [0.0005, 0.05], 0.000609),
  free("somatic", "CaDynamics_E2", "decay", [20, 1000], 210.485284),
];

/** parameters.json's globals. */
export const L5PC_CELSIUS = 34;
export const L5PC_V_INIT = -65;

/** Options of buildL5pc. */
export interface L5pcOptions {
  /** Compartments per section (default 4). */
  ncomp?: number;
  /** Values of the free parameters, one per L5PC_FREE entry (default: release_params.json). */
  free?: readonly number[];
  /**
   * Mechanisms to use instead of the project's channels, by mechanism name (the .mod
   * SUFFIX): e.g. `{ NaTs2_t: jx.loadNmodl(text) }`. Same keys, so the rules apply as they are.
   */
  mechanisms?: Readonly<Record<string, new () => jx.Mechanism>>;
}

/** The view of a region of the cell (or the whole cell for "all"). */
export function l5pcRegion(cell: jx.View, region: L5pcRegion | "all"): jx.View {
  return region === "all" ? cell : cell.group(L5PC_GROUP[region]);
}

/**
 * The L5PC: morph_l5pc_with_axon.swc read as NEURON reads it (the axon as traced), the
 * mechanisms of each region, parameters.json's values (free ones from `options.free` or
 * release_params.json), apical Ih growing with the path distance from the soma's centre,
 * celsius 34, v -65 mV and every state initialised as NEURON's finitialize. Add stimuli and
 * recordings, then simulate.
 *
 * @example
 * const cell = buildL5pc(readFileSync("morph_l5pc_with_axon.swc", "utf8"));
 * cell.group("soma").loc(0.5).stimulate(jx.stepCurrent(10, 80, 2, 0.025, 100));
 * cell.group("soma").loc(0.5).record("v");
 * const r = jx.simulate(cell, { tMax: 100, deltaT: 0.025 });
 */
export function buildL5pc(swcText: string, options: L5pcOptions = {}): jx.SwcCell {
  const cell = jx.readSwc(swcText, { ncomp: options.ncomp ?? 4, reading: "neuron" });
  for (const [region, mechs] of Object.entries(L5PC_MECHANISMS))
    for (const M of mechs) {
      const mech = new M();
      const replacement = options.mechanisms?.[mech.name];
      l5pcRegion(cell, region as L5pcRegion | "all").insert(replacement ? new replacement() : mech);
    }
  for (const [region, key, value] of L5PC_FIXED) l5pcRegion(cell, region).set(key, value);
  setL5pcFree(cell, options.free ?? L5PC_FREE.map((p) => p.release));
  // NEURON's h.distance(soma(0.5), seg): from the soma compartment holding x = 0.5.
  const apical = cell.group("apical");
  const d = apical.pathDistance(cell.group("soma").loc(0.5));
  apical.set("Ih_gIhbar", Array.from(d, l5pcApicalIh));
  cell.set("celsius", L5PC_CELSIUS);
  cell.set("v", L5PC_V_INIT);
  cell.initStates();
  return cell;
}

/** Sets the free parameters (one value per L5PC_FREE entry, in its order). */
export function setL5pcFree(cell: jx.View, values: readonly number[]): void {
  if (values.length !== L5PC_FREE.length)
    throw new Error(`setL5pcFree: ${values.length} values given, ${L5PC_FREE.length} needed (L5PC_FREE order).`);
  for (const [i, p] of L5PC_FREE.entries()) l5pcRegion(cell, p.region).set(p.key, values[i]);
}

/** NEURON's section name -> branch index (readSwc with reading "neuron" keeps Import3d's names). */
export function l5pcSection(cell: jx.SwcCell, name: string): jx.View {
  const b = cell.sectionNames.indexOf(name);
  if (b < 0)
    throw new Error(`no section ${name} in the cell (sections: ${cell.sectionNames.slice(0, 5).join(", ")}, ...)`);
  return cell.branch(b);
}

/**
 * A NEURON location such as "apic[13](0.375)": the compartment of that section holding x.
 *
 * @example l5pcSite(cell, "soma[0](0.5)").record("v");
 */
export function l5pcSite(cell: jx.SwcCell, location: string): jx.View {
  const m = /^(.+)\(([0-9.eE+-]+)\)$/.exec(location);
  if (!m) throw new Error(`l5pcSite: '${location}' is not a NEURON location like "apic[13](0.375)"`);
  return l5pcSection(cell, m[1]).loc(Number(m[2]));
}
