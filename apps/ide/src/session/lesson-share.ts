/**
 * A lesson's links: a teacher's lesson link opens the lesson; a student's *Hand in* makes
 * a link holding the lesson, the script and the results (session/lesson-links.ts).
 */
import type { LessonProblem } from "../lessons/format.js";
import { type SessionContext, get, patch } from "./context.js";
import { checkData, checksSettled, openLesson } from "./lesson-actions.js";
import { decodeHandIn, decodeLesson, encodeHandIn, encodeLesson } from "./lesson-links.js";
import { lessonChecks } from "./lesson-state.js";
import { clearLinkFromAddress } from "./persist/address.js";

/** Opens the lesson of a lesson link; a link that does not open, or a faulty lesson, shows a banner. */
export async function openLessonLink(c: SessionContext, hash: string): Promise<boolean> {
  clearLinkFromAddress(hash);
  const r = await decodeLesson(hash);
  if (!r.ok) {
    patch(c, { banner: { kind: "error", text: r.message } });
    return false;
  }
  const problems = await openLesson(c, r.value).catch((e: Error) => [{ line: 1, message: e.message }]);
  if (problems.length) patch(c, { banner: { kind: "error", text: problemsText(problems) } });
  return problems.length === 0;
}

/** A lesson's problems in one text: "The lesson has problems: line 3: …; line 9: …". */
export function problemsText(problems: readonly LessonProblem[]): string {
  return `The lesson cannot be opened: ${problems.map((p) => `line ${p.line}: ${p.message}`).join("; ")}.`;
}

/** The link of a lesson file being written (the teacher's Share); throws when it is too large. */
export function lessonLink(source: string): Promise<string> {
  return encodeLesson(source);
}

/** The student's hand-in link: the lesson, the script of the last run, every check's state and the last traces. */
export async function handInLink(c: SessionContext, name: string): Promise<string> {
  await checksSettled(c);
  const s = get(c);
  const state = s.lesson;
  if (!state) throw new Error("There is no lesson open to hand in.");
  const checks = lessonChecks(state.lesson).map((k, i) => ({ label: k.label, pass: state.passed[i] === true }));
  const { hash } = await encodeHandIn({
    name,
    lesson: state.source,
    script: s.history.present.script,
    checks,
    traces: checkData(s).traces,
  });
  return hash;
}

/** Opens the Compare view with the hand-in of a link (a hand-in link opened in the address). */
export async function openHandInLink(c: SessionContext, hash: string): Promise<void> {
  clearLinkFromAddress(hash);
  const r = await decodeHandIn(hash);
  if (!r.ok) patch(c, { banner: { kind: "error", text: r.message } });
  const links = hash.startsWith("#") ? `${location.origin}${location.pathname}${hash}` : hash;
  patch(c, { lessonTool: { kind: "compare", links } });
}
