/**
 * Sharing: the session as a link, and opening links. A link that cannot be opened only
 * shows a banner; a good one replaces the session as one undo step (so nothing is lost).
 */
import { type SessionContext, get, patch } from "./context.js";
import { commit } from "./history.js";
import { runScript } from "./run-actions.js";
import { decodeSession, encodeSession, MAX_DOC_BYTES, MAX_LINK_CHARS } from "./share/codec.js";
import { fingerprint } from "./share/fingerprint.js";
import type { SessionDoc } from "./share/schema.js";
import { MAX_LINKED_CSV } from "./trainer-settings.js";

/** The session as a document (the CSV is left out when it is large; imported files only when asked). */
function sessionDoc(c: SessionContext, withFiles = true): SessionDoc {
  const s = get(c);
  const csv = s.trainer.csv && s.trainer.csv.text.length <= MAX_LINKED_CSV ? s.trainer.csv : null;
  const doc: SessionDoc = { script: s.script, sim: s.sim, trainer: { ...s.trainer, csv }, view: s.view };
  if (withFiles && Object.keys(s.files).length) doc.files = s.files;
  if (s.model && s.script === s.history.present.script) doc.check = fingerprint(s.model.serialized);
  return doc;
}

/** A share link, and the imported files it leaves out (too large for a link). */
export interface ShareLink {
  hash: string;
  omittedFiles: string[];
}

/** Does a document fit in a link that opens (under both limits of decodeSession)? */
function fits(doc: SessionDoc, hash: string): boolean {
  return new TextEncoder().encode(JSON.stringify(doc)).length <= MAX_DOC_BYTES && hash.length - 3 <= MAX_LINK_CHARS;
}

/**
 * The share link of the session: `#s=1.…`. Imported files are included only when the
 * link stays under the size limits; otherwise they are left out and named in `omittedFiles`.
 */
export async function shareLink(c: SessionContext): Promise<ShareLink> {
  const full = sessionDoc(c, true);
  const hash = await encodeSession(full);
  if (!full.files || fits(full, hash)) return { hash, omittedFiles: [] };
  return { hash: await encodeSession(sessionDoc(c, false)), omittedFiles: Object.keys(full.files) };
}

/** The share hash of the session: `#s=1.…` (see shareLink). */
export async function shareHash(c: SessionContext): Promise<string> {
  return (await shareLink(c)).hash;
}

/** Opens a share hash: on success replaces the session (one undo step) and runs it. */
export async function openLink(c: SessionContext, hash: string): Promise<boolean> {
  const r = await decodeSession(hash);
  if (!r.ok) {
    patch(c, { banner: { kind: "error", text: r.message } });
    return false;
  }
  applyDoc(c, r.doc, "Open shared link");
  await runScript(c, "Open shared link");
  return true;
}

/** Replaces the session's settings and script with a document's. */
function applyDoc(c: SessionContext, doc: SessionDoc, label: string): void {
  const s = get(c);
  patch(c, {
    script: doc.script,
    history: commit(s.history, doc.script, label),
    files: doc.files ?? {},
    sim: doc.sim,
    trainer: doc.trainer,
    view: doc.view,
    banner: null,
    expectedCheck: doc.check ?? null,
    runs: [],
  });
}
