/**
 * In-process services for session tests: the real script runner, model engine and
 * trainer loop, without workers or the iframe.
 */
import { serializeModel } from "@dendrolab/core/io";
import { evaluateChecks } from "../src/sandbox/lesson-checks.js";
import { runScript } from "../src/sandbox/run-script.js";
import type { Services } from "../src/session/services.js";
import { ModelEngine } from "../src/workers/model-engine.js";
import { train } from "../src/workers/trainer-loop.js";
import { Topology } from "../src/session/topology.js";
import { TUTORIAL_SCRIPT } from "../src/session/tutorial.js";
import type { TrainReply } from "../src/protocol/messages.js";

export function inProcessServices(overrides: Partial<Services> = {}): Services & { scripts: string[] } {
  const engine = new ModelEngine();
  const scripts: string[] = [];
  const services: Services & { scripts: string[] } = {
    scripts,
    async runScript(script, files, checks) {
      scripts.push(script);
      const logs: string[] = [];
      try {
        const model = runScript(script, (l) => logs.push(l), files);
        // A lesson's checks, through the code the script worker runs (sandbox/lesson-checks.ts).
        const results = checks ? { checks: evaluateChecks(model, checks.exprs, checks.data) } : {};
        return { ok: true, model: serializeModel(model), logs, ms: 1, ...results };
      } catch (e) {
        return {
          ok: false,
          kind: "error",
          message: (e as Error).message,
          line: (e as { line?: number }).line ?? null,
          logs,
        };
      }
    },
    async loadModel(model, sim, table) {
      try {
        const summary = engine.load(model);
        let traces = null;
        let simError = null;
        try {
          traces = engine.simulate(sim);
        } catch (e) {
          simError = (e as Error).message;
        }
        return { ok: true, summary, traces, simError, table: engine.table(table), ms: 1 };
      } catch (e) {
        return { ok: false, message: (e as Error).message };
      }
    },
    async quickSet(target, key, value, sim, table) {
      try {
        const summary = engine.set(target, key, value);
        return { ok: true, summary, traces: engine.simulate(sim), simError: null, table: engine.table(table), ms: 1 };
      } catch (e) {
        return { ok: false, message: (e as Error).message };
      }
    },
    async table(source) {
      try {
        return { ok: true, value: engine.table(source) };
      } catch (e) {
        return { ok: false, message: (e as Error).message };
      }
    },
    async simulate(sim) {
      return { ok: true, value: engine.simulate(sim) };
    },
    async column(key) {
      return { ok: true, value: engine.column(key) };
    },
    async mechanisms(files) {
      try {
        return { ok: true, value: engine.mechanisms(files) };
      } catch (e) {
        return { ok: false, message: (e as Error).message };
      }
    },
    train(job, onReply) {
      let stop = false;
      const id = 1;
      void train(job, {
        started: (info) => onReply({ kind: "started", id, ...info }),
        progress: async (p) => {
          onReply({ kind: "progress", id, ...p });
          await new Promise((r) => setTimeout(r, 0));
        },
        shouldStop: () => stop,
      }).then(
        (r) => onReply({ kind: "done", id, ...r } as TrainReply),
        (e) => onReply({ kind: "error", id, message: (e as Error).message }),
      );
      return { stop: () => (stop = true) };
    },
    ...overrides,
  };
  return services;
}

/** The tutorial network's topology: 3 cells x 4 branches x 2 compartments. */
export const tutorialTopology = () =>
  new Topology(Array.from({ length: 3 }, () => ({ branches: [-1, 0, 0, 1].map((parent) => ({ parent, ncomp: 2 })) })));

export { TUTORIAL_SCRIPT };
