/**
 * Compact, exact encodings of columns, index sets and signals, and their readers. The
 * shapes are checked by the schemas (`schema.ts`); the readers check what depends on the
 * model (lengths, ranges, order) and name the path of what they reject.
 */
import { ModelFormatError } from "./errors.js";
import type { SerializedColumn, SerializedIndexSet, SerializedSignal } from "./schema.js";

/** A column as `{ fill }` when constant, else `{ values }`; NaN becomes null. */
export function encodeColumn(values: ArrayLike<number>): SerializedColumn {
  const n = values.length;
  const first = n > 0 ? values[0] : NaN;
  let constant = true;
  for (let i = 1; i < n && constant; i++)
    constant = Object.is(values[i], first) || (Number.isNaN(values[i]) && Number.isNaN(first));
  if (n > 0 && constant) return { fill: Number.isNaN(first) ? null : first };
  return { values: Array.from(values, (v) => (Number.isNaN(v) ? null : v)) };
}

/** A checked column as exactly `length` values (null becomes NaN). */
export function decodeColumn(col: SerializedColumn, length: number, path: string): Float64Array {
  if ("fill" in col) return new Float64Array(length).fill(col.fill === null ? NaN : col.fill);
  const values = col.values;
  if (values.length !== length)
    throw new ModelFormatError(`${path}.values`, `${length} values (one per row)`, `${values.length} values`);
  return Float64Array.from(values, (v) => (v === null ? NaN : v));
}

/** The indices `i` with `mask[i]` set, as runs. */
export function encodeMask(mask: ArrayLike<number>): SerializedIndexSet {
  const runs: number[] = [];
  let i = 0;
  while (i < mask.length) {
    if (!mask[i]) {
      i++;
      continue;
    }
    const start = i;
    while (i < mask.length && mask[i]) i++;
    runs.push(start, i - start);
  }
  return { runs };
}

/** Reads a checked index set into a 0/1 mask of `length` entries; runs must be sorted, disjoint and in range. */
export function decodeMask(set: SerializedIndexSet, length: number, path: string): Uint8Array {
  const mask = new Uint8Array(length);
  const runs = set.runs;
  let end = 0;
  for (let k = 0; k < runs.length; k += 2) {
    const start = runs[k];
    const count = runs[k + 1];
    if (count === 0 || start < end || start + count > length) {
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

/** Reads a checked run-length signal of at most `maxSamples` samples; counts must be positive integers. */
export function decodeSignal(sig: SerializedSignal, maxSamples: number, path: string): Float64Array {
  const rle = sig.rle;
  let total = 0;
  for (let k = 1; k < rle.length; k += 2) {
    const count = rle[k];
    if (!Number.isInteger(count) || count <= 0)
      throw new ModelFormatError(`${path}.rle[${k}]`, "a positive integer count", count);
    total += count;
    if (total > maxSamples)
      throw new ModelFormatError(path, `at most ${maxSamples} samples`, `more than ${maxSamples}`);
  }
  const out = new Float64Array(total);
  let o = 0;
  for (let k = 0; k < rle.length; k += 2) {
    out.fill(rle[k], o, o + rle[k + 1]);
    o += rle[k + 1];
  }
  return out;
}
