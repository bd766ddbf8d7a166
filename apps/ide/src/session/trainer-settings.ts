/**
 * Trainer settings: which shared group parameters to train, against which target, with
 * which loss and optimiser. Part of the session (and of share links).
 */

/** One trained parameter: `key` shared by every compartment of `group`. */
export interface TrainedParam {
  group: string;
  key: string;
  /** The value the target traces are simulated with (target "model"). */
  target: number;
}

export type LossKind = "mse" | "stats";
export type TransformKind = "log" | "none";

export interface TrainerSettings {
  params: TrainedParam[];
  /** Target traces: the current model with the params' target values, or an uploaded CSV. */
  targetKind: "model" | "csv";
  /** The uploaded CSV (kept in links when small). */
  csv: { name: string; text: string } | null;
  /** "mse": mean squared error of the traces; "stats": of each trace's mean and standard deviation. */
  loss: LossKind;
  /** Adam's learning rate (in the transformed space). */
  lr: number;
  steps: number;
  /** "log": Adam works on log(value), keeping values positive. */
  transform: TransformKind;
}

export const DEFAULT_TRAINER: TrainerSettings = {
  params: [],
  targetKind: "model",
  csv: null,
  loss: "mse",
  lr: 0.05,
  steps: 40,
  transform: "log",
};

/** The largest CSV kept in share links, characters. */
export const MAX_LINKED_CSV = 16_000;
