/**
 * Undo and redo over the script (model edits only). Every change declares whether it is
 * captured, in excalidraw's vocabulary: `IMMEDIATELY` (a GUI edit, a run after typing,
 * applying trained values, opening a link) becomes an undo step; `NEVER` (keystrokes
 * before a run, training ticks, restoring the session) does not.
 */
import type { SessionWorld } from "./persist/world.js";

interface HistoryEntry {
  script: string;
  label: string;
  /** The session's files and settings at this step, kept around steps that replace the whole session (see persist/world.ts). */
  world?: SessionWorld;
  /** This step replaced the whole session (opened a link or a project): undo restores the world before it. */
  replaces?: boolean;
}

export interface History {
  past: HistoryEntry[];
  present: HistoryEntry;
  future: HistoryEntry[];
}

/** At most this many undo steps are kept. */
export const HISTORY_LIMIT = 200;

export function initialHistory(script: string, label = "Open"): History {
  return { past: [], present: { script, label }, future: [] };
}

/** Records `script` as the new present (if it differs); clears the redo stack. */
export function commit(h: History, script: string, label: string): History {
  if (script === h.present.script) return h;
  const past = [...h.past, h.present].slice(-HISTORY_LIMIT);
  return { past, present: { script, label }, future: [] };
}

export function canUndo(h: History): boolean {
  return h.past.length > 0;
}

export function canRedo(h: History): boolean {
  return h.future.length > 0;
}

export function undo(h: History): History {
  if (!canUndo(h)) return h;
  return { past: h.past.slice(0, -1), present: h.past[h.past.length - 1], future: [h.present, ...h.future] };
}

export function redo(h: History): History {
  if (!canRedo(h)) return h;
  return { past: [...h.past, h.present], present: h.future[0], future: h.future.slice(1) };
}
