/**
 * A sweep's custom summary, evaluated inside the script worker only (the page never
 * evaluates an expression: it sends the traces to the sandbox, session/sweep-custom.ts).
 * The expression is compiled once into a function of the names below and called once per
 * run of the sweep; it must give a number.
 *
 * - `v`: the run's samples of the chosen recording (mV for a voltage), a Float32Array;
 *   `t`: their times (ms), `dt`: the step between them (ms).
 * - `spikes(samples, threshold = 0)`: upward crossings of the threshold.
 * - `max(samples)`, `min(samples)`, `mean(samples)` (also `max(a, b, ...)` of numbers);
 *   `Math` as usual.
 *
 * @example
 * evaluateSummaries("max(v) - min(v)", [new Float32Array([-65, 20, -70])], 0.025); // { ok: true, values: [90] }
 */

/** The names an expression can use, in the order of the compiled function's parameters. */
export const SUMMARY_NAMES = ["v", "t", "dt", "spikes", "max", "min", "mean"] as const;

export type SummaryResult = { ok: true; values: number[] } | { ok: false; run: number | null; message: string };

/** Upward crossings of `threshold` (mV), as the sweep's spike count counts them. */
export function spikes(samples: ArrayLike<number>, threshold = 0): number {
  assertSamples("spikes", samples);
  let n = 0;
  for (let k = 1; k < samples.length; k++) if (samples[k - 1] < threshold && samples[k] >= threshold) n++;
  return n;
}

/** A reducer over samples (or over numbers given one by one): max, min. */
function extreme(name: string, pick: (a: number, b: number) => number) {
  return (first: ArrayLike<number> | number, ...rest: number[]): number => {
    if (typeof first === "number") return rest.reduce((a, b) => pick(a, b), first);
    assertSamples(name, first);
    if (first.length === 0) return Number.NaN;
    let out = first[0];
    for (let k = 1; k < first.length; k++) out = pick(out, first[k]);
    return out;
  };
}

export const max = extreme("max", Math.max);
export const min = extreme("min", Math.min);

/** The mean of samples (NaN for none). */
export function mean(samples: ArrayLike<number>): number {
  assertSamples("mean", samples);
  let s = 0;
  for (let k = 0; k < samples.length; k++) s += samples[k];
  return s / samples.length;
}

function assertSamples(name: string, x: unknown): asserts x is ArrayLike<number> {
  const ok = x !== null && typeof x === "object" && typeof (x as ArrayLike<number>).length === "number";
  if (!ok) throw new TypeError(`${name}() takes samples such as v, got ${short(x)}`);
}

/** A value in a few characters, for messages. */
function short(value: unknown): string {
  if (typeof value === "function") return "a function";
  if (typeof value === "string") return JSON.stringify(value.slice(0, 40));
  if (ArrayBuffer.isView(value)) return `an array of ${(value as unknown as ArrayLike<number>).length} numbers`;
  try {
    return (JSON.stringify(value) ?? String(value)).slice(0, 60);
  } catch {
    return String(value).slice(0, 60);
  }
}

/**
 * The expression's value for each trace. `at(run)` hears of each run before it is
 * evaluated (the relay names the run of an expression that never returns). An expression
 * that does not compile has run null and the SyntaxError's message; a throw or a value
 * that is not a number stops at its run.
 */
export function evaluateSummaries(
  expr: string,
  traces: readonly ArrayLike<number>[],
  dt: number,
  at: (run: number) => void = () => undefined,
): SummaryResult {
  let fn: (...args: unknown[]) => unknown;
  try {
    if (typeof expr !== "string" || !expr.trim()) throw new SyntaxError("the expression is empty");
    fn = new Function(...SUMMARY_NAMES, `"use strict";\nreturn (\n${expr}\n);`) as typeof fn;
  } catch (e) {
    return { ok: false, run: null, message: (e as Error).message };
  }
  const values: number[] = [];
  for (let r = 0; r < traces.length; r++) {
    at(r);
    const v = traces[r];
    const t = Float64Array.from({ length: v.length }, (_, k) => k * dt);
    let value: unknown;
    try {
      value = fn(v, t, dt, spikes, max, min, mean);
    } catch (e) {
      return { ok: false, run: r, message: e instanceof Error ? e.message : `threw ${short(e)}` };
    }
    if (typeof value !== "number") {
      return { ok: false, run: r, message: `gave ${short(value)}, where a number is expected` };
    }
    values.push(value);
  }
  return { ok: true, values };
}
