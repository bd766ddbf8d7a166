/**
 * The teacher's lesson editor: the lesson file in a text area, a live preview of its steps
 * beside it (parsed on the page; checks are never evaluated here), its problems with their
 * lines, *Try it* (open it as a student would) and *Share* (the lesson as a link).
 */
import { useMemo, useState } from "react";
import { parseLesson } from "../../lessons/format.js";
import { EXAMPLE_IDS } from "./example-ids.js";
import { useActions } from "../session-context.js";
import { LessonSteps } from "./LessonSteps.js";
import { LessonText } from "./LessonText.js";
import { LESSON_TEMPLATE } from "./template.js";
import "./lessons.css";

export function LessonEditor({ draft }: { draft: string }) {
  const a = useActions();
  const [text, setText] = useState(draft || LESSON_TEMPLATE);
  const [url, setUrl] = useState("");
  const [error, setError] = useState<string | null>(null);
  const parsed = useMemo(() => parseLesson(text, EXAMPLE_IDS), [text]);
  const share = async () => {
    setError(null);
    try {
      setUrl(`${location.origin}${location.pathname}${await a.lessonLink(text)}`);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  /** The lesson as a file, for lessons too large for a link (or to keep). */
  const save = () => {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "text/markdown" }));
    const title = parsed.ok ? parsed.lesson.title : "lesson";
    link.download = `${
      title
        .replace(/[^A-Za-z0-9_-]+/g, "-")
        .replace(/^-|-$/g, "")
        .toLowerCase() || "lesson"
    }.lesson.md`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };
  const tryIt = async () => {
    const problems = await a.openLesson(text);
    if (problems.length === 0) void a.setLessonTool(null);
  };
  return (
    <div className="lesson-overlay" role="dialog" aria-label="Write a lesson" data-testid="lesson-editor">
      <header>
        <h2>Write a lesson</h2>
        <button type="button" onClick={() => void tryIt()} disabled={!parsed.ok} data-testid="lesson-editor-try">
          Try it as a student
        </button>
        <button type="button" onClick={save} disabled={!text.trim()} data-testid="lesson-editor-save">
          Save as a file
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => void share()}
          disabled={!parsed.ok}
          data-testid="lesson-editor-share"
        >
          Share as a link
        </button>
        <button type="button" onClick={() => void a.setLessonTool(null)} aria-label="Close the editor">
          ×
        </button>
      </header>
      {url && (
        <div className="lesson-link">
          <span>Students open the lesson with this link ({url.length.toLocaleString("en")} characters):</span>
          <input readOnly value={url} data-testid="lesson-editor-url" onFocus={(e) => e.target.select()} />
        </div>
      )}
      {error && <p role="alert">{error}</p>}
      <div className="lesson-editor-split">
        <textarea
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setUrl("");
          }}
          spellCheck={false}
          aria-label="Lesson file"
          data-testid="lesson-editor-text"
        />
        <div className="lesson-preview" data-testid="lesson-editor-preview">
          {parsed.ok ? (
            <>
              <h2>{parsed.lesson.title}</h2>
              <p className="muted">
                Starts from{" "}
                {parsed.lesson.start.kind === "example" ? `the example "${parsed.lesson.start.id}"` : "its own script"};{" "}
                {parsed.lesson.steps.length} steps, {parsed.lesson.steps.reduce((n, s) => n + s.checks.length, 0)}{" "}
                checks.
              </p>
              {parsed.lesson.intro && <LessonText text={parsed.lesson.intro} />}
              <LessonSteps lesson={parsed.lesson} results={[]} />
            </>
          ) : (
            <ul className="lesson-problems" data-testid="lesson-editor-problems">
              {parsed.problems.map((p) => (
                <li key={`${p.line}-${p.message}`}>
                  <strong>line {p.line}:</strong> {p.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}
