/**
 * Messages between the page and its workers, with guards: the page checks the shape of
 * every message it receives (the script sandbox runs user code, so its messages are
 * untrusted).
 */
import { boundedList, isObject } from "@dendrolab/core/document";
import type { SerializedModel } from "@dendrolab/core/io";
import * as v from "valibot";
import { type CheckRequest, type CheckResult, CheckResultsSchema } from "./lesson.js";
import type { MechanismsReport } from "./mechanisms.js";
import type { ModelSummary, SimSettings, TableData, TableSource, Traces } from "./model.js";
import type { SweepJob, SweepOutcome } from "./sweep.js";

// ---- script sandbox (page <-> sandbox document's relay <-> script worker) -------------

/**
 * A run, from the page to the relay and on to a fresh script worker. `id` is
 * unguessable (`crypto.randomUUID()`); `files`: the session's imported files by name (the
 * script reads them from `dendrolab:files`). `checks`: a lesson's checks, evaluated on the
 * model the script builds (protocol/lesson.ts).
 */
export type ScriptRequest = {
  kind: "run";
  id: string;
  script: string;
  files?: Record<string, string>;
  checks?: CheckRequest;
};

/**
 * A sweep's custom summary, from the page to the relay and on to a fresh script worker:
 * `expr` evaluated on each of `traces` (samples every `dt` ms); see sandbox/sweep-expression.ts.
 */
export type SummaryRequest = { kind: "summarise"; id: string; expr: string; dt: number; traces: Float32Array[] };

/** From the relay to a pre-started worker: compile the session's files ahead of its run (no user code runs). */
export type WarmRequest = { kind: "warm"; files: Record<string, string> };

/**
 * From the script worker to the relay (untrusted: the worker runs user code; the relay
 * checks each). `tfjs`: the run reached for tfjs (the relay then pre-starts full workers).
 * "needs-tfjs" comes from the light worker only: run the script again with tfjs.
 */
export type WorkerMessage =
  | { kind: "ready"; bootMs?: number }
  | { kind: "log"; line: string }
  | {
      kind: "result";
      id: string;
      model: SerializedModel;
      ms: number;
      dropped: number;
      tfjs?: boolean;
      checks?: CheckResult[];
    }
  | {
      kind: "error";
      id: string;
      message: string;
      line: number | null;
      dropped: number;
      tfjs?: boolean;
      checks?: CheckResult[];
    }
  | { kind: "needs-tfjs"; id: string }
  /** Of a summary request: run `run` starts (so that a run that never ends can be named), then its values or error. */
  | { kind: "summary-at"; run: number }
  | { kind: "summaries"; id: string; values: number[] }
  | { kind: "summary-error"; id: string; run: number | null; message: string };

const id = v.pipe(v.number(), v.integer());
const runId = v.pipe(v.string(), v.maxLength(100));
const strings = boundedList(v.string(), 1000);
const anyNumber = v.custom<number>((x) => typeof x === "number");

/**
 * Messages from the sandbox's relay: "ready" once at boot (or "boot-failed"), then exactly
 * one reply per run (a summary request's: "summaries", "summary-error" or "summary-timeout"). The model is checked in full by the model worker. `timeout`,
 * `refused` and `crash` are stops decided by the relay; the texts of `error` and `crash`
 * come from the script.
 */
const ScriptReplySchema = v.variant("kind", [
  v.object({ kind: v.literal("ready"), bootMs: v.optional(v.number()) }),
  v.object({ kind: v.literal("boot-failed"), message: v.string() }),
  v.object({
    kind: v.literal("result"),
    id: runId,
    model: v.custom<SerializedModel>(isObject),
    logs: strings,
    ms: v.number(),
    checks: v.optional(CheckResultsSchema),
  }),
  v.object({
    kind: v.literal("error"),
    id: runId,
    message: v.string(),
    line: v.nullable(id),
    logs: strings,
    checks: v.optional(CheckResultsSchema),
  }),
  v.object({ kind: v.literal("timeout"), id: runId, logs: strings }),
  /** Numbers, NaN and ±Infinity included (a custom summary may give them: drawn as gaps). */
  v.object({ kind: v.literal("summaries"), id: runId, values: boundedList(anyNumber, 100_000) }),
  v.object({ kind: v.literal("summary-error"), id: runId, run: v.nullable(id), message: v.string() }),
  /** A summary request stopped at its time limit (`ms`) while evaluating run `run` (null: before the first). */
  v.object({ kind: v.literal("summary-timeout"), id: runId, run: v.nullable(id), ms: v.number() }),
  v.object({ kind: v.literal("refused"), id: runId, message: v.string(), logs: strings }),
  v.object({ kind: v.literal("crash"), id: runId, message: v.string(), logs: strings }),
]);
export type ScriptReply = v.InferOutput<typeof ScriptReplySchema>;

/** Is `m` a well-formed message from the sandbox? */
export function isScriptReply(m: unknown): m is ScriptReply {
  return v.is(ScriptReplySchema, m);
}

/** What the page checks of a worker's reply (the workers are the page's own code): an id and a known kind. */
const replyOf = <const K extends readonly [string, ...string[]]>(kinds: K) =>
  v.looseObject({ id, kind: v.picklist(kinds) });
