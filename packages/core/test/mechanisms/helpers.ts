/** Shared test helpers: random numbers, finite differences, instance set-up. */
import { analyzeSpec } from "../../src/mechanisms/compile.js";
import { evaluateExpr } from "../../src/mechanisms/expr/evaluate.js";
import { seededRandom } from "../../src/random.js";
import type { CompiledMechanism, MechanismSpec } from "../../src/mechanisms/types.js";

/** A seeded uniform random generator in [lo, hi) (the library's seeded PRNG). */
export function rng(seed: number): (lo?: number, hi?: number) => number {
  const u = seededRandom(seed);
  return (lo = 0, hi = 1) => lo + (hi - lo) * u();
}

/** Fourth-order central difference of f at x with step h. */
export function fd(f: (x: number) => number, x: number, h: number): number {
  return (8 * (f(x + h) - f(x - h)) - (f(x + 2 * h) - f(x - 2 * h))) / (12 * h);
}

/** A step for differentiating in x: relative, or absolute near 0. */
export function stepFor(x: number): number {
  return x === 0 ? 1e-4 : 2e-4 * Math.abs(x);
}

/** |a - b| <= rel max(|a|, |b|) + abs, with a readable failure. */
export function expectClose(actual: number, expected: number, rel: number, abs: number, label: string): void {
  const err = Math.abs(actual - expected);
  const tol = rel * Math.max(Math.abs(actual), Math.abs(expected)) + abs;
  if (!(err <= tol)) {
    throw new Error(
      `${label}: got ${actual}, expected ${expected} (error ${err.toExponential(2)} > tolerance ${tol.toExponential(2)})`,
    );
  }
}

/** Random instances of a mechanism over a few nodes, with some sharing a node. */
export interface Instances {
  n: number;
  pre: Int32Array;
  post: Int32Array;
  V: Float64Array;
  P: Float64Array[];
  S: Float64Array[];
  scale: Float64Array;
}

export function randomInstances(m: CompiledMechanism, seed: number): Instances {
  const r = rng(seed);
  const n = 3;
  const post = new Int32Array([1, 1, 3]);
  const pre = m.kind === "synapse" ? new Int32Array([0, 2, 3]) : post;
  const V = Float64Array.from({ length: 4 }, () => r(-85, 25));
  const P = m.paramDefaults.map((d) => Float64Array.from({ length: n }, () => (d === 0 ? r(-5, 5) : d * r(0.7, 1.3))));
  const S = m.stateDefaults.map(() => Float64Array.from({ length: n }, () => r(0.1, 0.9)));
  const scale = Float64Array.from({ length: n }, () => r(0.5, 2));
  return { n, pre, post, V, P, S, scale };
}

export function copyInstances(x: Instances): Instances {
  return {
    ...x,
    V: x.V.slice(),
    P: x.P.map((a) => a.slice()),
    S: x.S.map((a) => a.slice()),
    scale: x.scale.slice(),
  };
}

/**
 * Reference values by interpreting the spec's parsed expressions (independent of the
 * code generator): the current, and each gate's inf and tau (ms).
 */
export function interpret(spec: MechanismSpec, vPre: number, vPost: number, params: number[], states: number[]) {
  const a = analyzeSpec(spec);
  const env: Record<string, number> = {};
  if (spec.kind === "channel") env.v = vPost;
  else {
    env.v_pre = vPre;
    env.v_post = vPost;
  }
  [...Object.keys(spec.params), ...Object.keys(spec.shared ?? {})].forEach((k, j) => {
    env[k] = params[j];
  });
  Object.keys(spec.states).forEach((k, j) => {
    env[k] = states[j];
  });
  for (const [name, e] of a.definitions) env[name] = evaluateExpr(e, env);
  const gates = a.gates.map((g) => {
    const x = evaluateExpr(g.a, env),
      y = evaluateExpr(g.b!, env);
    return g.form === "alphaBeta" ? { inf: x / (x + y), tau: 1 / (x + y) } : { inf: x, tau: y };
  });
  return { current: evaluateExpr(a.current, env), gates };
}
