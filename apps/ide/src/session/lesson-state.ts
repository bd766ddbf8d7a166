/** The lesson a student follows, and the teacher's tools: plain data in the session's state. */
import type { Lesson } from "../lessons/format.js";
import type { CheckResult } from "../protocol/lesson.js";

export interface LessonState {
  /** The lesson file. */
  source: string;
  lesson: Lesson;
  /** One result per check, in the order of the steps (null: not evaluated yet). */
  results: Array<CheckResult | null>;
  /** Which checks have passed at some run (a later step may undo an earlier one's change). */
  passed: boolean[];
  checking: boolean;
  /** Why the checks could not be evaluated last time (e.g. the script timed out). */
  problem: string | null;
  /** How many of each step's hints the student has opened, by step (they stay open, and are saved with the session). */
  hints: number[];
}

/** The lesson editor (with the file being written) or the Compare view (with the links pasted so far). */
export type LessonTool = { kind: "editor"; draft: string } | { kind: "compare"; links: string };

/** The checks of a lesson, flattened in step order. */
export const lessonChecks = (lesson: Lesson) => lesson.steps.flatMap((s) => s.checks);

/** A lesson just opened: nothing evaluated, passed or hinted yet. */
export function freshLessonState(source: string, lesson: Lesson): LessonState {
  const n = lessonChecks(lesson).length;
  return {
    source,
    lesson,
    results: Array.from({ length: n }, () => null),
    passed: Array.from({ length: n }, () => false),
    checking: false,
    problem: null,
    hints: lesson.steps.map(() => 0),
  };
}

/** The state with one more hint of step `step` open (unchanged when that step has no hint left). */
export function withHint(state: LessonState, step: number): LessonState {
  const has = state.lesson.steps[step]?.hints.length ?? 0;
  const open = state.hints[step] ?? 0;
  if (open >= has) return state;
  const hints = state.lesson.steps.map((_, i) => (i === step ? open + 1 : (state.hints[i] ?? 0)));
  return { ...state, hints };
}
