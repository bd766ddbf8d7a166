/** The built-in mechanisms: see README.md in this folder for equations and sources. */
export { HH } from "./hh.js";
export { Leak, Na, K, Km, CaL, CaT } from "./pospischil.js";
export { IonotropicSynapse, TanhRateSynapse } from "./synapses.js";
