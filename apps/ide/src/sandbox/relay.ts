/**
 * The relay: the only script of the sandbox document (sandbox.html, served with a
 * `sandbox allow-scripts` policy: opaque origin, no storage, no network). It takes one
 * MessagePort from its parent page at boot and then talks only through it.
 *
 * Every run gets a fresh script worker (started from a blob: URL, pre-started once the page
 * has shown the previous run, so runs do not wait for it) which is terminated after its one reply. The
 * relay enforces the run's limits before anything reaches the page (limits.ts): the
 * run's time, the reply's size, the number and length of console lines, and the number of
 * messages; whatever the worker sends after its reply is never read. The page gets
 * exactly one message per run. A sweep's custom summary (a "summarise" request) is run
 * the same way, on a fresh worker with its own time limit; its worker says which run it is
 * evaluating, so that a timeout names the run.
 */
import { fullFile, light as lightSource } from "virtual:sandbox-worker-source";
import type { ScriptReply, ScriptRequest, SummaryRequest, WarmRequest, WorkerMessage } from "../protocol/messages.js";
import { checkResults } from "./check-results.js";
import {
  CAP_NOTE_CHARS,
  capLine,
  droppedLinesNote,
  formatBytes,
  MAX_LOG_LINE_CHARS,
  MAX_LOG_LINES,
  MAX_REPLY_BYTES,
  MAX_WORKER_MESSAGES,
  measureBytes,
  scriptTimeoutMs,
  summaryTimeoutMs,
} from "./limits.js";

interface Spare {
  worker: Worker;
  ready: Promise<number | undefined>;
  /** The full worker (with tfjs), else the light one. */
  full: boolean;
}

interface Run {
  id: string;
  /** A script run, or a sweep's custom summary (then `runs` traces, the last begun `at`). */
  req: ScriptRequest | SummaryRequest;
  runs: number;
  at: number | null;
  worker: Worker;
  full: boolean;
  logs: string[];
  dropped: number;
  messages: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

const blobUrl = (source: string) => URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
const lightUrl = blobUrl(lightSource);
/** The full worker's blob: URL, once its script (a file of its own, about a megabyte) has loaded. */
let fullUrl: string | null = null;
let fullLoading: Promise<string> | null = null;

/**
 * Loads the full worker's source (once): a classic script next to this document, added
 * once the page has shown its first run, or sooner if a run needs tfjs.
 */
function loadFull(): Promise<string> {
  fullLoading ??= new Promise<string>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = fullFile;
    script.onload = () => {
      const g = self as unknown as { DendrolabFullWorkerSource?: unknown };
      const source = g.DendrolabFullWorkerSource;
      delete g.DendrolabFullWorkerSource;
      if (typeof source !== "string") return reject(new Error(`${fullFile} did not define the full worker`));
      fullUrl = blobUrl(source);
      resolve(fullUrl);
    };
    script.onerror = () => reject(new Error(`the full script worker (${fullFile}) did not load`));
    document.body.appendChild(script);
  }).catch((e: Error) => {
    fullLoading = null; // tried again when a run needs it
    throw e;
  });
  return fullLoading;
}
let port: MessagePort | null = null;
let spare: Spare | null = null;
let current: Run | null = null;
/** The files of the last run: the next worker compiles them ahead of its run. */
let lastFiles: Record<string, string> = {};
/** Did the last run reach for tfjs? Then the next worker is a full one. */
let wantFull = false;

/**
 * Starts a worker; `ready` resolves with its boot time once it has locked itself down. A
 * worker given `warm` files (pre-started for a later run) first builds a small model of
 * its own and compiles those files (the last run's), so that the run finds its code
 * compiled; the first worker skips that for a faster first run. `full`: the worker with
 * tfjs, for scripts that reach for it (light-libraries.ts), if its source has loaded (else
 * a light one).
 */
function startWorker(fullWanted: boolean, warm?: Record<string, string>): Spare {
  const url = fullWanted && fullUrl ? fullUrl : lightUrl;
  const full = url !== lightUrl;
  const worker = new Worker(url, { name: warm ? "warm" : "cold" });
  if (warm) worker.postMessage({ kind: "warm", files: warm } satisfies WarmRequest);
  const ready = new Promise<number | undefined>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      const m = e.data;
      if (m && m.kind === "ready") resolve(typeof m.bootMs === "number" ? m.bootMs : undefined);
      else reject(new Error("the script worker spoke before it was ready"));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      reject(new Error(String(e.message || "the script worker failed to start")));
    };
  });
  ready.catch(() => undefined); // reported when a run or the boot waits for it
  return { worker, ready, full };
}

/**
 * The next worker is pre-started when the page says it is idle (its run's traces are
 * drawn: starting a worker takes a core for tens of ms, which on a 2-core machine would
 * delay the model's run and the draws), or at the latest PRESTART_FALLBACK_MS after the
 * reply. It warms up before it is ready (script.worker.ts); a run arriving meanwhile
 * waits for that.
 */
