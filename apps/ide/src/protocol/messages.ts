/**
 * Messages between the page and its workers, with guards: the page checks the shape of
 * every message it receives (the script sandbox runs user code, so its messages are
 * untrusted).
 */
import type { SerializedModel } from "@dendrolab/core/io";
import type { ModelSummary, SimSettings, TableData, TableSource, Traces } from "./model.js";

// ---- script sandbox (page <-> iframe <-> script worker) -------------------------------

/** `files`: the session's imported files by name (the script reads them from `dendrolab:files`). */
export type ScriptRequest = { kind: "run"; id: number; script: string; files?: Record<string, string> };

export type ScriptReply =
  | { kind: "ready"; bootMs?: number }
  | { kind: "result"; id: number; model: SerializedModel; logs: string[]; ms: number }
  | { kind: "error"; id: number; message: string; line: number | null; logs: string[] }
  | { kind: "frame-ready" }
  | { kind: "crash"; message: string };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.length <= 1000 && v.every((s) => typeof s === "string");

/** Is `m` a well-formed message from the sandbox? */
export function isScriptReply(m: unknown): m is ScriptReply {
  if (!isObj(m)) return false;
  switch (m.kind) {
    case "ready":
    case "frame-ready":
      return true;
    case "crash":
      return typeof m.message === "string";
    case "result":
      return Number.isInteger(m.id) && isObj(m.model) && isStrings(m.logs) && typeof m.ms === "number";
    case "error":
      return Number.isInteger(m.id) && typeof m.message === "string" && (m.line === null || Number.isInteger(m.line)) && isStrings(m.logs);
    default:
      return false;
  }
}

// ---- model worker ---------------------------------------------------------------------

export type ModelRequest =
  | { kind: "load"; id: number; model: SerializedModel; sim: SimSettings; table: TableSource }
  | { kind: "table"; id: number; source: TableSource }
  | { kind: "simulate"; id: number; sim: SimSettings }
  /** Applies a `set` to the loaded model (the optimistic twin of a script edit), then answers like "load". */
  | { kind: "set"; id: number; target: TableSource; key: string; value: number; sim: SimSettings; table: TableSource }
  | { kind: "column"; id: number; key: string };

export type ModelReply =
  | { kind: "loaded"; id: number; summary: ModelSummary; traces: Traces | null; simError: string | null; table: TableData; ms: number }
  | { kind: "table"; id: number; table: TableData }
  | { kind: "traces"; id: number; traces: Traces }
  | { kind: "column"; id: number; values: number[] }
  | { kind: "error"; id: number; message: string };

export function isModelReply(m: unknown): m is ModelReply {
  return isObj(m) && Number.isInteger(m.id) && ["loaded", "table", "traces", "column", "error"].includes(m.kind as string);
}

// ---- trainer worker -------------------------------------------------------------------

/** A training job: everything the worker needs, as data. */
export interface TrainJob {
  model: SerializedModel;
  sim: SimSettings;
  params: Array<{ group: string; key: string; target: number }>;
  /** Target traces: simulated from the params' targets, or given (one row per recording). */
  target: { kind: "model" } | { kind: "data"; rows: number[][] };
  loss: "mse" | "stats";
  lr: number;
  steps: number;
  transform: "log" | "none";
  /** "auto": tfjs gradients through integrate, else central finite differences. */
  gradient: "auto" | "finite-differences";
}

export type TrainRequest = { kind: "start"; id: number; job: TrainJob } | { kind: "stop"; id: number };

export type TrainReply =
  | { kind: "started"; id: number; initial: number[]; target: Traces; gradient: "autodiff" | "finite-differences" }
  | { kind: "progress"; id: number; step: number; loss: number; values: number[]; traces: Traces; stepMs: number }
  | { kind: "done"; id: number; reason: "finished" | "stopped"; values: number[]; losses: number[]; best: { step: number; loss: number; values: number[] } | null }
  | { kind: "error"; id: number; message: string };

export function isTrainReply(m: unknown): m is TrainReply {
  return isObj(m) && Number.isInteger(m.id) && ["started", "progress", "done", "error"].includes(m.kind as string);
}
