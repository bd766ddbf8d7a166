/**
 * The real services: the script sandbox, the model worker and the trainer worker.
 * Workers start lazily (after first paint).
 */
import type { Services } from "../session/services.js";
import { ModelClient, type ModelClientOptions, type ModelEvent } from "./model-client.js";
import { isShippedTutorial, prebuiltTutorial } from "./prebuilt.js";
import { ScriptSandbox } from "./sandbox.js";
import { TrainClient } from "./train-client.js";

/** The services; `model` options are for tests (a short deadline). */
export function createServices(
  options: { model?: ModelClientOptions } = {},
): Services & { warm(): Promise<void>; startSandbox(): Promise<void>; modelClient(): ModelClient } {
  const sandbox = new ScriptSandbox();
  let model: ModelClient | null = null;
  const modelListeners = new Set<(e: ModelEvent) => void>();
  const mc = () => {
    if (model) return model;
    model = new ModelClient(options.model);
    model.listen((e) => {
      for (const fn of modelListeners) fn(e);
    });
    return model;
  };
  const trainer = new TrainClient();
  /** The page's first run has not been asked for yet (only it may be the prebuilt tutorial). */
  let opening = true;
  const unexpected = (kind: string) => `Unexpected answer from the model worker (${kind}).`;
  const failure = (r: { kind: string; message?: string; interrupted?: boolean }) => ({
    ok: false as const,
    message: r.kind === "error" && r.message !== undefined ? r.message : unexpected(r.kind),
    ...(r.kind === "error" && r.interrupted ? { interrupted: true } : {}),
  });
  /** `{ ok: true, value }` if the reply is of the expected kind, else the failure it is. */
  const answer = <R extends { kind: string }, K extends R["kind"], T>(
    r: R,
    kind: K,
    value: (r: Extract<R, { kind: K }>) => T,
  ) => (r.kind === kind ? { ok: true as const, value: value(r as Extract<R, { kind: K }>) } : failure(r as never));
  /** A model (re)load's reply: what the page shows of it, or the failure it is. */
  const loaded = <R extends { kind: string }>(r: R) => {
    if (r.kind !== "loaded") return failure(r as never);
    const { summary, traces, simError, table, ms } = r as unknown as Extract<
      Awaited<ReturnType<ModelClient["load"]>>,
      { kind: "loaded" }
    >;
    return { ok: true as const, summary, traces, simError, table, ms };
  };
  return {
    /** Starts the sandbox and the model worker; resolves when the sandbox is ready (or failed). */
    warm() {
      mc();
      return sandbox.warm().catch(() => undefined);
    },
    /** Starts the sandbox alone; resolves once its document has loaded (or failed to), before its worker's boot. */
    startSandbox() {
      return sandbox.start();
    },
    /** The model worker's client (started on first use). */
    modelClient: mc,
    stopModel: () => mc().stop(),
    onModelEvent(fn) {
      modelListeners.add(fn);
      return () => modelListeners.delete(fn);
    },
    runScript(script, files, checks) {
      const first = opening;
      opening = false;
      return first && isShippedTutorial(script, files, checks)
        ? prebuiltTutorial()
        : sandbox.run(script, files, checks);
    },
    scriptIdle: () => sandbox.idle(),
    summarise: (expr, traces, dt) => import("./sandbox-summary.js").then((m) => m.summarise(sandbox, expr, traces, dt)),
    async loadModel(m, sim, table) {
      const r = await mc().load(m, sim, table);
      return loaded(r);
    },
    async quickSet(target, key, value, sim, table) {
      const r = await mc().set(target, key, value, sim, table);
      return loaded(r);
    },
    async table(source) {
      const r = await mc().table(source);
      return answer(r, "table", (x) => x.table);
    },
    async edgeTable() {
      const r = await mc().edges();
      return answer(r, "table", (x) => x.table);
    },
    async simulate(sim) {
      const r = await mc().simulate(sim);
      return answer(r, "traces", (x) => x.traces);
    },
    async column(key) {
      const r = await mc().column(key);
      return answer(r, "column", (x) => x.values);
    },
    async exportNeuron(sim) {
      const r = await mc().exportNeuron(sim);
      return answer(r, "neuron-files", (x) => ({ files: x.files, main: x.main }));
    },
    async sweep(job, onProgress) {
      const r = await mc().sweep(job, onProgress);
      return answer(r, "swept", (x) => x.outcome);
    },
    async mechanisms(files) {
      const r = await mc().mechanisms({ ...files });
      return answer(r, "mechanisms", (x) => x.report);
    },
    train: (job, onReply) => trainer.start(job, onReply),
  };
}
