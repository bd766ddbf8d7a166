/**
 * The model worker's client with a fake worker: a request past its deadline ends the
 * worker, a new one is started with the last good model, and every waiting request is
 * answered; Stop does the same; one reply per request.
 */
import { describe, expect, it } from "vitest";
import { ModelClient, type ModelEvent } from "../src/engine/model-client.js";
import { FakeWorker, installFakeWorker } from "./fake-worker.js";

installFakeWorker();

const SIM = { tMax: 20, dt: 0.025, solver: "bwd_euler" as const };
const MODEL = { cells: [{ parents: [-1], ncomp: [2] }] } as never;
const summary = { nComp: 2 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("model worker client", () => {
  it("restarts a worker that misses its deadline with the last good model, answering what waited", async () => {
    const client = new ModelClient();
    const events: ModelEvent[] = [];
    client.listen((e) => events.push(e));
    const first = FakeWorker.all[0];
    const loaded = client.load(MODEL, SIM, { kind: "all" });
    first.reply({ kind: "loaded", id: 1, summary, traces: null, simError: null, table: {}, ms: 1 });
    expect((await loaded).kind).toBe("loaded");
    // A second reply to the same request is dropped.
    first.reply({ kind: "loaded", id: 1, summary, traces: null, simError: null, table: {}, ms: 1 });

    client.overrideDeadline(30);
    const sim = client.simulate(SIM);
    const queued = client.table({ kind: "all" });
    first.reply({ kind: "progress", id: 2, nSteps: 800, nComp: 2, estimateMs: null });
    expect(events.at(-1)).toMatchObject({ kind: "activity", activity: { what: "simulate", nSteps: 800, nComp: 2 } });
    const r = await sim;
    expect(r).toMatchObject({ kind: "error", interrupted: true });
    expect((r as { message: string }).message).toBe(
      "The model worker did not finish simulating 800 steps of 2 compartments within 0.0 s, so it was ended. " +
        "It was restarted with the previous model, which is kept with its traces.",
    );
    expect(await queued).toMatchObject({ kind: "error", interrupted: true });
    expect(first.terminated).toBe(true);
    expect(events.some((e) => e.kind === "restarted" && e.reason === "timeout")).toBe(true);
    // The new worker got the last good model back, without a simulation.
    const second = FakeWorker.all[1];
    expect(second.posted).toEqual([
      { kind: "load", model: MODEL, sim: SIM, table: { kind: "all" }, simulate: false, id: 4 },
    ]);
    second.reply({ kind: "loaded", id: 4, summary, traces: null, simError: null, table: {}, ms: 1 });
    // Late replies of the ended worker are not taken.
    first.reply({ kind: "traces", id: 2, traces: {} });
    client.overrideDeadline(null);
    expect(client.stop()).toBe(false); // idle: nothing to stop

    const long = client.simulate(SIM);
    expect(client.stop()).toBe(true);
    expect((await long).kind).toBe("error");
    expect(events.filter((e) => e.kind === "restarted").at(-1)).toMatchObject({ reason: "stopped" });
    expect(FakeWorker.all).toHaveLength(3);
    expect(FakeWorker.all[2].posted[0]).toMatchObject({ kind: "load", model: MODEL, simulate: false });
    await sleep(40);
    expect(FakeWorker.all).toHaveLength(3); // no deadline left running behind
  });

  it("does not restart a worker that keeps crashing in a loop", async () => {
    const client = new ModelClient();
    const waiting = client.simulate(SIM);
    for (let i = 0; i < 4; i++)
      FakeWorker.all.at(-1)!.onerror?.({ message: "cannot load", preventDefault: () => undefined });
    expect(FakeWorker.all).toHaveLength(4);
    expect(await waiting).toMatchObject({ kind: "error", interrupted: true });
  });
});