const PRESTART_FALLBACK_MS = 1000;
let prestart: ReturnType<typeof setTimeout> | undefined;

function prestartNow(): void {
  clearTimeout(prestart);
  if (!current) spare ??= startWorker(wantFull, lastFiles);
  // The full worker's source loads once the page has shown its first run: not amid the
  // first run, and not later in the session, where its parse could hold up the page (when
  // the browser runs this frame on the page's thread) during, say, a training run.
  void loadFull().catch(() => undefined);
}

function schedulePrestart(): void {
  clearTimeout(prestart);
  prestart = setTimeout(prestartNow, PRESTART_FALLBACK_MS);
}

/** The pre-started worker, or (when a run comes before it) a fresh one that skips the warm-up. */
function takeSpare(): Spare {
  clearTimeout(prestart);
  const s = spare ?? startWorker(wantFull);
  spare = null;
  return s;
}

function send(m: ScriptReply): void {
  port?.postMessage(m);
}

/** Ends the current run with its one reply; terminates its worker and pre-starts the next. */
function finish(reply: ScriptReply): void {
  const run = current;
  if (!run) return;
  current = null;
  clearTimeout(run.timer);
  run.worker.onmessage = null;
  run.worker.onerror = null;
  run.worker.terminate();
  send(reply);
  schedulePrestart();
}

function logsOf(run: Run, extra = 0): string[] {
  const dropped = run.dropped + extra;
  return dropped > 0 ? [...run.logs, droppedLinesNote(dropped)] : run.logs;
}

/** A non-negative whole count from the worker (untrusted), else 0. */
const count = (n: unknown) => (typeof n === "number" && Number.isFinite(n) && n > 0 ? Math.floor(n) : 0);

function onWorkerMessage(run: Run, e: MessageEvent): void {
  if (current !== run) return; // after the reply: never read
  if (++run.messages > MAX_WORKER_MESSAGES) {
    finish({
      kind: "refused",
      id: run.id,
      message: `The script sent more than ${MAX_WORKER_MESSAGES.toLocaleString("en-US")} messages in one run and was stopped; a run sends its console lines and one model.`,
      logs: logsOf(run),
    });
    return;
  }
  const m = e.data as WorkerMessage;
  const size = measureBytes(m, MAX_REPLY_BYTES);
  if (size > MAX_REPLY_BYTES) {
    finish({
      kind: "refused",
      id: run.id,
      message: `The script's reply is larger than ${formatBytes(MAX_REPLY_BYTES)} (the limit for a model sent by a script) and was refused; the previous model is kept.`,
      logs: logsOf(run),
    });
    return;
  }
  if (m && m.kind === "log" && typeof m.line === "string") {
    if (run.logs.length < MAX_LOG_LINES) run.logs.push(capLine(m.line, MAX_LOG_LINE_CHARS + CAP_NOTE_CHARS));
    else run.dropped++;
    return;
  }
  if (m && m.kind === "needs-tfjs" && m.id === run.id && !run.full) {
    again(run);
    return;
  }
  if (m && (m.kind === "result" || m.kind === "error") && m.id === run.id) wantFull = run.full && m.tfjs === true;
  if (run.req.kind === "summarise") {
    if (m && typeof m === "object" && onSummaryMessage(run, m)) return;
  } else if (m && m.kind === "result" && m.id === run.id && typeof m.ms === "number") {
    const checks = checkResults(m.checks);
    finish({ kind: "result", id: run.id, model: m.model, ms: m.ms, logs: logsOf(run, count(m.dropped)), ...checks });
    return;
  } else if (m && m.kind === "error" && m.id === run.id && typeof m.message === "string") {
    const line = Number.isInteger(m.line) && (m.line as number) > 0 ? m.line : null;
    const message = capLine(m.message, MAX_LOG_LINE_CHARS + CAP_NOTE_CHARS);
    const checks = checkResults(m.checks);
    finish({ kind: "error", id: run.id, message, line, logs: logsOf(run, count(m.dropped)), ...checks });
    return;
  }
  const kind = m && typeof m === "object" && typeof m.kind === "string" ? `"${m.kind.slice(0, 40)}"` : "none";
  finish({
    kind: "refused",
    id: run.id,
    message: `The script's worker sent an unexpected message (kind ${kind}, not this run's result, error or console line) and was stopped; the previous model is kept.`,
    logs: logsOf(run),
  });
}

