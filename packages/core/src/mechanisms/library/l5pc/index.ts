/**
 * The project's own L5PC channel set, written from the equations of Hay et al. (2011),
 * "Models of neocortical layer 5b pyramidal cells capturing a wide range of dendritic and
 * perisomatic active properties", PLoS Comput Biol 7(7): e1002107, as distributed with
 * the model's NEURON files (names, parameter names and defaults as there).
 */
export { NaTs2_t, NaTa_t, Nap_Et2 } from "./sodium.js";
export { K_Pst, K_Tst, SKv3_1, Im, SK_E2 } from "./potassium.js";
export { Ca_HVA, Ca_LVAst, CaDynamics_E2 } from "./calcium.js";
export { Ih } from "./ih.js";
export { Pas } from "./pas.js";
