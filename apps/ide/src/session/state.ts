/**
 * The session's state: the script and its history, the model the script built, what is
 * selected and shown, the traces of recent runs, and the trainer.
 */
import type { SerializedModel } from "@dendrolab/core/io";
import type { ModelActivity } from "../engine/model-client.js";
import type { MechanismsReport } from "../protocol/mechanisms.js";
import type { ModelSummary, SimSettings, TableData, Traces } from "../protocol/model.js";
import { type History, initialHistory } from "./history.js";
import type { PanelLayout } from "./layout.js";
import type { AutosaveState } from "./persist/autosave-state.js";
import { EMPTY_SELECTION, type Selection } from "./selection.js";
import { DEFAULT_SIM, DEFAULT_SWEEP, DEFAULT_TRAINER, DEFAULT_VIEW } from "./defaults.js";
import type { ViewSettings } from "./share/schema.js";
import type { LessonState, LessonTool } from "./lesson-state.js";
import type { Topology } from "./topology.js";
import type { TrainedParam, TrainerSettings } from "./trainer-settings.js";
import type { SweepSettings } from "./sweep-settings.js";
import { IDLE_SWEEP, type SweepRunState } from "./sweep-run.js";

interface RunState {
  status: "idle" | "running" | "ok" | "error";
  /** Error of the last run (script, sandbox or simulation), shown in the editor panel. */
  message: string | null;
  line: number | null;
  logs: string[];
  /** Script evaluation and simulation times of the last run, ms. */
  scriptMs: number;
  simMs: number;
  /** The model was the shipped tutorial's, built with the app (no script ran: engine/prebuilt.ts). */
  prebuilt?: boolean;
  /** The settings the shown traces were simulated with; whether a re-simulation is under way. */
  simulated?: SimSettings | null;
  simulating?: boolean;
  /** The run did not finish: the model worker was stopped or hung and restarted with the last good model. */
  interrupted?: boolean;
  /** The message is the script's own (what it threw): shown as coming from the script, never as the IDE's. */
  fromScript?: boolean;
}

interface LoadedModel {
  summary: ModelSummary;
  serialized: SerializedModel;
  topo: Topology;
}

export interface TraceRun {
  n: number;
  label: string;
  traces: Traces;
  /** Drawn from an optimistic `set` while the script run that confirms it is under way. */
  provisional?: boolean;
}

export interface TrainingState {
  status: "idle" | "running" | "done" | "stopped" | "error";
  /** The parameters of the job (values below follow this order). */
  params: TrainedParam[];
  initial: number[];
  /** The values the latest loss was computed at. */
  values: number[];
  losses: number[];
  /** The step number of `losses[0]`: 0 for Levenberg-Marquardt (its start), 1 for Adam (before its first update); 1 if unset. */
  firstStep?: 0 | 1;
  /** Lowest loss so far and its values: what "Apply" writes. */
  best: { step: number; loss: number; values: number[] } | null;
  traces: Traces | null;
  target: Traces | null;
  gradient: "autodiff" | "finite-differences" | null;
  message: string | null;
  stepMs: number;
  /** Warnings of the job, e.g. "fast_spiking.Na_gNa: gradient exactly 0 (no recording depends on it)". */
  warnings: string[];
}

/** A button in a banner (e.g. "Back to the tutorial"). */
export interface BannerAction {
  label: string;
  testid: string;
  run: () => void;
}

export interface Banner {
  kind: "error" | "info";
  text: string;
  actions?: BannerAction[];
}

export interface SessionState {
  script: string;
  history: History;
  /** Files imported from disk (SWC morphologies, `.mod` mechanisms), by name; scripts read them from `dendrolab:files`. */
  files: Record<string, string>;
  /** The Mechanisms panel: the model's mechanisms and the imported `.mod` files (after each run). */
  mechanisms: MechanismsReport | null;
  sim: SimSettings;
  view: ViewSettings;
  trainer: TrainerSettings;
  /** The sweep panel's setup (shared in links) and its last run. */
  sweep: SweepSettings;
  sweepRun: SweepRunState;
  run: RunState;
  model: LoadedModel | null;
  selection: Selection;
  /** Selected compartments (derived from selection and model). */
  selectedNodes: number[];
  table: TableData | null;
  runs: TraceRun[];
  simError: string | null;
  /** What the model worker is doing now (a build or a simulation, since when), or null when it is idle. */
  modelActivity?: ModelActivity | null;
  colourValues: number[] | null;
  training: TrainingState;
  banner: Banner | null;
  /** Model fingerprint a just-opened link expects. */
  expectedCheck: string | null;
  /** Panel sizes the user dragged (null: the defaults). */
  layout: PanelLayout | null;
  /** Autosave to IndexedDB (see persist/autosave.ts). */
  autosave: AutosaveState;
  /** The name of the project file opened or saved last (without `.dendrolab.json`). */
  projectName: string | null;
  /** The lesson the student follows (session/lesson-actions.ts), if any. */
  lesson?: LessonState | null;
  /** The teacher's lesson editor or hand-in comparison, when open. */
  lessonTool?: LessonTool | null;
  /** What the page opened with (persist/session-actions.ts): a link in the address, the autosaved session, or the tutorial. */
  opened?: "link" | "autosave" | "tutorial" | null;
}

export const IDLE_TRAINING: TrainingState = {
  status: "idle",
  params: [],
  initial: [],
  values: [],
  losses: [],
  best: null,
  traces: null,
  target: null,
  gradient: null,
  message: null,
  stepMs: 0,
  warnings: [],
};

export function initialState(script: string): SessionState {
  return {
    script,
    history: initialHistory(script),
    files: {},
    mechanisms: null,
    sim: { ...DEFAULT_SIM },
    view: { ...DEFAULT_VIEW },
    trainer: { ...DEFAULT_TRAINER, params: [] },
    sweep: { ...DEFAULT_SWEEP },
    sweepRun: IDLE_SWEEP,
    run: { status: "idle", message: null, line: null, logs: [], scriptMs: 0, simMs: 0 },
    model: null,
    selection: EMPTY_SELECTION,
    selectedNodes: [],
    table: null,
    runs: [],
    simError: null,
    colourValues: null,
    training: IDLE_TRAINING,
    banner: null,
    expectedCheck: null,
    layout: null,
    autosave: { status: "off", savedAt: null, message: null },
    projectName: null,
  };
}
