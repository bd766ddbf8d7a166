import { describe, expect, it } from "vitest";
import { parseTraceCsv } from "../src/session/csv.js";
import { tracesToCsv } from "../src/session/csv-export.js";

const row = (state: string, unit: string, values: number[]) => ({
  label: `cell 0 · branch 0 · comp 0 · ${state}`,
  place: "cell 0 · branch 0 · comp 0",
  state,
  unit,
  values: Float32Array.from(values),
});

describe("traces as CSV", () => {
  it("writes time then one column per recording, headed by place, quantity and unit, float32-exact", () => {
    const v = [-70, -65.123456789, 20.5, 1e-7];
    const m = [0.05, 0.1, 0.9, 0.3333333];
    const csv = tracesToCsv([
      { label: "run 1: Edit script", traces: { dt: 0.1, nSamples: 4, rows: [row("v", "mV", v), row("Na_m", "1", m)] } },
    ]);
    const lines = csv.trimEnd().split("\n");
    expect(lines[0]).toBe("t (ms),cell 0 · branch 0 · comp 0 · v (mV),cell 0 · branch 0 · comp 0 · Na_m (1)");
    expect(lines).toHaveLength(5);
    const parsed = parseTraceCsv(csv);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.t).toEqual([0, 0.1, 0.2, 0.3]);
    expect(parsed.rows[0].map(Math.fround)).toEqual(Array.from(Float32Array.from(v)));
    expect(parsed.rows[1].map(Math.fround)).toEqual(Array.from(Float32Array.from(m)));
  });

  it("labels earlier runs, the latest first; a run on another time grid gets its own time column", () => {
    const csv = tracesToCsv([
      { label: "run 1: dt, 0.2", traces: { dt: 0.2, nSamples: 2, rows: [row("v", "mV", [1, 2])] } },
      { label: "run 2: Edit", traces: { dt: 0.1, nSamples: 3, rows: [row("v", "mV", [3, 4, 5])] } },
    ]);
    const lines = csv.trimEnd().split("\n");
    expect(lines[0]).toBe(
      "t (ms),run 2: Edit | cell 0 · branch 0 · comp 0 · v (mV),run 1: dt 0.2 | t (ms),run 1: dt 0.2 | cell 0 · branch 0 · comp 0 · v (mV)",
    );
    expect(lines.slice(1)).toEqual(["0,3,0,1", "0.1,4,0.2,2", "0.2,5,,"]);
  });

  it("is empty without runs", () => {
    expect(tracesToCsv([])).toBe("");
  });
});
