/**
 * The contract between mechanism definitions (data), the mechanism compiler, and the
 * simulator. Definitions are plain, serialisable objects whose equations are expression
 * strings; the compiler turns them into the kernels of {@link CompiledMechanism}.
 *
 * Units (as in NEURON and Jaxley): v in mV, t in ms, channel conductances in S/cm2,
 * channel currents in mA/cm2 (outward positive), synaptic conductances in uS, synaptic
 * currents in nA (outward positive at the postsynaptic compartment).
 */

/** A parameter or state default, with optional unit and description. */
export interface QuantitySpec {
  default: number;
  unit?: string;
  description?: string;
}

/** A gate in rate form: dx/dt = alpha (1 - x) - beta x. Expressions of `v` (or `v_pre`). */
export interface GateAlphaBeta {
  alpha: string;
  beta: string;
}

/** A gate in steady-state form: dx/dt = (inf - x) / tau, tau in ms. */
export interface GateInfTau {
  inf: string;
  tau: string;
}

export type GateSpec = GateAlphaBeta | GateInfTau;

interface MechanismSpecBase {
  /** Instance name and key prefix: local parameter `gNa` of `Na` is the key `Na_gNa`. */
  name: string;
  /** Prefixed parameters, by local name. */
  params: Record<string, number | QuantitySpec>;
  /** Un-prefixed parameters shared between mechanisms (`eNa`, `eK`, `vt`), by key. */
  shared?: Record<string, number | QuantitySpec>;
  /** Prefixed states, by local name; each needs a gate (channels) or a gate (synapses). */
  states: Record<string, number | QuantitySpec>;
  /** One gate per state, by local state name. */
  gates: Record<string, GateSpec>;
  /** Named intermediate expressions usable in gates and the current, evaluated in order. */
  definitions?: Record<string, string>;
  /** The current expression. */
  current: string;
  /** Name under which the current is recorded; default `i_<name>`. */
  currentName?: string;
}

/**
 * A channel: expressions may use `v` (mV), parameters and shared keys by their local
 * names / keys, states by local name, and definitions. The current is a density in
 * mA/cm2, outward positive.
 */
export interface ChannelSpec extends MechanismSpecBase {
  kind: "channel";
}

/**
 * A synapse between a presynaptic and a postsynaptic compartment: expressions may use
 * `v_pre` and `v_post` (mV). The current is in nA, outward positive at the postsynaptic
 * compartment; conductances are in uS.
 */
export interface SynapseSpec extends MechanismSpecBase {
  kind: "synapse";
}

export type MechanismSpec = ChannelSpec | SynapseSpec;

/**
 * Kernels over `n` instances of one mechanism. Values are struct-of-arrays:
 * `P[j][k]` is parameter `paramKeys[j]` of instance k, `S[j][k]` state `stateKeys[j]`.
 * `V` is the voltage of every node of the model; channels read `V[idx[k]]`, synapses
 * read `V[pre[k]]` and `V[post[k]]` (for channels `pre` is ignored; pass `idx` twice).
 */
export interface MechanismKernels {
  /**
   * Accumulates the linearised current: `accI[post[k]] += scale[k] * i`,
   * `accG[post[k]] += scale[k] * di/dv_post`, with i evaluated at the current V and S.
   * (For channels `post === idx`.)
   */
  current(
    n: number, pre: Int32Array, post: Int32Array, V: Float64Array,
    P: Float64Array[], S: Float64Array[], scale: Float64Array,
    accI: Float64Array, accG: Float64Array,
  ): void;
  /** Writes the unscaled current of each instance: `out[k] = i`. */
  currentValues(
    n: number, pre: Int32Array, post: Int32Array, V: Float64Array,
    P: Float64Array[], S: Float64Array[], out: Float64Array,
  ): void;
  /** Advances every state by one step of exponential Euler at the given V, in place. */
  advance(
    n: number, pre: Int32Array, post: Int32Array, V: Float64Array,
    P: Float64Array[], S: Float64Array[], dt: number,
  ): void;
  /**
   * `advance` followed by `current` at the new states, in one pass over the instances
   * (the time loop's hot path when no state is clamped).
   */
  advanceCurrent(
    n: number, pre: Int32Array, post: Int32Array, V: Float64Array,
    P: Float64Array[], S: Float64Array[], dt: number, scale: Float64Array,
    accI: Float64Array, accG: Float64Array,
  ): void;
  /** Sets every state to its steady state at the given V. */
  steady(
    n: number, pre: Int32Array, post: Int32Array, V: Float64Array,
    P: Float64Array[], S: Float64Array[],
  ): void;
  /**
   * Vector-Jacobian product of `current`: given weights `wI[post[k]]` and `wG[post[k]]`
   * on the accumulated `accI` and `accG`, accumulates d(sum)/d(.) into `dV` (at pre and
   * post), `dP[j][k]`, `dS[j][k]` and `dScale[k]`.
   */
  currentVjp(
    n: number, pre: Int32Array, post: Int32Array, V: Float64Array,
    P: Float64Array[], S: Float64Array[], scale: Float64Array,
    wI: Float64Array, wG: Float64Array,
    dV: Float64Array, dP: Float64Array[], dS: Float64Array[], dScale: Float64Array,
  ): void;
  /**
   * Vector-Jacobian product of `advance`: `S` holds the states *before* the step (it is
   * not modified); `wS[j][k]` are the weights on the states after the step. Accumulates
   * into `dV`, `dP[j][k]`, and writes `dSOld[j][k]` (the weights on the states before).
   */
  advanceVjp(
    n: number, pre: Int32Array, post: Int32Array, V: Float64Array,
    P: Float64Array[], S: Float64Array[], dt: number, wS: Float64Array[],
    dV: Float64Array, dP: Float64Array[], dSOld: Float64Array[],
  ): void;
}

/** A mechanism after compilation: its keys, defaults and kernels. */
export interface CompiledMechanism extends MechanismKernels {
  readonly spec: MechanismSpec;
  readonly name: string;
  readonly kind: "channel" | "synapse";
  /** Full keys, in kernel order: prefixed params, then shared keys. */
  readonly paramKeys: readonly string[];
  readonly paramDefaults: readonly number[];
  /** Full (prefixed) state keys, in kernel order. */
  readonly stateKeys: readonly string[];
  readonly stateDefaults: readonly number[];
  readonly currentName: string;
  /**
   * currentVjp computing only the wanted parameters' gradients (`wanted[j]` for
   * `paramKeys[j]`) and, if `scale`, dScale; voltages and states always. Cached.
   */
  currentVjpFor?(wanted: readonly boolean[], scale: boolean): MechanismKernels["currentVjp"];
}
