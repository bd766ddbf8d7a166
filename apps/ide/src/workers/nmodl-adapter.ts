/**
 * The IDE's one point of contact with the core's NMODL functions: `loadNmodl`,
 * `describeMechanism` and `gatingCurves` of `@dendrolab/core/sim`. Where the core does not
 * (yet) export one of them, this file falls back: `loadNmodl` says that this build cannot
 * read `.mod` files; a description is read from the mechanism's spec (no title, no limits);
 * gating curves come from the mechanism's compiled kernels (see {@link kernelCurves}).
 * When the core's functions land, only this file needs to change (or nothing, if their
 * shapes are the ones assumed below).
 */
import * as sim from "@dendrolab/core/sim";
import type { MechanismParam, MechanismState } from "../protocol/mechanisms.js";

/** A mechanism class (from `defineChannel` or `loadNmodl`): `new M()` is inserted with `view.insert`. */
export type MechanismClass = (new (name?: string) => sim.Mechanism) & { readonly definedSpec: sim.MechanismSpec };

/** Steady state and time constant (ms) of each state, by local state name. */
export type Curves = Record<string, { inf: number[]; tau: number[] }>;

/** The core's functions, as the IDE expects them (see the file comment). */
interface CoreNmodl {
  loadNmodl(text: string): MechanismClass;
  describeMechanism(M: MechanismClass): unknown;
  gatingCurves(M: MechanismClass, options: { v: number[]; celsius: number }): Curves;
}

const core = sim as unknown as Partial<CoreNmodl>;

/** A mechanism as the panel describes it. */
export interface Description {
  name: string;
  title: string | null;
  ions: Array<{ species: string; read: string[]; write: string[] }>;
  params: MechanismParam[];
  states: MechanismState[];
}

/** Thrown where the core cannot read `.mod` files (no `loadNmodl` in this build). */
export class NmodlUnavailableError extends Error {}

/** Whether the core in this build reads `.mod` files. */
export const canLoadNmodl = (): boolean => typeof core.loadNmodl === "function";

/**
 * Reads a `.mod` file into a mechanism class, with the core's `loadNmodl`. Throws its
 * `NmodlError` (with `line` and `column`) for a file it refuses.
 */
export function loadModText(text: string): MechanismClass {
  if (!core.loadNmodl) {
    throw new NmodlUnavailableError("This build of @dendrolab/core cannot read .mod files yet (it has no loadNmodl).");
  }
  return core.loadNmodl(text);
}

/** Line and column of an NmodlError (or any error with numeric `line` and `column`). */
export function errorPosition(e: unknown): { line: number | null; column: number | null } {
  const o = (e ?? {}) as { line?: unknown; column?: unknown };
  return {
    line: typeof o.line === "number" ? o.line : null,
    column: typeof o.column === "number" ? o.column : null,
  };
}

type Quantity = number | sim.QuantitySpec;
const quantity = (q: Quantity) =>
  typeof q === "number" ? { default: q, unit: "" } : { default: q.default, unit: q.unit ?? "" };

/** The description of a mechanism instance read from its spec; the core's `describeMechanism` adds title and limits. */
export function describe(mech: sim.Mechanism, cls?: MechanismClass): Description {
  const spec = mech.spec;
  const quantities = [...Object.values(spec.params), ...Object.values(spec.shared ?? {})];
  const params: MechanismParam[] = mech.paramKeys.map((key, j) => ({ key, ...quantity(quantities[j]), limits: null }));
  const stateSpecs = Object.values(spec.states);
  const defaults = mech.stateDefaults();
  const states: MechanismState[] = mech.stateKeys.map((key, j) => ({
    key,
    unit: quantity(stateSpecs[j]).unit,
    default: defaults[key],
  }));
  const ions = Object.entries(spec.ions ?? {}).map(([species, use]) => ({
    species,
    read: [...(use.read ?? [])],
    write: [...(use.write ?? [])],
  }));
  const out: Description = { name: mech.name, title: null, ions, params, states };
  if (cls) {
    // A class from loadNmodl carries its metadata as `M.nmodl` (title, units, limits).
    const info = core.describeMechanism ? core.describeMechanism(cls) : (cls as { nmodl?: unknown }).nmodl;
    if (info) mergeCoreDescription(out, info);
  }
  return out;
}

