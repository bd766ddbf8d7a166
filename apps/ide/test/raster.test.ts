import { describe, expect, it } from "vitest";
import { rasterOf, spikeTimes } from "../src/ui/plots/raster-data.js";

describe("spike raster", () => {
  it("finds upward crossings only, interpolated between samples", () => {
    const t = spikeTimes([-70, -10, 10, 20, -60, 5, 0, 7], 0.5, 0);
    expect(t.map((x) => +x.toFixed(6))).toEqual([0.75, +(0.5 * (4 + 60 / 65)).toFixed(6)]);
    // At the threshold counts as crossed once; staying above does not count again.
    expect(spikeTimes([-1, 0, 1, 0, -1, 0], 1, 0)).toEqual([1, 5]);
    expect(spikeTimes([5, 6, 7], 1, 0)).toEqual([]);
    expect(spikeTimes([-70, -30, -70], 1, -40)).toEqual([0.75]);
  });

  it("takes the first voltage trace of each cell and gives the mean rate in Hz", () => {
    const row = (place: string, state: string, v: number[]) => ({
      label: `${place} · ${state}`,
      place,
      state,
      unit: state === "v" ? "mV" : "1",
      values: Float32Array.from(v),
    });
    const r = rasterOf(
      {
        dt: 250,
        nSamples: 5,
        ms: 0,
        rows: [
          row("cell 2 · branch 0 · comp 0", "v", [-70, 10, -70, 10, -70]),
          row("cell 2 · branch 1 · comp 0", "v", [-70, 10, -70, 10, 10]),
          row("cell 0 · branch 0 · comp 0", "Na_m", [0, 1, 0, 1, 0]),
          row("cell 0 · branch 0 · comp 1", "v", [-70, -70, -70, 10, -70]),
          row("synapse 0", "v", [0, 1, 0, 1, 0]),
        ],
      },
      0,
    );
    expect(r.cells).toEqual([0, 2]);
    expect(r.spikes.map((s) => s.length)).toEqual([1, 2]);
    expect(r.nSpikes).toBe(3);
    expect(r.tMax).toBe(1000);
    expect(r.meanRateHz).toBe(1.5);
  });
});
