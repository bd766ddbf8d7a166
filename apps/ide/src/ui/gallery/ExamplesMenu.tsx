/**
 * The Examples menu of the toolbar: the gallery's entries; choosing one loads it (its own
 * chunk), opens it (one undo step) and shows its explanation in a panel beside the page
 * (also for an example opened from the landing card: see shown-example.ts).
 */
import { useEffect, useRef, useState } from "react";
import { GALLERY } from "../../gallery/index.js";
import { useActions } from "../session-context.js";
import { ExampleFigureView } from "./ExampleFigure.js";
import { Markdownish } from "./Markdownish.js";
import { openGalleryExample, type Shown, showExample, useShownExample } from "./shown-example.js";
import "./gallery.css";

export function ExamplesMenu() {
  const a = useActions();
  const [open, setOpen] = useState(false);
  const [loading, setLoading] = useState<string | null>(null);
  const showing = useShownExample();
  const shown = showing?.example ?? null;
  // The example whose explanation is folded: a newly shown one (from here or the landing card) opens unfolded.
  const [foldedFor, setFoldedFor] = useState<Shown | null>(null);
  const folded = showing !== null && foldedFor === showing;
  const [error, setError] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  const choose = async (id: string) => {
    setLoading(id);
    setError(null);
    try {
      await openGalleryExample(a.openExample, id, () => setOpen(false));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoading(null);
    }
  };

  return (
    <div className="examples" ref={root}>
      <button
        type="button"
        data-testid="examples-menu"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        title="Open an example: its script, settings and explanation (one undo step)"
      >
        Examples ▾
      </button>
      {open && (
        <div className="examples-pop" role="menu" aria-label="Examples">
          {GALLERY.map((e) => (
            <button
              type="button"
              role="menuitem"
              key={e.id}
              data-testid={`example-${e.id}`}
              disabled={loading !== null}
              onClick={() => void choose(e.id)}
            >
              <span className="examples-title">
                {e.title}
                {loading === e.id ? " …" : ""}
              </span>
              <span className="examples-summary">{e.summary}</span>
            </button>
          ))}
          {error && (
            <p className="examples-error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
      {shown && (
        <aside className="example-panel" role="dialog" aria-label={shown.title} data-testid="example-panel">
          <header>
            <h2>{shown.title}</h2>
            <button
              type="button"
              onClick={() => setFoldedFor(folded ? null : showing)}
              aria-label={folded ? "Show the explanation" : "Fold the explanation"}
              aria-expanded={!folded}
              data-testid="example-fold"
            >
              {folded ? "▴" : "▾"}
            </button>
            <button type="button" onClick={() => showExample(null)} aria-label="Close the explanation">
              ×
            </button>
          </header>
          {!folded && (
            <>
              <ExampleFigureView example={shown} />
              <div className="example-text" data-testid="example-text">
                <Markdownish text={shown.explanation} />
              </div>
            </>
          )}
        </aside>
      )}
    </div>
  );
}
