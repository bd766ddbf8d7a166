/** A sweep's custom summary as the script worker evaluates it (sandbox/sweep-expression.ts). */
import { describe, expect, it } from "vitest";
import { evaluateSummaries, max, mean, min, spikes } from "../src/sandbox/sweep-expression.js";
import { summaryTimeoutMs } from "../src/sandbox/limits.js";
import { summarise } from "../src/session/sweep-summary.js";

/** -65 mV with a 1-ms spike to +30 mV at each of `at` (ms), every `dt` ms for `tMax` ms. */
function spiky(at: number[], tMax = 50, dt = 0.1): Float32Array {
  const v = new Float32Array(Math.round(tMax / dt) + 1).fill(-65);
  for (const t0 of at) for (let i = Math.round(t0 / dt); i < Math.round((t0 + 1) / dt); i++) v[i] = 30;
  return v;
}

const runs = [spiky([]), spiky([10]), spiky([10, 30])];

describe("custom sweep summaries", () => {
  it("evaluates an expression of v on every run", () => {
    expect(evaluateSummaries("max(v) - min(v)", runs, 0.1)).toEqual({ ok: true, values: [0, 95, 95] });
    expect(evaluateSummaries("v[v.length - 1]", runs, 0.1)).toEqual({ ok: true, values: [-65, -65, -65] });
    // Spikes per 50 ms as a rate (Hz): the built-in rate's numbers.
    const rate = evaluateSummaries("spikes(v, -20) / 0.05", runs, 0.1);
    expect(rate).toEqual({ ok: true, values: runs.map((v) => summarise("rate", v, 0.1)) });
    expect(rate.ok && rate.values).toEqual([0, 20, 40]);
  });

  it("gives t (ms) and dt, and helpers on samples or numbers", () => {
    expect(evaluateSummaries("t[t.length - 1] + dt", [new Float32Array(11)], 0.5)).toEqual({ ok: true, values: [5.5] });
    // Time of the peak: t at the first sample equal to the maximum.
    expect(evaluateSummaries("t[v.indexOf(max(v))]", [spiky([12])], 0.1)).toEqual({ ok: true, values: [12] });
    expect(spikes([-70, 10, -70, 20])).toBe(2);
    expect(spikes([-70, -30, -10], -20)).toBe(1);
    expect([max([1, 5, 2]), min([1, 5, 2]), mean([1, 5, 3]), max(1, 7, 3), min(4, 2)]).toEqual([5, 1, 3, 7, 2]);
    expect(max([])).toBeNaN();
    expect(evaluateSummaries("Math.abs(min(v))", [spiky([])], 0.1)).toEqual({ ok: true, values: [65] });
    // NaN is a number: a run without a value, drawn as a gap.
    expect(evaluateSummaries("mean([])", [spiky([])], 0.1)).toEqual({ ok: true, values: [Number.NaN] });
  });

  it("says which run threw, or gave a value that is not a number", () => {
    expect(evaluateSummaries("spikes(v) > 0 ? v.nope.x : 1", runs, 0.1)).toEqual({
      ok: false,
      run: 1,
      message: expect.stringMatching(/Cannot read properties of undefined \(reading 'x'\)/),
    });
    expect(evaluateSummaries("spikes(v) > 0", runs, 0.1)).toEqual({
      ok: false,
      run: 0,
      message: "gave false, where a number is expected",
    });
    expect(evaluateSummaries("v", runs, 0.1)).toMatchObject({
      run: 0,
      message: "gave an array of 501 numbers, where a number is expected",
    });
    expect(evaluateSummaries("'12'", runs, 0.1)).toMatchObject({ message: 'gave "12", where a number is expected' });
    expect(evaluateSummaries("max(3 > 2 ? 'a' : v)", runs, 0.1)).toMatchObject({
      run: 0,
      message: 'max() takes samples such as v, got "a"',
    });
  });

  it("refuses an expression that does not compile or is empty, before any run", () => {
    const heard: number[] = [];
    const r = evaluateSummaries("max(v", runs, 0.1, (k) => heard.push(k));
    expect(r).toMatchObject({ ok: false, run: null });
    expect(!r.ok && r.message).toMatch(/missing \) after argument list|Unexpected/);
    expect(heard).toEqual([]);
    expect(evaluateSummaries("  ", runs, 0.1)).toEqual({ ok: false, run: null, message: "the expression is empty" });
  });

  it("hears of each run before it is evaluated (the relay names the run of an endless loop)", () => {
    const heard: number[] = [];
    evaluateSummaries("spikes(v)", runs, 0.1, (k) => heard.push(k));
    expect(heard).toEqual([0, 1, 2]);
  });

  it("gives an evaluation 1.5 s plus 1 µs per sample, at most 20 s", () => {
    expect(summaryTimeoutMs([])).toBe(1500);
    expect(summaryTimeoutMs(Array.from({ length: 400 }, () => new Float32Array(8001)))).toBeCloseTo(4700.4, 6);
    expect(summaryTimeoutMs([new Float32Array(1e8)])).toBe(20_000);
  });
});
