/**
 * Traces as CSV for download (loaded on first use): the inverse of `parseTraceCsv` in
 * ./csv.ts, so that an exported file reads back as a training target.
 */

/** What the CSV export needs of a run. */
export interface CsvRun {
  label: string;
  traces: {
    dt: number;
    nSamples: number;
    rows: ReadonlyArray<{ label: string; values: ArrayLike<number>; place?: string; state?: string; unit?: string }>;
  };
}

/** A header cell without the separators `parseTraceCsv` splits on (so an export reads back as a target). */
const headerCell = (s: string) => s.replace(/\s*[,;\t"\r\n]+\s*/g, " ").trim();

/** The shortest decimal that reads back as the same float32 (traces are float32). */
function float32Text(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  for (let p = 6; p < 9; p++) {
    const s = Number(v.toPrecision(p));
    if (Math.fround(s) === v) return String(s);
  }
  return String(Number(v.toPrecision(9)));
}

/** A time in ms without float noise (k * dt to 9 decimals). */
const timeText = (k: number, dt: number) => String(+(k * dt).toFixed(9));

/**
 * Traces as CSV: `t (ms)`, then one column per recording headed by place, quantity and
 * unit (`cell 0 · branch 0 · comp 0 · v (mV)`), for the latest run; with earlier runs,
 * every header starts with its run's label (`run 2: Set radius = 2 | ...`), and a run
 * whose time grid differs from the latest's gets a time column of its own (cells past
 * the end of a shorter run are empty). Lines end in `\n`.
 */
export function tracesToCsv(runs: readonly CsvRun[]): string {
  if (runs.length === 0) return "";
  const latest = runs[runs.length - 1];
  const ordered = [latest, ...runs.slice(0, -1)];
  const many = runs.length > 1;
  const header: string[] = [];
  const columns: Array<(k: number) => string> = [];
  const sameGrid = (r: CsvRun) => r.traces.dt === latest.traces.dt && r.traces.nSamples === latest.traces.nSamples;
  for (const run of ordered) {
    const prefix = many ? `${headerCell(run.label)} | ` : "";
    const n = run.traces.nSamples;
    const { dt } = run.traces;
    if (run === latest) header.push("t (ms)");
    else if (!sameGrid(run)) header.push(`${prefix}t (ms)`);
    if (run === latest || !sameGrid(run)) columns.push((k) => (k < n ? timeText(k, dt) : ""));
    for (const row of run.traces.rows) {
      const parts = row.label.split(" · ");
      const state = row.state ?? parts[parts.length - 1];
      const place = row.place ?? parts.slice(0, -1).join(" · ");
      const unit = row.unit ?? (state === "v" ? "mV" : "");
      header.push(headerCell(`${prefix}${place} · ${state}${unit ? ` (${unit})` : ""}`));
      const values = row.values;
      columns.push((k) => (k < n ? float32Text(values[k]) : ""));
    }
  }
  const nRows = Math.max(...runs.map((r) => r.traces.nSamples));
  const lines = [header.join(",")];
  for (let k = 0; k < nRows; k++) lines.push(columns.map((c) => c(k)).join(","));
  return `${lines.join("\n")}\n`;
}
