/**
 * The script worker: runs inside the sandboxed document (opaque origin), started from a
 * blob: URL by the relay (relay.ts). It locks the global scope down and answers exactly
 * one run (or one sweep's custom summary, sweep-expression.ts): console lines are streamed as they are written (so that a run stopped for
 * taking too long keeps them), then the serialised model or the error is posted once.
 * A worker pre-started for a later run first builds a small model and reads the
 * session's files (warmup.ts), so that a run is not slower for its fresh worker. The
 * relay terminates the worker after the reply; the next run gets a fresh worker, so
 * nothing a script leaves behind (wrapped globals, listeners, timers) reaches later runs.
 *
 * Two flavours share this file: the light worker (script-light.worker.ts, without tfjs),
 * which answers "needs-tfjs" when a script reaches for tfjs, and the full one
 * (script-full.worker.ts), which then runs the script again.
 */
import { serializeModel } from "@dendrolab/core/io";
import type { CheckRequest } from "../protocol/lesson.js";
import type { ScriptRequest, SummaryRequest, WarmRequest, WorkerMessage } from "../protocol/messages.js";
import { evaluateChecks, failAll } from "./lesson-checks.js";
import { capLine, MAX_LOG_LINES } from "./limits.js";
import { lockDown } from "./lockdown.js";
import { ScriptError } from "./script-eval.js";
import { evaluateSummaries } from "./sweep-expression.js";
import { buildWarmModel, EXTRA_WARM_ROUNDS, type RunFn, warmUp } from "./warmup.js";

/** What differs between the light and the full worker. */
export interface Flavour {
  /** Runs a script with this worker's libraries. */
  run: RunFn;
  /** Forgets whether tfjs was reached for (before a run). */
  resetTfjsMark(): void;
  /** Did the run reach for tfjs? */
  reachedTfjs(): boolean;
  /** Light: a run that reached for tfjs is answered "needs-tfjs" instead of its result. */
  light: boolean;
}

const scope = self as unknown as Worker & Record<string, unknown>;
const post = scope.postMessage.bind(scope) as (m: WorkerMessage) => void;
let warmed = false;
let started = false;
let flavour: Flavour;

/** Starts the worker (once, at its top level): listens, locks the scope down, says ready. */
export function startScriptWorker(f: Flavour): void {
  flavour = f;
  scope.addEventListener("message", onMessage);
  lockDown(scope);
  // A pre-started worker (named "warm" by the relay) is ready once it has warmed up.
  if (scope.name !== "warm") post({ kind: "ready", bootMs: performance.now() });
}

function onMessage(e: MessageEvent<ScriptRequest | SummaryRequest | WarmRequest>): void {
  const m = e.data;
  if (m?.kind === "warm") {
    if (warmed || started) return;
    warmed = true;
    warmUp(stringsOf(m.files), flavour.run);
    post({ kind: "ready", bootMs: performance.now() });
    warmMore(EXTRA_WARM_ROUNDS);
    return;
  }
  if (started) return;
  started = true;
  handle(m);
}

/** Builds the warm-up model `rounds` more times, one per task, until a run arrives. */
function warmMore(rounds: number): void {
  if (rounds <= 0) return;
  setTimeout(() => {
    if (started) return;
    try {
      buildWarmModel(EXTRA_WARM_ROUNDS - rounds + 1, flavour.run);
    } catch {
      // A warm-up that fails only leaves the worker less warm.
    }
    warmMore(rounds - 1);
  }, 0);
}

/** The string entries of an untrusted files object. */
function stringsOf(given: unknown): Record<string, string> {
  const files: Record<string, string> = {};
  if (given && typeof given === "object")
    for (const [name, text] of Object.entries(given)) if (typeof text === "string") files[name] = text;
  return files;
}

function handle(req: ScriptRequest | SummaryRequest): void {
  if (req?.kind === "summarise") {
    summarise(req);
    return;
  }
  if (req?.kind !== "run" || typeof req.script !== "string" || typeof req.id !== "string") return;
  const files = stringsOf(req.files);
  let lines = 0;
  let dropped = 0;
  const log = (line: string) => {
    if (lines >= MAX_LOG_LINES) dropped++;
    else {
      lines++;
      post({ kind: "log", line: capLine(line) });
    }
  };
  flavour.resetTfjsMark();
  const start = performance.now();
  try {
    const model = flavour.run(req.script, log, files);
    const checks = hasChecks(req) ? evaluateChecks(model, req.checks.exprs, req.checks.data) : undefined;
    const ms = performance.now() - start;
    if (flavour.light && flavour.reachedTfjs()) {
      post({ kind: "needs-tfjs", id: req.id });
      return;
    }
    const tfjs = flavour.reachedTfjs();
    post({
      kind: "result",
      id: req.id,
      model: serializeModel(model),
      ms,
      dropped,
      tfjs,
      ...(checks ? { checks } : {}),
    });
  } catch (e) {
    if (flavour.light && flavour.reachedTfjs()) {
      post({ kind: "needs-tfjs", id: req.id });
      return;
    }
    const line = e instanceof ScriptError ? e.line : null;
    const message = e instanceof Error ? e.message : String(e);
    const checks = hasChecks(req) ? failAll(req.checks.exprs, "the script did not build a model") : undefined;
    const tfjs = flavour.reachedTfjs();
    post({ kind: "error", id: req.id, message, line, dropped, tfjs, ...(checks ? { checks } : {}) });
  }
}

/** A sweep's custom summary: the expression on each trace, saying which run it is on. */
function summarise(req: SummaryRequest): void {
  if (typeof req.id !== "string" || !Array.isArray(req.traces)) return;
  const r = evaluateSummaries(req.expr, req.traces, req.dt, (run) => post({ kind: "summary-at", run }));
  if (r.ok) post({ kind: "summaries", id: req.id, values: r.values });
  else post({ kind: "summary-error", id: req.id, run: r.run, message: r.message });
}

/** Does the run carry a lesson's checks (a list of expressions and their data)? */
function hasChecks(req: ScriptRequest): req is ScriptRequest & { checks: CheckRequest } {
  const c = req.checks;
  return !!c && Array.isArray(c.exprs) && c.exprs.every((e) => typeof e === "string") && !!c.data;
}
