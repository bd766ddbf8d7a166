/**
 * Steady states and time constants of a mechanism's gates as functions of v, for
 * channel-analysis plots: evaluated from the spec's expressions (not the kernels).
 */
import { DendrolabError } from "../errors.js";
import { analyzeSpec } from "./compile.js";
import type { Expr } from "./expr/ast.js";
import { evaluateExpr } from "./expr/evaluate.js";
import { ionDefaults, ionVariableNames } from "./ions.js";
import type { Mechanism, MechanismClass } from "./define.js";
import type { MechanismSpec } from "./types.js";

/** Options of {@link gatingCurves}. */
export interface GatingOptions {
  /** Membrane voltages, mV. */
  readonly v: ArrayLike<number>;
  /** Temperature, degrees C (default 6.3, NEURON's). */
  readonly celsius?: number;
  /**
   * Values instead of the defaults, by local parameter name (`gNaTs2_tbar`) or ion
   * variable (`cai`: default NEURON's initial concentration; ion currents default to 0).
   */
  readonly values?: Readonly<Record<string, number>>;
}

/** One gate's curves: steady state (1) and time constant (ms) at each v. */
export interface GatingCurve {
  readonly inf: number[];
  readonly tau: number[];
}

const quantity = (q: number | { default: number }) => (typeof q === "number" ? q : q.default);

/**
 * The steady state and time constant of every gate of a channel at each voltage: for
 * `{ alpha, beta }` gates inf = a / (a + b), tau = 1 / (a + b); for `{ inf, tau }` the
 * expressions; for `{ rate }` gates `x' = a + b x` inf = -a / b, tau = -1 / b.
 * Concentration states and states without dynamics (an NMODL file's INITIAL-only
 * values) have no curves and are left out. Keys are the states' local names.
 *
 * @example
 * const Na = loadNmodl(text);
 * const v = Array.from({ length: 151 }, (_, i) => -100 + i);
 * const { m, h } = gatingCurves(Na, { v, celsius: 34 }); // m.inf[i], m.tau[i] at v[i]
 */
export function gatingCurves(
  mechanism: MechanismClass | Mechanism,
  options: GatingOptions,
): Record<string, GatingCurve> {
  const spec: MechanismSpec = "definedSpec" in mechanism ? mechanism.definedSpec : mechanism.spec;
  const a = analyzeSpec(spec);
  if (spec.kind !== "channel")
    throw new DendrolabError(
      `gatingCurves: "${spec.name}" is a synapse; gating curves are for channels`,
      "INVALID_ARGUMENT",
    );
  // dt: NEURON's default step, t: 0, for the rare file whose rates read them (`values` sets them).
  const base: Record<string, number> = { celsius: options.celsius ?? 6.3, dt: 0.025, t: 0 };
  for (const [k, q] of Object.entries(spec.params)) base[k] = quantity(q);
  for (const [k, q] of Object.entries(spec.shared ?? {})) base[k] = quantity(q);
  for (const [k, q] of Object.entries(spec.states)) base[k] = quantity(q);
  for (const [species, use] of Object.entries(spec.ions ?? {})) {
    const d = ionDefaults(species, use.valence);
    const n = ionVariableNames(species);
    Object.assign(base, { [n.e]: d.e, [n.i]: d.ci, [n.o]: d.co, [n.current]: 0 });
  }
  for (const [k, x] of Object.entries(options.values ?? {})) {
    if (!(k in base))
      throw new DendrolabError(
        `gatingCurves: "${spec.name}" has no parameter or ion variable "${k}"; valid: ${Object.keys(base).join(", ")}`,
        "UNKNOWN_KEY",
      );
    base[k] = x;
  }
  const at = (v: number, state?: string, x?: number) => {
    const env: Record<string, number> = { ...base, v };
    if (state !== undefined) env[state] = x!;
    for (const [name, e] of a.definitions) env[name] = evaluateExpr(e, env);
    return (e: Expr) => evaluateExpr(e, env);
  };
  const out: Record<string, GatingCurve> = {};
  for (const gate of a.gates) {
    if (gate.concentration !== null) continue;
    if (gate.form === "rate" && gate.a.type === "num" && gate.a.value === 0) continue; // no dynamics
    if (gate.form === "next") continue; // an explicit update: no steady state or time constant
    const inf: number[] = [],
      tau: number[] = [];
    for (let i = 0; i < options.v.length; i++) {
      const v = options.v[i];
      if (gate.form === "rate") {
        const r0 = at(v, gate.state, 0)(gate.a),
          r1 = at(v, gate.state, 1)(gate.a);
        const b = r1 - r0;
        inf.push(-r0 / b);
        tau.push(-1 / b);
      } else {
        const ev = at(v);
        const first = ev(gate.a),
          second = ev(gate.b!);
        if (gate.form === "alphaBeta") {
          inf.push(first / (first + second));
          tau.push(1 / (first + second));
        } else {
          inf.push(first);
          tau.push(second);
        }
      }
    }
    out[gate.state] = { inf, tau };
  }
  return out;
}
