/**
 * Mechanisms from the GUI: insert one into the selected compartments, a group or the whole
 * model (`insert(new M())` lines), or remove it (`delete(new M())` lines), one undo step
 * each. The class is declared first where the script lacks it (a `.mod` file's
 * `loadNmodl` line, a built-in channel's import).
 */
import type { MechanismInfo } from "../protocol/mechanisms.js";
import { type SessionContext, get, patch } from "./context.js";
import type { MechanismRef } from "./mod-script.js";
import { applyGuiEdit } from "./run-actions.js";
import type { EditTarget } from "./script-edits.js";

/** Where a mechanism goes: the selected compartments, a group, or every compartment. */
export type MechanismTarget = { kind: "selection" } | { kind: "group"; name: string } | { kind: "all" };

/** How a script reaches the class of a mechanism the panel shows. */
export function mechanismRef(info: MechanismInfo, files: Readonly<Record<string, string>>): MechanismRef | null {
  const src = info.source;
  if (src.kind === "module") return { kind: "module", module: src.module, exportName: src.exportName };
  if (src.kind === "script") return { kind: "script", name: info.name };
  const text = files[src.file];
  return text === undefined ? null : { kind: "file", file: src.file, text };
}

/** Inserts (or with `remove`, deletes) the named mechanism of the panel into the target. */
export async function editMechanism(
  c: SessionContext,
  name: string,
  target: MechanismTarget,
  remove = false,
): Promise<string[]> {
  const s = get(c);
  const report = s.mechanisms;
  const info = [...(report?.mechanisms ?? []), ...(report?.available ?? [])].find((m) => m.name === name);
  const ref = info ? mechanismRef(info, s.files) : null;
  if (!info || !ref) {
    patch(c, { banner: { kind: "error", text: `There is no mechanism "${name}" in this session to insert.` } });
    return [];
  }
  let where: EditTarget;
  if (target.kind === "selection") {
    if (s.selectedNodes.length === 0) {
      patch(c, { banner: { kind: "info", text: "Select compartments, branches or cells in the tree first." } });
      return [];
    }
    where = { kind: "nodes", nodes: s.selectedNodes };
  } else where = target;
  return applyGuiEdit(c, { kind: remove ? "delete" : "insert", target: where, mechanism: ref, name });
}
