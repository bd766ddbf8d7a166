/** The sweep's plan: the setup as the model worker's job, its checks in words, and the runs of a 2-D grid. */
import { describe, expect, it } from "vitest";
import { DEFAULT_SWEEP } from "../src/session/defaults.js";
import { axisLabel, runCount, runValues, sweepJob } from "../src/session/sweep-plan.js";
import type { SweepSettings } from "../src/session/sweep-settings.js";

const SIM = { tMax: 20, dt: 0.025, solver: "bwd_euler" as const };
const gNa = { vary: "param" as const, group: "fast_spiking", key: "Na_gNa", from: 0.1, to: 0.5, points: 3 };
const amp = { vary: "stimulus" as const, group: "", key: "", from: 0, to: 1, points: 5 };
const grid: SweepSettings = { ...DEFAULT_SWEEP, ...gNa, second: amp };

describe("the sweep's plan", () => {
  it("makes a 1-D job of the first quantity alone", () => {
    const job = sweepJob({ ...DEFAULT_SWEEP, from: 0, to: 0.5, points: 3 }, SIM);
    expect(job).toEqual({ vary: { kind: "stimulus" }, values: [0, 0.25, 0.5], sim: SIM });
    expect(runCount(job)).toBe(3);
  });

  it("makes a 2-D job of every pair: n1 x n2 runs, the second quantity varying fastest", () => {
    const job = sweepJob(grid, SIM);
    expect(job.vary).toEqual({ kind: "param", group: "fast_spiking", key: "Na_gNa" });
    expect(job.values).toEqual([0.1, 0.30000000000000004, 0.5]);
    expect(job.second).toEqual({ vary: { kind: "stimulus" }, values: [0, 0.25, 0.5, 0.75, 1] });
    expect(runCount(job)).toBe(15);
    const outcome = { values: job.values, values2: job.second?.values };
    expect(runValues(outcome, 0)).toEqual([0.1, 0]);
    expect(runValues(outcome, 4)).toEqual([0.1, 1]);
    expect(runValues(outcome, 5)).toEqual([job.values[1], 0]);
    expect(runValues(outcome, 14)).toEqual([0.5, 1]);
    expect(runValues({ values: [1, 2] }, 1)).toEqual([2]);
  });

  it("takes two parameters of different groups, or two keys of one group", () => {
    const other = { ...gNa, group: "slow_spiking" };
    expect(sweepJob({ ...grid, second: other }, SIM).second?.vary).toEqual({
      kind: "param",
      group: "slow_spiking",
      key: "Na_gNa",
    });
    expect(runCount(sweepJob({ ...grid, second: { ...gNa, key: "K_gK", points: 2 } }, SIM))).toBe(6);
  });

  it("refuses the same quantity twice, a parameter not picked, and a grid over 400 runs, in words", () => {
    expect(() => sweepJob({ ...grid, second: gNa }, SIM)).toThrow(
      "Both quantities of the 2-D sweep are the Na_gNa of fast_spiking: vary two different ones",
    );
    expect(() => sweepJob({ ...DEFAULT_SWEEP, second: amp }, SIM)).toThrow(
      "Both quantities of the 2-D sweep are the clamp amplitude (nA)",
    );
    expect(() => sweepJob({ ...grid, second: { ...gNa, group: "" } }, SIM)).toThrow(
      "Pick a group and a parameter for the second quantity to vary.",
    );
    expect(() => sweepJob({ ...DEFAULT_SWEEP, vary: "param" }, SIM)).toThrow(
      "Pick a group and a parameter for the quantity to vary.",
    );
    expect(() => sweepJob({ ...grid, points: 30, second: { ...amp, points: 30 } }, SIM)).toThrow(
      "A 2-D sweep of 30 × 30 = 900 runs is too large: at most 400 runs (e.g. 20 × 20). Use fewer points.",
    );
    expect(runCount(sweepJob({ ...grid, points: 20, second: { ...amp, points: 20 } }, SIM))).toBe(400);
    expect(() => sweepJob({ ...grid, second: { ...amp, points: 1 } }, SIM)).toThrow(
      "The second quantity: A sweep takes 2 to 100 points; got 1.",
    );
  });

  it("labels a quantity with its unit", () => {
    expect(axisLabel(amp)).toBe("clamp amplitude (nA)");
    expect(axisLabel(gNa, "S/cm²")).toBe("Na_gNa of fast_spiking (S/cm²)");
    expect(axisLabel(gNa)).toBe("Na_gNa of fast_spiking");
  });
});
