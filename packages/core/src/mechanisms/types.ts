/**
 * The contract between mechanism definitions (data), the mechanism compiler, and the
 * simulator. Definitions are plain, serialisable objects whose equations are expression
 * strings; the compiler turns them into the kernels of {@link CompiledMechanism}.
 *
 * Units (as in NEURON and Jaxley): v in mV, t in ms, channel conductances in S/cm2,
 * channel currents in mA/cm2 (outward positive), synaptic conductances in uS, synaptic
 * currents in nA (outward positive at the postsynaptic compartment).
 *
 * The spec interfaces below are the documentation of the schema in `spec-schema.ts`,
 * which checks a spec's shape; test/mechanisms/spec-schema.test.ts keeps the two the same.
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

/**
 * A state given by its derivative, `dx/dt = rate` (NMODL's `x' = ...` solved with
 * `METHOD cnexp`): `rate` may use the state itself, and must be linear in it
 * (`rate = a + b x` with a, b free of x). The step is NEURON's cnexp, exact for constant
 * a and b: `x_new = x + (1 - exp(b dt)) (-a/b - x)` (`x + a dt` where b is 0). The
 * steady state is `-a/b`. Concentration states (see {@link IonUse}) are written this way.
 */
export interface GateRate {
  rate: string;
  /**
   * `"cnexp"` (default) as above; `"implicit"`: one backward-Euler step, `x_new = (x + a
   * dt) / (1 - b dt)` (NEURON's `derivimplicit`, whose Newton iteration is exact in one
   * step for an equation linear in its state); under Crank-Nicolson, as NEURON's
   * `secondorder` 2, a step of dt/2 then extrapolation: `x_new = 2 (x + a dt/2) / (1 - b
   * dt/2) - x`. Steady state and time constant as above.
   */
  method?: "cnexp" | "implicit";
}

/**
 * A state given by its value after one step, `x_new = next` (NMODL's `SOLVE` of a
 * PROCEDURE: explicit updates such as `m = m + (1 - exp(-dt/mtau)) (minf - m)`). `next`
 * may use `dt`, the state itself and other states (all at their values before the step).
 * No steady state: without `initial`, `initStates()` keeps the state's value.
 */
export interface GateNext {
  next: string;
}

/**
 * A gate, optionally with `initial`: the value `initStates()` gives the state, an
 * expression of `v`, parameters, ion variables, `celsius` and definitions (NMODL's
 * `INITIAL` block). Without it a state starts at its steady state, and a concentration
 * state at its species' initial concentration (as NEURON's `finitialize`).
 */
export type GateSpec = (GateAlphaBeta | GateInfTau | GateRate | GateNext) & { initial?: string };

/**
 * How a channel uses an ion species (NMODL's `USEION x READ ... WRITE ... VALENCE z`).
 * Variable names are NEURON's: `ex` (reversal potential, mV), `xi` and `xo`
 * (concentrations, mM), `ix` (current density, mA/cm2, outward positive).
 *
 * - `read` names may appear in expressions. Reversal potentials and concentrations are
 *   per-compartment columns shared by every mechanism of the compartment (`ek`, `cai`,
 *   ...; defaults NEURON's). Reading the ion current `ix` (the sum over every mechanism
 *   of the compartment, from the step's current phase) is allowed in gates only.
 * - `write: ["ix"]`: the mechanism contributes `ionCurrents.ix` to the species' current.
 * - `write: ["xi"]` (or `"xo"`): the concentration is a state of the mechanism named as
 *   the variable (`states: { cai: ... }`, gate `{ rate }`), with the un-prefixed key
 *   `cai`. Mechanisms writing a concentration advance before all others in each step,
 *   and wherever a concentration is written, the reversal potential follows the Nernst
 *   equation at the compartment's `celsius`, updated before the currents of each step.
 */
export interface IonUse {
  /** Charge number; default 1 for na and k, 2 for ca; required for other species. */
  valence?: number;
  /** Ion variables read. */
  read?: string[];
  /** Ion variables written: the current and/or a concentration. */
  write?: string[];
}

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
  /**
   * The current expression (for channels with ions: the nonspecific current, NMODL's
   * `NONSPECIFIC_CURRENT`); default "0".
   */
  current?: string;
  /**
   * Name under which the mechanism's total current (`current` plus its ion currents) is
   * recorded; default `i_<name>`.
   */
  currentName?: string;
  /** Ion species used, by name (`na`, `k`, `ca`, or any other with a valence). Channels only. */
  ions?: Record<string, IonUse>;
  /** The expression of each ion current written (`{ ik: "g * n^4 * (v - ek)" }`), mA/cm2. */
  ionCurrents?: Record<string, string>;
  /**
   * Recordable values, by local name (key `<name>_<local>`): expressions of the same
   * names as the current, ion currents read included (NMODL's `ASSIGNED` `RANGE`
   * variables, e.g. a channel's conductance). Recordable, and differentiable in a loss (the adjoint runs `outputVjp`).
   */
  outputs?: Record<string, string>;
}

