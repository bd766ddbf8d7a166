/**
 * The worker of the pool (Node worker thread or Web Worker). It receives the model once,
 * then runs simulations one message at a time and answers each with its recordings as
 * float32, rounded exactly as integrate rounds them. It loads no tfjs.
 */
import type { View } from "../api/view.js";
import { deserializeModel } from "../io/deserialize.js";
import { executePlan, planRun } from "../run/options.js";
import { runAdjoint } from "../train/adjoint.js";
import type { FromWorker, ToWorker, WireError } from "./transport.js";
import { decodeOptions } from "./wire.js";
import { importNode, isNode } from "./node-transport.js";

/** The channel to the main thread, in either runtime. */
interface Port {
  post(message: FromWorker, transfer?: ArrayBuffer[]): void;
  listen(onMessage: (message: ToWorker) => void): void;
}

/**
 * Calls `ready` with the port. In a browser it is set up at once (messages that arrive
 * before a handler would be lost); Node's port queues messages until it has a listener, so
 * there it may wait for the import of worker_threads. No top-level await: bundlers may emit
 * the worker in formats without it.
 */
function openPort(ready: (port: Port) => void): void {
  if (!isNode()) {
    const self = globalThis as unknown as {
      postMessage(m: FromWorker, t?: ArrayBuffer[]): void;
      onmessage: ((e: { data: ToWorker }) => void) | null;
    };
    ready({ post: (m, t) => self.postMessage(m, t), listen: (l) => (self.onmessage = (e) => l(e.data)) });
    return;
  }
  type NodePort = {
    postMessage(m: FromWorker, t?: ArrayBuffer[]): void;
    on(e: "message", l: (m: ToWorker) => void): void;
  };
  void importNode<{ parentPort: NodePort | null }>("worker_threads").then(({ parentPort }) => {
    if (!parentPort) throw new Error("pool-worker.js runs as a worker thread of the pool, not on its own.");
    ready({ post: (m, t) => parentPort.postMessage(m, t), listen: (l) => parentPort.on("message", l) });
  });
}

function wireError(e: unknown): WireError {
  if (!(e instanceof Error)) return { name: "Error", message: String(e) };
  const x = e as Error & { code?: string; node?: number; step?: number; value?: number };
  return { name: x.name, message: x.message, code: x.code, node: x.node, step: x.step, value: x.value };
}

let model: View | null = null;
let modelError: unknown = null;
openPort((port) =>
  port.listen((message) => {
    if (message.type === "model") {
      try {
        model = deserializeModel(message.model) as View;
      } catch (e) {
        modelError = e;
      }
      return;
    }
    try {
      if (modelError) throw modelError;
      if (!model) throw new Error("pool-worker: a run arrived before the model.");
      const d = model.base;
      const options = decodeOptions(message.options);
      const plan = planRun(d, options);
      const nSamples = plan.nSteps + 1;
      if (message.dy) {
        const { values: v64, grads } = runAdjoint(d, options, plan, message.dy);
        const values = Float32Array.from(v64);
        const transfer = [values.buffer, ...grads.map((g) => g.buffer as ArrayBuffer)];
        port.post(
          { type: "result", id: message.id, values, nRecordings: values.length / nSamples, nSamples, grads },
          transfer,
        );
        return;
      }
      const r = executePlan(d, plan);
      const values = Float32Array.from(r.values);
      port.post({ type: "result", id: message.id, values, nRecordings: r.nRecordings, nSamples }, [values.buffer]);
    } catch (e) {
      port.post({ type: "error", id: message.id, error: wireError(e) });
    }
  }),
);
