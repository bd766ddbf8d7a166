/**
 * The symbolic form of a mechanism: its current and gate updates as nodes of one
 * expression graph, over the kernel variables
 *
 *   v (channels) or vpre, vpost (synapses)   mV
 *   p0, p1, ...    parameters in kernel order (prefixed, then shared)
 *   s0, s1, ...    states in kernel order
 *   x0, x1, ...    node-level arrays: celsius, ion variables read, ion variables written
 *   dt             ms
 *   cn             1 under Crank-Nicolson, else 0 (only implicit rate gates read it)
 */
import { Differentiator } from "./expr/diff.js";
import { usedVariables } from "./expr/emit.js";
import { ExprGraph, type NodeId } from "./expr/graph.js";
import { MechanismSpecError, type AnalyzedSpec } from "./validate.js";

/** One gate: steady state, time constant (ms) and its exponential-Euler update. */
interface SymbolicGate {
  readonly inf: NodeId;
  readonly tau: NodeId;
  /**
   * x_new = inf + (x - inf) exp(-dt / tau) (for alpha/beta gates, exp(-dt (a + b)));
   * for rate gates NEURON's cnexp, x + (1 - exp(b dt)) (-a/b - x).
   */
  readonly next: NodeId;
  /** The value initStates gives: `initial`, else `inf`; null for a concentration without `initial`. */
  readonly init: NodeId | null;
  /** The node variable (`x<j>`) the state is mirrored to (a concentration), or null. */
  readonly mirror: string | null;
}

export interface SymbolicMechanism {
  readonly graph: ExprGraph;
  readonly kind: "channel" | "synapse";
  readonly nParams: number;
  readonly nStates: number;
  /** Kernel variables for the voltages: ["v"] or ["vpre", "vpost"]. */
  readonly voltageVars: readonly string[];
  /** The voltage the current is linearised in: "v" or "vpost". */
  readonly postVar: string;
  /** The current (mA/cm2 for channels, nA for synapses). */
  readonly current: NodeId;
  /**
   * NEURON's linearisation slope: (I(v + 0.001) - I(v)) / 0.001 in the postsynaptic (or
   * membrane) voltage. Used where the current is nonlinear in v, so that the scheme is
   * NEURON's to the last digit; for currents linear in v the exact derivative is the same.
   */
  readonly slopeFd: NodeId;
  /** The gates, in state order. */
  readonly gates: readonly SymbolicGate[];
  /** Names of the node variables x0, x1, ...: "celsius", ion variables read, then written. */
  readonly nodeVars: readonly string[];
  /**
   * Ion currents written: the node variable accumulated into and the current's node, and
   * NEURON's forward-difference slope d i / d v with its node variable (for Crank-Nicolson).
   */
  readonly ionCurrents: readonly {
    readonly variable: string;
    readonly value: NodeId;
    readonly slopeVariable: string;
    readonly slope: NodeId;
  }[];
  /** The spec's recordable outputs, in spec order. */
  readonly outputs: readonly NodeId[];
}

/**
 * Builds the symbolic mechanism: definitions are substituted into the expressions
 * (the graph shares them), alpha/beta gates become inf = a/(a+b), tau = 1/(a+b).
 *
 * @example buildSymbolic(validateSpec(spec)).gates[0].next
 */
