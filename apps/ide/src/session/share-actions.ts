/**
 * Sharing: the session as a link, and opening links. A link that cannot be opened only
 * shows a banner; a good one replaces the session as one undo step (so nothing is lost).
 */
import { type SessionContext, get, patch } from "./context.js";
import { scriptUsesFile } from "./files.js";
import { clearLinkFromAddress, rememberLink } from "./persist/address.js";
import { replaceSession } from "./persist/world.js";
import { runScript } from "./run-actions.js";
import { decodeSession, encodeSession } from "./share/codec.js";
import { fingerprint } from "./share/fingerprint.js";
import { linkProblem } from "./share/link-limits.js";
import type { SessionDoc } from "./share/schema.js";
import { IDLE_TRAINING } from "./state.js";
import { stopTraining } from "./train-actions.js";
import { MAX_LINKED_CSV } from "./trainer-settings.js";
import { DEFAULT_SWEEP } from "./defaults.js";

/** The session as a document (the CSV is left out when it is large), with the given imported files. */
function sessionDoc(c: SessionContext, files: Record<string, string>, missing: string[] = []): SessionDoc {
  const s = get(c);
  const csv = s.trainer.csv && s.trainer.csv.text.length <= MAX_LINKED_CSV ? s.trainer.csv : null;
  const doc: SessionDoc = {
    script: s.script,
    sim: s.sim,
    trainer: { ...s.trainer, csv },
    view: s.view,
    sweep: s.sweep,
  };
  if (Object.keys(files).length) doc.files = files;
  if (missing.length) doc.missingFiles = missing;
  if (s.model && s.script === s.history.present.script) doc.check = fingerprint(s.model.serialized);
  return doc;
}

/** A share link, and the imported files it leaves out (too large for a link). */
export interface ShareLink {
  /** `#s=2.…`; "" when the session cannot be a link (see `problem`). */
  hash: string;
  omittedFiles: string[];
  /** Why the session cannot be a link and what to do instead (a project file); absent when `hash` opens. */
  problem?: string;
}

/** The largest text of one linked file (the schema's limit). */
const MAX_LINKED_FILE = 64 * 1024;

/**
 * The share link of the session: `#s=2.…`. Imported files are included while the link
 * stays under the size limits of decodeSession, smallest first (so `.mod` files usually
 * fit where a large morphology does not); the others are named in the link's
 * `missingFiles` and in `omittedFiles`.
 */
export async function shareLink(c: SessionContext): Promise<ShareLink> {
  const link = await makeShareLink(c);
  if (!link.problem) rememberLink(link.hash, get(c));
  return link;
}

/**
 * See shareLink. Files the script does not name are included only when they fit, and
 * never listed as left out (whoever opens the link does not need them).
 */
async function makeShareLink(c: SessionContext): Promise<ShareLink> {
  const all = get(c).files;
  const script = get(c).script;
  const full = sessionDoc(c, all);
  const fullHash = await encodeSession(full);
  if (!linkProblem(full, fullHash)) return { hash: fullHash, omittedFiles: [] };
  const used = (names: string[]) => names.filter((n) => scriptUsesFile(script, n));
  const bySize = Object.keys(all).sort((a, b) => all[a].length - all[b].length);
  const included: Record<string, string> = {};
  for (const name of bySize) {
    if (all[name].length > MAX_LINKED_FILE) break;
    const trial = { ...included, [name]: all[name] };
    const rest = used(bySize.filter((n) => !(n in trial)));
    const doc = sessionDoc(c, trial, rest);
    if (linkProblem(doc, await encodeSession(doc))) break;
    included[name] = all[name];
  }
  const omittedFiles = used(Object.keys(all).filter((n) => !(n in included)));
  const kept = Object.fromEntries(
    Object.keys(all)
      .filter((n) => n in included)
      .map((n) => [n, all[n]]),
  );
  const doc = sessionDoc(c, kept, omittedFiles);
  const early = linkProblem(doc);
  if (early) return { hash: "", omittedFiles, problem: early };
  const hash = await encodeSession(doc);
  const problem = linkProblem(doc, hash);
  return problem ? { hash: "", omittedFiles, problem } : { hash, omittedFiles };
}

/** The share hash of the session: `#s=2.…` (see shareLink); throws what to do instead when it cannot be a link. */
export async function shareHash(c: SessionContext): Promise<string> {
  const link = await shareLink(c);
  if (link.problem) throw new Error(link.problem);
  return link.hash;
}

/**
 * Opens a share hash: on success replaces the session (one undo step that brings back the
 * whole open session: typed script, files, settings) and runs it. Files the link leaves
 * out are kept from the open session when it has them; a banner names the others, which
 * must be imported. The link leaves the address first, so that a reload does not open it
 * again (see persist/address.ts).
 */
export async function openLink(c: SessionContext, hash: string): Promise<boolean> {
  clearLinkFromAddress(hash);
  const r = await decodeSession(hash);
  if (!r.ok) {
    patch(c, { banner: { kind: "error", text: r.message } });
    return false;
  }
  const have = get(c).files;
  const missing = (r.doc.missingFiles ?? []).filter((n) => !(n in have));
  applyDoc(c, r.doc, "Open shared link");
  await runScript(c, "Open shared link");
  if (missing.length) patch(c, { banner: { kind: "info", text: missingFilesText(missing) } });
  return true;
}

/** What to do about files a link left out. */
export function missingFilesText(names: readonly string[]): string {
  const one = names.length === 1;
  return `This link leaves out ${one ? "the file" : "the files"} ${names.map((n) => `"${n}"`).join(", ")} (too large for a link): drop ${one ? "it" : "them"} on the page (or use “Import SWC…” / “Import .mod…”) to run its script.`;
}

/**
 * Replaces the session with a document's, as one undo step that restores the open
 * session (its files and settings too) when undone.
 */
function applyDoc(c: SessionContext, doc: SessionDoc, label: string): void {
  const s = get(c);
  const kept = Object.fromEntries((doc.missingFiles ?? []).filter((n) => n in s.files).map((n) => [n, s.files[n]]));
  stopTraining(c);
  replaceSession(
    c,
    doc.script,
    {
      files: { ...(doc.files ?? {}), ...kept },
      sim: doc.sim,
      trainer: doc.trainer,
      view: doc.view,
      training: IDLE_TRAINING,
      runs: [],
      sweep: doc.sweep ?? { ...DEFAULT_SWEEP },
    },
    label,
  );
  patch(c, { expectedCheck: doc.check ?? null });
}