/** Takes the title and parameter limits from the core's description, where it has them. */
function mergeCoreDescription(out: Description, d: unknown): void {
  const o = (d ?? {}) as { title?: unknown; parameters?: unknown; params?: unknown };
  if (typeof o.title === "string" && o.title.trim()) out.title = o.title.trim();
  const list = Array.isArray(o.parameters) ? o.parameters : Array.isArray(o.params) ? o.params : [];
  for (const p of list as Array<Record<string, unknown>>) {
    const key = typeof p.key === "string" ? p.key : typeof p.name === "string" ? `${out.name}_${p.name}` : null;
    const target = out.params.find((q) => q.key === key);
    const lim = p.limits as unknown;
    if (!target) continue;
    if (Array.isArray(lim) && lim.length === 2 && lim.every((x) => typeof x === "number"))
      target.limits = [lim[0], lim[1]];
    else if (lim && typeof lim === "object") {
      const { low, high } = lim as { low?: unknown; high?: unknown };
      if (typeof low === "number" && typeof high === "number") target.limits = [low, high];
    }
  }
}

/**
 * Steady state and time constant of every state at each voltage in `v` and temperature
 * `celsius`: the core's `gatingCurves` for a class when it has it, else {@link kernelCurves}.
 */
export function curves(mech: sim.Mechanism, v: readonly number[], celsius: number, cls?: MechanismClass): Curves {
  if (cls && core.gatingCurves) return core.gatingCurves(cls, { v: [...v], celsius });
  return kernelCurves(mech, v, celsius);
}

/** The step of {@link kernelCurves}, ms: short enough for gates of 1 us, long enough for 10 s. */
const PROBE_DT = 1e-3;

/**
 * Gating curves from a mechanism's compiled `advance` kernel. One exponential-Euler step
 * of `dx/dt = (inf - x) / tau` gives `x' = inf + (x - inf) e` with `e = exp(-dt / tau)`;
 * from x = 0 and x = 1 (every state at once, at each v, with the parameters' and ions'
 * defaults), `e = x'(1) - x'(0)`, `tau = -dt / ln e` and `inf = x'(0) / (1 - e)`. Exact for
 * gates in rate or steady-state form, and for states linear in themselves.
 */
export function kernelCurves(mech: sim.Mechanism, v: readonly number[], celsius: number): Curves {
  const c = mech.compiled;
  const m = v.length;
  const n = 2 * m;
  const idx = Int32Array.from({ length: n }, (_, k) => k);
  const V = Float64Array.from({ length: n }, (_, k) => v[k % m]);
  const P = c.paramDefaults.map((d) => new Float64Array(n).fill(d));
  const S = c.stateKeys.map(() => Float64Array.from({ length: n }, (_, k) => (k < m ? 0 : 1)));
  const ionDefault = new Map(c.ionColumnKeys.map((k, j) => [k, c.ionColumnDefaults[j]]));
  const X = c.nodeVars.map((name) =>
    new Float64Array(n).fill(name === "celsius" ? celsius : (ionDefault.get(name) ?? 0)),
  );
  c.advance(n, idx, idx, V, P, S, PROBE_DT, X);
  const locals = Object.keys(mech.spec.states);
  const out: Curves = {};
  locals.forEach((local, j) => {
    const inf: number[] = [];
    const tau: number[] = [];
    for (let i = 0; i < m; i++) {
      const a = S[j][i];
      const e = S[j][i + m] - a;
      inf.push(e < 1 ? a / (1 - e) : Number.NaN);
      tau.push(e > 0 && e < 1 ? -PROBE_DT / Math.log(e) : Number.NaN);
    }
    out[local] = { inf, tau };
  });
  return out;
}