/** A summary request's messages from its worker; false for any other message (refused by the caller). */
function onSummaryMessage(run: Run, m: WorkerMessage): boolean {
  const isRun = (r: unknown): r is number => Number.isInteger(r) && (r as number) >= 0 && (r as number) < run.runs;
  if (m.kind === "summary-at" && isRun(m.run)) {
    run.at = m.run;
    return true;
  }
  if (m.kind === "summaries" && m.id === run.id && Array.isArray(m.values) && m.values.length === run.runs) {
    if (!m.values.every((x) => typeof x === "number")) return false;
    finish({ kind: "summaries", id: run.id, values: m.values });
    return true;
  }
  if (m.kind === "summary-error" && m.id === run.id && typeof m.message === "string") {
    const message = capLine(m.message, MAX_LOG_LINE_CHARS + CAP_NOTE_CHARS);
    finish({ kind: "summary-error", id: run.id, run: isRun(m.run) ? m.run : null, message });
    return true;
  }
  return false;
}

/** Starts a script run or a summary request on a fresh worker. */
function onRun(req: ScriptRequest | SummaryRequest): void {
  if (current) return; // the page runs one script at a time; it drops the sandbox if a run never answers
  const { worker, ready, full } = takeSpare();
  if (req.kind === "run") lastFiles = req.files ?? {};
  const runs = req.kind === "summarise" ? req.traces.length : 0;
  const run: Run = {
    id: req.id,
    req,
    runs,
    at: null,
    worker,
    full,
    logs: [],
    dropped: 0,
    messages: 0,
    timer: undefined,
  };
  current = run;
  runIn(run, ready);
}

/** Sends the run's script to its worker once that is ready; the run's time limit starts with the first worker. */
function runIn(run: Run, ready: Promise<unknown>): void {
  const { worker, req } = run;
  worker.onerror = (e) => {
    e.preventDefault();
    finish({ kind: "crash", id: run.id, message: String(e.message || "unknown error"), logs: logsOf(run) });
  };
  ready.then(
    () => {
      if (current !== run || run.worker !== worker) return;
      worker.onmessage = (e) => onWorkerMessage(run, e);
      if (req.kind === "summarise") {
        const limitMs = summaryTimeoutMs(req.traces);
        run.timer ??= setTimeout(
          () => finish({ kind: "summary-timeout", id: run.id, run: run.at, ms: limitMs }),
          limitMs,
        );
        worker.postMessage(req);
        return;
      }
      run.timer ??= setTimeout(
        () => finish({ kind: "timeout", id: run.id, logs: logsOf(run) }),
        scriptTimeoutMs(req.files ?? {}),
      );
      const checks = req.checks ? { checks: req.checks } : {};
      worker.postMessage({ kind: "run", id: req.id, script: req.script, files: req.files ?? {}, ...checks });
    },
    (e: Error) => finish({ kind: "crash", id: run.id, message: e.message, logs: [] }),
  );
}

/**
 * The light worker answered "needs-tfjs": its worker is ended and the run starts again in
 * a full worker (the pre-started spare if it is one), with the console lines of the first
 * attempt dropped (the script writes them again).
 */
function again(run: Run): void {
  run.worker.onmessage = null;
  run.worker.onerror = null;
  run.worker.terminate();
  wantFull = true;
  run.logs = [];
  run.dropped = 0;
  run.full = true;
  if (fullUrl) {
    againInFull(run);
    return;
  }
  loadFull().then(
    () => {
      if (current === run) againInFull(run);
    },
    (e: Error) => {
      if (current === run) finish({ kind: "crash", id: run.id, message: e.message, logs: [] });
    },
  );
}

function againInFull(run: Run): void {
  const next = spare?.full ? spare : startWorker(true);
  if (next === spare) spare = null;
  run.worker = next.worker;
  runIn(run, next.ready);
}

function onPageMessage(e: MessageEvent): void {
  if ((e.data as { kind?: unknown } | null)?.kind === "idle") {
    prestartNow();
    return;
  }
  const m = e.data as ScriptRequest | SummaryRequest;
  if (m?.kind === "summarise") {
    const { id, expr, dt, traces } = m;
    const ok = typeof id === "string" && typeof expr === "string" && typeof dt === "number" && Array.isArray(traces);
    if (ok && traces.every((t) => t instanceof Float32Array)) onRun({ kind: "summarise", id, expr, dt, traces });
    return;
  }
  if (m?.kind !== "run" || typeof m.id !== "string" || typeof m.script !== "string") return;
  const files: Record<string, string> = {};
  if (m.files && typeof m.files === "object")
    for (const [name, text] of Object.entries(m.files)) if (typeof text === "string") files[name] = text;
  const checks = m.checks && typeof m.checks === "object" ? { checks: m.checks } : {};
  onRun({ kind: "run", id: m.id, script: m.script, files, ...checks });
}

// The page hands over one port, once; every other window message is ignored.
window.addEventListener("message", (e) => {
  if (port || e.source !== window.parent || e.ports.length !== 1) return;
  port = e.ports[0];
  port.onmessage = onPageMessage;
  spare = startWorker(false);
  spare.ready.then(
    (bootMs) => send({ kind: "ready", bootMs }),
    (err: Error) => send({ kind: "boot-failed", message: err.message }),
  );
});
