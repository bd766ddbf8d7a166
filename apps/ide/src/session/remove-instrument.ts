/** Removing one instrument from the instruments list: one script edit, then a run. */
import { type SessionContext, get } from "./context.js";
import { type Instrument, instrumentLabel, instrumentsOf, sameInstrument } from "./instruments.js";
import { applyGuiEdit } from "./run-actions.js";
import { insertLines, scriptNames } from "./script-edits.js";

/**
 * Removes the instrument (its line, or `delete...` calls). If another line of the script
 * adds the same instrument again, so that it survives the removal of its line, the
 * `delete...` calls follow as a second edit. (The rewriting loads on first use.)
 */
export async function removeInstrumentAction(c: SessionContext, instrument: Instrument): Promise<string[]> {
  const m = await import("./instrument-edits.js");
  const once = async (): Promise<string[] | null> => {
    const s = get(c);
    if (!s.model) return null;
    const r = m.removeInstrument(
      s.script,
      instrument,
      s.model.summary,
      s.model.topo,
      scriptNames(s.script).model,
      insertLines,
    );
    const label = `Remove ${instrumentLabel(instrument)}`;
    const lines = await applyGuiEdit(c, { kind: "removeInstrument", label, script: r.script, lines: r.lines });
    return r.removedLine ? null : lines;
  };
  const lines = await once();
  if (lines) return lines;
  const after = get(c);
  if (after.run.status !== "ok" || !after.model) return [];
  const still = instrumentsOf(after.model.summary).some((i) => sameInstrument(i, instrument));
  // The removed line was not the only one adding it: delete it by place.
  return still ? ((await once()) ?? []) : [];
}
