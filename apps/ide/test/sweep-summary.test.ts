import { describe, expect, it } from "vitest";
import { SUMMARY_COLUMN, summaryColumn, sweepCsv, sweepCurve, valueColumn } from "../src/session/sweep-csv.js";
import { sweepValues } from "../src/session/sweep-settings.js";
import { spikeTimes, summarise, summaryLabel } from "../src/session/sweep-summary.js";

/** A trace sampled every `dt` ms with a 1-ms spike to +30 mV starting at each of `at` (ms), else -65 mV. */
function spiky(at: number[], tMax: number, dt: number): Float32Array {
  const v = new Float32Array(Math.round(tMax / dt) + 1).fill(-65);
  for (const t0 of at) for (let i = Math.round(t0 / dt); i < Math.round((t0 + 1) / dt); i++) v[i] = 30;
  return v;
}

describe("sweep summaries", () => {
  it("finds upward crossings of 0 mV, interpolated between samples", () => {
    expect(spikeTimes([-70, 10, -70, 20], 0.5)).toEqual([0.5 * (70 / 80), 0.5 * (2 + 70 / 90)]);
    expect(spikeTimes([-70, -10, -5], 1)).toEqual([]);
    // Staying above threshold is one spike; touching 0 from below counts.
    expect(spikeTimes([-1, 0, 5, 6, -3, 0], 1)).toEqual([1, 5]);
    expect(spikeTimes([-70, -30, -10], 1, -20)).toEqual([1.5]);
  });

  it("counts spikes, gives the rate in Hz over the whole trace, the peak and the first spike time", () => {
    const v = spiky([10, 30, 50, 70], 100, 0.025); // 4 spikes in 100 ms
    expect(summarise("spikes", v, 0.025)).toBe(4);
    expect(summarise("rate", v, 0.025)).toBeCloseTo(40, 10);
    expect(summarise("peak", v, 0.025)).toBe(30);
    expect(summarise("first", v, 0.025)).toBeCloseTo(10 - 0.025 + 0.025 * (65 / 95), 10);
  });

  it("gives no spike, a rate of 0 and no first spike (NaN) for a subthreshold trace", () => {
    const v = spiky([], 50, 0.1);
    expect(summarise("spikes", v, 0.1)).toBe(0);
    expect(summarise("rate", v, 0.1)).toBe(0);
    expect(summarise("peak", v, 0.1)).toBe(-65);
    expect(summarise("first", v, 0.1)).toBeNaN();
    expect(summarise("peak", [], 0.1)).toBeNaN();
  });

  it("labels the summaries with their units", () => {
    expect(summaryLabel("rate")).toBe("firing rate (Hz)");
    expect(summaryLabel("peak", "mV")).toBe("peak (mV)");
    expect(summaryLabel("first")).toBe("time to first spike (ms)");
    expect(summaryLabel("custom", "mV", "max(v) - min(v)")).toBe("max(v) - min(v)");
  });
});

describe("sweep values, curve and CSV", () => {
  it("spaces the values evenly with both ends included, and refuses a bad count", () => {
    expect(sweepValues({ from: 0, to: 1, points: 5 })).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(sweepValues({ from: 0.3, to: 0.1, points: 2 })).toEqual([0.3, 0.1]);
    expect(() => sweepValues({ from: 0, to: 1, points: 1 })).toThrow("A sweep takes 2 to 100 points; got 1.");
    expect(() => sweepValues({ from: 0, to: 1, points: 101 })).toThrow("got 101");
  });

  it("summarises the chosen recording of every run, and writes value and summary as CSV", () => {
    const dt = 0.1;
    const outcome = {
      values: [0, 0.5, 1],
      dt,
      nSamples: 501,
      labels: ["soma · v", "dend · v"],
      units: ["mV", "mV"],
      traces: [
        [spiky([], 50, dt), spiky([5], 50, dt)],
        [spiky([5], 50, dt), spiky([], 50, dt)],
        [spiky([5, 20], 50, dt), spiky([], 50, dt)],
      ],
      ms: 1,
      workers: 2,
    };
    expect(sweepCurve(outcome, "spikes", 0)).toEqual([0, 1, 2]);
    expect(sweepCurve(outcome, "spikes", 1)).toEqual([1, 0, 0]);
    expect(sweepCurve(outcome, "spikes", 7)).toEqual([1, 0, 0]); // clamped to the last recording
    const first = sweepCurve(outcome, "first", 0);
    expect(sweepCsv(["amplitude_nA"], SUMMARY_COLUMN.first, outcome, first).split("\n")).toEqual([
      "amplitude_nA,first_spike_ms",
      "0,",
      `0.5,${first[1]}`,
      `1,${first[2]}`,
      "",
    ]);
    expect(sweepCsv(["HH_gNa"], "spike_count", { values: [0.1, 0.2] }, [0, 3])).toBe(
      "HH_gNa,spike_count\n0.1,0\n0.2,3\n",
    );
  });

  it("names the swept quantities' columns with their units, and a custom summary by its expression", () => {
    expect(valueColumn({ vary: "stimulus", group: "", key: "Na_gNa" })).toBe("amplitude_nA");
    expect(valueColumn({ vary: "param", group: "fast_spiking", key: "Na_gNa" }, "S/cm²")).toBe(
      "fast_spiking.Na_gNa_S/cm²",
    );
    expect(valueColumn({ vary: "param", group: "soma", key: "radius" })).toBe("soma.radius");
    expect(summaryColumn("rate", "ignored")).toBe("rate_Hz");
    expect(summaryColumn("custom", "max(v) - min(v)")).toBe("max(v) - min(v)");
    // A comma or a quote would split or break the header: the cell is quoted.
    expect(summaryColumn("custom", 'spikes(v, -20) / 0.05 + "x".length')).toBe(
      '"spikes(v, -20) / 0.05 + ""x"".length"',
    );
  });

  it("writes a 2-D sweep as one row per run: both values, then the summary, the second value varying fastest", () => {
    const outcome = { values: [0, 0.5, 1], values2: [0.1, 0.2] };
    const csv = sweepCsv(["amplitude_nA", "fast_spiking.Na_gNa_S/cm²"], "spike_count", outcome, [0, 0, 1, 2, 3, 5]);
    expect(csv.trimEnd().split("\n")).toEqual([
      "amplitude_nA,fast_spiking.Na_gNa_S/cm²,spike_count",
      "0,0.1,0",
      "0,0.2,0",
      "0.5,0.1,1",
      "0.5,0.2,2",
      "1,0.1,3",
      "1,0.2,5",
    ]);
    // A run without a value (NaN) is an empty cell.
    expect(sweepCsv(["a", "b"], "s", { values: [1], values2: [2, 3] }, [Number.NaN, 4])).toBe("a,b,s\n1,2,\n1,3,4\n");
  });
});
