/** Removing one instrument from the instruments list: one script edit, then a run. */
import { type SessionContext, get } from "./context.js";
import { type Instrument, instrumentsOf, sameInstrument } from "./instrument-edits.js";
import { applyGuiEdit } from "./run-actions.js";

/**
 * Removes the instrument (its line, or `delete...` calls). If another line of the script
 * adds the same instrument again, so that it survives the removal of its line, the
 * `delete...` calls follow as a second edit.
 */
export async function removeInstrumentAction(c: SessionContext, instrument: Instrument): Promise<string[]> {
  const summary = get(c).model?.summary;
  if (!summary) return [];
  const lines = await applyGuiEdit(c, { kind: "removeInstrument", instrument, summary });
  const after = get(c);
  if (after.run.status !== "ok" || !after.model || lines.length > 0) return lines;
  const still = instrumentsOf(after.model.summary).some((i) => sameInstrument(i, instrument));
  if (!still) return lines;
  // The removed line was not the only one adding it: delete it by place.
  const again = { kind: "removeInstrument" as const, instrument, summary: after.model.summary };
  return applyGuiEdit(c, again);
}
