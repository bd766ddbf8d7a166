/**
 * The model's synapses as the library's `.edges` table: type, where each one goes, and
 * its parameters and states. A parameter cell edits one synapse
 * (`network.edge(i).set(key, value)`); "Set for all synapses" writes `network.edge("all").set(...)`.
 */
import { useEffect, useState } from "react";
import type { TableData } from "../../protocol/model.js";
import { useActions, useSessionState } from "../session-context.js";

/** Rows shown at most (a large network's synapses are many; the script edits them all). */
const MAX_ROWS = 300;

const fmt = (v: number | boolean | string) => (typeof v === "number" ? String(Number(v.toPrecision(5))) : String(v));

function SetAllEdges({ keys }: { keys: string[] }) {
  const a = useActions();
  const [key, setKey] = useState(keys[0] ?? "");
  const [value, setValue] = useState("");
  const k = keys.includes(key) ? key : (keys[0] ?? "");
  const v = Number(value);
  const ok = value.trim() !== "" && Number.isFinite(v) && k !== "";
  return (
    <form
      className="set-all"
      onSubmit={(e) => {
        e.preventDefault();
        if (ok) void a.setEdge("all", k, v);
      }}
    >
      <span className="muted">Set for all synapses:</span>
      <select value={k} onChange={(e) => setKey(e.target.value)} data-testid="edges-set-key">
        {keys.map((x) => (
          <option key={x}>{x}</option>
        ))}
      </select>
      <span>=</span>
      <input
        value={value}
        onChange={(e) => setValue(e.target.value)}
        placeholder="value"
        style={{ width: 80 }}
        data-testid="edges-set-value"
      />
      <button type="submit" disabled={!ok} data-testid="edges-set-apply">
        Set
      </button>
    </form>
  );
}

export function EdgesTable() {
  const a = useActions();
  const model = useSessionState((s) => s.model);
  const [table, setTable] = useState<TableData | null>(null);
  const [editing, setEditing] = useState<{ row: number; col: number } | null>(null);
  useEffect(() => {
    let live = true;
    if (model) void a.edgeTable().then((t) => live && setTable(t));
    return () => {
      live = false;
    };
  }, [model, a]);
  if (!table) return null;
  const n = table.index.length;
  if (n === 0) return <p className="muted">No synapses yet: connect two selections or groups above.</p>;
  const col = (name: string) => table.data[table.columns.indexOf(name)] ?? [];
  const shown = table.columns.map((c, j) => ({ c, j })).filter(({ c, j }) => table.editable[j] && c !== "type");
  const where = (side: "pre" | "post", r: number) =>
    `${col(`${side}_global_cell_index`)[r]} · ${col(`${side}_global_branch_index`)[r]} · ${col(`${side}_global_comp_index`)[r]}`;
  const commit = (r: number, key: string, text: string) => {
    setEditing(null);
    const v = Number(text);
    if (text.trim() === "" || !Number.isFinite(v) || v === table.data[table.columns.indexOf(key)][r]) return;
    void a.setEdge([table.index[r]], key, v);
  };
  return (
    <div className="edges" data-testid="edges">
      <SetAllEdges keys={shown.map((s) => s.c)} />
      <div className="edges-scroll">
        <table className="params edges-table" data-testid="edges-table">
          <thead>
            <tr>
              <th>edge</th>
              <th>type</th>
              <th>pre cell · branch · comp</th>
              <th>post cell · branch · comp</th>
              {shown.map(({ c }) => (
                <th key={c} className="mono">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.index.slice(0, MAX_ROWS).map((e, r) => (
              <tr key={e} data-testid="edge-row">
                <td>{e}</td>
                <td>{String(col("type")[r])}</td>
                <td>{where("pre", r)}</td>
                <td>{where("post", r)}</td>
                {shown.map(({ c, j }) => (
                  <td key={c} data-col={c}>
                    {editing?.row === r && editing.col === j ? (
                      <input
                        // biome-ignore lint/a11y/noAutofocus: the editor opens because the user asked to edit this cell
                        autoFocus
                        defaultValue={String(table.data[j][r])}
                        style={{ width: 80 }}
                        data-testid="edge-cell-editor"
                        onBlur={(ev) => commit(r, c, ev.currentTarget.value)}
                        onKeyDown={(ev) => {
                          if (ev.key === "Enter") commit(r, c, ev.currentTarget.value);
                          if (ev.key === "Escape") setEditing(null);
                        }}
                      />
                    ) : (
                      <button type="button" className="cell-edit" onClick={() => setEditing({ row: r, col: j })}>
                        {fmt(table.data[j][r])}
                      </button>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {n > MAX_ROWS && (
        <p className="muted">
          Showing {MAX_ROWS} of {n} synapses.
        </p>
      )}
    </div>
  );
}
