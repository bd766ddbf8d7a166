/**
 * Renaming and deleting groups from the GUI: both rewrite the script's lines (one undo
 * step each, script-lines.ts) and keep the table and the trainer's parameters in step.
 */
import { type SessionContext, get, patch } from "./context.js";
import { GROUP_NAME } from "./group-name.js";
import { applyGuiEdit, showTable } from "./run-actions.js";
import { scriptNames } from "./script-edits.js";
import { deleteGroupInScript, mentionsGroup, renameGroupInScript } from "./group-lines.js";

function info(c: SessionContext, text: string): [] {
  patch(c, { banner: { kind: "error", text } });
  return [];
}

/** Does the script itself name the group (rather than, say, `readSwc` making it)? */
function scriptNamesGroup(script: string, name: string): boolean {
  return mentionsGroup(script, scriptNames(script).model, name);
}

/** Renames group `from` to `to` wherever the script names it. */
export async function renameGroup(c: SessionContext, from: string, to: string): Promise<string[]> {
  const s = get(c);
  const name = to.trim();
  const groups = s.model?.summary.groups ?? [];
  if (!groups.some((g) => g.name === from)) return info(c, `There is no group "${from}" to rename.`);
  if (name === from) return [];
  if (!GROUP_NAME.test(name))
    return info(
      c,
      `Cannot rename "${from}" to "${name}": a group name is a letter or _ followed by letters, digits or _.`,
    );
  if (groups.some((g) => g.name === name))
    return info(c, `Cannot rename "${from}" to "${name}": there is a group "${name}" already.`);
  if (!scriptNamesGroup(s.script, from))
    return info(c, `The script does not name the group "${from}" (it comes from the morphology): nothing to rename.`);
  const { script } = renameGroupInScript(s.script, scriptNames(s.script).model, from, name);
  const lines = await applyGuiEdit(c, { kind: "rewrite", script, label: `Rename group ${from} to ${name}` });
  const now = get(c);
  if (now.run.status !== "ok") return lines;
  const trainer = now.trainer;
  patch(c, {
    trainer: { ...trainer, params: trainer.params.map((p) => (p.group === from ? { ...p, group: name } : p)) },
  });
  if (s.view.table.kind === "group" && s.view.table.name === from) await showTable(c, { kind: "group", name });
  return lines;
}

/** Deletes the top-level statements that name the group (its `addToGroup` lines and the lines that use it). */
export async function deleteGroup(c: SessionContext, name: string): Promise<string[]> {
  const s = get(c);
  if (!s.model?.summary.groups.some((g) => g.name === name)) return info(c, `There is no group "${name}" to delete.`);
  if (!scriptNamesGroup(s.script, name))
    return info(c, `The script does not name the group "${name}" (it comes from the morphology): nothing to delete.`);
  const { script } = deleteGroupInScript(s.script, scriptNames(s.script).model, name);
  const lines = await applyGuiEdit(c, { kind: "rewrite", script, label: `Delete group ${name}` });
  const now = get(c);
  if (now.run.status !== "ok") return lines;
  const trainer = now.trainer;
  patch(c, { trainer: { ...trainer, params: trainer.params.filter((p) => p.group !== name) } });
  if (now.model?.summary.groups.some((g) => g.name === name))
    patch(c, {
      banner: {
        kind: "info",
        text: `Group "${name}" is still made by lines inside a function or block; edit them in the script.`,
      },
    });
  return lines;
}
