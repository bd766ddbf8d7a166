/**
 * `@dendrolab/core/rules`: the rules `set` and `addToGroup` apply to values and group
 * names, as small pure functions (no model, no tfjs) that a GUI can apply before it
 * writes a line, with the library's own messages; and the size limits of a run
 * (`MAX_STEPS`, `MAX_RECORDING_BYTES`), which a link's schema can check before it runs.
 *
 * @example
 * import { checkValue, groupNameProblem, valueRule } from "@dendrolab/core/rules";
 * checkValue("radius", -1, valueRule("radius")); // throws DendrolabError: radius must be > 0 ... got -1
 * groupNameProblem("my group"); // "Group name 'my group' is not allowed: ... (e.g. 'my_group')."
 */
export { MAX_RECORDING_BYTES, MAX_STEPS } from "./run/limits.js";
export { GROUP_NAME_RULE, groupNameProblem, suggestGroupName } from "./model/group-name.js";
export {
  allowedText,
  checkValue,
  GATING_STATE_RULE,
  MAX_INITIAL_VOLTAGE_MV,
  MAX_LENGTH_UM,
  MAX_RADIUS_UM,
  MIN_GEOMETRY_UM,
  type MechanismLike,
  mechanismValueRule,
  quantityRule,
  ruleAllows,
  runValueRule,
  type ValueRule,
  valueProblem,
  valueRule,
} from "./model/value-rules.js";
