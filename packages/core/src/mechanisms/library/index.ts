/** The built-in mechanisms: see README.md in this folder for equations and sources. */
export { HH } from "./hh";
export { Leak, Na, K, Km, CaL, CaT } from "./pospischil";
export { IonotropicSynapse, TanhRateSynapse } from "./synapses";
