/**
 * What the session needs from the outside world: the script sandbox and the workers.
 * The app passes the real ones; tests pass fakes.
 */
import type { SerializedModel } from "@dendrolab/core/io";
import type { ModelEvent, SweepProgressInfo } from "../engine/model-client.js";
import type { ScriptOutcome } from "../engine/sandbox.js";
import type { SummaryOutcome } from "../engine/sandbox-summary.js";
import type { CheckRequest } from "../protocol/lesson.js";
import type { MechanismsReport } from "../protocol/mechanisms.js";
import type { TrainJob, TrainReply } from "../protocol/messages.js";
import type { ModelSummary, SimSettings, TableData, TableSource, Traces } from "../protocol/model.js";
import type { SweepJob, SweepOutcome } from "../protocol/sweep.js";

export type { ScriptOutcome, SummaryOutcome };

/** A failed request; `interrupted`: the model worker was ended (hung or stopped) and restarted with the last good model. */
type Failure = { ok: false; message: string; interrupted?: boolean };

type LoadOutcome =
  | { ok: true; summary: ModelSummary; traces: Traces | null; simError: string | null; table: TableData; ms: number }
  | Failure;

type Answer<T> = { ok: true; value: T } | Failure;

export interface Services {
  /** Runs a script in the sandbox with the session's imported files (and a lesson's checks, evaluated there). */
  runScript(script: string, files: Readonly<Record<string, string>>, checks?: CheckRequest): Promise<ScriptOutcome>;
  /** The page has finished with the last run (its traces are drawn): the sandbox may pre-start the next run's worker. Optional for fakes. */
  scriptIdle?(): void;
  loadModel(model: SerializedModel, sim: SimSettings, table: TableSource): Promise<LoadOutcome>;
  /** Applies a `set` to the loaded model at once (before the script run confirms it). */
  quickSet(target: TableSource, key: string, value: number, sim: SimSettings, table: TableSource): Promise<LoadOutcome>;
  table(source: TableSource): Promise<Answer<TableData>>;
  /** The loaded model's `.edges` table (optional: fakes may leave it out). */
  edgeTable?(): Promise<Answer<TableData>>;
  simulate(sim: SimSettings): Promise<Answer<Traces>>;
  column(key: string): Promise<Answer<number[]>>;
  /** The Mechanisms panel: the loaded model's mechanisms and the given `.mod` files. */
  mechanisms(modFiles: Readonly<Record<string, string>>): Promise<Answer<MechanismsReport>>;
  /** The loaded model as NEURON files: relative path -> text, and the script to run. */
  exportNeuron?(sim: SimSettings): Promise<Answer<{ files: Record<string, string>; main: string }>>;
  /** A sweep of the loaded model in the model worker (on the core's worker pool). Optional for fakes. */
  sweep?(job: SweepJob, onProgress: (p: SweepProgressInfo) => void): Promise<Answer<SweepOutcome>>;
  /** A sweep's custom summary: `expr` on each trace, evaluated in the script sandbox. Optional for fakes. */
  summarise?(expr: string, traces: readonly Float32Array[], dt: number): Promise<SummaryOutcome>;
  train(job: TrainJob, onReply: (r: TrainReply) => void): { stop(): void };
  /** Stops the model worker's run (restarting it with the last good model); false if it was idle. Optional for fakes. */
  stopModel?(): boolean;
  /** Hears what the model worker does and when it was restarted. Optional for fakes. */
  onModelEvent?(fn: (e: ModelEvent) => void): () => void;
}
