import { describe, expect, it } from "vitest";
import {
  BASE_DEADLINE_MS,
  buildDeadlineMs,
  formatDuration,
  modelSize,
  simDeadlineMs,
} from "../src/engine/model-deadlines.js";
import { estimateRunMs, trialSteps } from "../src/workers/run-estimate.js";

describe("model worker deadlines (issue 12, points 1 and 7)", () => {
  it("scale with the model's size and the run's steps and compartments", () => {
    const chain = {
      cells: [{ parents: Array.from({ length: 200_000 }, (_, i) => i - 1), ncomp: new Array(200_000).fill(1) }],
    };
    expect(modelSize(chain)).toBe(400_000);
    expect(modelSize({ cells: "no" })).toBe(0);
    expect(modelSize(null)).toBe(0);
    expect(buildDeadlineMs(0)).toBe(BASE_DEADLINE_MS);
    expect(buildDeadlineMs(400_000)).toBeGreaterThan(buildDeadlineMs(1000));
    // Without an estimate: 1e7 steps of 24 compartments get minutes, far above the usual time (about 20 s).
    expect(simDeadlineMs(1e7, 24, null)).toBeGreaterThan(600_000);
    // With the worker's estimate: four times it, plus the slack.
    expect(simDeadlineMs(1e7, 24, 50_000)).toBe(BASE_DEADLINE_MS + 200_000);
    expect(formatDuration(2500)).toBe("2.5 s");
    expect(formatDuration(200_000)).toBe("3 min 20 s");
  });

  it("estimates long runs from a trial of 1% of their steps, and skips short ones", () => {
    const tried: number[] = [];
    expect(estimateRunMs(800, 24, (s) => tried.push(s))).toBeNull();
    expect(tried).toEqual([]);
    const est = estimateRunMs(1_000_000, 24, (s) => tried.push(s));
    expect(tried).toEqual([10_000]);
    expect(est).not.toBeNull();
    expect(trialSteps(1000)).toBe(10);
    expect(estimateRunMs(500, 100_000, () => undefined)).toBeNull(); // too few steps: the trial would cost over 1%
    expect(
      estimateRunMs(1_000_000, 24, () => {
        throw new Error("blows up");
      }),
    ).toBeNull();
  });
});
