/**
 * Stopping a batch: an AbortSignal terminates the pool's workers and rejects the promise with
 * code ABORTED; a failing run (a non-finite voltage) rejects with its own error, naming the
 * run. Either way no worker is left running.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import { hhCell, useBuiltWorker } from "./helpers.js";

beforeAll(useBuiltWorker);

describe("stopping runBatch", () => {
  it("an abort during the batch rejects with ABORTED, and the workers are gone", async () => {
    const cell = hhCell();
    const list = Array.from({ length: 40 }, () => ({ tMax: 400 }));
    const stop = new AbortController();
    const live: number[] = [];
    const pending = jx.runBatch(cell, list, {
      workers: 2,
      signal: stop.signal,
      onProgress: (done) => {
        live.push(jx.liveWorkers());
        if (done === 1) stop.abort("stopped by the test");
      },
    });
    const error = await pending.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(jx.DendrolabError);
    expect((error as jx.DendrolabError).code).toBe("ABORTED");
    expect((error as Error).message).toMatch(/runBatch was stopped by its AbortSignal \(stopped by the test\)/);
    expect(live[0]).toBe(2);
    expect(live.length).toBe(1); // no run finished after the abort
    expect(jx.liveWorkers()).toBe(0);
  });

  it("an already aborted signal rejects at once and starts no worker", async () => {
    const stop = new AbortController();
    stop.abort();
    await expect(jx.runBatch(hhCell(), [{ tMax: 5 }], { signal: stop.signal })).rejects.toMatchObject({
      code: "ABORTED",
    });
    expect(jx.liveWorkers()).toBe(0);
  });

  it("a run whose voltage diverges rejects with a NonFiniteError naming the run", async () => {
    const cell = hhCell();
    const ok = { tMax: 5 };
    const bad = { tMax: 5, solver: "fwd_euler" as const, paramState: cell.dataSet("HH_gNa", 1e4) };
    let serial: unknown;
    try {
      jx.integrate(cell, bad);
    } catch (e) {
      serial = e;
    }
    expect(serial).toBeInstanceOf(jx.NonFiniteError);
    const error = await jx.runBatch(cell, [ok, ok, bad, ok], { workers: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(jx.NonFiniteError);
    expect((error as Error).message).toBe(`runBatch: run 2: ${(serial as Error).message}`);
    expect(jx.liveWorkers()).toBe(0);
  });

  it("an onProgress callback that throws stops the batch with its error", async () => {
    const boom = new Error("boom");
    const list = Array.from({ length: 6 }, () => ({ tMax: 20 }));
    const error = await jx
      .runBatch(hhCell(), list, {
        workers: 2,
        onProgress: () => {
          throw boom;
        },
      })
      .catch((e: unknown) => e);
    expect(error).toBe(boom);
    expect(jx.liveWorkers()).toBe(0);
  });
});
