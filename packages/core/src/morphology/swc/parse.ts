/**
 * SWC text -> validated samples. Syntax and tree structure are checked here; the
 * geometry (radii, units) is checked when the morphology is built.
 */

import { lineError, quoteLine, SwcError } from "./errors.js";
import { checkTree } from "./tree.js";

/** One SWC sample (a line of the file), as written: no unit conversion. */
export interface SwcSample {
  /** Sample id (first column), a non-negative integer. */
  id: number;
  /** SWC type id (second column): 1 soma, 2 axon, 3 basal, 4 apical, others custom. */
  type: number;
  x: number;
  y: number;
  z: number;
  /** Radius (sixth column), in the file's unit. */
  r: number;
  /** Parent sample id; any negative value marks a root and is stored as -1. */
  parent: number;
  /** 1-based line number in the text. */
  line: number;
  /** The line's text without comment, trimmed (for error messages). */
  text: string;
}

/** Options of {@link parseSwc}. */
export interface ParseSwcOptions {
  /**
   * Accept more than one root (parent -1). Default `false`: several roots are an error,
   * as in NEURON's Import3d. `buildMorphology` then keeps the tree of the first root.
   */
  allowMultipleRoots?: boolean;
}

const COLUMN_NAMES = ["id", "type", "x", "y", "z", "radius", "parent"] as const;

/**
 * A decimal number: `Number` accepts exactly these (the fields contain no blanks) plus
 * "Infinity" (not finite) and the prefixed "0x..", "0b..", "0o.." forms, rejected here.
 */
function decimal(field: string): number {
  if (field.length > 1 && field.charCodeAt(0) === 48 && /[xXbBoO]/.test(field[1])) return NaN;
  return Number(field);
}

/**
 * Parse SWC text into samples in file order, and check that they form a tree.
 *
 * Accepted: `#` comments (whole-line or trailing), blank lines, CRLF or CR line ends,
 * spaces or tabs between fields, extra columns after the seventh (ignored), integral
 * ids written as decimals (`3.0`), ids in any order. Rejected with an {@link SwcError}
 * naming the line: fewer than seven fields, a field that is not a decimal number,
 * non-integral or negative ids, types or parents, duplicate ids, a parent id that does
 * not exist, a sample that is its own ancestor (cycle), no root, and several roots
 * unless `allowMultipleRoots`.
 *
 * @example
 * const samples = parseSwc("1 1 0 0 0 5 -1\n2 3 0 10 0 1 1\n");
 * samples[1].parent; // 1
 */
export function parseSwc(text: string, options: ParseSwcOptions = {}): SwcSample[] {
  const samples: SwcSample[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const hash = raw.indexOf("#");
    const body = (hash >= 0 ? raw.slice(0, hash) : raw).trim();
    if (body.length === 0) continue;
    samples.push(parseLine(body, i + 1));
  }
  if (samples.length === 0) {
    throw new SwcError("SWC text has no samples: expected lines of `id type x y z radius parent`");
  }
  checkTree(samples, options.allowMultipleRoots ?? false);
  return samples;
}

function parseLine(body: string, line: number): SwcSample {
  const fields = body.split(/\s+/);
  if (fields.length < 7) {
    throw lineError(line, body, `expected 7 fields (id type x y z radius parent), got ${fields.length}`);
  }
  const v = new Array<number>(7);
  for (let k = 0; k < 7; k++) {
    const f = fields[k];
    const num = decimal(f);
    if (!Number.isFinite(num)) {
      throw lineError(line, body, `field ${k + 1} (${COLUMN_NAMES[k]}) is ${quoteLine(f, 24)}, expected a number`);
    }
    v[k] = num;
  }
  for (const k of [0, 1, 6]) {
    if (!Number.isInteger(v[k]) || !Number.isSafeInteger(v[k])) {
      throw lineError(line, body, `${COLUMN_NAMES[k]} is ${fields[k].slice(0, 24)}, expected an integer`);
    }
  }
  if (v[0] < 0) throw lineError(line, body, `id is ${fields[0]}, expected a non-negative integer`);
  return {
    id: v[0],
    type: v[1],
    x: v[2],
    y: v[3],
    z: v[4],
    r: v[5],
    parent: v[6] < 0 ? -1 : v[6],
    line,
    text: body,
  };
}
