/**
 * The one rule for group names, shared by the library's `addToGroup` and the IDE: an
 * identifier (a letter or `_`, then letters, digits or `_`), so that every group is also
 * reachable as a property (`network.fast_spiking`) and reads the same in scripts, tables
 * and share links. Clashes with channels, keys and members are checked by the model.
 */

/** The rule, in words. */
export const GROUP_NAME_RULE = "a group name starts with a letter or _, then letters, digits or _";

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Why `name` cannot name a group, or null if it can (as far as its spelling goes).
 * `where` (e.g. " (in network.cell(1))") says where it was given.
 *
 * @example groupNameProblem("my group") // "Group name 'my group' is not allowed: a group name starts with ... (e.g. 'my_group')."
 * @example groupNameProblem("apical")   // null
 */
export function groupNameProblem(name: unknown, where = ""): string | null {
  if (typeof name !== "string" || name.length === 0) {
    const shown = typeof name === "string" ? "''" : (JSON.stringify(name) ?? String(name));
    return `Group name ${shown}${where} is not allowed: ${GROUP_NAME_RULE} (e.g. 'apical').`;
  }
  if (IDENTIFIER.test(name)) return null;
  return `Group name '${name}'${where} is not allowed: ${GROUP_NAME_RULE} (e.g. '${suggestGroupName(name)}').`;
}

/** A valid name close to `name`: other characters become `_`, and a leading digit gets a `_`. */
export function suggestGroupName(name: string): string {
  const s = name.trim().replace(/[^A-Za-z0-9_]+/g, "_");
  if (s === "" || s === "_") return "my_group";
  return /^[0-9]/.test(s) ? `_${s}` : s;
}