export function buildSymbolic(a: AnalyzedSpec): SymbolicMechanism {
  const g = new ExprGraph();
  const spec = a.spec;
  const env = new Map<string, NodeId>();
  const voltageVars = spec.kind === "channel" ? ["v"] : ["vpre", "vpost"];
  for (const [i, n] of a.voltageNames.entries()) env.set(n, g.variable(voltageVars[i]));
  const paramNames = [...Object.keys(spec.params), ...Object.keys(spec.shared ?? {})];
  for (const [j, n] of paramNames.entries()) env.set(n, g.variable(`p${j}`));
  const stateNames = Object.keys(spec.states);
  for (const [j, n] of stateNames.entries()) env.set(n, g.variable(`s${j}`));
  const concentrations = a.gates.flatMap((gt) => (gt.concentration ? [gt.concentration] : []));
  const nodeVars = [
    "celsius",
    ...a.ionReads,
    ...a.ionCurrents.map(([k]) => k),
    ...concentrations,
    ...a.ionCurrents.map(([k]) => ionSlopeName(k)),
  ];
  const xOf = (name: string) => `x${nodeVars.indexOf(name)}`;
  env.set("celsius", g.variable("x0"));
  for (const r of a.ionReads) env.set(r, g.variable(xOf(r)));
  for (const [name, e] of a.definitions) env.set(name, g.fromExpr(e, env));
  const postVar = voltageVars[voltageVars.length - 1];
  // The total current: nonspecific plus every ion current.
  const total = (scope: Map<string, NodeId>) => {
    let sum = g.fromExpr(a.current, scope);
    for (const [, e] of a.ionCurrents) sum = g.add(sum, g.fromExpr(e, scope));
    return sum;
  };
  const current = total(env);
  // The current with the (post) voltage raised by NEURON's 0.001 mV.
  const shifted = new Map(env);
  shifted.set(a.voltageNames[a.voltageNames.length - 1], g.add(g.variable(postVar), g.num(0.001)));
  for (const [name, e] of a.definitions) shifted.set(name, g.fromExpr(e, shifted));
  const ionCurrents = a.ionCurrents.map(([k, e]) => {
    const value = g.fromExpr(e, env);
    const slope = g.div(g.sub(g.fromExpr(e, shifted), value), g.num(0.001));
    return { variable: xOf(k), value, slopeVariable: xOf(ionSlopeName(k)), slope };
  });
  const slopeFd = g.div(g.sub(total(shifted), current), g.num(0.001));

  const dt = g.variable("dt");
  const gates = a.gates.map((gate, j): SymbolicGate => {
    const x = g.variable(`s${j}`);
    const mirror = gate.concentration ? xOf(gate.concentration) : null;
    const initial = gate.initial ? g.fromExpr(gate.initial, env) : null;
    if (gate.form === "next") {
      // An explicit update: no steady state; initStates keeps the value without `initial`.
      const init = initial ?? (gate.concentration ? null : x);
      return { inf: x, tau: g.num(Infinity), next: g.fromExpr(gate.a, env), init, mirror };
    }
    if (gate.form === "rate") {
      const r = rateGate(g, a, env, j, dt);
      const init = initial ?? (gate.concentration ? null : r.inf);
      return { inf: r.inf, tau: r.tau, next: r.next, init, mirror };
    }
    const first = g.fromExpr(gate.a, env),
      second = g.fromExpr(gate.b!, env);
    let inf: NodeId, tau: NodeId, exponent: NodeId;
    if (gate.form === "alphaBeta") {
      // -dt / tau with tau = 1 / (a + b), written as -dt (a + b): one rounding fewer.
      const sum = g.add(first, second);
      inf = g.div(first, sum);
      tau = g.div(g.num(1), sum);
      exponent = g.mul(g.neg(dt), sum);
    } else {
      inf = first;
      tau = second;
      exponent = g.div(g.neg(dt), tau);
    }
    const decay = g.call("exp", [exponent]);
    const next = g.add(inf, g.mul(g.sub(x, inf), decay));
    return { inf, tau, next, init: initial ?? inf, mirror };
  });
  return {
    graph: g,
    kind: spec.kind,
    nParams: paramNames.length,
    nStates: stateNames.length,
    voltageVars,
    postVar,
    current,
    slopeFd,
    gates,
    nodeVars,
    ionCurrents,
    outputs: a.outputs.map(([, e]) => g.fromExpr(e, env)),
  };
}

/**
 * A rate gate `x' = a + b x` as NEURON's cnexp: b = d rate / dx (must not depend on x),
 * a = rate at x = 0; next = x + (1 - exp(b dt)) (-a/b - x), or x + a dt where b is 0.
 * With method "implicit" (derivimplicit), next = (x + a dt) / (1 - b dt) under backward
 * Euler; under Crank-Nicolson (kernel argument CN = 1) NEURON's half step and
 * extrapolation, next = 2 (x + a dt/2) / (1 - b dt/2) - x.
 */
function rateGate(g: ExprGraph, a: AnalyzedSpec, env: Map<string, NodeId>, j: number, dt: NodeId) {
  const gate = a.gates[j];
  const sv = `s${j}`;
  const x = g.variable(sv);
  const rate = g.fromExpr(gate.a, env);
  const b = new Differentiator(g, sv).diff(rate);
  if (usedVariables(g, [b]).has(sv)) {
    throw new MechanismSpecError(
      `${a.spec.kind === "channel" ? "Channel" : "Synapse"} "${a.spec.name}": gate ` +
        `"${gate.state}" (rate) is not linear in "${gate.state}"; a rate gate must be a + b ${gate.state} ` +
        "with a and b free of the state (NEURON's cnexp); rewrite it or use { inf, tau }",
    );
  }
  // a: the rate with the state set to 0 (definitions re-evaluated).
  const zero = new Map(env);
  zero.set(gate.state, g.num(0));
  for (const [name, e] of a.definitions) zero.set(name, g.fromExpr(e, zero));
  const a0 = g.fromExpr(gate.a, zero);
  if (gate.method === "implicit") {
    // cn (1 under Crank-Nicolson, else 0): NEURON's secondorder 2 halves dt for the
    // implicit step and extrapolates, next = 2 x(t + dt/2) - x.
    const cn = g.variable("cn");
    const h = g.mul(dt, g.sub(g.num(1), g.mul(g.num(0.5), cn)));
    const half = g.div(g.add(x, g.mul(a0, h)), g.sub(g.num(1), g.mul(b, h)));
    const next = g.add(half, g.mul(cn, g.sub(half, x)));
    if (g.isConst(b, 0)) return { inf: x, tau: g.num(Infinity), next };
    return { inf: g.neg(g.div(a0, b)), tau: g.neg(g.div(g.num(1), b)), next };
  }
  if (g.isConst(b, 0)) {
    // A pure integrator: no steady state; initStates keeps the value.
    return { inf: x, tau: g.num(Infinity), next: g.add(x, g.mul(a0, dt)) };
  }
  const inf = g.neg(g.div(a0, b));
  const next = g.add(x, g.mul(g.sub(g.num(1), g.call("exp", [g.mul(b, dt)])), g.sub(inf, x)));
  return { inf, tau: g.neg(g.div(g.num(1), b)), next };
}

/**
 * The node array name of d i<ion> / dv for ion current `name` (mA/cm2/mV), as NEURON's
 * `_ion_di<ion>dv`: used by Crank-Nicolson's correction of ion currents.
 *
 * @example ionSlopeName("ica") // "dica_dv"
 */
export function ionSlopeName(name: string): string {
  return `d${name}_dv`;
}
