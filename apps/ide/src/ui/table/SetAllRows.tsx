/** One `set` for every row of the table's view, e.g. `network.group("apical").set("radius", 0.3)`. */
import { useEffect, useState } from "react";
import type { TableData } from "../../protocol/model.js";
import { useActions } from "../session-context.js";
import { readCellValue } from "./cell-value.js";

/** `where`: the view the table mirrors, e.g. `network.group("apical")` (named in messages). */
export function SetAllRows({ table, where }: { table: TableData; where: string }) {
  const a = useActions();
  const keys = table.columns.filter((_, j) => table.editable[j]);
  const [key, setKey] = useState(keys.includes("radius") ? "radius" : (keys[0] ?? ""));
  const [value, setValue] = useState("");
  useEffect(() => {
    if (!keys.includes(key) && keys.length) setKey(keys[0]);
  }, [keys, key]);
  const read = readCellValue(value, key, table.rules?.[table.columns.indexOf(key)], where);
  const ok = read.ok === true && keys.includes(key);
  return (
    <>
      <form
        className="set-all"
        onSubmit={(e) => {
          e.preventDefault();
          if (ok) void a.setColumn(key, read.value);
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
      {read.ok === false && (
        <div className="table-problem" role="alert" data-testid="set-all-problem">
          {read.message}
        </div>
      )}
    </>
  );
}
