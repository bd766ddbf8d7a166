/**
 * The Lesson panel: the lesson's steps, each check ticked as the student works (the checks
 * are evaluated in the sandbox after every run), hints on request, and *Hand in*.
 */
import { useState } from "react";
import type { LessonState } from "../../session/lesson-state.js";
import { useActions } from "../session-context.js";
import { LessonSteps } from "./LessonSteps.js";
import { LessonText } from "./LessonText.js";
import "./lessons.css";

export function LessonPanel({ state }: { state: LessonState }) {
  const a = useActions();
  const [folded, setFolded] = useState(false);
  const { lesson, results } = state;
  const passed = state.passed.filter(Boolean).length;
  return (
    <aside className="lesson-panel" role="dialog" aria-label={`Lesson: ${lesson.title}`} data-testid="lesson-panel">
      <header>
        <h2>{lesson.title}</h2>
        <span className="lesson-score" data-testid="lesson-score" title="Checks passed">
          {passed}/{results.length}
          {state.checking ? " …" : ""}
        </span>
        <button
          type="button"
          onClick={() => setFolded(!folded)}
          aria-label={folded ? "Show the lesson" : "Fold the lesson"}
          aria-expanded={!folded}
        >
          {folded ? "▴" : "▾"}
        </button>
        <button
          type="button"
          onClick={() => void a.closeLesson()}
          aria-label="Close the lesson"
          data-testid="lesson-close"
        >
          ×
        </button>
      </header>
      {!folded && (
        <div className="lesson-body">
          {lesson.intro && <LessonText text={lesson.intro} />}
          {state.problem && (
            <p className="lesson-problem" role="alert">
              {state.problem}
            </p>
          )}
          <LessonSteps
            lesson={lesson}
            results={results}
            passed={state.passed}
            hints={{ open: state.hints, more: (step) => void a.showLessonHint(step) }}
          />
          <HandIn />
        </div>
      )}
    </aside>
  );
}

/** *Hand in*: a link holding the lesson, the script and the results, to send to the teacher. */
function HandIn() {
  const a = useActions();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [url, setUrl] = useState("");
  const [error, setError] = useState<string | null>(null);
  const make = async () => {
    setError(null);
    setUrl(""); // an earlier link (other results, another name) is not shown while this one is made
    try {
      const hash = await a.handInLink(name);
      setUrl(`${location.origin}${location.pathname}${hash}`);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  if (!open)
    return (
      <button type="button" className="primary" onClick={() => setOpen(true)} data-testid="lesson-handin">
        Hand in…
      </button>
    );
  return (
    <section className="lesson-handin">
      <label className="field">
        <span>Your name</span>
        <input
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setUrl("");
          }}
          maxLength={80}
          data-testid="handin-name"
        />
      </label>
      <button type="button" className="primary" onClick={() => void make()} data-testid="handin-make">
        Make the hand-in link
      </button>
      {error && <p role="alert">{error}</p>}
      {url && (
        <>
          <p className="muted">
            Send this link to your teacher: it holds the lesson, your script, your checks and your traces (nothing is
            uploaded).
          </p>
          <textarea readOnly value={url} rows={3} data-testid="handin-url" onFocus={(e) => e.target.select()} />
          <button type="button" onClick={() => void navigator.clipboard?.writeText(url)}>
            Copy
          </button>
        </>
      )}
    </section>
  );
}
