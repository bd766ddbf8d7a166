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
}

/** The lesson editor (with the file being written) or the Compare view (with the links pasted so far). */
export type LessonTool = { kind: "editor"; draft: string } | { kind: "compare"; links: string };

/** The checks of a lesson, flattened in step order. */
export const lessonChecks = (lesson: Lesson) => lesson.steps.flatMap((s) => s.checks);
