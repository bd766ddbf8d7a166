/**
 * Built-in channels with Jaxley's names, keys and defaults:
 * `import { Na, K, Leak } from "@dendrolab/core/channels"`.
 */
export { HH, Leak, Na, K, Km, CaL, CaT } from "./mechanisms/library/index";
export { defineChannel, Mechanism } from "./mechanisms/define";
