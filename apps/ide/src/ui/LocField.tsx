/**
 * Where on a selected branch instruments go: `loc(x)`, x from 0 to 1 along the branch
 * (the library's `loc`); empty means the branch's first compartment.
 */
import { useEffect, useState } from "react";

export function LocField({ value, onChange }: { value: number | null; onChange: (x: number | null) => void }) {
  const [text, setText] = useState(value === null ? "" : String(value));
  const [bad, setBad] = useState(false);
  useEffect(() => setText(value === null ? "" : String(value)), [value]);
  const commit = () => {
    if (text.trim() === "") {
      setBad(false);
      onChange(null);
      return;
    }
    const x = Number(text);
    const ok = Number.isFinite(x) && x >= 0 && x <= 1;
    setBad(!ok);
    if (ok) onChange(x);
  };
  return (
    <label
      className="field"
      style={{ marginLeft: 8 }}
      title="On selected branches, place instruments at loc(x): x from 0 (start) to 1 (end) of the branch. Empty: the first compartment."
    >
      <span>on branches at loc(</span>
      <input
        type="text"
        inputMode="decimal"
        placeholder="0..1"
        value={text}
        style={{ width: 44, borderColor: bad ? "#c0392b" : undefined }}
        aria-invalid={bad}
        data-testid="instrument-loc"
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === "Enter" && commit()}
      />
      <span>)</span>
      {bad && <span className="console-error">x must be a number from 0 to 1</span>}
    </label>
  );
}
