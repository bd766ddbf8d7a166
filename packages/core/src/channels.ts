/**
 * Built-in channels with Jaxley's names, keys and defaults, and `defineChannel` for new
 * ones: `import { Na, K, Leak } from "@dendrolab/core/channels"`.
 * Equations and sources: `mechanisms/library/README.md`.
 */
export { HH, Leak, Na, K, Km, CaL, CaT } from "./mechanisms/library/index.js";
export { defineChannel } from "./mechanisms/define.js";
