/**
 * Opening a gallery example: its script, simulation and trainer settings replace the
 * session's as one undo step (as opening a share link, share-actions.ts), and it runs.
 * The session's imported files are kept (so undo gets back a script that reads them); a
 * file the example needs that the session does not hold is named in a banner, as a link's
 * `missingFiles`: dropping it on the page stores it and reruns the example's script
 * (files.ts keeps a script that already names the file).
 */
import type { GalleryExample } from "../gallery/types.js";
import { type SessionContext, get, patch } from "./context.js";
import { commit } from "./history.js";
import { runScript } from "./run-actions.js";
import { DEFAULT_VIEW } from "./defaults.js";

/** What to do about the files an example needs and the session lacks. */
export function neededFilesText(ex: GalleryExample, missing: readonly string[]): string {
  const files = ex.files.filter((f) => missing.includes(f.name));
  const named = files.map((f) => `"${f.name}" (${f.where})`).join(", ");
  const one = files.length === 1;
  return `The example "${ex.title}" needs ${one ? "the file" : "the files"} ${named}, which ${one ? "is" : "are"} not part of the repository: drop ${one ? "it" : "them"} on the page (or use “Import SWC…” / “Import .mod…”) to run its script.`;
}

/** Opens an example (one undo step; a script typed and not yet run is kept as its own step first). */
export async function openExample(c: SessionContext, ex: GalleryExample): Promise<void> {
  const label = `Open example: ${ex.title}`;
  const s = get(c);
  const typed = s.script !== s.history.present.script ? commit(s.history, s.script, "Edit script") : s.history;
  const missing = ex.files.map((f) => f.name).filter((n) => !(n in s.files));
  patch(c, {
    script: ex.script,
    history: commit(typed, ex.script, label),
    sim: { ...ex.sim },
    trainer: { ...ex.trainer, params: ex.trainer.params.map((p) => ({ ...p })) },
    view: { ...DEFAULT_VIEW, ...ex.view },
    colourValues: null,
    banner: null,
    expectedCheck: null,
    runs: [],
  });
  await runScript(c, label);
  if (missing.length) patch(c, { banner: { kind: "info", text: neededFilesText(ex, missing) } });
}
