/**
 * Workers in the browser: module Web Workers. The `new Worker(new URL(...), { type:
 * "module" })` form is the one Vite (and other bundlers) recognise: they bundle the
 * worker script and rewrite its address.
 */
import type { FromWorker, ScriptUrl, SpawnWorker, ToWorker, UrlConstructor, WorkerTransport } from "./transport.js";

/** The part of the DOM's Worker the pool uses (the core is typed without the DOM library). */
interface WebWorker {
  postMessage(message: ToWorker, transfer?: ArrayBuffer[]): void;
  onmessage: ((event: { data: FromWorker }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
  onmessageerror: ((event: unknown) => void) | null;
  terminate(): void;
}
declare const Worker: new (script: ScriptUrl, options: { type: "module" }) => WebWorker;
declare const URL: UrlConstructor;

/** Does this runtime have Web Workers? */
export function hasWebWorkers(): boolean {
  return typeof (globalThis as { Worker?: unknown }).Worker === "function";
}

/** Starts a module Web Worker running pool-worker.js beside this file (or `script`). */
export const spawnWebWorker: SpawnWorker = async (script) => {
  const worker = script
    ? new Worker(script, { type: "module" })
    : new Worker(new URL("./pool-worker.js", import.meta.url), { type: "module" });
  const transport: WorkerTransport = {
    post: (message, transfer) => worker.postMessage(message, transfer),
    listen(onMessage, onFailure) {
      worker.onmessage = (event) => onMessage(event.data);
      worker.onerror = (event) => onFailure(new Error(event.message ?? "the worker failed to load or crashed"));
      worker.onmessageerror = () => onFailure(new Error("a message from the worker could not be read"));
    },
    async terminate() {
      worker.terminate();
    },
  };
  return transport;
};

/** Logical cores the browser reports (navigator.hardwareConcurrency), at least 1. */
export function browserCores(): number {
  const n = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;
  return typeof n === "number" && n >= 1 ? Math.floor(n) : 1;
}