/**
 * A channel: expressions may use `v` (mV), `celsius` (the compartment's temperature,
 * degrees C), parameters and shared keys by their local names / keys, states by local
 * name, the ion variables it reads, and definitions. The current is a density in
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
 *
 * `X` (the optional last argument of every kernel) holds node-level arrays indexed like
 * `V`, one per entry of {@link CompiledMechanism.nodeVars}: `celsius`, then the ion
 * variables the mechanism reads, then those it writes. Kernels read `X[j][post[k]]`;
 * `current` adds each written ion current (unscaled, mA/cm2) to its array, `advance` and
 * `steady` copy each concentration state to its array. Mechanisms without ions ignore it.
 *
 * `dt` (ms) is the run's step: an argument of `advance`, `advanceCurrent` and `advanceVjp`,
 * and an optional argument of `current`, `currentValues`, `steady` and `currentVjp`. The
 * optional last argument `t` (ms) is the time, as NEURON's: 0 at `steady` (INITIAL),
 * t_k + dt/2 for the currents of the step from t_k, t_k + dt for its state update
 * (`advanceCurrent` takes the update's time and computes its current at t + dt/2). Both
 * are needed only by mechanisms whose expressions read them (NMODL files that read
 * `dt` or `t`).
 */
/**
 * The leading arguments of every kernel: `n` instances, their presynaptic and
 * postsynaptic nodes, the voltage of every node (mV), and the parameters and states
 * (struct-of-arrays, `P[j][k]`, `S[j][k]`).
 */
export type Instances = [
  n: number,
  pre: Int32Array,
  post: Int32Array,
  V: Float64Array,
  P: Float64Array[],
  S: Float64Array[],
];

export interface MechanismKernels {
  /**
   * Accumulates the linearised current: `accI[post[k]] += scale[k] * i`,
   * `accG[post[k]] += scale[k] * di/dv_post`, with i evaluated at the current V and S.
   * (For channels `post === idx`.)
   */
  current(
    ...args: [
      ...Instances,
      scale: Float64Array,
      accI: Float64Array,
      accG: Float64Array,
      X?: Float64Array[],
      dt?: number,
      t?: number,
    ]
  ): void;
  /** Writes the unscaled current of each instance: `out[k] = i`. */
  currentValues(...args: [...Instances, out: Float64Array, X?: Float64Array[], dt?: number, t?: number]): void;
  /**
   * Advances every state by one step of exponential Euler at the given V, in place.
   * `cn` is 1 under Crank-Nicolson (implicit rate gates then take NEURON's half step and
   * extrapolate), else 0 or absent.
   */
  advance(...args: [...Instances, dt: number, X?: Float64Array[], cn?: number, t?: number]): void;
  /**
   * `advance` followed by `current` at the new states, in one pass over the instances
   * (the time loop's hot path when no state is clamped).
   */
  advanceCurrent(
    ...args: [
      ...Instances,
      dt: number,
      scale: Float64Array,
      accI: Float64Array,
      accG: Float64Array,
      X?: Float64Array[],
      cn?: number,
      t?: number,
    ]
  ): void;
  /**
   * Sets every state to its initial value at the given V: the gate's `initial`, else its
   * steady state; a concentration state without `initial` is left as it is.
   */
  steady(...args: [...Instances, X?: Float64Array[], dt?: number, t?: number]): void;
  /**
   * Vector-Jacobian product of `current`: given weights `wI[post[k]]` and `wG[post[k]]`
   * on the accumulated `accI` and `accG`, accumulates d(sum)/d(.) into `dV` (at pre and
   * post), `dP[j][k]`, `dS[j][k]` and `dScale[k]`. `LX` (one array per node variable, as
   * `X`) holds the adjoints of the node arrays: the kernel reads the weights of the ion
   * currents and slopes it writes from `LX[j][post[k]]`, and accumulates the derivatives
   * with respect to the node variables it reads (`celsius`, `eca`, `cai`...) into it.
   */
  currentVjp(
    ...args: [
      ...Instances,
      scale: Float64Array,
      wI: Float64Array,
      wG: Float64Array,
      dV: Float64Array,
      dP: Float64Array[],
      dS: Float64Array[],
      dScale: Float64Array,
      X?: Float64Array[],
      LX?: Float64Array[],
      dt?: number,
      t?: number,
    ]
  ): void;
  /**
   * Vector-Jacobian product of `advance`: `S` holds the states *before* the step (it is
   * not modified); `wS[j][k]` are the weights on the states after the step. Accumulates
   * into `dV`, `dP[j][k]`, and writes `dSOld[j][k]` (the weights on the states before).
   * Derivatives with respect to the node variables read accumulate into `LX` (as in
   * `currentVjp`); a concentration's mirror is not handled here: its weight belongs in `wS`.
   * `cn` as in `advance`.
   */
  advanceVjp(
    ...args: [
      ...Instances,
      dt: number,
      wS: Float64Array[],
      dV: Float64Array,
      dP: Float64Array[],
      dSOld: Float64Array[],
      X?: Float64Array[],
      LX?: Float64Array[],
      cn?: number,
      t?: number,
    ]
  ): void;
}

