/**
 * The small schemas the IDE's documents are made of (share links, settings), each with
 * its message in words, as `checkDocument` reports them: "sim.dt should be a number
 * from 1e-6 to 10, got 50".
 */
import * as v from "valibot";

/** A finite number in [min, max]. */
export const numberIn = (min: number, max: number) => {
  const expected = `a number from ${min} to ${max}`;
  return v.pipe(v.number(expected), v.finite(expected), v.minValue(min, expected), v.maxValue(max, expected));
};

/** A string of at most `max` characters. */
export const text = (max: number) => {
  const expected = `a string of at most ${max} characters`;
  return v.pipe(v.string(expected), v.maxLength(max, expected));
};

/** One of the given strings. */
export const oneOf = <const T extends readonly [string, ...string[]]>(options: T) =>
  v.picklist(options, options.map((o) => JSON.stringify(o)).join(" or "));

/** true or false. */
export const flag = v.boolean("true or false");
