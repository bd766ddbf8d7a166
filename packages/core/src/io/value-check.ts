/**
 * A serialised model's values must obey the same rules as `set` (model/value-rules.ts):
 * a forged or corrupted document (a share link, a file) cannot give a radius of 1e-30 um
 * or a gating state of -1e10 that `set` would refuse. NaN marks a compartment (or a
 * synapse) without the mechanism of a column and is allowed there; the base columns
 * (geometry, capacitance, initial voltage, temperature) are always numbers.
 */
import type { ModelData } from "../model/data.js";
import { allowedText, mechanismValueRule, ruleAllows, valueRule } from "../model/value-rules.js";
import { ModelFormatError } from "./errors.js";

/** Throws a ModelFormatError naming the first value outside its key's range. */
export function checkValueRanges(d: ModelData): void {
  const mechanisms = [...d.channels, ...d.synapseTypes.values()];
  const check = (key: string, values: ArrayLike<number>, path: string) => {
    const rule = mechanismValueRule(mechanisms, key);
    const always = valueRule(key).what !== "a number";
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (Number.isNaN(v) && !always) continue;
      if (!ruleAllows(rule, v)) throw new ModelFormatError(`${path}[${i}]`, `${allowedText(rule)} (${rule.what})`, v);
    }
  };
  for (const [key, values] of d.columns) check(key, values, `model.columns.${key}`);
  for (const [key, values] of d.edges.columns) check(key, values, `model.edges.columns.${key}`);
}