/** The vector-Jacobian product of one output of a mechanism (see {@link CompiledMechanism.outputVjp}). */
export type OutputVjpKernel = (
  ...args: [
    ...Instances,
    WO: Float64Array,
    dV: Float64Array,
    dP: Float64Array[],
    dS: Float64Array[],
    X?: Float64Array[],
    LX?: Float64Array[],
    dt?: number,
    t?: number,
  ]
) => void;

/** An ion species as a compiled mechanism uses it. */
export interface CompiledIon {
  readonly species: string;
  readonly valence: number;
  /** Variables read and written (NEURON names: `eca`, `cai`, `ica`...). */
  readonly read: readonly string[];
  readonly write: readonly string[];
}

/** A mechanism's keys and defaults in kernel order. */
export interface MechanismKeys {
  /** Prefixed parameters in spec order, then shared keys in spec order. */
  readonly paramKeys: readonly string[];
  readonly paramDefaults: readonly number[];
  /** Prefixed states in spec order. */
  readonly stateKeys: readonly string[];
  readonly stateDefaults: readonly number[];
  /** The name under which the current is recorded. */
  readonly currentName: string;
  /**
   * Ion columns of every species the mechanism uses (`ek`, `ki`, `ko`, ...; concentration
   * states included), with NEURON's defaults.
   */
  readonly ionColumnKeys: readonly string[];
  readonly ionColumnDefaults: readonly number[];
}

/** A mechanism after compilation: its keys, defaults and kernels. */
export interface CompiledMechanism extends MechanismKernels, MechanismKeys {
  readonly spec: MechanismSpec;
  readonly name: string;
  readonly kind: "channel" | "synapse";
  /** The node-level arrays the kernels take as `X`, in order (see {@link MechanismKernels}). */
  readonly nodeVars: readonly string[];
  /** Whether any kernel reads or writes `X` (celsius or ion variables). */
  readonly usesNodeVars: boolean;
  /** Whether the mechanism writes a concentration or reads an ion current (it advances first). */
  readonly advancesFirst: boolean;
  /** Ion species used, with valence and which of their variables are written. */
  readonly ions: readonly CompiledIon[];
  /** Full (prefixed) keys of the spec's `outputs`, in spec order. */
  readonly outputKeys: readonly string[];
  /** A kernel writing output `j` (of {@link outputKeys}) of each instance: `out[k] = value`. Cached. */
  outputValues(j: number): MechanismKernels["currentValues"];
  /**
   * The vector-Jacobian product of output `j`: weights `WO[k]` on its values; accumulates
   * into `dV`, `dP[j][k]`, `dS[j][k]` and, for the node variables read, `LX` (as
   * `currentVjp`). Cached.
   */
  outputVjp(j: number): OutputVjpKernel;
  /**
   * currentVjp computing only the wanted parameters' gradients (`wanted[j]` for
   * `paramKeys[j]`) and, if `scale`, dScale; voltages and states always. Cached.
   */
  currentVjpFor?(wanted: readonly boolean[], scale: boolean): MechanismKernels["currentVjp"];
  /**
   * advanceVjp computing only the wanted parameters' gradients (`wanted[j]` for
   * `paramKeys[j]`); voltages, states and node variables always. Cached.
   */
  advanceVjpFor?(wanted: readonly boolean[]): MechanismKernels["advanceVjp"];
}
