/**
 * Opening a gallery example as the IDE does (session.actions.openExample with the real
 * script runner and model engine, in-process), and its figure from the run it shows.
 */
import { galleryEntry } from "../src/gallery/index.js";
import type { ExampleFigure, GalleryExample } from "../src/gallery/types.js";
import type { SessionState } from "../src/session/state.js";
import { createSession } from "../src/session/store.js";
import { inProcessServices, TUTORIAL_SCRIPT } from "./helpers.js";

export interface OpenedExample {
  ex: GalleryExample;
  s: SessionState;
  figure: ExampleFigure | null;
  actions: ReturnType<typeof createSession>["actions"];
  state: () => SessionState;
}

/** Opens the example `id` in a fresh session (with `files` imported first) and derives its figure. */
export async function openGalleryExample(id: string, files: Record<string, string> = {}): Promise<OpenedExample> {
  const session = createSession(inProcessServices(), TUTORIAL_SCRIPT);
  const entry = galleryEntry(id);
  if (!entry) throw new Error(`no gallery entry "${id}"`);
  const ex = await entry.load();
  const names = Object.keys(files);
  if (names.length) await session.actions.importFiles(names.map((name) => ({ name, text: files[name] })));
  await session.actions.openExample(ex);
  const s = session.store.getState();
  if (s.run.status !== "ok") throw new Error(`example "${id}" did not run: ${s.run.message}`);
  const latest = s.runs[s.runs.length - 1];
  const figure = ex.figure && latest ? ex.figure({ traces: latest.traces, logs: s.run.logs }) : null;
  return { ex, s, figure, actions: session.actions, state: () => session.store.getState() };
}
