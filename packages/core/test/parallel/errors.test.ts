/**
 * Bad input to runBatch and sweep: each error says what was given and what is allowed,
 * and comes before any worker starts.
 */
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import { hhCell } from "./helpers.js";

/** The error a call rejects (or throws) with. */
async function failure(run: () => Promise<unknown>): Promise<jx.DendrolabError> {
  try {
    await run();
  } catch (e) {
    return e as jx.DendrolabError;
  }
  throw new Error("expected an error");
}

const cell = hhCell();
const ok = [{ tMax: 5 }];

const cases: Array<{ name: string; run: () => Promise<unknown>; code: jx.ErrorCode; message: RegExp }> = [
  {
    name: "an empty list",
    run: () => jx.runBatch(cell, []),
    code: "MISSING_INPUT",
    message:
      /runBatch needs a non-empty list of options, one per simulation \(e\.g\. \[\{ tMax: 20 \}\]\); got an empty list\./,
  },
  {
    name: "options that are not a list",
    run: () => jx.runBatch(cell, { tMax: 5 } as never),
    code: "INVALID_ARGUMENT",
    message: /non-empty list of options.*got \{"tMax":5\}\./,
  },
  {
    name: "no module",
    run: () => jx.runBatch(null as never, ok),
    code: "INVALID_ARGUMENT",
    message: /runBatch takes a module or view \(e\.g\. a Cell or Network\); got null/,
  },
  {
    name: "workers 0",
    run: () => jx.runBatch(cell, ok, { workers: 0 }),
    code: "INVALID_ARGUMENT",
    message:
      /runBatch: workers must be an integer >= 1 \(the number of worker threads; omit it for one per core\); got 0\./,
  },
  {
    name: "workers 1.5",
    run: () => jx.runBatch(cell, ok, { workers: 1.5 }),
    code: "INVALID_ARGUMENT",
    message: /workers must be an integer >= 1 .*got 1\.5\./,
  },
  {
    name: "workers as a string",
    run: () => jx.runBatch(cell, ok, { workers: "2" as never }),
    code: "INVALID_ARGUMENT",
    message: /workers must be an integer >= 1 .*got "2"\./,
  },
  {
    name: "workers NaN",
    run: () => jx.runBatch(cell, ok, { workers: Number.NaN }),
    code: "INVALID_ARGUMENT",
    message: /workers must be an integer >= 1 .*got NaN\./,
  },
  {
    name: "a misspelt pool option",
    run: () => jx.runBatch(cell, ok, { worker: 2 } as never),
    code: "UNKNOWN_NAME",
    message: /Unknown runBatch option 'worker'\. Valid: workers, signal, onProgress\. Did you mean 'workers'\?/,
  },
  {
    name: "a signal that is not an AbortSignal",
    run: () => jx.runBatch(cell, ok, { signal: true as never }),
    code: "INVALID_ARGUMENT",
    message: /signal must be an AbortSignal \(new AbortController\(\)\.signal\); got/,
  },
  {
    name: "a bad option in one run",
    run: () => jx.runBatch(cell, [{ tMax: 5 }, { tMax: 5, deltaT: -1 }]),
    code: "INVALID_ARGUMENT",
    message: /runBatch: options 1: integrate: deltaT must be a finite number of ms > 0; got -1/,
  },
  {
    name: "runs of different lengths",
    run: () => jx.runBatch(cell, [{ tMax: 5 }, { tMax: 6 }]),
    code: "SHAPE_MISMATCH",
    message: /runBatch: run 1 has 241 samples but run 0 has 201; give every run the same tMax\./,
  },
  {
    name: "a sweep of nothing",
    run: () => jx.sweep(cell, { key: "HH_gNa", values: [] }, { tMax: 5 }),
    code: "MISSING_INPUT",
    message: /sweep: values must be a non-empty list, one per simulation; got an empty list\./,
  },
  {
    name: "a sweep without key or stimuli",
    run: () => jx.sweep(cell, { values: [1] } as never),
    code: "INVALID_ARGUMENT",
    message: /sweep: give what varies as \{ key, values, view\? \} \(a parameter\) or \{ stimuli, view\? \}/,
  },
  {
    name: "a sweep on another model's view",
    run: () => jx.sweep(cell, { key: "HH_gNa", view: hhCell().branch(0), values: [0.1] }),
    code: "INVALID_ARGUMENT",
    message: /sweep: view must be a view of the swept module/,
  },
  {
    name: "a sweep of an unknown key",
    run: () => jx.sweep(cell, { key: "HH_gna", values: [0.1] }, { tMax: 5 }),
    code: "UNKNOWN_KEY",
    message: /HH_gNa/,
  },
  {
    name: "a sweep with workers -1",
    run: () => jx.sweep(cell, { key: "HH_gNa", values: [0.1] }, { tMax: 5, workers: -1 }),
    code: "INVALID_ARGUMENT",
    message: /runBatch: workers must be an integer >= 1 .*got -1\./,
  },
];

describe("runBatch and sweep reject bad input clearly", () => {
  for (const c of cases) {
    it(c.name, async () => {
      const e = await failure(c.run);
      expect(e).toBeInstanceOf(jx.DendrolabError);
      expect(e.code).toBe(c.code);
      expect(e.message).toMatch(c.message);
      expect(jx.liveWorkers()).toBe(0);
    });
  }
});
