/**
 * The open lesson in a project document (and so in the autosave): its file, each check's
 * last result, which checks have passed, and how many hints of each step are open. The
 * step the student is on follows from the passed checks (the first step not done).
 * Reading one back parses the lesson file again: a document never holds a parsed lesson.
 */
import { boundedList, fields } from "@dendrolab/core/document";
import * as v from "valibot";
import { type LessonProblem, MAX_CHECKS, MAX_LESSON_CHARS, MAX_STEPS, parseLesson } from "../../lessons/format.js";
import { flag, numberIn, text } from "../../protocol/checks.js";
import { CheckResultSchema } from "../../protocol/lesson.js";
import { freshLessonState, type LessonState } from "../lesson-state.js";

export const LessonDocSchema = fields(
  {
    source: text(MAX_LESSON_CHARS),
    results: boundedList(v.nullable(CheckResultSchema), MAX_CHECKS, `a list of at most ${MAX_CHECKS} check results`),
    passed: boundedList(flag, MAX_CHECKS, `a list of at most ${MAX_CHECKS} true or false`),
    hints: boundedList(numberIn(0, 1000), MAX_STEPS, `a list of at most ${MAX_STEPS} numbers`),
  },
  "null or { source, results, passed, hints }",
);
export type LessonDoc = v.InferOutput<typeof LessonDocSchema>;

/** The saved form of the open lesson (null: no lesson open). */
export function lessonDoc(state: LessonState | null | undefined): LessonDoc | null {
  if (!state) return null;
  return { source: state.source, results: state.results, passed: state.passed, hints: state.hints };
}

export type LessonRead = { ok: true; state: LessonState } | { ok: false; problems: LessonProblem[] };

/**
 * The lesson state of a saved lesson: its file parsed again (`exampleIds`: the gallery
 * ids its `example:` may name), with the saved ticks and hints. Lists of the wrong length
 * (a file edited by hand) are cut or filled with "not yet"; a hint count is capped at the
 * step's hints.
 */
export function lessonOfDoc(doc: LessonDoc, exampleIds: readonly string[]): LessonRead {
  const parsed = parseLesson(doc.source, exampleIds);
  if (!parsed.ok) return parsed;
  const fresh = freshLessonState(doc.source, parsed.lesson);
  return {
    ok: true,
    state: {
      ...fresh,
      results: fresh.results.map((_, i) => doc.results[i] ?? null),
      passed: fresh.passed.map((_, i) => doc.passed[i] === true),
      hints: parsed.lesson.steps.map((s, i) => Math.min(Math.floor(doc.hints[i] ?? 0), s.hints.length)),
    },
  };
}
