/**
 * The tour: five steps, each highlighting a region of the IDE (the rest is shaded) with
 * a short text beside it. Next / Back (or → / ←), Skip or Escape at every step; once done
 * or skipped it is not shown again (onboarding-store.ts), until Help starts it again.
 * Loaded only when shown.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { onboarding } from "./onboarding-store.js";
import { type Box, placeBox } from "./placement.js";
import { TOUR_STEPS } from "./tour-steps.js";
import { useModalFocus } from "./use-modal-focus.js";
import "./onboarding.css";

/** How far a highlight ring reaches past its region, px. */
const RING = 4;

const viewport = (): Box => ({ left: 0, top: 0, width: window.innerWidth, height: window.innerHeight });

/** The ring round a region: RING px out, kept inside the window (the toolbar is at its top edge). */
function ringAround(r: Box, view: Box): Box {
  const left = Math.max(view.left + 1, r.left - RING);
  const top = Math.max(view.top + 1, r.top - RING);
  const right = Math.min(view.left + view.width - 1, r.left + r.width + RING);
  const bottom = Math.min(view.top + view.height - 1, r.top + r.height + RING);
  return { left, top, width: right - left, height: bottom - top };
}

/** The regions of `selectors` on screen now (a region not on the page is left out). */
function measure(selectors: readonly string[]): Box[] {
  const boxes: Box[] = [];
  for (const sel of selectors) {
    const r = document.querySelector(sel)?.getBoundingClientRect();
    if (r && r.width > 0 && r.height > 0) boxes.push({ left: r.left, top: r.top, width: r.width, height: r.height });
  }
  return boxes;
}

/** The step's regions, measured again when the window or a region changes size. */
function useRegions(selectors: readonly string[]): Box[] {
  const [boxes, setBoxes] = useState<Box[]>(() => measure(selectors));
  useLayoutEffect(() => {
    const update = () => setBoxes(measure(selectors));
    update();
    const observer = typeof ResizeObserver === "function" ? new ResizeObserver(update) : null;
    for (const sel of selectors) {
      const el = document.querySelector(sel);
      if (el) observer?.observe(el);
    }
    window.addEventListener("resize", update);
    return () => {
      observer?.disconnect();
      window.removeEventListener("resize", update);
    };
  }, [selectors]);
  return boxes;
}

export default function Tour() {
  const [i, setI] = useState(0);
  const step = TOUR_STEPS[i];
  const last = i === TOUR_STEPS.length - 1;
  const regions = useRegions(step.targets);
  const bubble = useRef<HTMLDivElement>(null);
  const next = useRef<HTMLButtonElement>(null);
  const [place, setPlace] = useState<Box | null>(null);
  const skip = useCallback(() => onboarding.endTour(), []);
  useModalFocus(bubble, skip);

  // The text box goes beside the regions, once its size for this step's text is known.
  useLayoutEffect(() => {
    const el = bubble.current;
    if (!el) return;
    setPlace(placeBox(regions, { width: el.offsetWidth, height: el.offsetHeight }, viewport()));
  }, [regions]);
  // Each step starts with Next focused (the text is announced through aria-live).
  useEffect(() => {
    if (i >= 0) next.current?.focus();
  }, [i]);

  const go = (to: number) => (to >= TOUR_STEPS.length ? onboarding.endTour() : setI(Math.max(0, to)));
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === "ArrowRight") go(i + 1);
    else if (e.key === "ArrowLeft") go(i - 1);
    else return;
    e.preventDefault();
  };

  const view = viewport();
  const { width: W, height: H } = view;
  const rings = regions.map((r) => ringAround(r, view));
  return (
    <div className="tour" data-testid="tour" data-step={i}>
      <svg className="tour-shade" width={W} height={H} aria-hidden="true">
        <defs>
          <mask id="tour-holes" maskUnits="userSpaceOnUse" x={0} y={0} width={W} height={H}>
            <rect width={W} height={H} fill="white" />
            {rings.map((r) => (
              <rect
                key={`${r.left},${r.top}`}
                x={r.left}
                y={r.top}
                width={r.width}
                height={r.height}
                rx={8}
                fill="black"
              />
            ))}
          </mask>
        </defs>
        <rect width={W} height={H} className="tour-shade-fill" mask="url(#tour-holes)" />
      </svg>
      {rings.map((r) => (
        <div
          key={`${r.left},${r.top}`}
          className="tour-ring"
          data-testid="tour-ring"
          style={{ left: r.left, top: r.top, width: r.width, height: r.height }}
        />
      ))}
      <div
        className="tour-bubble"
        role="dialog"
        aria-modal="true"
        aria-labelledby="tour-title"
        aria-describedby="tour-text"
        ref={bubble}
        onKeyDown={onKey}
        style={place ? { left: place.left, top: place.top } : { opacity: 0 }}
        data-testid="tour-step"
      >
        <p className="tour-count" data-testid="tour-count">
          Step {i + 1} of {TOUR_STEPS.length}
        </p>
        <div aria-live="polite">
          <h2 id="tour-title">{step.title}</h2>
          <p id="tour-text">{step.text}</p>
        </div>
        <footer>
          <button type="button" className="tour-skip" onClick={skip} data-testid="tour-skip">
            Skip the tour
          </button>
          <button type="button" onClick={() => go(i - 1)} disabled={i === 0} data-testid="tour-back">
            Back
          </button>
          <button
            type="button"
            className="primary"
            ref={next}
            data-autofocus
            onClick={() => go(i + 1)}
            data-testid="tour-next"
          >
            {last ? "Done" : "Next"}
          </button>
        </footer>
      </div>
    </div>
  );
}
