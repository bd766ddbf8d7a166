/**
 * Built-in synapses with Jaxley's names, keys and defaults, and `defineSynapse` for new
 * ones: `import { IonotropicSynapse } from "@dendrolab/core/synapses"`.
 * Equations and sources: `mechanisms/library/README.md`.
 */
export { IonotropicSynapse, TanhRateSynapse } from "./mechanisms/library/index.js";
export { defineSynapse } from "./mechanisms/define.js";
