/**
 * Target traces from a CSV file: a time column (ms) then one column per recording,
 * with an optional header row; resampled onto the simulation's time grid.
 */

export type CsvResult = { ok: true; t: number[]; names: string[]; rows: number[][] } | { ok: false; message: string };

/** Parses `t, trace1, trace2, ...` rows (comma, semicolon or tab separated). */
export function parseTraceCsv(text: string, maxRows = 1_000_000): CsvResult {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
  if (lines.length === 0) return { ok: false, message: "The CSV file is empty." };
  const split = (l: string) => l.split(/[,;\t]/).map((c) => c.trim());
  let names: string[] = [];
  const first = split(lines[0]);
  const hasHeader = first.some((c) => c !== "" && !Number.isFinite(Number(c)));
  if (hasHeader) {
    names = first.slice(1);
    lines.shift();
  }
  if (lines.length < 2)
    return {
      ok: false,
      message: "The CSV file needs at least two rows of numbers (time in ms, then one column per trace).",
    };
  if (lines.length > maxRows)
    return { ok: false, message: `The CSV file has ${lines.length} rows; at most ${maxRows} are read.` };
  const width = split(lines[0]).length;
  if (width < 2) return { ok: false, message: "The CSV file needs a time column (ms) and at least one trace column." };
  const t: number[] = [];
  const rows: number[][] = Array.from({ length: width - 1 }, () => []);
  for (let i = 0; i < lines.length; i++) {
    const cells = split(lines[i]).map(Number);
    const lineNo = i + 1 + (hasHeader ? 1 : 0);
    if (cells.length !== width)
      return {
        ok: false,
        message: `Row ${lineNo} of the CSV has ${cells.length} columns; the first data row has ${width}.`,
      };
    const badCol = cells.findIndex((v) => !Number.isFinite(v));
    if (badCol >= 0) return { ok: false, message: `Row ${lineNo}, column ${badCol + 1} of the CSV is not a number.` };
    if (t.length > 0 && cells[0] <= t[t.length - 1])
      return {
        ok: false,
        message: `Row ${lineNo} of the CSV: time must increase (got ${cells[0]} after ${t[t.length - 1]}).`,
      };
    t.push(cells[0]);
    for (let j = 1; j < cells.length; j++) rows[j - 1].push(cells[j]);
  }
  if (names.length !== width - 1) names = rows.map((_, j) => `trace ${j}`);
  return { ok: true, t, names, rows };
}

/** Linear interpolation of (t, values) at k * dt for k = 0 .. nSamples - 1 (held flat outside). */
export function resample(t: readonly number[], values: readonly number[], dt: number, nSamples: number): Float64Array {
  const out = new Float64Array(nSamples);
  let j = 0;
  for (let k = 0; k < nSamples; k++) {
    const tk = k * dt;
    while (j < t.length - 2 && t[j + 1] < tk) j++;
    if (tk <= t[0]) out[k] = values[0];
    else if (tk >= t[t.length - 1]) out[k] = values[values.length - 1];
    else {
      const f = (tk - t[j]) / (t[j + 1] - t[j]);
      out[k] = values[j] + f * (values[j + 1] - values[j]);
    }
  }
  return out;
}

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
