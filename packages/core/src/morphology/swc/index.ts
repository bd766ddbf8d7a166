/** SWC reading: text -> samples -> `Morphology`. See README.md for the two readings. */

export { SwcError } from "./errors.js";
export { parseSwc, type ParseSwcOptions, type SwcSample } from "./parse.js";
export {
  buildMorphology,
  SUSPICIOUS_MEDIAN_RADIUS_UM,
  SWC_READINGS,
  type BuildMorphologyOptions,
  type SwcReading,
} from "./build.js";
export { ZERO_LENGTH_UM } from "./sections.js";
