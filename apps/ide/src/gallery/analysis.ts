/**
 * Small measurements on an example's traces, shared by the examples' figures: spike times,
 * peaks, the trace of a given compartment.
 */
import type { Traces } from "../protocol/model.js";

type Row = Traces["rows"][number];

/** The place of a trace row, e.g. `cell 3 · branch 0 · comp 0`. */
function placeOf(row: Row): string {
  return row.place ?? row.label;
}

/** The voltage row recorded at `cell c · branch b · comp k` (throws if there is none). */
export function vAt(traces: Traces, cell: number, branch = 0, comp = 0): Float32Array {
  const place = `cell ${cell} · branch ${branch} · comp ${comp}`;
  const row = traces.rows.find((r) => placeOf(r) === place && (r.state ?? "v") === "v");
  if (!row) throw new Error(`no voltage recorded at ${place}`);
  return row.values;
}

/** The voltage rows of one cell, in record order. */
export function vOfCell(traces: Traces, cell: number): Float32Array[] {
  return traces.rows.filter((r) => placeOf(r).startsWith(`cell ${cell} ·`)).map((r) => r.values);
}

/** Spike times (ms) of a trace: upward crossings of `threshold` (mV), interpolated between samples. */
export function spikesOf(values: ArrayLike<number>, dt: number, threshold = 0): number[] {
  const out: number[] = [];
  for (let k = 1; k < values.length; k++) {
    const a = values[k - 1];
    const b = values[k];
    if (a < threshold && b >= threshold) out.push((k - 1 + (threshold - a) / (b - a)) * dt);
  }
  return out;
}

/** The largest value of a trace after sample `from`. */
export function peak(values: ArrayLike<number>, from = 0): number {
  let m = Number.NEGATIVE_INFINITY;
  for (let k = from; k < values.length; k++) if (values[k] > m) m = values[k];
  return m;
}

/** The value at time t (ms), nearest sample. */
export function at(values: ArrayLike<number>, dt: number, t: number): number {
  return values[Math.min(values.length - 1, Math.max(0, Math.round(t / dt)))];
}

/** Times 0, dt, 2 dt, … of `n` samples, every `step`-th one. */
export function timeAxis(n: number, dt: number, step = 1): number[] {
  const out: number[] = [];
  for (let k = 0; k < n; k += step) out.push(k * dt);
  return out;
}

/** Every `step`-th value of a trace, as numbers (minus `offset`). */
export function thin(values: ArrayLike<number>, step = 1, offset = 0): number[] {
  const out: number[] = [];
  for (let k = 0; k < values.length; k += step) out.push(values[k] - offset);
  return out;
}

/** Rounds to `digits` significant digits, for captions. */
export function sig(x: number, digits = 3): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(digits))) : String(x);
}
