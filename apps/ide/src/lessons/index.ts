/**
 * The Lessons menu's entries: titles and summaries only; the lesson files themselves
 * (shipped.ts) load when one is chosen.
 */
export interface LessonEntry {
  id: string;
  title: string;
  summary: string;
}

export const LESSON_ENTRIES: readonly LessonEntry[] = [
  {
    id: "groups",
    title: "Groups and shared parameters",
    summary: "The groups tutorial step by step: make a group, set it, leave depolarisation block, train it.",
  },
  {
    id: "threshold",
    title: "What sets the spike threshold?",
    summary: "A Hodgkin-Huxley compartment: find the threshold, change the sodium channels, fire a train.",
  },
];

/** The lesson file of a shipped lesson (its own chunk). */
export async function loadShippedLesson(id: string): Promise<string | null> {
  const { SHIPPED_LESSONS } = await import("./shipped.js");
  return SHIPPED_LESSONS.find((l) => l.id === id)?.source ?? null;
}
