/** One `set` for every row of the table's view, e.g. `network.group("apical").set("radius", 0.3)`. */
import { useEffect, useState } from "react";
import type { TableData } from "../../protocol/model.js";
import { useActions } from "../session-context.js";

export function SetAllRows({ table }: { table: TableData }) {
  const a = useActions();
  const keys = table.columns.filter((_, j) => table.editable[j]);
  const [key, setKey] = useState(keys.includes("radius") ? "radius" : (keys[0] ?? ""));
  const [value, setValue] = useState("");
  useEffect(() => {
    if (!keys.includes(key) && keys.length) setKey(keys[0]);
  }, [keys, key]);
  const v = Number(value);
  const ok = value.trim() !== "" && Number.isFinite(v) && keys.includes(key);
  return (
    <form
      className="set-all"
      onSubmit={(e) => {
        e.preventDefault();
        if (ok) void a.setColumn(key, v);
      }}
    >
      <span className="muted">Set for all {table.index.length} rows:</span>
      <select value={key} onChange={(e) => setKey(e.target.value)} data-testid="set-all-key">
        {keys.map((k) => (
          <option key={k}>{k}</option>
        ))}
      </select>
      <span>=</span>
      <input
        value={value}
        onChange={(e) => setValue(e.target.value)}
        placeholder="value"
        data-testid="set-all-value"
        style={{ width: 80 }}
      />
      <button type="submit" disabled={!ok} data-testid="set-all-apply">
        Set
      </button>
      <span className="muted">· click a blue cell to edit one row</span>
    </form>
  );
}
