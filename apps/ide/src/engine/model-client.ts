/**
 * The page's handle on the model worker: requests with ids, answered by promises, one
 * reply each. The worker answers in order; the request it works on has a deadline
 * (model-deadlines.ts) after which the worker is ended and restarted with the last good
 * model, and every waiting request is answered with an error that says why. The same
 * restart stops a run on the user's request.
 */
import type { SerializedModel } from "@dendrolab/core/io";
import { isModelReply, type ModelReply, type ModelRequest } from "../protocol/messages.js";
import type { SimSettings, TableSource } from "../protocol/model.js";
import type { SweepJob } from "../protocol/sweep.js";
import { buildDeadlineMs, formatDuration, modelSize, simDeadlineMs } from "./model-deadlines.js";

/** Crashes in a row (without an answer between them) after which the worker is not restarted again. */
const MAX_CRASHES = 3;

type Body<R> = R extends { id: number } ? Omit<R, "id"> : never;

/** What the worker is doing now (the oldest unanswered request). `since`: performance.now() when it began. */
export interface ModelActivity {
  what: "build" | "simulate" | "other";
  since: number;
  /** Of a simulation: steps, compartments and the worker's estimate of its time (ms), if it made one. */
  nSteps?: number;
  nComp?: number;
  estimateMs?: number | null;
}

export type ModelEvent =
  | { kind: "activity"; activity: ModelActivity | null }
  /** The worker was ended (hung, stopped or crashed) and restarted; `message` says so to the user. */
  | { kind: "restarted"; reason: "timeout" | "stopped" | "crashed"; message: string };

interface Pending {
  resolve: (r: ModelReply) => void;
  body: Body<ModelRequest>;
  activity: ModelActivity;
  deadlineMs: number;
  /** Of a sweep: hears of its runs as they finish. */
  onSweep?: (p: SweepProgressInfo) => void;
}

/** A sweep's progress: runs done of the total, on a pool of `workers`. */
export interface SweepProgressInfo {
  done: number;
  total: number;
  workers: number;
}

export interface ModelClientOptions {
  /** Overrides every deadline (tests that need a hang detected quickly). */
  deadlineMs?: number;
}

export class ModelClient {
  private worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The last model the worker loaded without error: what a restart reloads. */
  private lastGood: { model: SerializedModel; sim: SimSettings; table: TableSource } | null = null;
  /** Compartments of the loaded model (from the worker's last progress message), for table deadlines. */
  private nComp = 0;
  private readonly listeners = new Set<(e: ModelEvent) => void>();
  /** Crashes since the worker last answered. */
  private crashes = 0;

  constructor(private options: ModelClientOptions = {}) {
    this.worker = this.spawn();
  }

  /** Sets (or with null, clears) a deadline for every request from now on: for tests that need a hang detected quickly. */
  overrideDeadline(ms: number | null): void {
    this.options = { ...this.options, deadlineMs: ms ?? undefined };
  }

  /** Calls `fn` on every activity change and restart. */
  listen(fn: (e: ModelEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(e: ModelEvent): void {
    for (const fn of this.listeners) fn(e);
  }

  private spawn(): Worker {
    const w = new Worker(new URL("../workers/model.worker.ts", import.meta.url), { type: "module", name: "model" });
    w.onmessage = (e) => {
      if (w !== this.worker || !isModelReply(e.data)) return;
      this.receive(e.data);
    };
    w.onerror = (e) => {
      if (w !== this.worker) return;
      e.preventDefault();
      const why = `The model worker crashed (${e.message || "no message"}).`;
      // A worker that crashes again and again (it cannot even start) is not restarted in a loop.
      if (++this.crashes > MAX_CRASHES)
        this.failAll(`${why} It crashed ${this.crashes} times in a row: reload the page.`);
      else this.restart("crashed", why);
    };
    return w;
  }

  private receive(r: ModelReply): void {
    this.crashes = 0;
    const p = this.pending.get(r.id);
    if (!p) return; // one reply per request: later ones (and unknown ids) are dropped
    if (r.kind === "progress") {
      const num = (x: unknown) => (typeof x === "number" && Number.isFinite(x) && x >= 0 ? x : 0);
      const estimateMs = typeof r.estimateMs === "number" && Number.isFinite(r.estimateMs) ? r.estimateMs : null;
      this.nComp = num(r.nComp);
      p.activity = { what: "simulate", since: performance.now(), nSteps: num(r.nSteps), nComp: this.nComp, estimateMs };
      p.deadlineMs = this.options.deadlineMs ?? simDeadlineMs(num(r.nSteps), this.nComp, estimateMs);
      this.arm();
      return;
    }
    if (r.kind === "sweep-progress") {
      const num = (x: unknown) => (typeof x === "number" && Number.isFinite(x) && x >= 0 ? x : 0);
      const total = num(r.total);
      p.activity = { what: "simulate", since: performance.now(), nSteps: num(r.nSteps) * total, nComp: this.nComp };
      p.deadlineMs = this.options.deadlineMs ?? simDeadlineMs(num(r.nSteps) * total, this.nComp, null);
      p.onSweep?.({ done: num(r.done), total, workers: num(r.workers) });
      this.arm();
      return;
    }
    this.pending.delete(r.id);
    if (r.kind === "loaded" && p.body.kind === "load") {
      this.lastGood = { model: p.body.model, sim: p.body.sim, table: p.body.table };
      this.nComp = r.summary.nComp;
    }
    const next = this.head();
    if (next) next.activity = { ...next.activity, since: performance.now() };
    this.arm();
    p.resolve(r);
  }

  private head(): Pending | undefined {
    return this.pending.values().next().value;
  }

  /** Starts the watchdog of the request the worker works on (the oldest), and tells listeners. */
  private arm(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const p = this.head();
    this.emit({ kind: "activity", activity: p ? p.activity : null });
    if (!p) return;
    const left = p.deadlineMs - (performance.now() - p.activity.since);
    this.timer = setTimeout(
      () => {
        const what = describe(p);
        this.restart(
          "timeout",
          `The model worker did not finish ${what} within ${formatDuration(p.deadlineMs)}, so it was ended.`,
        );
      },
      Math.max(0, left),
    );
  }

  /**
   * Ends the worker and starts a new one with the last good model; every waiting request
   * is answered with an error (`interrupted`) giving `why`.
   */
  private restart(reason: "timeout" | "stopped" | "crashed", why: string): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.worker.terminate();
    const waiting = [...this.pending.entries()];
    this.pending.clear();
    // The model to reload: the last good one, or the one a restart was reloading.
    const reloading = waiting.find(([, p]) => p.body.kind === "load" && p.body.simulate === false)?.[1].body;
    const restore =
      this.lastGood ??
      (reloading?.kind === "load" ? { model: reloading.model, sim: reloading.sim, table: reloading.table } : null);
    this.lastGood = null;
    this.worker = this.spawn();
    const kept = restore
      ? "It was restarted with the previous model, which is kept with its traces."
      : "It was restarted; there was no earlier model to keep.";
    const message = `${why} ${kept}`;
    this.emit({ kind: "restarted", reason, message });
    if (restore) void this.request({ kind: "load", ...restore, simulate: false });
    else this.arm();
    for (const [id, p] of waiting) p.resolve({ kind: "error", id, message, interrupted: true });
  }

  /** Answers every waiting request with `message` (the worker is left as it is). */
  private failAll(message: string): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const waiting = [...this.pending.entries()];
    this.pending.clear();
    this.arm();
    for (const [id, p] of waiting) p.resolve({ kind: "error", id, message, interrupted: true });
  }

