/** The model client's sweeps with a fake worker: progress is heard and keeps the sweep alive; Stop ends it. */
import { describe, expect, it } from "vitest";
import { ModelClient, type ModelEvent, type SweepProgressInfo } from "../src/engine/model-client.js";
import { FakeWorker, installFakeWorker } from "./fake-worker.js";

installFakeWorker();

const SIM = { tMax: 20, dt: 0.025, solver: "bwd_euler" as const };
const JOB = { vary: { kind: "stimulus" as const }, values: [0, 0.5, 1], sim: SIM };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("model client sweeps", () => {
  it("passes progress on, resets the deadline at each finished run, and resolves with the outcome", async () => {
    const client = new ModelClient();
    client.overrideDeadline(60);
    const w = FakeWorker.all[0];
    const heard: SweepProgressInfo[] = [];
    const pending = client.sweep(JOB, (p) => heard.push(p));
    expect(w.posted[0]).toMatchObject({ kind: "sweep", id: 1, job: JOB });
    for (const done of [0, 1, 2, 3]) {
      await sleep(40); // each under the deadline, together over it
      w.reply({ kind: "sweep-progress", id: 1, done, total: 3, workers: 2, nSteps: 800 });
    }
    w.reply({ kind: "swept", id: 1, outcome: { values: JOB.values } });
    expect(await pending).toMatchObject({ kind: "swept", outcome: { values: [0, 0.5, 1] } });
    expect(heard.map((p) => p.done)).toEqual([0, 1, 2, 3]);
    expect(heard[3]).toEqual({ done: 3, total: 3, workers: 2 });
    expect(w.terminated).toBe(false);
  });

  it("Stop ends the worker (and the pool it started) and answers the sweep as interrupted, naming it", async () => {
    const client = new ModelClient();
    const events: ModelEvent[] = [];
    client.listen((e) => events.push(e));
    const w = FakeWorker.all[0];
    const pending = client.sweep({ ...JOB, values: Array.from({ length: 100 }, (_, i) => i / 100) });
    w.reply({ kind: "sweep-progress", id: 1, done: 4, total: 100, workers: 2, nSteps: 80_000 });
    expect(client.stop()).toBe(true);
    const r = await pending;
    expect(r).toMatchObject({ kind: "error", interrupted: true });
    expect(r.kind === "error" && r.message).toMatch(/^Stopped the sweep of 100 values after [\d.]+ s\./);
    expect(w.terminated).toBe(true);
    expect(FakeWorker.all).toHaveLength(2);
    expect(events.some((e) => e.kind === "restarted" && e.reason === "stopped")).toBe(true);
  });

  it("names a stopped 2-D sweep by its grid", async () => {
    const client = new ModelClient();
    const pending = client.sweep({ ...JOB, second: { vary: { kind: "stimulus" }, values: [0, 1, 2, 3] } });
    expect(client.stop()).toBe(true);
    const r = await pending;
    expect(r.kind === "error" && r.message).toMatch(/^Stopped the 2-D sweep of 3 × 4 runs after [\d.]+ s\./);
  });
});
