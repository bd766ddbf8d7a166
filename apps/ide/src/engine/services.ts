/**
 * The real services: the script sandbox, the model worker and the trainer worker.
 * Workers start lazily (after first paint).
 */
import type { Services } from "../session/services.js";
import { ModelClient } from "./model-client.js";
import { ScriptSandbox } from "./sandbox.js";
import { TrainClient } from "./train-client.js";

export function createServices(): Services & { warm(): Promise<void> } {
  const sandbox = new ScriptSandbox(() => import("virtual:sandbox-worker-source").then((m) => m.default));
  let model: ModelClient | null = null;
  const mc = () => (model ??= new ModelClient());
  const trainer = new TrainClient();
  const unexpected = (kind: string) => `Unexpected answer from the model worker (${kind}).`;
  return {
    /** Starts the sandbox and the model worker; resolves when the sandbox is ready (or failed). */
    warm() {
      mc();
      return sandbox.warm().catch(() => undefined);
    },
    runScript: (script, files) => sandbox.run(script, files),
    async loadModel(m, sim, table) {
      const r = await mc().load(m, sim, table);
      if (r.kind === "loaded")
        return { ok: true, summary: r.summary, traces: r.traces, simError: r.simError, table: r.table, ms: r.ms };
      return { ok: false, message: r.kind === "error" ? r.message : unexpected(r.kind) };
    },
    async quickSet(target, key, value, sim, table) {
      const r = await mc().set(target, key, value, sim, table);
      if (r.kind === "loaded")
        return { ok: true, summary: r.summary, traces: r.traces, simError: r.simError, table: r.table, ms: r.ms };
      return { ok: false, message: r.kind === "error" ? r.message : unexpected(r.kind) };
    },
    async table(source) {
      const r = await mc().table(source);
      return r.kind === "table"
        ? { ok: true, value: r.table }
        : { ok: false, message: r.kind === "error" ? r.message : unexpected(r.kind) };
    },
    async simulate(sim) {
      const r = await mc().simulate(sim);
      return r.kind === "traces"
        ? { ok: true, value: r.traces }
        : { ok: false, message: r.kind === "error" ? r.message : unexpected(r.kind) };
    },
    async column(key) {
      const r = await mc().column(key);
      return r.kind === "column"
        ? { ok: true, value: r.values }
        : { ok: false, message: r.kind === "error" ? r.message : unexpected(r.kind) };
    },
    async mechanisms(files) {
      const r = await mc().mechanisms({ ...files });
      return r.kind === "mechanisms"
        ? { ok: true, value: r.report }
        : { ok: false, message: r.kind === "error" ? r.message : unexpected(r.kind) };
    },
    train: (job, onReply) => trainer.start(job, onReply),
  };
}
