/**
 * The size limits of a run (issue 12, point 5): too many samples, too much recording
 * memory and a tMax shorter than one step are refused in words before anything is
 * allocated, by every entry that runs a simulation.
 */
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import { MAX_RECORDING_BYTES as FROM_RULES, MAX_STEPS as STEPS_FROM_RULES } from "../../src/rules.js";
import { planRun } from "../../src/run/options.js";
import * as sim from "../../src/sim.js";
import { HH } from "../../src/channels.js";

function recorded(rows = 1): jx.Cell {
  const cell = new jx.Cell(new jx.Branch(new jx.Compartment(), Math.max(rows, 1)), [-1]);
  cell.insert(new HH());
  cell
    .branch(0)
    .comp(Array.from({ length: rows }, (_, i) => i))
    .record("v");
  return cell;
}

function refusal(run: () => unknown): jx.DendrolabError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(jx.DendrolabError);
    return e as jx.DendrolabError;
  }
  throw new Error("expected a refusal");
}

describe("run size limits", () => {
  it("are exported by the main entry, /sim and /rules", () => {
    expect(jx.MAX_STEPS).toBe(1e7);
    expect(sim.MAX_STEPS).toBe(1e7);
    expect(STEPS_FROM_RULES).toBe(1e7);
    expect(FROM_RULES).toBe(2 ** 30);
  });

  it("refuse more than MAX_STEPS samples in words (the issue's link: 100 s at 0.000833 ms)", () => {
    for (const run of [
      () => jx.integrate(recorded(), { tMax: 100_000, deltaT: 0.000833 }),
      () => jx.simulate(recorded(), { tMax: 100_000, deltaT: 0.000833 }),
      () => jx.simulateWatched(recorded(), { tMax: 100_000, deltaT: 0.000833 }),
      () => jx.integrateBatch(recorded(), [{ tMax: 100_000, deltaT: 0.000833 }]),
    ]) {
      const e = refusal(run);
      expect(e.code).toBe("INVALID_ARGUMENT");
      expect(e.message).toMatch(/120,048,020 samples; a run may have at most 10,000,000 \(MAX_STEPS\)/);
      expect(e.message).toMatch(/raise deltaT to at least 0\.0100 ms or shorten tMax to at most 8330 ms/);
      expect(e.message).not.toMatch(/Invalid typed array length/);
    }
  });

  it("accept exactly MAX_STEPS samples and refuse one more (planned, not run)", () => {
    const cell = recorded();
    expect(planRun(cell.base, { tMax: (jx.MAX_STEPS - 1) * 0.5, deltaT: 0.5 }).nSteps).toBe(jx.MAX_STEPS - 1);
    const over = () => planRun(cell.base, { tMax: jx.MAX_STEPS * 0.5, deltaT: 0.5 });
    expect(refusal(over).message).toMatch(/10,000,001 samples/);
  });

  it("refuse recordings above MAX_RECORDING_BYTES, naming rows, samples and the limit", () => {
    const e = refusal(() => jx.simulate(recorded(20), { tMax: 200_000, deltaT: 0.025 }));
    expect(e.message).toMatch(
      /20 recordings of 8,000,001 samples take 1\.19 GiB; the recordings of a run may take at most 1\.00 GiB \(MAX_RECORDING_BYTES\)\. Record fewer compartments or states, or run at most 6,710,886 samples/,
    );
  });

  it("refuse a tMax shorter than one step (it used to give 0 steps silently)", () => {
    for (const tMax of [0, 0.01]) {
      const e = refusal(() => jx.simulate(recorded(), { tMax, deltaT: 0.025 }));
      expect(e.message).toMatch(new RegExp(`tMax ${tMax} ms is shorter than one step \\(deltaT 0\\.025 ms\\)`));
    }
    expect(jx.simulate(recorded(), { tMax: 0.025, deltaT: 0.025 }).nSamples).toBe(2);
  });

  it("refuse non-finite, negative and string tMax and deltaT, saying what was given", () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ tMax: Number.NaN }, /tMax must be a finite number of ms >= 0; got NaN/],
      [{ tMax: Number.POSITIVE_INFINITY }, /tMax must be a finite number of ms >= 0; got Infinity/],
      [{ tMax: -5 }, /tMax must be a finite number of ms >= 0; got -5/],
      [{ tMax: "10" }, /tMax must be a finite number of ms >= 0; got "10" \(a string: give a number\)/],
      [
        { tMax: 10, deltaT: "0.025" },
        /deltaT must be a finite number of ms > 0; got "0.025" \(a string: give a number\)/,
      ],
      [{ tMax: 10, deltaT: Number.NaN }, /deltaT must be a finite number of ms > 0; got NaN/],
      [{ tMax: 10, deltaT: 0 }, /deltaT must be a finite number of ms > 0; got 0/],
    ];
    for (const [opts, message] of cases) expect(refusal(() => jx.simulate(recorded(), opts)).message).toMatch(message);
  });

  it("check a run set by its stimuli too (no tMax)", () => {
    const cell = recorded();
    // A timed-free stimulus of 3 samples runs 2 steps; its length is what the limit sees.
    cell.branch(0).comp(0).stimulate(new Float64Array(3));
    expect(jx.simulate(cell, {}).nSamples).toBe(3);
  });
});
