/**
 * Compact, exact encodings of columns, index sets and signals, and the checks that
 * read them back. Every reader names the path of what it rejects.
 */
import { isObject } from "../guards.js";
import { ModelFormatError } from "./errors.js";
import type { SerializedColumn, SerializedIndexSet, SerializedSignal } from "./schema.js";

/** A column as `{ fill }` when constant, else `{ values }`; NaN becomes null. */
export function encodeColumn(values: ArrayLike<number>): SerializedColumn {
  const n = values.length;
  const first = n > 0 ? values[0] : NaN;
  let constant = true;
  for (let i = 1; i < n && constant; i++) constant = Object.is(values[i], first) || (Number.isNaN(values[i]) && Number.isNaN(first));
  if (n > 0 && constant) return { fill: Number.isNaN(first) ? null : first };
  return { values: Array.from(values, (v) => (Number.isNaN(v) ? null : v)) };
}

/** Reads a column of exactly `length` values. */
export function decodeColumn(col: unknown, length: number, path: string): Float64Array {
  if (!isObject(col)) throw new ModelFormatError(path, "a column { fill } or { values }", col);
  if ("fill" in col) {
    const v = col.fill;
    if (v !== null && !isFiniteNumber(v)) throw new ModelFormatError(`${path}.fill`, "a finite number or null", v);
    return new Float64Array(length).fill(v === null ? NaN : v);
  }
  const values = col.values;
  if (!Array.isArray(values)) throw new ModelFormatError(path, "a column { fill } or { values }", col);
  if (values.length !== length) throw new ModelFormatError(`${path}.values`, `${length} values (one per row)`, `${values.length} values`);
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const v = values[i];
    if (v !== null && !isFiniteNumber(v)) throw new ModelFormatError(`${path}.values[${i}]`, "a finite number or null", v);
    out[i] = v === null ? NaN : v;
  }
  return out;
}

/** The indices `i` with `mask[i]` set, as runs. */
export function encodeMask(mask: ArrayLike<number>): SerializedIndexSet {
  const runs: number[] = [];
  let i = 0;
  while (i < mask.length) {
    if (!mask[i]) { i++; continue; }
    const start = i;
    while (i < mask.length && mask[i]) i++;
    runs.push(start, i - start);
  }
  return { runs };
}

/** Reads an index set into a 0/1 mask of `length` entries. */
export function decodeMask(set: unknown, length: number, path: string): Uint8Array {
  if (!isObject(set) || !Array.isArray(set.runs) || set.runs.length % 2 !== 0) {
    throw new ModelFormatError(path, "an index set { runs: [start, count, ...] }", set);
  }
  const mask = new Uint8Array(length);
  const runs = set.runs as unknown[];
  let end = 0;
  for (let k = 0; k < runs.length; k += 2) {
    const start = runs[k];
    const count = runs[k + 1];
    if (!isIndex(start) || !isIndex(count) || count === 0 || start < end || start + count > length) {
      throw new ModelFormatError(`${path}.runs[${k}]`, `sorted, disjoint runs within 0..${length - 1}`, [start, count]);
    }
    mask.fill(1, start, start + count);
    end = start + count;
  }
  return mask;
}

/** A signal as run-length pairs. */
export function encodeSignal(values: ArrayLike<number>): SerializedSignal {
  const rle: number[] = [];
  let i = 0;
  while (i < values.length) {
    const v = values[i];
    let j = i + 1;
    while (j < values.length && values[j] === v) j++;
    rle.push(v, j - i);
    i = j;
  }
  return { rle };
}

/** Reads a run-length signal of at most `maxSamples` finite samples. */
export function decodeSignal(sig: unknown, maxSamples: number, path: string): Float64Array {
  if (!isObject(sig) || !Array.isArray(sig.rle) || sig.rle.length % 2 !== 0 || sig.rle.length === 0) {
    throw new ModelFormatError(path, "a signal { rle: [value, count, ...] }", sig);
  }
  const rle = sig.rle as unknown[];
  let total = 0;
  for (let k = 0; k < rle.length; k += 2) {
    if (!isFiniteNumber(rle[k])) throw new ModelFormatError(`${path}.rle[${k}]`, "a finite sample value", rle[k]);
    const count = rle[k + 1];
    if (!isIndex(count) || count === 0) throw new ModelFormatError(`${path}.rle[${k + 1}]`, "a positive integer count", count);
    total += count;
    if (total > maxSamples) throw new ModelFormatError(path, `at most ${maxSamples} samples`, `more than ${maxSamples}`);
  }
  const out = new Float64Array(total);
  let o = 0;
  for (let k = 0; k < rle.length; k += 2) {
    out.fill(rle[k] as number, o, o + (rle[k + 1] as number));
    o += rle[k + 1] as number;
  }
  return out;
}

export function isFiniteNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

export function isIndex(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= 0;
}
