/**
 * The session's whole-session actions: save and open project files, back to the
 * tutorial or to the session a link opened over, and opening the page's session
 * (link, autosave or tutorial) with the autosave. Their code (project schema, codec,
 * IndexedDB) loads on first use, after first paint: see session-actions.ts.
 */
import { type SessionContext, get, patch } from "../context.js";
import { askToOpenLink } from "../link-question.js";
import type { Autosave } from "./autosave.js";

/** A project file's name ending. */
export const PROJECT_EXT = ".dendrolab.json";

export function persistActions(c: SessionContext) {
  let impl: Promise<ReturnType<typeof import("./session-actions.js").sessionActions>> | null = null;
  const load = () => {
    impl ??= import("./session-actions.js").then((m) => m.sessionActions(c));
    return impl;
  };
  return {
    /** The session as a project file: its file name and text. */
    saveProject: async (): Promise<{ fileName: string; text: string }> => (await load()).saveProject(),
    /** Opens a project file's text (one undo step), or shows what is wrong with the file. */
    openProject: async (fileName: string, text: string): Promise<boolean> => (await load()).openProject(fileName, text),
    /** Replaces the session with the tutorial (one undo step). */
    backToTutorial: async (): Promise<void> => (await load()).backToTutorial(),
    /** Replaces the session with the one a link was opened over (one undo step). */
    previousSession: async (): Promise<boolean> => (await load()).previousSession(),
    /** Opens a link put in the address of the open page; the session it replaces stays reachable (undo, banner). */
    openLinkHere: async (hash: string): Promise<boolean> => (await load()).openLinkHere(hash),
    /** Asks before opening a link that arrived in the address of the open page; opens it (as openLinkHere) on yes. */
    askToOpenLink: (hash: string): void => askToOpenLink(c, hash, async (h) => (await load()).openLinkHere(h)),
    /**
     * The model as NEURON files for the current t_max, dt and solver (a zip's name and
     * bytes), or why it cannot be exported (what and where), shown in a banner too.
     */
    exportNeuron: async (): Promise<{ fileName: string; bytes: Uint8Array } | null> => {
      const s = get(c);
      const failed = (why: string) => {
        patch(c, { banner: { kind: "error", text: `Could not export to NEURON: ${why}` } });
        return null;
      };
      if (!s.model) return failed("there is no model yet (the script has not run).");
      if (!c.services.exportNeuron) return failed("this IDE has no model worker.");
      const r = await c.services.exportNeuron(s.sim);
      if (!r.ok) return failed(r.message);
      const { zipTexts } = await import("../../platform/zip.js");
      return { fileName: "dendrolab-neuron.zip", bytes: zipTexts(r.value.files) };
    },
    /** Opens the page's session (a link in `hash`, else the autosaved one, else the tutorial) and starts the autosave. */
    openOnStart: async (hash: string): Promise<Autosave> => (await load()).openOnStart(hash),
  };
}
