/**
 * A sweep's custom summary in the script sandbox (loaded with the sweep's first custom
 * summary, not at first paint): the request to the relay, which runs it on a fresh
 * script worker within a time limit (sandbox/relay.ts), and its reply as an outcome.
 */
import type { SummaryRequest } from "../protocol/messages.js";
import { summaryTimeoutMs } from "../sandbox/limits.js";
import type { ScriptSandbox } from "./sandbox.js";

/**
 * One value per trace, or why there are none (`run`: the index of the trace it failed
 * on; null: the expression does not compile, or the sandbox failed).
 */
export type SummaryOutcome =
  | { ok: true; values: number[] }
  | { ok: false; kind: "error" | "timeout" | "crash"; run: number | null; message: string };

/**
 * `expr` evaluated on each trace (samples every `dt` ms) in the sandbox, queued with the
 * script runs, within summaryTimeoutMs of the traces.
 *
 * @example
 * await summarise(sandbox, "max(v) - min(v)", traces, 0.025); // { ok: true, values: [95.1, ...] }
 */
export async function summarise(
  sandbox: ScriptSandbox,
  expr: string,
  traces: readonly Float32Array[],
  dt: number,
): Promise<SummaryOutcome> {
  const request = (id: string): SummaryRequest => ({ kind: "summarise", id, expr, dt, traces: [...traces] });
  const r = await sandbox.request(summaryTimeoutMs(traces), request);
  sandbox.idle(); // the next script run's worker may start now
  const failed = (kind: "timeout" | "crash", message: string, run: number | null = null): SummaryOutcome => ({
    ok: false,
    kind,
    run,
    message,
  });
  switch (r.kind) {
    case "summaries":
      return { ok: true, values: r.values };
    case "summary-error":
      return { ok: false, kind: "error", run: r.run, message: r.message };
    case "summary-timeout":
      return failed("timeout", `did not finish within ${(r.ms / 1000).toFixed(1)} s (an endless loop?)`, r.run);
    case "failed":
    case "refused":
    case "crash":
      return failed("crash", r.message);
    default:
      return failed("crash", `the script sandbox answered "${r.kind}" to a summary`);
  }
}
