/**
 * A gutter between two columns or two stacked panels: drag it (or focus it and press the
 * arrow keys) to resize them. While dragging, only the grid's CSS variables change; the
 * new sizes go into the session (`layout`) when the drag ends.
 */
import { type KeyboardEvent, type PointerEvent, useRef } from "react";
import {
  DEFAULT_LAYOUT,
  layoutVars,
  MAX_LEFT,
  MIN_COL,
  MIN_LEFT,
  MIN_PANEL,
  type PanelLayout,
  split,
} from "../../session/layout.js";
import { useActions, useSession, useSessionState } from "../session-context.js";

/** Which gutter: between the left and middle columns, the middle and right ones, or the panels of a column. */
export type GutterKind = "col-left" | "col-mid" | "row-left" | "row-mid" | "row-right";

const LABELS: Record<GutterKind, string> = {
  "col-left": "Resize the model tree column",
  "col-mid": "Resize the script and plots columns",
  "row-left": "Resize the model tree and groups",
  "row-mid": "Resize the script and table",
  "row-right": "Resize the morphology and the tabs",
};

/** Where the gutter sits, 0..100: the share of the first side (the left column: of the window). */
function position(kind: GutterKind, l: PanelLayout): number {
  if (kind === "col-left") return Math.round((100 * l.left) / Math.max(1, window.innerWidth));
  if (kind === "col-mid") return Math.round((100 * l.mid) / (l.mid + l.right));
  const [a, b] = l.rows[kind.slice("row-".length) as keyof PanelLayout["rows"]];
  return Math.round((100 * a) / (a + b));
}

/** Keyboard step, px. */
const STEP = 20;

/** The layout after moving a gutter by `d` px, from the sizes measured when the move began. */
function moved(kind: GutterKind, start: PanelLayout, a: number, b: number, d: number): PanelLayout {
  if (kind === "col-left") return { ...start, left: Math.min(MAX_LEFT, Math.max(MIN_LEFT, a + d)) };
  if (kind === "col-mid") {
    const [mid, right] = split(a, b, d, MIN_COL);
    return { ...start, mid, right };
  }
  const col = kind.slice("row-".length) as keyof PanelLayout["rows"];
  return { ...start, rows: { ...start.rows, [col]: split(a, b, d, MIN_PANEL) } };
}

export function Gutter({ kind }: { kind: GutterKind }) {
  const session = useSession();
  const a = useActions();
  const drag = useRef<{ x: number; y: number; a: number; b: number; start: PanelLayout; last: PanelLayout } | null>(
    null,
  );
  const vertical = kind.startsWith("col");
  const now = position(kind, useSessionState((s) => s.layout) ?? DEFAULT_LAYOUT);

  /** The sizes (px) of what the gutter resizes: the left column's width, or the two sides'. */
  const measure = (el: HTMLElement): [number, number] => {
    const prev = el.previousElementSibling as HTMLElement | null;
    const next = el.nextElementSibling as HTMLElement | null;
    const size = (e: HTMLElement | null) =>
      e ? (vertical ? e.getBoundingClientRect().width : e.getBoundingClientRect().height) : 0;
    return [size(prev), size(next)];
  };
  const apply = (el: HTMLElement, l: PanelLayout) => {
    const grid = el.closest<HTMLElement>(".grid");
    if (!grid) return;
    for (const [k, v] of Object.entries(layoutVars(l))) grid.style.setProperty(k, v);
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    const el = e.currentTarget;
    el.setPointerCapture(e.pointerId);
    const [sa, sb] = measure(el);
    const start = session.store.getState().layout ?? DEFAULT_LAYOUT;
    drag.current = { x: e.clientX, y: e.clientY, a: sa, b: sb, start, last: start };
    document.body.classList.add(vertical ? "resizing-cols" : "resizing-rows");
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    const delta = vertical ? e.clientX - d.x : e.clientY - d.y;
    d.last = moved(kind, d.start, d.a, d.b, delta);
    apply(e.currentTarget, d.last);
  };
  const end = () => {
    const d = drag.current;
    drag.current = null;
    document.body.classList.remove("resizing-cols", "resizing-rows");
    if (d && d.last !== d.start) a.setLayout(d.last);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const keys: Record<string, number> = vertical
      ? { ArrowLeft: -STEP, ArrowRight: STEP }
      : { ArrowUp: -STEP, ArrowDown: STEP };
    const d = keys[e.key];
    if (d === undefined) return;
    e.preventDefault();
    const [sa, sb] = measure(e.currentTarget);
    const next = moved(kind, session.store.getState().layout ?? DEFAULT_LAYOUT, sa, sb, d);
    apply(e.currentTarget, next);
    a.setLayout(next);
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: a focusable, draggable splitter is the WAI-ARIA window splitter pattern, not an <hr>
    <div
      role="separator"
      aria-orientation={vertical ? "vertical" : "horizontal"}
      aria-label={LABELS[kind]}
      aria-valuenow={now}
      aria-valuemin={0}
      aria-valuemax={100}
      tabIndex={0}
      className={`gutter gutter-${vertical ? "col" : "row"}`}
      data-testid={`gutter-${kind}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={end}
      onPointerCancel={end}
      onKeyDown={onKeyDown}
      onDoubleClick={() => {
        a.setLayout(null);
      }}
      title="Drag to resize (double-click: default sizes)"
    />
  );
}