  /** Stops what the worker is doing (restarting it with the last good model); false if it is idle. */
  stop(): boolean {
    const p = this.head();
    if (!p) return false;
    const elapsed = formatDuration(performance.now() - p.activity.since);
    this.restart("stopped", `Stopped ${describe(p)} after ${elapsed}.`);
    return true;
  }

  private request(body: Body<ModelRequest>, onSweep?: Pending["onSweep"]): Promise<ModelReply> {
    const id = this.nextId++;
    const what =
      body.kind === "load" || body.kind === "set" ? "build" : body.kind === "simulate" ? "simulate" : "other";
    const size = body.kind === "load" ? modelSize(body.model) : this.nComp;
    const deadlineMs = this.options.deadlineMs ?? buildDeadlineMs(size);
    return new Promise((resolve) => {
      const idle = this.pending.size === 0;
      this.pending.set(id, { resolve, body, activity: { what, since: performance.now() }, deadlineMs, onSweep });
      this.worker.postMessage({ ...body, id });
      if (idle) this.arm();
    });
  }

  load(model: SerializedModel, sim: SimSettings, table: TableSource): Promise<ModelReply> {
    return this.request({ kind: "load", model, sim, table });
  }

  set(target: TableSource, key: string, value: number, sim: SimSettings, table: TableSource): Promise<ModelReply> {
    return this.request({ kind: "set", target, key, value, sim, table });
  }

  table(source: TableSource): Promise<ModelReply> {
    return this.request({ kind: "table", source });
  }

  edges(): Promise<ModelReply> {
    return this.request({ kind: "edges" });
  }

  simulate(sim: SimSettings): Promise<ModelReply> {
    return this.request({ kind: "simulate", sim });
  }

  column(key: string): Promise<ModelReply> {
    return this.request({ kind: "column", key });
  }

  exportNeuron(sim: SimSettings): Promise<ModelReply> {
    return this.request({ kind: "export-neuron", sim });
  }

  /** A sweep of the loaded model (answered "swept"); `onProgress` hears of each finished run. */
  sweep(job: SweepJob, onProgress?: (p: SweepProgressInfo) => void): Promise<ModelReply> {
    return this.request({ kind: "sweep", job }, onProgress);
  }

  mechanisms(files: Record<string, string>): Promise<ModelReply> {
    return this.request({ kind: "mechanisms", files });
  }
}

/** The work of a request in words: "simulating 4000001 steps of 24 compartments". */
function describe(p: Pending): string {
  const a = p.activity;
  if (p.body.kind === "sweep") {
    const { values, second } = p.body.job;
    return second
      ? `the 2-D sweep of ${values.length} × ${second.values.length} runs`
      : `the sweep of ${values.length} values`;
  }
  if (a.what === "simulate" && a.nSteps !== undefined)
    return `simulating ${a.nSteps.toLocaleString("en")} steps of ${a.nComp} compartment${a.nComp === 1 ? "" : "s"}`;
  if (p.body.kind === "load")
    return `building the model (${modelSize(p.body.model).toLocaleString("en")} branches and compartments)`;
  if (p.body.kind === "set") return "applying an edit to the model";
  return `answering "${p.body.kind}"`;
}
