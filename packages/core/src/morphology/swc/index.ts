/** SWC reading: text -> samples -> `Morphology`. See README.md for the two readings. */

export { SwcError } from "./errors";
export { parseSwc, type ParseSwcOptions, type SwcSample } from "./parse";
export {
  buildMorphology,
  SUSPICIOUS_MEDIAN_RADIUS_UM,
  SWC_READINGS,
  type BuildMorphologyOptions,
  type SwcReading,
} from "./build";
export { ZERO_LENGTH_UM } from "./sections";
