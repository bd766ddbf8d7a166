/**
 * @dendrolab/core: a differentiable multicompartment neuron simulator with a
 * Jaxley-style API. Channels live in `@dendrolab/core/channels`, synapses in
 * `@dendrolab/core/synapses`.
 */
export { Branch, Cell, Compartment, Module, Network } from "./api/modules.js";
export { View } from "./api/view.js";
export { connect, connectivityMatrixConnect, fullyConnect, sparseConnect, type ConnectOptions } from "./api/connect.js";
export { Table } from "./model/table.js";
export { formatValue, isIntegerColumn, type TableValue } from "./model/format.js";
export { stepCurrent } from "./model/stimulus.js";
export { integrate, integrateBatch, simulate, type IntegrateOptions } from "./train/integrate.js";
export type { DataClamps, DataStimuli, DataValue, Params, ParamState } from "./train/trainables.js";
export { defineChannel, defineSynapse, Mechanism } from "./mechanisms/define.js";
export type { ChannelSpec, GateSpec, MechanismSpec, QuantitySpec, SynapseSpec } from "./mechanisms/types.js";
export { DendrolabError } from "./errors.js";
export type { SolverName } from "./sim/steppers.js";
export {
  AffineTransform, ChainTransform, IdentityTransform, ParamTransform, SigmoidTransform, SoftplusTransform,
  type Transform,
} from "./train/transforms.js";
export { readSwc, type ReadSwcOptions, type SwcCell } from "./api/swc.js";
export { SwcError } from "./morphology/swc/index.js";
export { deserializeModel, ModelFormatError, serializeModel, type SerializedModel } from "./io/index.js";
export { computeXyz } from "./morphology/layout.js";
export { seededRandom } from "./random.js";
