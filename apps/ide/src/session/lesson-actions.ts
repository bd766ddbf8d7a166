/**
 * Following a lesson: opening it (its starting script replaces the session's as one undo
 * step, as an example does), and evaluating its checks after every run. The checks travel
 * with a run of the script to the sandbox, which evaluates them on the model the script
 * builds, with the last run's traces and the trainer's values as data (protocol/lesson.ts);
 * the page only reads the answers.
 */
import { GALLERY, galleryEntry } from "../gallery/index.js";
import { type LessonProblem, parseLesson } from "../lessons/format.js";
import type { CheckData } from "../protocol/lesson.js";
import { type SessionContext, get, patch } from "./context.js";
import { DEFAULT_SIM, DEFAULT_TRAINER, DEFAULT_VIEW } from "./defaults.js";
import { openExample } from "./gallery-actions.js";
import { freshLessonState, type LessonState, lessonChecks, withHint } from "./lesson-state.js";
import { replaceSession } from "./persist/world.js";
import { runScript } from "./run-actions.js";
import type { SessionState } from "./state.js";
import { IDLE_TRAINING } from "./state.js";

/** The gallery ids a lesson's `example:` may name. */
export const EXAMPLE_IDS: readonly string[] = GALLERY.map((g) => g.id);

/**
 * Opens a lesson file: its starting script (an example, or the script it holds) replaces
 * the session's, and its checks are evaluated after each run. Returns the file's problems
 * (with their lines) and changes nothing when it has any.
 */
export async function openLesson(c: SessionContext, source: string): Promise<LessonProblem[]> {
  const parsed = parseLesson(source, EXAMPLE_IDS);
  if (!parsed.ok) return parsed.problems;
  const { lesson } = parsed;
  patch(c, { lesson: freshLessonState(source, lesson) });
  watch(c);
  if (lesson.start.kind === "example") {
    const ex = await galleryEntry(lesson.start.id)!.load();
    await openExample(c, ex);
  } else {
    const label = `Open lesson: ${lesson.title}`;
    const s = get(c);
    replaceSession(
      c,
      lesson.start.script,
      {
        files: s.files,
        sim: { ...DEFAULT_SIM },
        view: { ...DEFAULT_VIEW },
        trainer: { ...DEFAULT_TRAINER, params: [] },
        training: IDLE_TRAINING,
        runs: [],
        layout: s.layout,
      },
      label,
    );
    await runScript(c, label);
  }
  return [];
}

/**
 * Puts back a lesson saved with the session (autosave, project file) as it was: its
 * ticks and opened hints, without opening its starting script (the session restored is
 * the student's). Its checks are evaluated again after the next run. null closes the lesson.
 */
export function resumeLesson(c: SessionContext, state: LessonState | null): void {
  patch(c, { lesson: state });
  if (state) watch(c);
}

/** Opens the next hint of step `step` of the open lesson. */
export function showHint(c: SessionContext, step: number): void {
  const state = get(c).lesson;
  if (state) patch(c, { lesson: withHint(state, step) });
}

/** Leaves the lesson (the session stays as it is). */
export function closeLesson(c: SessionContext): void {
  patch(c, { lesson: null });
}

/** What the checks read of the last run: its traces and the trainer's latest values. */
export function checkData(s: SessionState): CheckData {
  const last = [...s.runs].reverse().find((r) => !r.provisional);
  const traces = last
    ? { dt: last.traces.dt, rows: last.traces.rows.map((r) => ({ label: r.label, values: r.values })) }
    : null;
  const t = s.training;
  const values = t.best?.values ?? t.values;
  const trained =
    t.status !== "idle" && values.length === t.params.length
      ? t.params.map((p, i) => ({ group: p.group, key: p.key, value: values[i] }))
      : [];
  return { traces, trained };
}

/** Each session's evaluation under way, and whether another was asked for meanwhile. */
const flights = new WeakMap<SessionContext, { done: Promise<void>; again: boolean }>();

/** Resolves once no evaluation of the checks is under way (a hand-in then holds the states of the last run). */
export async function checksSettled(c: SessionContext): Promise<void> {
  for (let f = flights.get(c); f; f = flights.get(c)) await f.done.catch(() => undefined);
}

/** Evaluates the lesson's checks on the last run (one at a time; a request during one runs once after it). */
export async function checkLesson(c: SessionContext): Promise<void> {
  const flight = flights.get(c);
  if (flight) {
    flight.again = true;
    return flight.done;
  }
  const mine = { done: evaluateOnce(c), again: false };
  flights.set(c, mine);
  try {
    await mine.done;
  } finally {
    flights.delete(c);
  }
  if (mine.again) await checkLesson(c);
}

async function evaluateOnce(c: SessionContext): Promise<void> {
  const s = get(c);
  const state = s.lesson;
  if (!state || !s.model) return;
  const exprs = lessonChecks(state.lesson).map((k) => k.expr);
  patch(c, { lesson: { ...state, checking: true } });
  const out = await c.services.runScript(s.history.present.script, s.files, { exprs, data: checkData(s) });
  const now = get(c).lesson;
  if (now?.lesson !== state.lesson) return; // another lesson was opened meanwhile
  if (out.checks && out.checks.length === exprs.length) {
    const results = out.checks;
    const passed = now.passed.map((p, i) => p || results[i].pass);
    patch(c, { lesson: { ...now, results, passed, checking: false, problem: null } });
  } else {
    const problem = `The checks could not be evaluated: ${out.ok ? "the sandbox gave no answer for them" : out.message}`;
    patch(c, { lesson: { ...now, checking: false, problem } });
  }
}

const watched = new WeakSet<SessionContext>();

/** Re-evaluates the checks after every run, edit and training while a lesson is open. */
function watch(c: SessionContext): void {
  if (watched.has(c)) return;
  watched.add(c);
  c.store.subscribe((s, prev) => {
    if (!s.lesson) return;
    const trained = s.training.status !== prev.training.status && s.training.status !== "running";
    if (s.model !== prev.model || s.runs !== prev.runs || trained || (s.lesson !== prev.lesson && !prev.lesson))
      void checkLesson(c);
  });
}
