/**
 * The worker pool: starts workers, sends each the model once, hands out runs one at a time
 * (a worker that finishes takes the next, so uneven runs still share the work), collects the
 * results in order, and always terminates its workers: when done, on the first error, and
 * when the caller's AbortSignal fires.
 */
import { DendrolabError, type ErrorCode } from "../errors.js";
import type { SerializedModel } from "../io/schema.js";
import { NonFiniteError } from "../sim/run.js";
import { isNode, spawnNodeWorker } from "./node-transport.js";
import type { FromWorker, ScriptUrl, SpawnWorker, WireError, WorkerTransport } from "./transport.js";
import { hasWebWorkers, spawnWebWorker } from "./web-transport.js";
import type { WireOptions } from "./wire.js";

/** What the pool needs of an AbortSignal (the DOM's and Node's both fit). */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: "abort", listener: () => void): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

/** One run's recordings, float32 row-major. */
export interface RunValues {
  values: Float32Array;
  nRecordings: number;
  nSamples: number;
  /** For a job with `dy`: the gradient with respect to each differentiable input (float64). */
  grads?: Float64Array[];
}

/** A run to do: its options for the wire (and loss weights, for a gradient), made when handed out. */
export type Job = () => { wire: WireOptions; transfer: ArrayBuffer[]; dy?: Float32Array };

export interface PoolRun {
  model: SerializedModel;
  jobs: readonly Job[];
  workers: number;
  signal?: AbortSignalLike;
  /** Called after each finished run with the number done so far. */
  onProgress?: (done: number, total: number) => void;
  /** The worker script, when not pool-worker.js beside the pool (tests of the sources). */
  script?: ScriptUrl;
  /** The caller's name, for messages. */
  what: string;
}

let live = 0;
let scriptOverride: ScriptUrl | undefined;

/**
 * Workers of every runBatch / sweep / gradBatch pool that are running now (started and not
 * yet terminated). A pool's workers are terminated before its promise settles, so it is 0
 * whenever no batch is pending.
 *
 * @example
 * const pending = runBatch(cell, list, { signal: stop.signal });
 * stop.abort();
 * await pending.catch(() => {});
 * liveWorkers(); // 0
 */
export function liveWorkers(): number {
  return live;
}

/** @internal Points pools at another worker script (the tests of the sources use the built one). */
export function setWorkerScript(url: ScriptUrl | undefined): void {
  scriptOverride = url;
}

function spawner(): SpawnWorker {
  if (isNode()) return spawnNodeWorker;
  if (hasWebWorkers()) return spawnWebWorker;
  throw new DendrolabError(
    "runBatch needs worker threads: Node's worker_threads or the browser's Web Workers; this runtime has neither. Use integrateBatch instead.",
    "WORKER_FAILED",
  );
}

/** A worker's error as the error it was. */
function revive(e: WireError, run: number, what: string): Error {
  const message = `${what}: run ${run}: ${e.message}`;
  if (e.name === "NonFiniteError")
    return new NonFiniteError(e.node ?? -1, e.step ?? -1, e.value ?? Number.NaN, message);
  if (e.code) {
    const err = new DendrolabError(message, e.code as ErrorCode);
    err.name = e.name;
    return err;
  }
  return new Error(message);
}

/** Runs every job on `workers` workers; the results come in job order. */
export async function runOnPool(p: PoolRun): Promise<RunValues[]> {
  const { signal, jobs, what } = p;
  const aborted = () =>
    new DendrolabError(
      `${what} was stopped by its AbortSignal${signal?.reason !== undefined ? ` (${String(signal.reason)})` : ""}; its workers were terminated.`,
      "ABORTED",
      { cause: signal?.reason },
    );
  if (signal?.aborted) throw aborted();
  const spawn = spawner();
  const script = p.script ?? scriptOverride;
  const started = await Promise.allSettled(
    Array.from({ length: p.workers }, async () => {
      const w = await spawn(script);
      live++;
      return w;
    }),
  );
  const workers = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  let stopping: Promise<void> | null = null;
  const stopAll = () => {
    stopping ??= Promise.all(
      workers.map((w) =>
        w.terminate().then(
          () => void live--,
          () => void live--,
        ),
      ),
    ).then(() => undefined);
    return stopping;
  };
  const failedStart = started.find((s) => s.status === "rejected");
  if (failedStart) {
    await stopAll();
    throw new DendrolabError(`${what} could not start a worker: ${String(failedStart.reason)}`, "WORKER_FAILED", {
      cause: failedStart.reason,
    });
  }
  const results: RunValues[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  let onAbort = () => {};
  try {
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      const fail = (e: unknown) => {
        if (settled) return;
        settled = true;
        stopAll().then(() => reject(e));
      };
      onAbort = () => fail(aborted());
      signal?.addEventListener("abort", onAbort);
      if (signal?.aborted) return fail(aborted());
      const give = (w: WorkerTransport) => {
        if (settled || next >= jobs.length) return;
        const id = next++;
        try {
          const { wire, transfer, dy } = jobs[id]();
          w.post({ type: "run", id, options: wire, ...(dy ? { dy } : {}) }, transfer);
        } catch (e) {
          fail(e);
        }
      };
      for (const w of workers) {
        w.listen(
          (m: FromWorker) => {
            if (settled) return;
            if (m.type === "error") return fail(revive(m.error, m.id, what));
            results[m.id] = { values: m.values, nRecordings: m.nRecordings, nSamples: m.nSamples, grads: m.grads };
            done++;
            try {
              p.onProgress?.(done, jobs.length);
            } catch (e) {
              return fail(e); // a throwing callback stops the batch like an error in a run
            }
            if (done === jobs.length) {
              settled = true;
              resolve();
            } else give(w);
          },
          (e) => fail(new DendrolabError(`${what}: a worker failed: ${e.message}`, "WORKER_FAILED", { cause: e })),
        );
        w.post({ type: "model", model: p.model });
        give(w);
      }
    });
  } finally {
    signal?.removeEventListener("abort", onAbort);
    await stopAll();
  }
  return results;
}
