/**
 * The L5PC model of Hay et al. (2011) as an IDE script, reading the morphology and the 12
 * mechanisms the tests drop into the page (from ../shared, never copied into the
 * repository). Densities are the fitted values of `release_params.json` per region (Ih
 * uniform in the dendrites rather than exponential: enough for a somatic spike train).
 */

/** The 12 mechanisms of ../shared/mod/l5pc, by file name without `.mod`. */
export const L5PC_MECHANISMS = [
  "CaDynamics_E2",
  "Ca_HVA",
  "Ca_LVAst",
  "Ih",
  "Im",
  "K_Pst",
  "K_Tst",
  "NaTa_t",
  "NaTs2_t",
  "Nap_Et2",
  "SK_E2",
  "SKv3_1",
] as const;

export const L5PC_SWC = "morph_l5pc_with_axon.swc";

/**
 * The script: mechanisms from the dropped `.mod` files (`jx.loadNmodl`), or from the
 * project's own L5PC channel set (`@dendrolab/core/channels/l5pc`, the same equations).
 */
export function l5pcScript(from: "mod" | "builtin"): string {
  const classes =
    from === "mod"
      ? `import { Pas } from "@dendrolab/core/channels/l5pc";\n${L5PC_MECHANISMS.map((m) => `const ${m} = jx.loadNmodl(mod("${m}.mod"));`).join("\n")}`
      : `import { Pas, ${L5PC_MECHANISMS.join(", ")} } from "@dendrolab/core/channels/l5pc";`;
  return `// The L5PC model (Hay et al. 2011): morphology and mechanisms imported from disk.
import * as jx from "@dendrolab/core";
import files, { mod } from "dendrolab:files";
${classes}

const cell = jx.readSwc(files["${L5PC_SWC}"], { ncomp: 1, reading: "neuron" });
cell.insert(new Pas());
cell.set("pas_g", 3e-5);
cell.set("pas_e", -75);
cell.set("celsius", 34);
cell.set("v", -65);

const soma = cell.group("soma");
for (const M of [NaTs2_t, SKv3_1, SK_E2, CaDynamics_E2, Ca_HVA, Ca_LVAst, Ih]) soma.insert(new M());
soma.set("ena", 50);
soma.set("ek", -85);
soma.set("NaTs2_t_gNaTs2_tbar", 0.983955);
soma.set("SKv3_1_gSKv3_1bar", 0.303472);
soma.set("SK_E2_gSK_E2bar", 0.008407);
soma.set("Ca_HVA_gCa_HVAbar", 0.000994);
soma.set("Ca_LVAst_gCa_LVAstbar", 0.000333);
soma.set("CaDynamics_E2_gamma", 0.000609);
soma.set("CaDynamics_E2_decay", 210.485284);
soma.set("Ih_gIhbar", 8e-5);

const axon = cell.group("axon");
for (const M of [NaTa_t, Nap_Et2, K_Pst, K_Tst, SKv3_1, SK_E2, Ca_HVA, Ca_LVAst, CaDynamics_E2]) axon.insert(new M());
axon.set("ena", 50);
axon.set("ek", -85);
axon.set("NaTa_t_gNaTa_tbar", 3.137968);
axon.set("Nap_Et2_gNap_Et2bar", 0.006827);
axon.set("K_Pst_gK_Pstbar", 0.973538);
axon.set("K_Tst_gK_Tstbar", 0.089259);
axon.set("SKv3_1_gSKv3_1bar", 1.021945);
axon.set("SK_E2_gSK_E2bar", 0.007104);
axon.set("Ca_HVA_gCa_HVAbar", 0.00099);
axon.set("Ca_LVAst_gCa_LVAstbar", 0.008752);
axon.set("CaDynamics_E2_gamma", 0.00291);
axon.set("CaDynamics_E2_decay", 287.198731);

const apical = cell.group("apical");
for (const M of [NaTs2_t, SKv3_1, Im, Ih]) apical.insert(new M());
apical.set("ena", 50);
apical.set("ek", -85);
apical.set("capacitance", 2);
apical.set("NaTs2_t_gNaTs2_tbar", 0.026145);
apical.set("SKv3_1_gSKv3_1bar", 0.004226);
apical.set("Im_gImbar", 0.000143);
apical.set("Ih_gIhbar", 8e-5);
const basal = cell.group("basal");
basal.insert(new Ih());
basal.set("capacitance", 2);
basal.set("Ih_gIhbar", 8e-5);

const network = new jx.Network([cell]);
network.cell(0).branch(0).comp(0).stimulate(jx.stepCurrent(20, 150, 1, 0.025, 200));
network.cell(0).branch(0).comp(0).record("v");
export default network;
`;
}

/** Upward crossings of 0 mV. */
export function spikeCount(v: ArrayLike<number>): number {
  let n = 0;
  for (let i = 1; i < v.length; i++) if (v[i - 1] < 0 && v[i] >= 0) n++;
  return n;
}
