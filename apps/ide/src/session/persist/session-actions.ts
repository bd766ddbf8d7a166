/**
 * Whole-session actions (the implementation; actions.ts loads it lazily): open on start (a link, else the autosaved session, else the
 * tutorial), save and open project files, go back to the tutorial or to the session a
 * link opened over. Every replacement of the open session is one undo step.
 */
import { type SessionContext, get, patch } from "../context.js";
import { initialHistory } from "../history.js";
import { runScript } from "../run-actions.js";
import { openLink } from "../share-actions.js";
import { isHandInHash, isLessonHash, isShareHash } from "../link-hash.js";
import { DEFAULT_SIM, DEFAULT_VIEW } from "../share/schema.js";
import { IDLE_TRAINING } from "../state.js";
import { stopTraining } from "../train-actions.js";
import { DEFAULT_TRAINER } from "../trainer-settings.js";
import { DEFAULT_SWEEP } from "../defaults.js";
import { TUTORIAL_SCRIPT } from "../tutorial.js";
import { rememberLink } from "./address.js";
import { clockTime } from "./autosave-state.js";
import { type Autosave, readSaved, startAutosave, writeRecord } from "./autosave.js";
import { projectDoc, projectText, readProject, sessionOfDoc } from "./project-codec.js";
import { PROJECT_EXT } from "./actions.js";
import { type LessonDoc, lessonOfDoc } from "./lesson-doc.js";
import type { ProjectDoc } from "./project-schema.js";
import { replaceSession, type SessionWorld } from "./world.js";

const tutorialWorld = (): SessionWorld => ({
  files: {},
  sim: { ...DEFAULT_SIM },
  view: { ...DEFAULT_VIEW },
  trainer: { ...DEFAULT_TRAINER, params: [] },
  training: IDLE_TRAINING,
  runs: [],
  sweep: { ...DEFAULT_SWEEP },
});

const savedTime = (doc: ProjectDoc) => {
  const ms = Date.parse(doc.savedAt);
  return Number.isFinite(ms) ? clockTime(ms) : "an earlier visit";
};

/** A project name from a file name: "cell.dendrolab.json" → "cell". */
export function projectName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  return base.replace(/\.dendrolab\.json$/i, "").replace(/\.json$/i, "") || "session";
}

/**
 * Puts back the lesson a document holds (null closes the open one). Returns why a saved
 * lesson could not be reopened (for the banner), or null.
 */
async function restoreLesson(c: SessionContext, doc: LessonDoc | null): Promise<string | null> {
  if (!doc) {
    if (get(c).lesson) patch(c, { lesson: null });
    return null;
  }
  const { EXAMPLE_IDS, resumeLesson } = await import("../lesson-actions.js");
  const r = lessonOfDoc(doc, EXAMPLE_IDS);
  if (r.ok) {
    resumeLesson(c, r.state);
    return null;
  }
  resumeLesson(c, null);
  const why = r.problems.map((p) => `line ${p.line}: ${p.message}`).join("; ");
  return `The lesson saved with this session could not be reopened (${why}).`;
}

