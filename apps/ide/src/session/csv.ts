/**
 * Target traces from a CSV file: a time column (ms) then one column per recording,
 * with an optional header row; resampled onto the simulation's time grid by the trainer
 * worker (protocol/resample.ts).
 */
export { resample } from "../protocol/resample.js";

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
