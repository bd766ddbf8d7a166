/**
 * The session's default simulation, view and trainer settings: plain values, kept apart
 * from their schemas (share/schema.ts, trainer-settings.ts) so that the first paint does
 * not load the schemas.
 */
import type { SimSettings } from "../protocol/model.js";
import type { ViewSettings } from "./share/schema.js";
import type { SweepSettings } from "./sweep-settings.js";
import type { TrainerSettings } from "./trainer-settings.js";

export const DEFAULT_SIM: SimSettings = { tMax: 20, dt: 0.025, solver: "bwd_euler" };
export const DEFAULT_VIEW: ViewSettings = { colourBy: "group", dims: "2d", keepRuns: false, table: { kind: "all" } };

export const DEFAULT_TRAINER: TrainerSettings = {
  params: [],
  targetKind: "model",
  csv: null,
  loss: "mse",
  lr: 0.05,
  schedule: "cosine",
  steps: 40,
  transform: "log",
};

/** The custom summary expression a new sweep setup starts with. */
export const DEFAULT_SWEEP_EXPRESSION = "max(v) - min(v)";

/** The sweep panel's first setup: an f-I curve of the model's current clamps, 0 to 0.5 nA in 8 points (1-D). */
export const DEFAULT_SWEEP: SweepSettings = {
  vary: "stimulus",
  group: "",
  key: "",
  from: 0,
  to: 0.5,
  points: 8,
  second: null,
  summary: "spikes",
  expression: DEFAULT_SWEEP_EXPRESSION,
  recording: 0,
};
