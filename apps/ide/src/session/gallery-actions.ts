/**
 * Opening a gallery example: its script, simulation, view and trainer settings replace the
 * session's as one undo step (as opening a share link, share-actions.ts: undo brings the
 * settings back too), and it runs.
 * The session's imported files are kept (so undo gets back a script that reads them); a
 * file the example needs that the session does not hold is named in a banner, as a link's
 * `missingFiles`: dropping it on the page stores it and reruns the example's script
 * (files.ts keeps a script that already names the file).
 */
import type { GalleryExample } from "../gallery/types.js";
import { type SessionContext, get, patch } from "./context.js";
import { DEFAULT_VIEW } from "./defaults.js";
import { replaceSession } from "./persist/world.js";
import { runScript } from "./run-actions.js";
import { IDLE_TRAINING } from "./state.js";

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
  const missing = ex.files.map((f) => f.name).filter((n) => !(n in s.files));
  replaceSession(
    c,
    ex.script,
    {
      files: s.files,
      sim: { ...ex.sim },
      view: { ...DEFAULT_VIEW, ...ex.view },
      trainer: { ...ex.trainer, params: ex.trainer.params.map((p) => ({ ...p })) },
      training: IDLE_TRAINING,
      runs: [],
      layout: s.layout,
    },
    label,
  );
  await runScript(c, label);
  if (missing.length) patch(c, { banner: { kind: "info", text: neededFilesText(ex, missing) } });
}
