/**
 * The symbolic form of a mechanism: its current and gate updates as nodes of one
 * expression graph, over the kernel variables
 *
 *   v (channels) or vpre, vpost (synapses)   mV
 *   p0, p1, ...    parameters in kernel order (prefixed, then shared)
 *   s0, s1, ...    states in kernel order
 *   dt             ms
 */
import { ExprGraph, type NodeId } from "./expr/graph.js";
import type { AnalyzedSpec } from "./validate.js";

/** One gate: steady state, time constant (ms) and its exponential-Euler update. */
interface SymbolicGate {
  readonly inf: NodeId;
  readonly tau: NodeId;
  /** x_new = inf + (x - inf) exp(-dt / tau) (for alpha/beta gates, exp(-dt (a + b))). */
  readonly next: NodeId;
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
  a.voltageNames.forEach((n, i) => env.set(n, g.variable(voltageVars[i])));
  const paramNames = [...Object.keys(spec.params), ...Object.keys(spec.shared ?? {})];
  paramNames.forEach((n, j) => env.set(n, g.variable(`p${j}`)));
  const stateNames = Object.keys(spec.states);
  stateNames.forEach((n, j) => env.set(n, g.variable(`s${j}`)));
  for (const [name, e] of a.definitions) env.set(name, g.fromExpr(e, env));
  const postVar = voltageVars[voltageVars.length - 1];
  const current = g.fromExpr(a.current, env);
  // The current with the (post) voltage raised by NEURON's 0.001 mV.
  const shifted = new Map(env);
  shifted.set(a.voltageNames[a.voltageNames.length - 1], g.add(g.variable(postVar), g.num(0.001)));
  for (const [name, e] of a.definitions) shifted.set(name, g.fromExpr(e, shifted));
  const slopeFd = g.div(g.sub(g.fromExpr(a.current, shifted), current), g.num(0.001));

  const dt = g.variable("dt");
  const gates = a.gates.map((gate, j): SymbolicGate => {
    const x = g.variable(`s${j}`);
    const first = g.fromExpr(gate.a, env), second = g.fromExpr(gate.b, env);
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
    return { inf, tau, next };
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
  };
}
