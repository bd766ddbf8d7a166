/** The model worker's warm-up goes through loading, simulating and tabulating a real network. */
import { describe, expect, it } from "vitest";
import { warmUpModelWorker } from "../src/workers/model-warmup.js";

describe("the model worker's warm-up", () => {
  it("simulates its network: the stimulated cell fires an action potential", () => {
    const { ms, peakMv } = warmUpModelWorker();
    expect(peakMv).toBeGreaterThan(0);
    expect(peakMv).toBeLessThan(150);
    expect(ms).toBeGreaterThan(0);
  });
});
