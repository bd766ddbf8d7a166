/**
 * A lesson's steps with their checks (ticked from the sandbox's results) and their hints,
 * opened one at a time on request. Used by the Lesson panel (whose opened hints live in
 * the session, and are saved with it) and the editor's preview (hints kept here).
 */
import { useEffect, useRef, useState } from "react";
import type { Lesson, LessonStep } from "../../lessons/format.js";
import type { CheckResult } from "../../protocol/lesson.js";
import { inline } from "../gallery/Markdownish.js";
import { LessonText } from "./LessonText.js";

/** A check's state; "earlier": it passed at an earlier run, not with the current model. */
type State = "pass" | "earlier" | "fail" | "invalid" | "pending";

const stateOf = (r: CheckResult | null | undefined, passed: boolean): State =>
  r?.pass ? "pass" : r?.invalid ? "invalid" : passed ? "earlier" : r ? "fail" : "pending";

const MARK: Record<State, string> = { pass: "✓", earlier: "✓", fail: "○", invalid: "⚠", pending: "…" };

export function LessonSteps(props: {
  lesson: Lesson;
  results: ReadonlyArray<CheckResult | null>;
  /** Which checks have passed at some run (default: none). */
  passed?: readonly boolean[];
  /** How many hints of each step are open, and opening one more; absent: kept by each step. */
  hints?: { open: readonly number[]; more: (step: number) => void };
}) {
  const { lesson, results } = props;
  const passed = props.passed ?? [];
  let k = 0;
  const firstOpen = lesson.steps.findIndex((s, i) => !stepDone(lesson, passed, i) || s.checks.length === 0);
  const list = useRef<HTMLOListElement>(null);
  // The step to work on comes into view when the one before it is done.
  useEffect(() => {
    if (firstOpen > 0) list.current?.children[firstOpen]?.scrollIntoView?.({ block: "nearest", behavior: "smooth" });
  }, [firstOpen]);
  return (
    <ol className="lesson-steps" ref={list}>
      {lesson.steps.map((step, i) => {
        const from = k;
        k += step.checks.length;
        const done = step.checks.length > 0 && stepDone(lesson, passed, i);
        return (
          <Step
            key={step.line}
            index={i}
            step={step}
            results={results.slice(from, from + step.checks.length)}
            passed={passed.slice(from, from + step.checks.length)}
            first={from}
            done={done}
            current={i === firstOpen}
            hints={props.hints && { open: props.hints.open[i] ?? 0, more: () => props.hints?.more(i) }}
          />
        );
      })}
    </ol>
  );
}

/** Have all the checks of step `i` passed (each at some run)? */
export function stepDone(lesson: Lesson, passed: readonly boolean[], i: number): boolean {
  const from = lesson.steps.slice(0, i).reduce((n, s) => n + s.checks.length, 0);
  return lesson.steps[i].checks.every((_, j) => passed[from + j] === true);
}

function Step(props: {
  index: number;
  step: LessonStep;
  results: ReadonlyArray<CheckResult | null>;
  passed: readonly boolean[];
  first: number;
  done: boolean;
  current: boolean;
  hints?: { open: number; more: () => void };
}) {
  const { index, step, results, passed, first, done, current } = props;
  const [local, setLocal] = useState(0);
  const hints = props.hints?.open ?? local;
  const more = props.hints?.more ?? (() => setLocal(local + 1));
  return (
    <li
      className={`lesson-step${done ? " done" : ""}${current ? " current" : ""}`}
      data-testid={`lesson-step-${index}`}
      data-done={done ? "yes" : "no"}
    >
      <h3>
        <span className="lesson-step-mark" aria-hidden>
          {done ? "✓" : `${index + 1}.`}
        </span>{" "}
        {step.title}
      </h3>
      <LessonText text={step.text} />
      {step.checks.length > 0 && (
        <ul className="lesson-checks">
          {step.checks.map((c, j) => {
            const r = results[j];
            const state = stateOf(r, passed[j] === true);
            const why =
              state === "invalid"
                ? `line ${c.line}: ${r?.message}`
                : state === "earlier"
                  ? `passed at an earlier run; not with the current model${r?.message ? ` (${r.message})` : ""}`
                  : state === "fail"
                    ? r?.message
                    : null;
            return (
              <li
                key={c.line}
                className={`lesson-check ${state}`}
                data-testid={`lesson-check-${first + j}`}
                data-state={state}
              >
                <span className="lesson-check-mark" title={state}>
                  {MARK[state]}
                </span>
                <span>
                  {inline(c.label)}
                  {why && <span className="lesson-check-why">{why}</span>}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {step.hints.slice(0, hints).map((h, j) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the hints of a fixed step, shown in order
        <p key={j} className="lesson-hint" data-testid={`lesson-hint-text-${index}`}>
          <strong>Hint{step.hints.length > 1 ? ` ${j + 1}` : ""}:</strong> {inline(h)}
        </p>
      ))}
      {hints < step.hints.length && (
        <button type="button" className="lesson-hint-button" onClick={more} data-testid={`lesson-hint-${index}`}>
          {hints === 0 ? "Show a hint" : "Another hint"}
        </button>
      )}
    </li>
  );
}
