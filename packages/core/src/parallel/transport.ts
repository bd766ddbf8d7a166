/**
 * What the worker pool asks of a worker, whatever runs it: `worker_threads` in Node
 * (node-transport.ts), Web Workers in the browser (web-transport.ts). Messages are plain
 * structured-clone data; typed arrays listed in `transfer` move without a copy.
 */
import type { SerializedModel } from "../io/schema.js";
import type { WireOptions } from "./wire.js";

/**
 * A worker script's address. The core is typed without the DOM and Node libraries; this is
 * the part of their `URL` it uses (both runtimes' `URL` objects fit).
 */
export interface ScriptUrl {
  readonly href: string;
}

/** The URL constructor of the runtime (Node and browsers both have it). */
export type UrlConstructor = new (url: string, base: string) => ScriptUrl;

declare global {
  /** ES module metadata: the module's own address (Node, browsers, bundlers). */
  interface ImportMeta {
    url: string;
  }
}

/** One worker, as the pool drives it. */
export interface WorkerTransport {
  /** Sends `message`, moving the buffers in `transfer` (they are unusable here afterwards). */
  post(message: ToWorker, transfer?: ArrayBuffer[]): void;
  /** Calls `onMessage` for each reply and `onFailure` if the worker dies or cannot start. */
  listen(onMessage: (message: FromWorker) => void, onFailure: (error: Error) => void): void;
  /** Stops the worker; resolves once it is gone. */
  terminate(): Promise<void>;
}

/**
 * Starts one worker running the pool's worker script: pool-worker.js beside the pool's own
 * module, or `script` when given (tests of the sources point it at the built file).
 */
export type SpawnWorker = (script?: ScriptUrl) => Promise<WorkerTransport>;

/** Main thread to worker: first the model (once), then runs. */
export type ToWorker =
  | { type: "model"; model: SerializedModel }
  | {
      type: "run";
      id: number;
      options: WireOptions;
      /** The loss's weights on this run's recordings: run with tape and answer the adjoint too. */
      dy?: Float32Array;
    };

/** Worker to main thread: one run's recordings (float32, as integrate returns them) or its error. */
export type FromWorker =
  | {
      type: "result";
      id: number;
      values: Float32Array;
      nRecordings: number;
      nSamples: number;
      /** With `dy`: d loss / d each differentiable input of the run (float64). */
      grads?: Float64Array[];
    }
  | { type: "error"; id: number; error: WireError };

/** An error as it crosses to the main thread. */
export interface WireError {
  name: string;
  message: string;
  code?: string;
  /** NonFiniteError's solve node, step and value. */
  node?: number;
  step?: number;
  value?: number;
}
