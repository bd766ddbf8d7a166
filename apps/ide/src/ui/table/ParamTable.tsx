/**
 * The parameter table: `.view` of all compartments, a group or the selection, with the
 * library's columns. Rows are virtualised (only those in view are in the DOM). Editable
 * numeric cells (buttons: click, Enter or Space edits) write `set` calls; "Set all rows"
 * writes one `set` on the whole view.
 */
import { formatValue, isIntegerColumn } from "@dendrolab/core/format";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { TableData } from "../../protocol/model.js";
import { tableTitle } from "../../session/run-actions.js";
import { scriptNames } from "../../session/script-edits.js";
import { viewExpressions } from "../../session/view-expr.js";
import { useActions, useSession, useSessionState } from "../session-context.js";
import { Panel } from "../widgets.js";
import { SetAllRows } from "./SetAllRows.js";
import { visibleRange } from "./windowing.js";
import { readCellValue } from "./cell-value.js";
import "../warnings.css";

const ROW_H = 24;
const HEAD_H = 46;
const INDEX_W = 56;
/** Wide enough for the longest part of the name between underscores (headers wrap there), and for values. */
const colWidth = (name: string) =>
  Math.max(62, Math.min(140, Math.max(...name.split("_").map((p) => p.length + 1)) * 7.2 + 14));
/** Lets a header wrap after underscores: `local_branch_index` -> `local_ branch_ index`. */
const wrapName = (name: string) => name.replace(/_/g, "_\u200b");

export function ParamTable() {
  const table = useSessionState((s) => s.table);
  const title = useSessionState(tableTitle);
  return (
    <Panel
      title={<code data-testid="table-title">{title}</code>}
      className="table-panel"
      testid="table-panel"
      tools={
        table && (
          <span className="muted" data-testid="table-shape">
            {table.index.length} rows × {table.columns.length} columns
          </span>
        )
      }
    >
      {table && <SetAllRows table={table} where={title.replace(/\.view$/, "")} />}
      {table && <TableBody table={table} />}
    </Panel>
  );
}

function TableBody({ table }: { table: TableData }) {
  const a = useActions();
  const session = useSession();
  /** A value the table refused, with why (cleared by the next edit). */
  const [problem, setProblem] = useState<string | null>(null);
  const units = useSessionState((s) => s.model?.summary.units);
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(300);
  const [editing, setEditing] = useState<{ row: number; col: number } | null>(null);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    setHeight(el.clientHeight);
    return () => ro.disconnect();
  }, []);
  // After an edit ended by a key, the focus goes back to its cell (not to the page).
  const refocus = useRef<{ row: number; col: string } | null>(null);
  useEffect(() => {
    const cell = refocus.current;
    if (editing || !cell) return;
    refocus.current = null;
    // In the next frame, whose layout is due anyway: focusing now would force a layout of
    // the page in the edit's own task, ahead of its run and its traces.
    const frame = requestAnimationFrame(() =>
      scroller.current?.querySelector<HTMLElement>(`[data-row="${cell.row}"] [data-col="${cell.col}"] button`)?.focus(),
    );
    return () => cancelAnimationFrame(frame);
  }, [editing]);
  const onScroll = useCallback(() => setScrollTop(scroller.current?.scrollTop ?? 0), []);
  const [first, last] = visibleRange(Math.max(0, scrollTop - HEAD_H), height, ROW_H, table.index.length);
  const widths = table.columns.map(colWidth);
  const total = INDEX_W + widths.reduce((s, w) => s + w, 0);
  const integer = table.columns.map(isIntegerColumn);
  const commit = (row: number, col: number, text: string) => {
    setEditing(null);
    const node = table.index[row];
    const s = session.store.getState();
    const topo = s.model?.topo;
    const root = scriptNames(s.script).model;
    const where = (topo && viewExpressions(topo, [node], root)[0]) ?? `${root}.select({ nodes: [${node}] })`;
    const read = readCellValue(text, table.columns[col], table.rules?.[col], where);
    if (read.ok === "empty") return;
    if (read.ok === false) {
      setProblem(read.message);
      return;
    }
    setProblem(null);
    if (read.value !== table.data[col][row]) void a.setCell(node, table.columns[col], read.value);
  };

  const rows = [];
  for (let r = first; r < last; r++) {
    rows.push(
      <div
        key={r}
        className="trow"
        style={{ top: HEAD_H + ROW_H * r, width: total }}
        data-row={r}
        data-testid="table-row"
      >
        <div className="tcell tindex" style={{ width: INDEX_W }}>
          {table.index[r]}
        </div>
        {table.columns.map((c, j) => {
          const v = table.data[j][r];
          const isEditing = editing?.row === r && editing.col === j;
          return (
            <div
              key={c}
              className={`tcell ${table.editable[j] ? "editable" : ""} ${typeof v === "boolean" ? (v ? "yes" : "no") : ""}`}
              style={{ width: widths[j] }}
              data-col={c}
            >
              {isEditing ? (
                <input
                  // biome-ignore lint/a11y/noAutofocus: the editor opens because the user asked to edit this cell
                  autoFocus
                  defaultValue={String(v)}
                  data-testid="cell-editor"
                  onBlur={(e) => commit(r, j, e.currentTarget.value)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter" || e.key === "Escape") {
                      e.preventDefault(); // else the key, once the focus is back, would press the cell's button
                      refocus.current = { row: r, col: c };
                    }
                    if (e.key === "Enter") commit(r, j, e.currentTarget.value);
                    if (e.key === "Escape") setEditing(null);
                  }}
                />
              ) : table.editable[j] ? (
                <button type="button" className="cell-edit" onClick={() => setEditing({ row: r, col: j })}>
                  {formatValue(v, integer[j])}
                </button>
              ) : (
                formatValue(v, integer[j])
              )}
            </div>
          );
        })}
      </div>,
    );
  }
  return (
    <>
      {problem && (
        <div className="table-problem" role="alert" data-testid="table-problem">
          {problem}
        </div>
      )}
      <div className="tscroll" ref={scroller} onScroll={onScroll} data-testid="table">
        <div className="tspacer" style={{ height: HEAD_H + ROW_H * table.index.length, width: total }}>
          <div className="trow thead" style={{ width: total, height: HEAD_H }}>
            <div className="tcell tindex" style={{ width: INDEX_W }} />
            {table.columns.map((c, j) => (
              <div
                key={c}
                className={`tcell ${table.editable[j] ? "editable-head" : ""}`}
                style={{ width: widths[j] }}
                title={units?.[c] ? `${c} (${units[c]})` : c}
              >
                {units?.[c] ? (
                  <span>
                    {wrapName(c)}
                    <span className="tunit" style={{ display: "block", fontWeight: 400, color: "var(--muted)" }}>
                      {units[c]}
                    </span>
                  </span>
                ) : (
                  wrapName(c)
                )}
              </div>
            ))}
          </div>
          {rows}
        </div>
      </div>
    </>
  );
}
