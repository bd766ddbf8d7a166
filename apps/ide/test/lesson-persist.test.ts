/**
 * The open lesson saved with the session (project files, and so the autosave): its
 * ticks and opened hints come back, its starting script does not replace the student's,
 * version-1 files still open, and a saved lesson that no longer parses is named.
 */
import { describe, expect, it } from "vitest";
import { parseLesson } from "../src/lessons/format.js";
import { SHIPPED_LESSONS } from "../src/lessons/shipped.js";
import { EXAMPLE_IDS } from "../src/session/lesson-actions.js";
import { freshLessonState, withHint } from "../src/session/lesson-state.js";
import { lessonDoc, lessonOfDoc } from "../src/session/persist/lesson-doc.js";
import { readProject, sessionOfDoc } from "../src/session/persist/project-codec.js";
import { PROJECT_FORMAT, PROJECT_VERSION } from "../src/session/persist/project-schema.js";
import { createSession } from "../src/session/store.js";
import { inProcessServices, TUTORIAL_SCRIPT } from "./helpers.js";

const source = (id: string) => SHIPPED_LESSONS.find((l) => l.id === id)!.source;

function parsed(id: string) {
  const p = parseLesson(source(id), EXAMPLE_IDS);
  if (!p.ok) throw new Error(JSON.stringify(p.problems));
  return p.lesson;
}

describe("hints of the open lesson", () => {
  it("opens one more hint of a step at a time, never past its last", () => {
    const lesson = parsed("groups");
    const step = lesson.steps.findIndex((s) => s.hints.length > 0);
    expect(step).toBeGreaterThanOrEqual(0);
    let state = freshLessonState(source("groups"), lesson);
    expect(state.hints).toEqual(lesson.steps.map(() => 0));
    for (let k = 0; k < lesson.steps[step].hints.length + 2; k++) state = withHint(state, step);
    expect(state.hints[step]).toBe(lesson.steps[step].hints.length);
    expect(state.hints.filter((_, i) => i !== step).every((n) => n === 0)).toBe(true);
    expect(withHint(state, 99)).toBe(state);
  });
});

describe("a lesson in a project document", () => {
  it("reads back its ticks and hints, fixing lists of the wrong length", () => {
    const lesson = parsed("threshold");
    const state = { ...freshLessonState(source("threshold"), lesson), hints: lesson.steps.map(() => 1) };
    state.passed[0] = true;
    state.results[0] = { pass: true, message: null };
    const back = lessonOfDoc(JSON.parse(JSON.stringify(lessonDoc(state))), EXAMPLE_IDS);
    if (!back.ok) throw new Error(JSON.stringify(back.problems));
    expect(back.state.passed).toEqual(state.passed);
    expect(back.state.results).toEqual(state.results);
    expect(back.state.hints).toEqual(lesson.steps.map((s) => Math.min(1, s.hints.length)));
    expect(back.state.lesson.title).toBe("What sets the spike threshold?");

    const edited = lessonOfDoc({ source: source("threshold"), results: [], passed: [true], hints: [50] }, EXAMPLE_IDS);
    if (!edited.ok) throw new Error("should open");
    expect(edited.state.passed).toHaveLength(state.passed.length);
    expect(edited.state.passed.slice(0, 2)).toEqual([true, false]);
    expect(edited.state.results.every((r) => r === null)).toBe(true);
    expect(edited.state.hints[0]).toBe(lesson.steps[0].hints.length);

    const broken = lessonOfDoc({ source: "---\ntitle: T\n---\n", results: [], passed: [], hints: [] }, EXAMPLE_IDS);
    expect(broken.ok).toBe(false);
  });

  it("opens a version-1 file (no lessons then) with no lesson, and refuses a malformed lesson", () => {
    const v1 = JSON.stringify({ format: PROJECT_FORMAT, version: 1, savedAt: "2026-12-07T14:02:00.000Z", script: "x" });
    const r = readProject(v1, "old.dendrolab.json");
    if (!r.ok) throw new Error(r.message);
    expect(r.doc.version).toBe(PROJECT_VERSION);
    expect(sessionOfDoc(r.doc).lesson).toBeNull();
    const bad = readProject(
      JSON.stringify({ format: PROJECT_FORMAT, version: 2, savedAt: "x", script: "x", lesson: { source: 3 } }),
      "bad.dendrolab.json",
    );
    expect(!bad.ok && bad.message).toMatch(/lesson\.source should be a string of at most 40000 characters, got 3/);
  });
});

describe("save project and open it, with a lesson open", () => {
  it("brings back the lesson with its ticks and hints over the student's script", async () => {
    const student = createSession(inProcessServices(), TUTORIAL_SCRIPT);
    expect(await student.actions.openLesson(source("threshold"))).toEqual([]);
    const script = student.store.getState().script.replace("amplitude = 0.1", "amplitude = 0.3");
    student.actions.setScript(script);
    await student.actions.run();
    await student.actions.checkLesson();
    await student.actions.showLessonHint(1);
    expect(student.store.getState().lesson?.passed[0]).toBe(true);
    const saved = await student.actions.saveProject();
    expect(JSON.parse(saved.text).version).toBe(2);

    const other = createSession(inProcessServices(), TUTORIAL_SCRIPT);
    await other.actions.run();
    expect(await other.actions.openProject(saved.fileName, saved.text)).toBe(true);
    await other.actions.checkLesson();
    const s = other.store.getState();
    expect(s.script).toBe(script); // the student's script, not the lesson's starting one
    expect(s.lesson?.lesson.title).toBe("What sets the spike threshold?");
    expect(s.lesson?.passed[0]).toBe(true);
    expect(s.lesson?.results[0]?.pass).toBe(true); // evaluated again on the opened session's run
    expect(s.lesson?.hints[1]).toBe(1);

    // A project saved without a lesson closes the one that was open.
    const plain = createSession(inProcessServices(), TUTORIAL_SCRIPT);
    await plain.actions.run();
    const none = await plain.actions.saveProject();
    expect(await other.actions.openProject(none.fileName, none.text)).toBe(true);
    expect(other.store.getState().lesson ?? null).toBeNull();
  });
});
