/**
 * Built-in synapses with Jaxley's names, keys and defaults:
 * `import { IonotropicSynapse } from "@dendrolab/core/synapses"`.
 */
export { IonotropicSynapse, TanhRateSynapse } from "./mechanisms/library/index";
export { defineSynapse, Mechanism } from "./mechanisms/define";
