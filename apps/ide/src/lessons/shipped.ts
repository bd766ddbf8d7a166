/**
 * The lessons that ship with Dendrolab (lessons/shipped/*.md), each a lesson file as a
 * teacher would write it. Loaded on demand: the texts are not part of the first paint.
 */
import { type LessonEntry, LESSON_ENTRIES } from "./index.js";
import groups from "./shipped/groups.md?raw";
import threshold from "./shipped/threshold.md?raw";

export interface ShippedLesson extends LessonEntry {
  source: string;
}

const SOURCES: Record<string, string> = { groups, threshold };

export const SHIPPED_LESSONS: readonly ShippedLesson[] = LESSON_ENTRIES.map((e) => ({ ...e, source: SOURCES[e.id] }));
