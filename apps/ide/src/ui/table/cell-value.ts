/**
 * Reading a value typed into the table (a cell or "Set for all rows"): a number the
 * model accepts for the key, or a message saying what was given, what is allowed and
 * where. The ranges are the core's (`@dendrolab/core/rules`, the rules `set` applies), so
 * the table refuses what the script would refuse, with the same words.
 */
import { type ValueRule, valueProblem, valueRule } from "@dendrolab/core/rules";

export type CellValue = { ok: true; value: number } | { ok: false; message: string } | { ok: "empty" };

/**
 * @param text what was typed
 * @param key the column
 * @param rule the column's rule (from the model worker; the key's base rule if absent)
 * @param where the view it applies to, e.g. `network.cell(0).branch(1).comp(0)`
 * @example readCellValue("1e400", "radius", undefined, "network") // { ok: false, message: "set('radius'): 1e400 overflows to Infinity (in network); values must be finite numbers." }
 */
export function readCellValue(text: string, key: string, rule: ValueRule | null | undefined, where: string): CellValue {
  const t = text.trim();
  if (t === "") return { ok: "empty" };
  const at = ` (in ${where})`;
  const value = Number(t);
  if (Number.isNaN(value))
    return {
      ok: false,
      message: `set('${key}'): ${JSON.stringify(t)} is not a number${at}; type a number such as 0.3 or 1e-4.`,
    };
  if (!Number.isFinite(value) && !/^[-+]?infinity$/i.test(t))
    return { ok: false, message: `set('${key}'): ${t} overflows to ${value}${at}; values must be finite numbers.` };
  const problem = valueProblem(key, value, rule ?? valueRule(key), at);
  return problem === null ? { ok: true, value } : { ok: false, message: problem };
}
