/**
 * The L5PC channel set of Hay et al. (2011), written by the project from the published
 * equations: `import { NaTs2_t, CaDynamics_E2, Pas } from "@dendrolab/core/channels/l5pc"`.
 * Names and keys are those of the model's NEURON files (`NaTs2_t_gNaTs2_tbar`,
 * `SK_E2_zTau`, `CaDynamics_E2_gamma`, ...); ion columns are NEURON's (`ena`, `ek`,
 * `eca`, `cai`, ...).
 */
export {
  NaTs2_t,
  NaTa_t,
  Nap_Et2,
  K_Pst,
  K_Tst,
  SKv3_1,
  Im,
  SK_E2,
  Ca_HVA,
  Ca_LVAst,
  CaDynamics_E2,
  Ih,
  Pas,
} from "./mechanisms/library/l5pc/index.js";
