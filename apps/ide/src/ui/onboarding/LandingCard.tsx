/**
 * The landing card of the very first open (see onboarding-store.ts): what Dendrolab is,
 * the gallery's examples and the shipped lessons (opened as their menus open them), the
 * tour, and the tutorial, which already runs underneath. Loaded only when shown.
 */
import { useRef, useState } from "react";
import { GALLERY } from "../../gallery/index.js";
import { LESSON_ENTRIES } from "../../lessons/index.js";
import { openGalleryExample } from "../gallery/shown-example.js";
import { openShippedLesson } from "../lessons/open-shipped.js";
import { useActions } from "../session-context.js";
import { onboarding } from "./onboarding-store.js";
import { useModalFocus } from "./use-modal-focus.js";
import "./onboarding.css";

export default function LandingCard() {
  const a = useActions();
  const root = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useModalFocus(root, onboarding.closeCard);

  const example = async (id: string) => {
    setBusy(id);
    setError(null);
    try {
      await openGalleryExample(a.openExample, id, onboarding.closeCard);
    } catch (e) {
      setError((e as Error).message);
      setBusy(null);
    }
  };
  const lesson = async (id: string) => {
    setBusy(id);
    setError(null);
    const problem = await openShippedLesson(a.openLesson, id);
    if (problem === null) onboarding.closeCard();
    else {
      setError(problem);
      setBusy(null);
    }
  };

  return (
    <div className="onboarding-backdrop">
      <div
        className="landing-card"
        role="dialog"
        aria-modal="true"
        aria-labelledby="landing-title"
        aria-describedby="landing-what"
        ref={root}
        data-testid="landing-card"
      >
        <header>
          <h2 id="landing-title">Welcome to Dendrolab</h2>
          <button
            type="button"
            className="landing-close"
            onClick={onboarding.closeCard}
            aria-label="Close the welcome card"
            data-testid="landing-close"
          >
            ×
          </button>
        </header>
        <p id="landing-what">
          Build, simulate and train detailed neuron models in your browser, nothing to install: cells with dendrites and
          channels, networks of them, fitted to recordings by gradient descent. The model is a script (Jaxley's API)
          that every click in the panels writes to. Behind this card the tutorial network is already simulated.
        </p>
        <div className="landing-actions">
          <button
            type="button"
            className="primary"
            data-autofocus
            onClick={onboarding.startTour}
            data-testid="landing-tour"
          >
            Take the tour
          </button>
          <button type="button" onClick={onboarding.closeCard} data-testid="landing-tutorial">
            Start with the tutorial
          </button>
          <span className="muted">Or open an example or a lesson:</span>
        </div>
        <h3 id="landing-examples">Examples, each already simulated and explained</h3>
        <ul className="landing-grid" aria-labelledby="landing-examples">
          {GALLERY.map((e) => (
            <li key={e.id}>
              <Item id={e.id} title={e.title} summary={e.summary} busy={busy} open={example} kind="example" />
            </li>
          ))}
        </ul>
        <h3 id="landing-lessons">Lessons, with checks that tick as you work</h3>
        <ul className="landing-grid landing-lessons" aria-labelledby="landing-lessons">
          {LESSON_ENTRIES.map((e) => (
            <li key={e.id}>
              <Item id={e.id} title={e.title} summary={e.summary} busy={busy} open={lesson} kind="lesson" />
            </li>
          ))}
        </ul>
        {error && (
          <p className="landing-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}

function Item(props: {
  id: string;
  title: string;
  summary: string;
  kind: "example" | "lesson";
  busy: string | null;
  open: (id: string) => Promise<void>;
}) {
  const { id, busy } = props;
  return (
    <button
      type="button"
      className="landing-item"
      disabled={busy !== null}
      aria-busy={busy === id}
      onClick={() => void props.open(id)}
      data-testid={`landing-${props.kind}-${id}`}
    >
      <span className="landing-item-title">
        {props.title}
        {busy === id ? " …" : ""}
      </span>
      <span className="landing-item-summary">{props.summary}</span>
    </button>
  );
}
