/**
 * `@dendrolab/core/sim`: everything of the core that needs no tfjs. Build, edit, group,
 * record, stimulate and `simulate` models in float64; tables, SWC, (de)serialisation and
 * layout; `levenbergFit` for fits on a few residuals. Importing it loads no tfjs. The methods that make tensors (`getParameters`,
 * `dataSet`, `dataStimulate`, `dataClamp`) raise NEEDS_TFJS unless `@dendrolab/core`
 * (which adds `integrate`, `integrateBatch` and the transforms) is imported too.
 */
export { Branch, Cell, Compartment, Module, Network } from "./api/modules.js";
export { View } from "./api/view.js";
export { connect, connectivityMatrixConnect, fullyConnect, sparseConnect, type ConnectOptions } from "./api/connect.js";
export { Table } from "./model/table.js";
export { formatValue, isIntegerColumn, type TableValue } from "./model/format.js";
export { isTimedCurrent, stepCurrent, type TimedCurrent } from "./model/stimulus.js";
export { simulate, type IntegrateOptions, type RunResult } from "./run/simulate.js";
export { simulateWatched, type VoltageExcursion } from "./run/voltage-watch.js";
export type { DataClamps, DataStimuli, DataValue, Params, ParamState } from "./run/trainables.js";
export { defineChannel, defineSynapse, Mechanism } from "./mechanisms/define.js";
export type { MechanismClass } from "./mechanisms/define.js";
export {
  loadNmodl,
  NmodlError,
  gatingCurves,
  type GatingCurve,
  type GatingOptions,
  type NmodlInfo,
  type NmodlMechanismClass,
  type NmodlParameterInfo,
  type NmodlStateInfo,
} from "./nmodl/index.js";
export type { ChannelSpec, GateSpec, MechanismSpec, QuantitySpec, SynapseSpec } from "./mechanisms/types.js";
export { DendrolabError, type ErrorCode } from "./errors.js";
export * from "./rules.js";
export { MechanismSpecError } from "./mechanisms/validate.js";
export { ExpressionError } from "./mechanisms/expr/errors.js";
export { NonFiniteError } from "./sim/run.js";
export type { SolverName } from "./sim/steppers.js";
export { readSwc, type ReadSwcOptions, type SwcCell } from "./api/swc.js";
export { SwcError } from "./morphology/swc/index.js";
export { deserializeModel, ModelFormatError, serializeModel, type SerializedModel } from "./io/index.js";
export { computeXyz } from "./morphology/layout.js";
export { seededRandom } from "./random.js";
export {
  LevenbergMarquardt,
  type LevenbergFitOptions,
  type LevenbergOptions,
  type LevenbergProblem,
  type LevenbergResult,
  type LevenbergStep,
  levenbergFit,
  nullSpaceStep,
  solveSpd,
} from "./optimize/levenberg.js";
