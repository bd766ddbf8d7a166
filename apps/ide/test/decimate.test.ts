import { describe, expect, it } from "vitest";
import { minMaxDecimate } from "../src/ui/plots/decimate.js";
import { tracesFigure } from "../src/ui/plots/trace-data.js";

describe("min/max decimation of traces for drawing", () => {
  it("keeps every extreme exactly (value and time) and thins to at most 2 points a column", () => {
    const n = 1_000_003;
    const ys = new Float32Array(n);
    let seed = 7;
    for (let k = 0; k < n; k++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      ys[k] = Math.sin(k / 5000) * 50 + (seed / 2 ** 31 - 0.5);
    }
    ys[123_457] = 1000; // a one-sample spike
    ys[876_543] = -999;
    const columns = 500;
    const dt = 0.025;
    const d = minMaxDecimate(ys, columns, 0, dt);
    expect(d.x.length).toBeLessThanOrEqual(2 * columns);
    expect(d.x.length).toBe(d.y.length);
    // Each column's minimum and maximum, at their own times.
    for (let c = 0; c < columns; c++) {
      const from = Math.floor((c * n) / columns);
      const to = Math.floor(((c + 1) * n) / columns);
      let lo = from;
      let hi = from;
      for (let k = from; k < to; k++) {
        if (ys[k] < ys[lo]) lo = k;
        if (ys[k] > ys[hi]) hi = k;
      }
      for (const k of [lo, hi]) {
        const i = d.x.indexOf(+(k * dt).toFixed(9));
        expect(i, `column ${c} sample ${k}`).toBeGreaterThanOrEqual(0);
        expect(d.y[i]).toBe(ys[k]);
      }
    }
    expect(Math.max(...d.y)).toBe(1000);
    expect(d.x[d.y.indexOf(1000)]).toBe(+(123_457 * dt).toFixed(9));
    expect(Math.min(...d.y)).toBe(-999);
    // Times increase (the line is drawn in time order).
    for (let i = 1; i < d.x.length; i++) expect(d.x[i]).toBeGreaterThan(d.x[i - 1]);
  });

  it("returns short traces whole", () => {
    const d = minMaxDecimate([3, 1, 4, 1, 5], 10, 1, 0.5);
    expect(d).toEqual({ x: [1, 1.5, 2, 2.5, 3], y: [3, 1, 4, 1, 5] });
  });

  it("draws a 4-million-sample run as a few thousand points", () => {
    const nSamples = 4_000_001;
    const values = new Float32Array(nSamples).fill(-65);
    values[2_000_000] = 30;
    const { data } = tracesFigure(
      [{ label: "run 1", traces: { dt: 1e-6, nSamples, ms: 0, rows: [{ label: "v", values }] } }],
      {},
    );
    const y = data[0].y as number[];
    expect(y.length).toBeLessThanOrEqual(4000);
    expect(Math.max(...y)).toBe(30);
  });
});
