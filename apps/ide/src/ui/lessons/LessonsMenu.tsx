/**
 * The Lessons menu of the toolbar: the lessons shipped with Dendrolab (loaded on demand),
 * the teacher's lesson editor and the Compare view of hand-ins. It also shows the Lesson
 * panel while a lesson is open. Every part but the button loads when first needed.
 */
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { LESSON_ENTRIES } from "../../lessons/index.js";
import { useActions, useSessionState } from "../session-context.js";
import { openShippedLesson } from "./open-shipped.js";

const LessonPanel = lazy(() => import("./LessonPanel.js").then((m) => ({ default: m.LessonPanel })));
const LessonEditor = lazy(() => import("./LessonEditor.js").then((m) => ({ default: m.LessonEditor })));
const CompareView = lazy(() => import("./CompareView.js").then((m) => ({ default: m.CompareView })));

export function LessonsMenu() {
  const a = useActions();
  const lesson = useSessionState((s) => s.lesson ?? null);
  const tool = useSessionState((s) => s.lessonTool ?? null);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => root.current && !root.current.contains(e.target as Node) && setOpen(false);
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  const choose = async (id: string) => {
    setError(null);
    const problem = await openShippedLesson(a.openLesson, id);
    if (problem) setError(problem);
    else setOpen(false);
  };
  /** A lesson file picked from disk (a lesson too large for a link travels as a file). */
  const openFile = async (file: File | undefined) => {
    setError(null);
    if (!file) return;
    if (file.size > 200_000) {
      setError(
        `"${file.name}" is ${file.size.toLocaleString("en")} bytes; a lesson file has at most 40,000 characters.`,
      );
      return;
    }
    const problems = await a.openLesson(await file.text()).catch((e: Error) => [{ line: 1, message: e.message }]);
    if (problems.length)
      setError(`"${file.name}" cannot be opened: ${problems.map((p) => `line ${p.line}: ${p.message}`).join("; ")}`);
    else setOpen(false);
  };
  const openTool = (kind: "editor" | "compare") => {
    setOpen(false);
    void a.setLessonTool(kind === "editor" ? { kind, draft: lesson?.source ?? "" } : { kind, links: "" });
  };

  return (
    <div className="examples" ref={root}>
      <button
        type="button"
        data-testid="lessons-menu"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        title="Follow a lesson with checks, write one, or compare students' hand-ins"
      >
        Lessons ▾
      </button>
      {open && (
        <div className="examples-pop" role="menu" aria-label="Lessons">
          {LESSON_ENTRIES.map((e) => (
            <button
              type="button"
              role="menuitem"
              key={e.id}
              data-testid={`lesson-${e.id}`}
              onClick={() => void choose(e.id)}
            >
              <span className="examples-title">{e.title}</span>
              <span className="examples-summary">{e.summary}</span>
            </button>
          ))}
          <button type="button" role="menuitem" onClick={() => fileInput.current?.click()}>
            <span className="examples-title">Open a lesson file…</span>
            <span className="examples-summary">A lesson saved from the editor (a .md file).</span>
          </button>
          <input
            ref={fileInput}
            type="file"
            hidden
            accept=".md,.txt,text/markdown,text/plain"
            onChange={(e) => void openFile(e.target.files?.[0])}
            data-testid="lesson-open-file"
          />
          <button type="button" role="menuitem" data-testid="lesson-write" onClick={() => openTool("editor")}>
            <span className="examples-title">Write a lesson…</span>
            <span className="examples-summary">For teachers: a lesson file with a live preview, shared as a link.</span>
          </button>
          <button type="button" role="menuitem" data-testid="lesson-compare" onClick={() => openTool("compare")}>
            <span className="examples-title">Compare hand-ins…</span>
            <span className="examples-summary">
              For teachers: paste students' hand-in links; checks and traces side by side.
            </span>
          </button>
          {error && (
            <p className="examples-error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
      <Suspense fallback={null}>
        {lesson && <LessonPanel state={lesson} />}
        {tool?.kind === "editor" && <LessonEditor draft={tool.draft} />}
        {tool?.kind === "compare" && <CompareView links={tool.links} />}
      </Suspense>
    </div>
  );
}
