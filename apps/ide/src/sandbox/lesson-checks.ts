/**
 * Evaluating a lesson's checks, inside the script worker only (the page never evaluates
 * an expression): each expression is compiled on its own into a function of the names
 * below and called with the model the run's script built and the last run's data.
 *
 * - `model`: the model (a `View`); `nComp`: its number of compartments.
 * - `groups.apical.size`, `groups.apical.nodes`: the model's groups (a missing group says so).
 * - `values("apical", "radius")`: the key's value at each compartment of a group (or "all");
 *   `value(group, key)`: their mean.
 * - `trace()`, `trace(1)`, `trace("soma")`, `trace("cell 1")`: the samples (mV, …) of a
 *   recorded trace of the last run: by position, the first recorded in a group, or by a
 *   part of its label; `dt`: their step, ms; `nTraces`.
 * - `spikes(samples, threshold = 0)`: upward crossings of the threshold.
 * - `max`, `min`, `mean` of samples.
 * - `trained("fast_spiking", "Na_gNa")`: the trainer's latest value of a parameter.
 * - `within(x, target, tolerance)`: |x - target| ≤ tolerance × |target| (0.05: within 5%).
 */
import type * as jx from "@dendrolab/core";
import type { CheckData, CheckResult } from "../protocol/lesson.js";

type Env = Record<string, unknown>;

const list = (names: readonly string[]) => (names.length ? names.map((n) => `"${n}"`).join(", ") : "none");

/** The names a check can use, for this model and data. */
export function checkEnvironment(model: jx.View, data: CheckData): Env {
  const names = model.groupNames;
  const groupOf = (name: string) => {
    if (!names.includes(name)) throw new Error(`there is no group "${name}" yet (groups: ${list(names)})`);
    return model.group(name);
  };
  const groups = new Proxy(Object.create(null) as Record<string, unknown>, {
    get(_, key) {
      if (typeof key !== "string") return undefined;
      const nodes = Array.from(groupOf(key).nodeIndices);
      return Object.freeze({ size: nodes.length, nodes });
    },
    has: (_, key) => typeof key === "string" && names.includes(key),
    ownKeys: () => [...names],
    getOwnPropertyDescriptor: (_, key) =>
      typeof key === "string" && names.includes(key) ? { enumerable: true, configurable: true } : undefined,
  });
  // Values are read from the whole model's table, so that local indices count within each cell.
  const values = (group: string, key: string): number[] => {
    const table = model.view;
    if (!table.columns.includes(key))
      throw new Error(`the compartments have no key "${key}" (keys such as ${list(table.columns.slice(0, 12))})`);
    const column = table.column(key);
    if (group === "all") return Array.from(column, Number);
    const row = new Map(table.index.map((node, i) => [node, i]));
    return Array.from(groupOf(group).nodeIndices, (node) => Number(column[row.get(node) ?? -1]));
  };
  const rows = data.traces?.rows ?? [];
  /** The first recording at a compartment of the group (the rows follow the model's recordings). */
  const recordingIn = (group: string): number => {
    const nodes = new Set(groupOf(group).nodeIndices);
    return model.base.recordings.findIndex((r) => r.target === "node" && nodes.has(r.index));
  };
  const trace = (which: number | string = 0): number[] => {
    if (!data.traces) throw new Error("there are no traces yet: record a state and run");
    const row =
      typeof which === "number"
        ? rows[which]
        : names.includes(String(which))
          ? rows[recordingIn(String(which))]
          : (rows.find((r) => r.label === which) ?? rows.find((r) => r.label.includes(String(which))));
    if (!row) throw new Error(`no recorded trace ${JSON.stringify(which)} (traces: ${list(rows.map((r) => r.label))})`);
    return Array.from(row.values, Number);
  };
  const spikes = (samples: ArrayLike<number>, threshold = 0): number => {
    let n = 0;
    for (let k = 1; k < samples.length; k++) if (samples[k - 1] < threshold && samples[k] >= threshold) n++;
    return n;
  };
  const trained = (group: string, key: string): number => {
    const p = data.trained.find((t) => t.group === group && t.key === key);
    if (!p) throw new Error(`${group}.${key} has not been trained yet (train it in the Trainer tab)`);
    return p.value;
  };
  const within = (x: number, target: number, tolerance: number): boolean =>
    Number.isFinite(x) && Math.abs(x - target) <= Math.abs(tolerance * target);
  const reduce = (f: (a: number, b: number) => number) => (samples: ArrayLike<number>) =>
    Array.from(samples, Number).reduce(f);
  return {
    model,
    nComp: model.nComp,
    groups,
    values,
    value: (group: string, key: string) => mean(values(group, key)),
    trace,
    dt: data.traces?.dt ?? Number.NaN,
    nTraces: rows.length,
    spikes,
    max: reduce(Math.max),
    min: reduce(Math.min),
    mean,
    trained,
    within,
  };
}

function mean(samples: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < samples.length; k++) s += samples[k];
  return s / samples.length;
}

/** Compiles one expression into a function of the environment's names; throws a SyntaxError. */
function compile(expr: string, names: readonly string[]): (...args: unknown[]) => unknown {
  return new Function(...names, `"use strict";\nreturn (\n${expr}\n);`) as (...args: unknown[]) => unknown;
}

/**
 * One result per expression: pass when it evaluates to a truthy value; a check that
 * throws fails with the error's message (a missing group, no traces yet); one that does
 * not compile is `invalid`.
 */
export function evaluateChecks(model: jx.View, exprs: readonly string[], data: CheckData): CheckResult[] {
  const env = checkEnvironment(model, data);
  const names = Object.keys(env);
  const args = names.map((n) => env[n]);
  return exprs.map((expr) => {
    let fn: (...a: unknown[]) => unknown;
    try {
      if (typeof expr !== "string") throw new SyntaxError("a check is a string");
      fn = compile(expr, names);
    } catch (e) {
      return { pass: false, invalid: true, message: `not a valid expression: ${(e as Error).message}` };
    }
    try {
      const value = fn(...args);
      return { pass: Boolean(value), message: value === true || value === false ? null : `gave ${short(value)}` };
    } catch (e) {
      return { pass: false, message: e instanceof Error ? e.message : String(e) };
    }
  });
}

/** Every check failed for the same reason (the script did not build a model). */
export function failAll(exprs: readonly string[], message: string): CheckResult[] {
  return exprs.map(() => ({ pass: false, message }));
}

function short(value: unknown): string {
  try {
    return (JSON.stringify(value) ?? String(value)).slice(0, 80);
  } catch {
    return String(value).slice(0, 80);
  }
}