/** The whole-session actions (loaded after first paint: see actions.ts). */
export function sessionActions(c: SessionContext) {
  /**
   * Replaces the open session (one undo step) and runs it; `lesson`: the lesson that
   * comes with it (undefined: the open lesson stays). Returns a lesson's problem, if any.
   */
  const replaceWith = async (script: string, world: SessionWorld, label: string, lesson?: LessonDoc | null) => {
    stopTraining(c);
    replaceSession(c, script, world, label);
    const problem = lesson === undefined ? null : await restoreLesson(c, lesson);
    await runScript(c, label);
    return problem;
  };

  /** The banner after a link opened over a saved session: it offers that session back. */
  const offerPrevious = (doc: ProjectDoc) => {
    const b = get(c).banner;
    patch(c, {
      banner: {
        kind: b?.kind ?? "info",
        text: `${b ? `${b.text} ` : ""}Opened the shared link; your previous session (from ${savedTime(doc)}) is kept.`,
        actions: [
          {
            label: "Back to your previous session",
            testid: "banner-previous",
            run: () => void actions.previousSession(),
          },
        ],
      },
    });
  };

  const actions = {
    /** The session as a project file: its file name and text. */
    saveProject(): { fileName: string; text: string } {
      const s = get(c);
      const firstFile = Object.keys(s.files)[0]?.replace(/\.[^.]*$/, "");
      const name = s.projectName ?? firstFile ?? "session";
      patch(c, { projectName: name });
      return { fileName: `${name}${PROJECT_EXT}`, text: projectText(projectDoc(s)) };
    },

    /** Opens a project file (picked or dropped): replaces the session as one undo step, or shows what is wrong with the file. */
    async openProject(fileName: string, text: string): Promise<boolean> {
      const r = readProject(text, fileName);
      if (!r.ok) {
        patch(c, { banner: { kind: "error", text: r.message } });
        return false;
      }
      const { script, world, lesson } = sessionOfDoc(r.doc);
      const label = `Open ${fileName}`;
      const problem = await replaceWith(script, world, label, lesson);
      patch(c, { projectName: projectName(fileName) });
      if (problem) patch(c, { banner: { kind: "error", text: `Opened “${fileName}”. ${problem}` } });
      else if (!get(c).banner) {
        patch(c, {
          banner: {
            kind: "info",
            text: `Opened “${fileName}” (saved ${savedTime(r.doc)}). Undo (Ctrl+Z) brings back the session that was open.`,
          },
        });
      }
      return true;
    },

    /** Replaces the session with the tutorial (one undo step). */
    async backToTutorial(): Promise<void> {
      await replaceWith(TUTORIAL_SCRIPT, tutorialWorld(), "Back to the tutorial");
      patch(c, {
        projectName: null,
        banner: { kind: "info", text: "Back to the tutorial. Undo (Ctrl+Z) brings back your session." },
      });
    },

    /** Replaces the session with the one a link was opened over (one undo step). */
    async previousSession(): Promise<boolean> {
      const saved = await readSaved("previous");
      if (saved.kind !== "ok") {
        patch(c, { banner: { kind: "error", text: "Your previous session is no longer stored in this browser." } });
        return false;
      }
      const { script, world, lesson } = sessionOfDoc(saved.doc);
      const problem = await replaceWith(script, world, "Back to the previous session", lesson);
      patch(c, {
        banner: {
          kind: problem ? "error" : "info",
          text: `Back to your previous session. ${problem ?? "Undo (Ctrl+Z) brings back the shared link's session."}`,
        },
      });
      return true;
    },

    /**
     * Opens a link put in the address of the open page (one undo step); the autosaved
     * session it replaces is kept as "previous" and offered in the banner.
     */
    async openLinkHere(hash: string): Promise<boolean> {
      const saved = await readSaved("current");
      const keep = saved.kind === "ok" && saved.link !== hash;
      if (keep) await writeRecord("previous", saved.record).catch(() => undefined);
      const opened = await openLink(c, hash);
      if (opened && keep) offerPrevious(saved.doc);
      return opened;
    },

    /**
     * Opens the page's session: a share link in the address wins (the autosaved session
     * is kept as "previous", offered in the banner); otherwise the autosaved session is
     * restored (a banner says from when, with a way back to the tutorial); otherwise
     * the tutorial runs. Then the autosave starts.
     */
    async openOnStart(hash: string): Promise<Autosave> {
      const linked = isShareHash(hash) || isLessonHash(hash) || isHandInHash(hash);
      const saved = await readSaved("current");
      patch(c, { opened: linked ? "link" : saved.kind === "ok" ? "autosave" : "tutorial" });
      const available = saved.kind === "unavailable" ? { ok: false, message: saved.message } : { ok: true as const };
      if (isShareHash(hash) && !(saved.kind === "ok" && saved.link === hash)) {
        if (saved.kind === "ok") await writeRecord("previous", saved.record).catch(() => undefined);
        const autosave = startAutosave(c, available);
        const opened = await openLink(c, hash);
        if (opened && saved.kind === "ok") offerPrevious(saved.doc);
        if (opened) return autosave;
        autosave.stop();
      }
      const linkError = get(c).banner;
      if (saved.kind === "ok") {
        const { script, world, lesson } = sessionOfDoc(saved.doc);
        patch(c, { script, history: initialHistory(script, "Restored session"), ...world });
        const lessonProblem = await restoreLesson(c, lesson);
        // The address still holds the link this session was opened from: it follows the session from here.
        if (saved.link !== null && saved.link === hash) rememberLink(hash, get(c));
        const autosave = startAutosave(c, available, Date.parse(saved.doc.savedAt) || null);
        patch(c, {
          banner: {
            kind: lessonProblem ? "error" : (linkError?.kind ?? "info"),
            text: `${linkError ? `${linkError.text} ` : ""}Restored your session from ${savedTime(saved.doc)}.${lessonProblem ? ` ${lessonProblem}` : ""}`,
            actions: [
              { label: "Back to the tutorial", testid: "banner-tutorial", run: () => void actions.backToTutorial() },
            ],
          },
        });
        await runScript(c, "Restored session");
        return autosave;
      }
      const autosave = startAutosave(c, available);
      if (saved.kind === "bad" && !linkError)
        patch(c, {
          banner: {
            kind: "info",
            text: `${saved.message.replace(/ Your open session was not changed\.$/, "")} Starting with the tutorial.`,
          },
        });
      await runScript(c);
      return autosave;
    },
  };
  return actions;
}
