/**
 * The model as a tree (network, cells, branches, compartments) with multi-select:
 * click, ctrl/cmd-click to toggle, shift-click for a range; "Add to group" writes the
 * selection into the script. Long trees (a network of 1,000 cells) are windowed: only
 * the rows in view (and a few around them) are in the DOM. Keyboard: arrows, Home/End,
 * Enter/Space (with ctrl/shift as for clicks); one row at a time is in the tab order.
 */
import { type KeyboardEvent, type MouseEvent, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { visibleRange } from "../table/windowing.js";
import type { ItemKey } from "../../session/selection.js";
import { useActions, useSessionState } from "../session-context.js";
import { Panel } from "../widgets.js";
import { AddToGroup } from "./AddToGroup.js";
import { treeKeyAction } from "./tree-keys.js";
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
  // The default expansion is set again only when the shape of the model changes.
  const shape = cells ? cells.map((c) => c.branches.length).join(",") : "";
  const [expandedFor, setExpandedFor] = useState<string | null>(null);
  if (expandedFor !== shape) {
    setExpandedFor(shape);
    if (cells) setExpanded(defaultExpanded(cells));
  }
  const rows = useMemo(() => (cells ? treeRows(cells, expanded) : []), [cells, expanded]);
  const visible = useMemo(() => rows.map((r) => r.key), [rows]);
  const selected = new Set(selection.keys);
  const virtual = rows.length > VIRTUAL_FROM;
  const treeEl = useRef<HTMLDivElement>(null);
  const [port, setPort] = useState({ top: 0, height: 600 });
  const hasTree = summary !== null; // the tree element is there
  useLayoutEffect(() => {
    const tree = treeEl.current;
    const scroller = tree?.parentElement;
    if (!virtual || !hasTree || !tree || !scroller) return;
    const update = () => setPort({ top: scroller.scrollTop - tree.offsetTop, height: scroller.clientHeight });
    scroller.addEventListener("scroll", update, { passive: true });
    const ro = new ResizeObserver(update);
    ro.observe(scroller);
    update();
    return () => {
      scroller.removeEventListener("scroll", update);
      ro.disconnect();
    };
  }, [virtual, hasTree]);
  // The network row comes first; rows[i] sits at (i + 1) * ROW_H.
  const [first, last] = virtual
    ? visibleRange(Math.max(0, port.top - ROW_H), port.height, ROW_H, rows.length, 10)
    : [0, rows.length];

  // The row in the tab order (null: the network row), and whether the keyboard moved it.
  const [focusKey, setFocusKey] = useState<ItemKey | null>(null);
  const focusPos = focusKey === null ? -1 : visible.indexOf(focusKey);
  const keyMoved = useRef(false);
  const rendered = focusPos < 0 || (focusPos >= first && focusPos < last);
  useEffect(() => {
    const tree = treeEl.current;
    if (!keyMoved.current || !tree) return;
    if (rendered) {
      keyMoved.current = false;
      const testid = focusPos < 0 ? "tree-network" : rows[focusPos].testid;
      tree.querySelector<HTMLElement>(`[data-testid="${testid}"]`)?.focus();
    } else if (tree.parentElement) {
      // A windowed row out of view: scroll to it; it is focused once it is rendered.
      const scroller = tree.parentElement;
      scroller.scrollTop = tree.offsetTop + (focusPos + 1) * ROW_H - scroller.clientHeight / 2;
    }
  }, [focusPos, rows, rendered]);

  const onClick = (key: ItemKey, expandable: boolean, e: MouseEvent) => {
    e.preventDefault();
    setFocusKey(key);
    if ((e.target as HTMLElement).closest(".twisty")) {
      if (expandable) toggle(key);
      return;
    }
    a.select(key, { toggle: e.ctrlKey || e.metaKey, range: e.shiftKey }, visible);
  };
  const toggle = (key: ItemKey) => {
    const next = new Set(expanded);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setExpanded(next);
  };
  const onKeyDown = (position: number, e: KeyboardEvent) => {
    const act = treeKeyAction(e.key, position, rows, (p) => expanded.has(rows[p].key), e.shiftKey);
    if (!act) return;
    e.preventDefault();
    const key = act.position < 0 ? null : rows[act.position].key;
    if (act.kind === "focus") {
      if (act.position === position) return;
      keyMoved.current = true;
      setFocusKey(key);
    } else if (act.kind === "toggle" && key !== null) toggle(key);
    else if (act.kind === "select") {
      if (key === null) a.clearSelection();
      else a.select(key, { toggle: e.ctrlKey || e.metaKey, range: e.shiftKey }, visible);
    } else if (act.kind === "extend" && key !== null) {
      // The range starts at the selection's anchor, or at the row the focus leaves.
      if (selection.anchor === null && position >= 0) a.select(rows[position].key, {}, visible);
      keyMoved.current = act.position !== position;
      setFocusKey(key);
      a.select(key, { range: true, toggle: e.ctrlKey || e.metaKey }, visible);
    }
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
          <div
            className="tree-row depth-0"
            role="treeitem"
            aria-selected={false}
            aria-expanded={true}
            tabIndex={focusPos < 0 ? 0 : -1}
            data-testid="tree-network"
            onClick={() => {
              setFocusKey(null);
              a.clearSelection();
            }}
            onKeyDown={(e) => onKeyDown(-1, e)}
          >
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
              aria-expanded={r.expandable ? expanded.has(r.key) : undefined}
              tabIndex={first + i === focusPos ? 0 : -1}
              className={`tree-row depth-${r.depth} ${selected.has(r.key) ? "selected" : ""}`}
              data-testid={r.testid}
              onClick={(e) => onClick(r.key, r.expandable, e)}
              onKeyDown={(e) => onKeyDown(first + i, e)}
            >
              <span className="twisty">{r.expandable ? (expanded.has(r.key) ? "▾" : "▸") : ""}</span>
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
