/** SWC reading: text -> samples -> `Morphology`. See README.md for the two readings. */

export { SwcError } from "./errors.js";
export { parseSwc } from "./parse.js";
export { buildMorphology, type BuildMorphologyOptions, type SwcReading } from "./build.js";
