/**
 * Model (de)serialisation: a module as versioned, JSON-safe data and back.
 */
export { serializeModel } from "./serialize.js";
export { deserializeModel } from "./deserialize.js";
export { ModelFormatError } from "./errors.js";
export { MODEL_FORMAT, MODEL_LIMITS, MODEL_VERSION } from "./schema.js";
export type {
  SerializedCell,
  SerializedColumn,
  SerializedIndexSet,
  SerializedModel,
  SerializedSignal,
} from "./schema.js";
