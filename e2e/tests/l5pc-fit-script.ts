/**
 * The L5PC fit of the Jaxley paper in the IDE's trainer: the L5PC script of l5pc-script.ts
 * (project channels, 1 compartment per section) under the paper's protocol (a 3 nA somatic
 * step from 10 to 90 ms, 100 ms), the 19 region-wise parameters the paper fits (all free
 * parameters of parameters.json but the axonal Nap_Et2 density) as trainer parameters with
 * their release_params.json values as targets, and a script that starts them elsewhere.
 */
import { l5pcScript } from "./l5pc-script.js";

/** The 19 fitted parameters: the script's group, the key, the release value (target). */
export const L5PC_FIT_PARAMS: ReadonlyArray<{ group: string; key: string; target: number }> = [
  ["apical", "NaTs2_t_gNaTs2_tbar", 0.026145],
  ["apical", "SKv3_1_gSKv3_1bar", 0.004226],
  ["apical", "Im_gImbar", 0.000143],
  ["axon", "NaTa_t_gNaTa_tbar", 3.137968],
  ["axon", "K_Pst_gK_Pstbar", 0.973538],
  ["axon", "K_Tst_gK_Tstbar", 0.089259],
  ["axon", "SK_E2_gSK_E2bar", 0.007104],
  ["axon", "SKv3_1_gSKv3_1bar", 1.021945],
  ["axon", "Ca_HVA_gCa_HVAbar", 0.00099],
  ["axon", "Ca_LVAst_gCa_LVAstbar", 0.008752],
  ["axon", "CaDynamics_E2_gamma", 0.00291],
  ["axon", "CaDynamics_E2_decay", 287.198731],
  ["soma", "NaTs2_t_gNaTs2_tbar", 0.983955],
  ["soma", "SKv3_1_gSKv3_1bar", 0.303472],
  ["soma", "SK_E2_gSK_E2bar", 0.008407],
  ["soma", "Ca_HVA_gCa_HVAbar", 0.000994],
  ["soma", "Ca_LVAst_gCa_LVAstbar", 0.000333],
  ["soma", "CaDynamics_E2_gamma", 0.000609],
  ["soma", "CaDynamics_E2_decay", 210.485284],
].map(([group, key, target]) => ({ group: group as string, key: key as string, target: target as number }));

/**
 * The L5PC script under the fit's protocol, with the fitted parameters set to `start` (one
 * value each, in L5PC_FIT_PARAMS order) and `ncomp` compartments per section (324
 * compartments with 1, 1,296 with 4 as in examples/l5pc-fit.ts).
 */
export function l5pcFitScript(start: readonly number[], ncomp = 1): string {
  const sets = L5PC_FIT_PARAMS.map((p, i) => `cell.group("${p.group}").set("${p.key}", ${start[i]});`).join("\n");
  const base = l5pcScript("builtin");
  const stimulus = "jx.stepCurrent(20, 150, 1, 0.025, 200)";
  const reading = "{ ncomp: 1, reading";
  if (!base.includes(stimulus) || !base.includes("const network") || !base.includes(reading))
    throw new Error("l5pcFitScript: l5pc-script.ts changed its stimulus, network or readSwc lines; update this file.");
  return base
    .replace(reading, `{ ncomp: ${ncomp}, reading`)
    .replace(stimulus, "jx.stepCurrent(10, 80, 3, 0.025, 100)")
    .replace("const network", `// The start of the fit.\n${sets}\n\nconst network`);
}
