/** Opening a lesson that ships with Dendrolab (the Lessons menu, the landing card). */
import type { LessonProblem } from "../../lessons/format.js";
import { loadShippedLesson } from "../../lessons/index.js";

/**
 * Loads the shipped lesson `id` (its own chunk) and opens it with `open` (the session's
 * openLesson). Resolves with what went wrong, in words, or null once it is open.
 */
export async function openShippedLesson(
  open: (source: string) => Promise<LessonProblem[]>,
  id: string,
): Promise<string | null> {
  const source = await loadShippedLesson(id).catch(() => null);
  if (source === null) return `The lesson "${id}" could not be loaded; reload the page and try again.`;
  const problems = await open(source).catch((e: Error) => [{ line: 1, message: e.message }]);
  if (problems.length === 0) return null;
  return `The lesson has problems: ${problems.map((p) => `line ${p.line}: ${p.message}`).join("; ")}`;
}
