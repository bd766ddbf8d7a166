/**
 * The model as a tree (network, cells, branches, compartments) with multi-select:
 * click, ctrl/cmd-click to toggle, shift-click for a range; "Add to group" writes the
 * selection into the script. Long trees (a network of 1,000 cells) are windowed: only
 * the rows in view (and a few around them) are in the DOM.
 */
import { type MouseEvent, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { visibleRange } from "../table/windowing.js";
import type { ItemKey } from "../../session/selection.js";
import { useActions, useSessionState } from "../session-context.js";
import { Panel } from "../widgets.js";
import { AddToGroup } from "./AddToGroup.js";
import { defaultExpanded, treeRows, VIRTUAL_FROM } from "./tree-model.js";

/** Height of a row of a windowed tree, px (fixed by CSS: .tree.virtual .tree-row). */
const ROW_H = 22;

export function TreePanel() {
  const a = useActions();
  const summary = useSessionState((s) => s.model?.summary ?? null);
  const selection = useSessionState((s) => s.selection);
  const nSelected = useSessionState((s) => s.selectedNodes.length);
  const cells = summary?.cells;
  const [expanded, setExpanded] = useState<Set<ItemKey>>(new Set());
  const shape = cells ? cells.map((c) => c.branches.length).join(",") : "";
  useEffect(() => {
    if (cells) setExpanded(defaultExpanded(cells));
    // Only when the shape of the model changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shape]);
  const rows = useMemo(() => (cells ? treeRows(cells, expanded) : []), [cells, expanded]);
  const visible = useMemo(() => rows.map((r) => r.key), [rows]);
  const selected = new Set(selection.keys);
  const virtual = rows.length > VIRTUAL_FROM;
  const treeEl = useRef<HTMLDivElement>(null);
  const [port, setPort] = useState({ top: 0, height: 600 });
  useLayoutEffect(() => {
    const tree = treeEl.current;
    const scroller = tree?.parentElement;
    if (!virtual || !tree || !scroller) return;
    const update = () => setPort({ top: scroller.scrollTop - tree.offsetTop, height: scroller.clientHeight });
    scroller.addEventListener("scroll", update, { passive: true });
    const ro = new ResizeObserver(update);
    ro.observe(scroller);
    update();
    return () => {
      scroller.removeEventListener("scroll", update);
      ro.disconnect();
    };
  }, [virtual, summary]);
  // The network row comes first; rows[i] sits at (i + 1) * ROW_H.
  const [first, last] = virtual
    ? visibleRange(Math.max(0, port.top - ROW_H), port.height, ROW_H, rows.length, 10)
    : [0, rows.length];

  const onClick = (key: ItemKey, e: MouseEvent) => {
    e.preventDefault();
    a.select(key, { toggle: e.ctrlKey || e.metaKey, range: e.shiftKey }, visible);
  };
  const toggle = (key: ItemKey) => {
    const next = new Set(expanded);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setExpanded(next);
  };

  return (
    <Panel
      title="Model tree"
      className="tree-panel"
      testid="tree-panel"
      tools={
        <span className="muted" data-testid="selection-count">
          {nSelected ? `${nSelected} comps selected` : "click, ctrl-click, shift-click"}
        </span>
      }
    >
      {summary && (
        <div
          ref={treeEl}
          className={`tree${virtual ? " virtual" : ""}`}
          role="tree"
          aria-multiselectable="true"
          data-testid="tree"
          data-rows={rows.length}
          style={virtual ? { height: (rows.length + 1) * ROW_H + 8 } : undefined}
        >
          <div className="tree-row depth-0" data-testid="tree-network" onClick={() => a.clearSelection()}>
            <span className="twisty" />
            <span className="tree-label">network</span>
            <span className="tree-detail">
              {summary.cells.length} cells · {summary.nComp} comps · {summary.edges.length} synapses
            </span>
          </div>
          {rows.slice(first, last).map((r, i) => (
            <div
              key={r.key}
              style={virtual ? { top: 4 + (first + i + 1) * ROW_H } : undefined}
              role="treeitem"
              aria-selected={selected.has(r.key)}
              className={`tree-row depth-${r.depth} ${selected.has(r.key) ? "selected" : ""}`}
              data-testid={r.testid}
              onClick={(e) => onClick(r.key, e)}
            >
              <span
                className="twisty"
                onClick={(e) => {
                  e.stopPropagation();
                  if (r.expandable) toggle(r.key);
                }}
              >
                {r.expandable ? (expanded.has(r.key) ? "▾" : "▸") : ""}
              </span>
              <span className="tree-label">{r.label}</span>
              <span className="tree-detail">{r.detail}</span>
            </div>
          ))}
        </div>
      )}
      <AddToGroup />
    </Panel>
  );
}
