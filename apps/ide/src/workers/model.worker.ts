/**
 * The model worker (docs/design.md#ide): builds the model from its serialised data (never
 * from user code) and answers summaries, tables, columns and simulations.
 */
import type { ModelReply, ModelRequest } from "../protocol/messages.js";
import { ModelEngine, type RunStart } from "./model-engine.js";
import { warmUpModelWorker } from "./model-warmup.js";

const engine = new ModelEngine();
// In its own task, so that a request arriving meanwhile waits for at most the warm-up.
setTimeout(() => {
  const t0 = performance.now();
  warmUpModelWorker();
  try {
    performance.measure("model-worker:warm-up", { start: t0, end: performance.now() });
  } catch {
    // A measure the browser refuses only goes unrecorded.
  }
}, 0);

function reply(m: ModelReply, transfer: Transferable[] = []): void {
  (self as unknown as Worker).postMessage(m, transfer);
}

const buffers = (t: { rows: Array<{ values: Float32Array }> } | null) =>
  t ? t.rows.map((r) => r.values.buffer as ArrayBuffer) : [];

self.onmessage = (e: MessageEvent<ModelRequest>) => {
  const req = e.data;
  /** Tells the page that the request's simulation starts (it resets the request's deadline and shows progress). */
  const started: RunStart = (info) => reply({ kind: "progress", id: req.id, ...info });
  try {
    switch (req.kind) {
      case "load":
      case "set": {
        const start = performance.now();
        const summary = req.kind === "load" ? engine.load(req.model) : engine.set(req.target, req.key, req.value);
        let traces = null;
        let simError: string | null = null;
        try {
          if (req.kind !== "load" || req.simulate !== false) traces = engine.simulate(req.sim, started);
        } catch (err) {
          simError = (err as Error).message;
        }
        let table: ReturnType<ModelEngine["table"]>;
        try {
          table = engine.table(req.table);
        } catch {
          table = engine.table({ kind: "all" });
        }
        reply(
          { kind: "loaded", id: req.id, summary, traces, simError, table, ms: performance.now() - start },
          buffers(traces),
        );
        return;
      }
      case "table":
        reply({ kind: "table", id: req.id, table: engine.table(req.source) });
        return;
      case "edges":
        reply({ kind: "table", id: req.id, table: engine.edgeTable() });
        return;
      case "simulate": {
        const traces = engine.simulate(req.sim, started);
        reply({ kind: "traces", id: req.id, traces }, buffers(traces));
        return;
      }
      case "column":
        reply({ kind: "column", id: req.id, values: engine.column(req.key) });
        return;
      case "mechanisms":
        reply({ kind: "mechanisms", id: req.id, report: engine.mechanisms(req.files) });
        return;
      case "sweep":
        engine
          .sweep(req.job, (p) => reply({ kind: "sweep-progress", id: req.id, ...p }))
          .then(
            (outcome) =>
              reply(
                { kind: "swept", id: req.id, outcome },
                outcome.traces.flat().map((t) => t.buffer as ArrayBuffer),
              ),
            (err: Error) => reply({ kind: "error", id: req.id, message: err.message }),
          );
        return;
      case "export-neuron":
        engine.exportNeuron(req.sim).then(
          ({ files, main }) => reply({ kind: "neuron-files", id: req.id, files, main }),
          (err: Error) => reply({ kind: "error", id: req.id, message: err.message }),
        );
        return;
    }
  } catch (err) {
    reply({ kind: "error", id: req.id, message: (err as Error).message });
  }
};
