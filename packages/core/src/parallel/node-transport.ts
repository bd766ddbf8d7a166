/**
 * Workers in Node: `worker_threads`. Node's modules are imported when first needed, under
 * a name bundlers leave alone, so that browser builds of the core never see them.
 */
import type { FromWorker, ScriptUrl, SpawnWorker, ToWorker, UrlConstructor, WorkerTransport } from "./transport.js";

/** The part of `node:worker_threads` the pool uses. */
interface NodeWorker {
  postMessage(message: ToWorker, transfer?: ArrayBuffer[]): void;
  on(event: "message", listener: (message: FromWorker) => void): void;
  on(event: "error", listener: (error: Error) => void): void;
  on(event: "exit", listener: (code: number) => void): void;
  terminate(): Promise<number>;
}
interface WorkerThreads {
  Worker: new (script: ScriptUrl) => NodeWorker;
}

/** Is this Node (or a runtime with Node's modules)? */
export function isNode(): boolean {
  const g = globalThis as { process?: { versions?: { node?: string } } };
  return typeof g.process?.versions?.node === "string";
}

/** Imports a Node built-in by a name bundlers do not try to resolve. */
export function importNode<T>(name: string): Promise<T> {
  return import(/* @vite-ignore */ `node:${name}`) as Promise<T>;
}

/** The worker script beside this module (a name, not a literal, so bundlers leave it alone). */
const WORKER_FILE = "./pool-worker.js";

/** Starts a worker thread running pool-worker.js beside this module (or `script`). */
export const spawnNodeWorker: SpawnWorker = async (script) => {
  const { Worker } = await importNode<WorkerThreads>("worker_threads");
  const worker = new Worker(
    script ?? new (globalThis as unknown as { URL: UrlConstructor }).URL(WORKER_FILE, import.meta.url),
  );
  let gone = false;
  const exited = new Promise<void>((resolve) => worker.on("exit", () => resolve()));
  const transport: WorkerTransport = {
    post: (message, transfer) => worker.postMessage(message, transfer),
    listen(onMessage, onFailure) {
      worker.on("message", onMessage);
      worker.on("error", onFailure);
      worker.on("exit", (code) => {
        if (!gone) onFailure(new Error(`the worker stopped unexpectedly (exit code ${code})`));
      });
    },
    async terminate() {
      gone = true;
      await worker.terminate();
      await exited;
    },
  };
  return transport;
};

/** Logical cores available to this process (os.availableParallelism, Node >= 18.14). */
export async function nodeCores(): Promise<number> {
  const os = await importNode<{ availableParallelism?: () => number; cpus: () => unknown[] }>("os");
  return os.availableParallelism?.() ?? os.cpus().length;
}
