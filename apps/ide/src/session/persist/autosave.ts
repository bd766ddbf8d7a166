/**
 * Autosave: the session (as a project document, see project-codec.ts) is written to
 * IndexedDB half a second after each change of the script, files, settings or training
 * results, and read back when the page opens (see open.ts). Key "current" holds the
 * session; key "previous" the one a link opened over. Leaving the page asks first only
 * while something is not saved: a change still waiting, or autosave unavailable.
 */
import { type SessionContext, get, patch } from "../context.js";
import type { SessionState } from "../state.js";
import { currentLink, followAddress } from "./address.js";
import { idbGet, idbPut } from "./idb.js";
import type { ProjectDoc, ProjectDocInput } from "./project-schema.js";
import { projectDoc, projectFromJson } from "./project-codec.js";

/** How long after the last change the session is written, ms. */
export const AUTOSAVE_DELAY_MS = 500;

export type SlotKey = "current" | "previous";

/** A stored session and the share link the address held for it (null once it differed from the link). */
interface SavedRecord {
  doc: ProjectDocInput;
  link: string | null;
}

export type Saved =
  | { kind: "none" }
  | { kind: "ok"; doc: ProjectDoc; link: string | null; record: SavedRecord }
  | { kind: "bad"; message: string }
  | { kind: "unavailable"; message: string };

/** Reads a stored session. */
export async function readSaved(key: SlotKey): Promise<Saved> {
  let raw: unknown;
  try {
    raw = await idbGet(key);
  } catch (e) {
    return { kind: "unavailable", message: (e as Error)?.message ?? String(e) };
  }
  if (raw === undefined || raw === null) return { kind: "none" };
  const record = raw as SavedRecord;
  const r = projectFromJson(record.doc, "The autosaved session");
  if (!r.ok) return { kind: "bad", message: r.message };
  return { kind: "ok", doc: r.doc, link: typeof record.link === "string" ? record.link : null, record };
}

/** Stores a record under a key (used to keep the autosaved session as "previous"). */
export function writeRecord(key: SlotKey, record: SavedRecord): Promise<void> {
  return idbPut(key, record);
}

/** Did anything change that the autosave keeps? */
function changed(a: SessionState, b: SessionState): boolean {
  if (a.script !== b.script || a.history !== b.history || a.files !== b.files) return true;
  if (a.training !== b.training && b.training.status !== "running") return true;
  if (a.layout !== b.layout) return true;
  if (lessonChanged(a.lesson, b.lesson)) return true;
  if (a.sim !== b.sim || a.view !== b.view || a.trainer !== b.trainer || a.sweep !== b.sweep)
    return JSON.stringify([a.sim, a.view, a.trainer, a.sweep]) !== JSON.stringify([b.sim, b.view, b.trainer, b.sweep]);
  return false;
}

/** Did the open lesson change in what is saved of it (not while its checks are being evaluated)? */
function lessonChanged(a: SessionState["lesson"], b: SessionState["lesson"]): boolean {
  if (a === b) return false;
  if (!a || !b) return true;
  return a.source !== b.source || a.results !== b.results || a.passed !== b.passed || a.hints !== b.hints;
}

/** Has the user done anything in this session worth asking about before leaving? */
function edited(s: SessionState): boolean {
  return (
    s.history.past.length > 0 ||
    s.script !== s.history.present.script ||
    Object.keys(s.files).length > 0 ||
    s.training.losses.length > 0
  );
}

export interface Autosave {
  /** Is something not saved (a change waiting, or autosave unavailable after edits)? */
  unsaved(): boolean;
  /** Writes now (tests, and before a deliberate reload). */
  flush(): Promise<void>;
  stop(): void;
}

/**
 * Starts saving the session on every change; `available` false shows the quiet
 * "autosave off" notice. `savedAt`: when the session opened was saved (a restore).
 */
export function startAutosave(
  c: SessionContext,
  available: { ok: boolean; message?: string },
  savedAt: number | null = null,
): Autosave {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let writing: Promise<void> | null = null;
  let broken = !available.ok;
  const setStatus = (p: Partial<SessionState["autosave"]>) => patch(c, { autosave: { ...get(c).autosave, ...p } });
  setStatus(
    broken
      ? { status: "unavailable", message: available.message ?? "IndexedDB is not available" }
      : { status: "saved", savedAt },
  );

  const write = async () => {
    timer = null;
    if (broken) return;
    const s = get(c);
    const at = new Date();
    try {
      await idbPut("current", { doc: projectDoc(s, at, true), link: currentLink(s) } satisfies SavedRecord);
      if (timer === null) setStatus({ status: "saved", savedAt: at.getTime() });
    } catch (e) {
      broken = true;
      setStatus({ status: "unavailable", message: (e as Error)?.message ?? String(e) });
    }
  };
  const flush = async () => {
    if (timer !== null) clearTimeout(timer);
    writing = write();
    await writing;
  };

  const unsubscribe = c.store.subscribe((s, prev) => {
    if (s === prev || !changed(prev, s)) return;
    followAddress(s);
    if (broken) return;
    if (s.autosave.status !== "pending") setStatus({ status: "pending" });
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
  });

  return {
    unsaved: () =>
      timer !== null || (broken && edited(get(c))) || (writing !== null && get(c).autosave.status === "pending"),
    flush,
    stop() {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    },
  };
}
