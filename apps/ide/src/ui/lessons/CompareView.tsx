/**
 * The teacher's Compare view: hand-in links pasted (or a text file of them dropped or
 * picked) become a table of students × checks and their traces overlaid. Everything is
 * decoded in the browser: the links are the data.
 */
import { useEffect, useState } from "react";
import type { HandIn } from "../../lessons/handin.js";
import { decodeHandIn } from "../../session/lesson-links.js";
import { Plot } from "../plots/Plot.js";
import { useActions } from "../session-context.js";
import { checkColumns, findHandInLinks, lessonTitles, overlayTraces, shortLabel } from "./compare-data.js";
import "./lessons.css";

export function CompareView({ links: initial }: { links: string }) {
  const a = useActions();
  const [text, setText] = useState(initial);
  const [handIns, setHandIns] = useState<HandIn[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [row, setRow] = useState(0);
  useEffect(() => {
    let live = true;
    void (async () => {
      const found = findHandInLinks(text);
      const decoded = await Promise.all(found.map((f) => decodeHandIn(f.link)));
      if (!live) return;
      setHandIns(decoded.flatMap((d) => (d.ok ? [d.value] : [])));
      setProblems(decoded.flatMap((d, i) => (d.ok ? [] : [`line ${found[i].line}: ${d.message}`])));
    })();
    return () => {
      live = false;
    };
  }, [text]);
  /** Appends the text of a dropped or picked file of links (at most 20 MB). */
  const addFile = async (file: File | undefined) => {
    if (!file || file.size > 20_000_000) return;
    const added = await file.text();
    setText((t) => `${t}${t && !t.endsWith("\n") ? "\n" : ""}${added}`);
  };
  const columns = checkColumns(handIns);
  const nRows = Math.max(0, ...handIns.map((h) => h.traces.length));
  const labels = handIns.find((h) => h.traces.length > 0)?.traces.map((t) => t.label) ?? [];
  return (
    <div
      className="lesson-overlay"
      role="dialog"
      aria-label="Compare hand-ins"
      data-testid="compare-view"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        e.stopPropagation();
        void addFile(e.dataTransfer.files[0]);
      }}
    >
      <header>
        <h2>Compare hand-ins</h2>
        <label className="lesson-file">
          Open a text file of links…
          <input
            type="file"
            accept=".txt,text/plain"
            onChange={(e) => void addFile(e.target.files?.[0])}
            data-testid="compare-file"
          />
        </label>
        <button type="button" onClick={() => void a.setLessonTool(null)} aria-label="Close Compare">
          ×
        </button>
      </header>
      <textarea
        className="compare-links"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="Paste the students' hand-in links here, one per line (or drop a text file of them)."
        rows={4}
        data-testid="compare-links"
      />
      {problems.length > 0 && (
        <ul className="lesson-problems" data-testid="compare-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {handIns.length > 0 && (
        <div className="compare-grid">
          <p className="muted" data-testid="compare-lessons">
            {handIns.length} hand-in{handIns.length === 1 ? "" : "s"} of {lessonTitles(handIns).join(", ")}
          </p>
          <table className="compare-table" data-testid="compare-table">
            <thead>
              <tr>
                <th>Student</th>
                <th>Passed</th>
                {columns.map((c) => (
                  <th key={c} title={c}>
                    {shortLabel(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {handIns.map((h, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: two hand-ins may be the same link pasted twice
                <tr key={`${h.name}-${h.at}-${i}`} data-testid="compare-row">
                  <td title={`handed in ${h.at}`}>{h.name}</td>
                  <td>
                    {h.checks.filter((c) => c.pass).length}/{h.checks.length}
                  </td>
                  {columns.map((c) => {
                    const found = h.checks.find((k) => k.label === c);
                    return (
                      <td key={c} className={found ? (found.pass ? "pass" : "fail") : ""}>
                        {found ? (found.pass ? "✓" : "✗") : "—"}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <div className="compare-traces">
            {nRows > 1 && (
              <select value={row} onChange={(e) => setRow(Number(e.target.value))} aria-label="Trace">
                {Array.from({ length: nRows }, (_, r) => (
                  <option key={labels[r] ?? r} value={r}>
                    {labels[r] ?? `trace ${r}`}
                  </option>
                ))}
              </select>
            )}
            <Plot
              data={overlayTraces(handIns, row)}
              layout={{
                xaxis: { title: { text: "t (ms)" } },
                yaxis: { title: { text: labels[row] ?? "" } },
              }}
              testid="compare-plot"
            />
          </div>
        </div>
      )}
    </div>
  );
}