const ModelReplyHeader = replyOf([
  "loaded",
  "table",
  "traces",
  "column",
  "mechanisms",
  "neuron-files",
  "error",
  "progress",
  "swept",
  "sweep-progress",
]);
const TrainReplyHeader = replyOf(["started", "progress", "done", "error"]);

// ---- model worker ---------------------------------------------------------------------

export type ModelRequest =
  /** `simulate: false` (a restart's reload of the last good model): no traces are computed. */
  | { kind: "load"; id: number; model: SerializedModel; sim: SimSettings; table: TableSource; simulate?: boolean }
  | { kind: "table"; id: number; source: TableSource }
  /** The `.edges` table of the loaded model (answered as a "table"). */
  | { kind: "edges"; id: number }
  | { kind: "simulate"; id: number; sim: SimSettings }
  /** Applies a `set` to the loaded model (the optimistic twin of a script edit), then answers like "load". */
  | { kind: "set"; id: number; target: TableSource; key: string; value: number; sim: SimSettings; table: TableSource }
  | { kind: "column"; id: number; key: string }
  /** Describes the loaded model's mechanisms and the session's `.mod` files (by name). */
  | { kind: "mechanisms"; id: number; files: Record<string, string> }
  /** The loaded model as NEURON files (`exportNeuron` of the core), for the settings given. */
  | { kind: "export-neuron"; id: number; sim: SimSettings }
  /** One simulation of the loaded model per value, on the core's worker pool (workers/sweep-engine.ts). */
  | { kind: "sweep"; id: number; job: SweepJob };

export type ModelReply =
  | {
      kind: "loaded";
      id: number;
      summary: ModelSummary;
      traces: Traces | null;
      simError: string | null;
      table: TableData;
      ms: number;
    }
  | { kind: "table"; id: number; table: TableData }
  | { kind: "traces"; id: number; traces: Traces }
  | { kind: "column"; id: number; values: number[] }
  | { kind: "mechanisms"; id: number; report: MechanismsReport }
  | { kind: "neuron-files"; id: number; files: Record<string, string>; main: string }
  | { kind: "swept"; id: number; outcome: SweepOutcome }
  /** Not a reply: runs of a sweep done so far (the page resets the request's deadline at each). */
  | { kind: "sweep-progress"; id: number; done: number; total: number; workers: number; nSteps: number }
  /** `interrupted`: made by the page's client, which ended the worker (hung, stopped or crashed). */
  | { kind: "error"; id: number; message: string; interrupted?: boolean }
  /** Not a reply: a simulation of the request starts (sent before any long one; the page resets its deadline). */
  | { kind: "progress"; id: number; nSteps: number; nComp: number; estimateMs: number | null };

export function isModelReply(m: unknown): m is ModelReply {
  return v.is(ModelReplyHeader, m);
}

// ---- trainer worker -------------------------------------------------------------------

/** A training job: everything the worker needs, as data. */
export interface TrainJob {
  model: SerializedModel;
  sim: SimSettings;
  params: Array<{ group: string; key: string; target: number; bounds?: [number, number] }>;
  /**
   * Target traces: simulated from the params' targets, given on the simulation's grid (one
   * row per recording), or the samples of a CSV file (times in ms, one row per recording),
   * which the trainer worker resamples onto the grid.
   */
  target: { kind: "model" } | { kind: "data"; rows: number[][] } | { kind: "csv"; t: number[]; rows: number[][] };
  loss: "mse" | "stats" | "windows";
  /** The windows [from, to) in ms of loss "windows" (none: the whole trace). */
  windows?: Array<[number, number]>;
  /** [mean scale, std scale] in mV of loss "windows". */
  scales?: [number, number];
  /** "adam" (default) or "lm": Levenberg-Marquardt steps on the loss's residuals ("stats", "windows"). */
  optimizer?: "adam" | "lm";
  /** Stop once the loss is below this. */
  threshold?: number | null;
  lr: number;
  /** How the learning rate changes over the steps (default "constant"); see workers/lr-schedule.ts. */
  schedule?: "cosine" | "step" | "constant";
  steps: number;
  transform: "log" | "none" | "sigmoid";
  /** "auto": tfjs gradients through integrate, else central finite differences. */
  gradient: "auto" | "finite-differences";
}

export type TrainRequest = { kind: "start"; id: number; job: TrainJob } | { kind: "stop"; id: number };

export type TrainReply =
  | {
      kind: "started";
      id: number;
      initial: number[];
      target: Traces;
      gradient: "autodiff" | "finite-differences";
      /** E.g. a trained parameter whose gradient is exactly 0 (no recording depends on it). */
      warnings?: string[];
    }
  | { kind: "progress"; id: number; step: number; loss: number; values: number[]; traces: Traces; stepMs: number }
  | {
      kind: "done";
      id: number;
      reason: "finished" | "stopped";
      values: number[];
      losses: number[];
      best: { step: number; loss: number; values: number[] } | null;
    }
  | { kind: "error"; id: number; message: string };

export function isTrainReply(m: unknown): m is TrainReply {
  return v.is(TrainReplyHeader, m);
}
