/**
 * The L5PC fit of the Jaxley paper (Deistler et al., Fig. 3) as an IDE script: the layer-5
 * pyramidal cell of Hay et al. (2011) as examples/l5pc.ts builds it (BluePyOpt's
 * mechanisms.json and parameters.json, the project's L5PC channels, apical Ih growing with
 * path distance, celsius 34) under the paper's protocol (3 nA into the soma from 10 to
 * 90 ms, 100 ms), with the 19 fitted parameters set to a start. The morphology is read from
 * the imported file morph_l5pc_with_axon.swc (not part of the repository).
 */

/** The morphology the script reads (BluePyOpt's L5PC example). */
export const L5PC_SWC = "morph_l5pc_with_axon.swc";

/** One fitted parameter: the script's group, the key, the release_params.json value (the target), the parameters.json bounds. */
export interface L5pcFitParam {
  group: "apical" | "axon" | "soma";
  key: string;
  target: number;
  bounds: [number, number];
}

const p = (group: L5pcFitParam["group"], key: string, target: number, bounds: [number, number]): L5pcFitParam => ({
  group,
  key,
  target,
  bounds,
});

/**
 * The 19 parameters the paper fits: the free parameters of parameters.json but the axonal
 * Nap_Et2 density (the paper's axon has none; here it stays at its release value), in
 * parameters.json's order (examples/l5pc.ts's L5PC_FREE).
 */
export const L5PC_FIT_PARAMS: readonly L5pcFitParam[] = [
  p("apical", "NaTs2_t_gNaTs2_tbar", 0.026145, [0, 0.04]),
  p("apical", "SKv3_1_gSKv3_1bar", 0.004226, [0, 0.04]),
  p("apical", "Im_gImbar", 0.000143, [0, 0.001]),
  p("axon", "NaTa_t_gNaTa_tbar", 3.137968, [0, 4]),
  p("axon", "K_Pst_gK_Pstbar", 0.973538, [0, 1]),
  p("axon", "K_Tst_gK_Tstbar", 0.089259, [0, 0.1]),
  p("axon", "SK_E2_gSK_E2bar", 0.007104, [0, 0.1]),
  p("axon", "SKv3_1_gSKv3_1bar", 1.021945, [0, 2]),
  p("axon", "Ca_HVA_gCa_HVAbar", 0.00099, [0, 0.001]),
  p("axon", "Ca_LVAst_gCa_LVAstbar", 0.008752, [0, 0.01]),
  p("axon", "CaDynamics_E2_gamma", 0.00291, [0.0005, 0.05]),
  p("axon", "CaDynamics_E2_decay", 287.198731, [20, 1000]),
  p("soma", "NaTs2_t_gNaTs2_tbar", 0.983955, [0, 1]),
  p("soma", "SKv3_1_gSKv3_1bar", 0.303472, [0, 1]),
  p("soma", "SK_E2_gSK_E2bar", 0.008407, [0, 0.1]),
  p("soma", "Ca_HVA_gCa_HVAbar", 0.000994, [0, 0.001]),
  p("soma", "Ca_LVAst_gCa_LVAstbar", 0.000333, [0, 0.01]),
  p("soma", "CaDynamics_E2_gamma", 0.000609, [0.0005, 0.05]),
  p("soma", "CaDynamics_E2_decay", 210.485284, [20, 1000]),
];

/**
 * The start the gallery opens with: the first start of `pnpm --filter @dendrolab/examples
 * l5pc-fit -- --seed 1` (uniform inside the bounds, seededRandom(1)), 4 significant digits.
 */
export const L5PC_FIT_START: readonly number[] = [
  0.02508, 0.0001094, 0.0005274, 3.924, 0.9684, 0.02811, 0.06128, 1.441, 0.0004258, 0.009948, 0.02304, 499, 0.1389,
  0.4037, 0.02475, 0.0001545, 0.004891, 0.003835, 406.7,
];

/**
 * The script, with the fitted parameters set to `start` (one value per L5PC_FIT_PARAMS
 * entry) and `ncomp` compartments per section (1: 324 compartments; 4: 1,296, as
 * examples/l5pc-fit.ts).
 */
export function l5pcFitScript(start: readonly number[] = L5PC_FIT_START, ncomp = 1): string {
  if (start.length !== L5PC_FIT_PARAMS.length)
    throw new Error(`l5pcFitScript: ${start.length} start values given, ${L5PC_FIT_PARAMS.length} needed.`);
  const sets = L5PC_FIT_PARAMS.map((q, i) => `${q.group}.set("${q.key}", ${start[i]});`).join("\n");
  return `// The L5PC fit of the Jaxley paper (Deistler et al. 2024, Fig. 3): the layer-5 pyramidal
// cell of Hay et al. (2011) with Dendrolab's own channels, under the paper's protocol.
// The Trainer panel fits the 19 conductances set at the end to a target simulated with
// release_params.json's values. Needs ${L5PC_SWC} (drop it on the page).
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
import files from "dendrolab:files";

// ${ncomp} compartment(s) per section (4 gives the 1,296 compartments of examples/l5pc-fit.ts).
const cell = jx.readSwc(files["${L5PC_SWC}"], { ncomp: ${ncomp}, reading: "neuron" });
const soma = cell.group("soma");
const axon = cell.group("axon");
const basal = cell.group("basal");
const apical = cell.group("apical");

// mechanisms.json: the channels of each region.
cell.insert(new Pas());
basal.insert(new Ih());
for (const M of [Ih, Im, SKv3_1, NaTs2_t]) apical.insert(new M());
for (const M of [Ca_LVAst, Ca_HVA, CaDynamics_E2, SKv3_1, SK_E2, K_Tst, K_Pst, Nap_Et2, NaTa_t]) axon.insert(new M());
for (const M of [NaTs2_t, SKv3_1, SK_E2, CaDynamics_E2, Ca_HVA, Ca_LVAst, Ih]) soma.insert(new M());

// parameters.json's fixed values.
cell.set("pas_g", 3e-5);
cell.set("pas_e", -75);
cell.set("capacitance", 1);
cell.set("axial_resistivity", 100);
for (const g of [apical, soma, axon]) {
  g.set("ena", 50);
  g.set("ek", -85);
}
apical.set("capacitance", 2);
basal.set("capacitance", 2);
basal.set("Ih_gIhbar", 8e-5);
soma.set("Ih_gIhbar", 8e-5);
// Apical Ih grows with the path distance from the soma's centre (parameters.json's "exp" rule).
const d = apical.pathDistance(soma.loc(0.5));
apical.set("Ih_gIhbar", Array.from(d, (x) => (-0.8696 + 2.087 * Math.exp(0.0031 * x)) * 8e-5));
// Not fitted: the paper's axon has no Nap_Et2; here it keeps its release value.
axon.set("Nap_Et2_gNap_Et2bar", 0.006827);

// The 19 fitted parameters: the start of the fit (the trainer's targets are the release values).
${sets}

cell.set("celsius", 34);
cell.set("v", -65);
cell.initStates();

// The paper's protocol: 3 nA into the soma's centre from 10 to 90 ms; 100 ms simulated.
const network = new jx.Network([cell]);
network.group("soma").loc(0.5).stimulate(jx.stepCurrent(10, 80, 3, 0.025, 100));
network.group("soma").loc(0.5).record("v");
export default network;
`;
}
