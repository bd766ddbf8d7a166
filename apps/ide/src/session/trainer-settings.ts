/**
 * Trainer settings: which shared group parameters to train, against which target, with
 * which loss and optimiser. Part of the session (and of share links); the schema is the
 * definition, the types are inferred from it.
 */
import { boundedList, fields } from "@dendrolab/core/document";
import * as v from "valibot";
import { numberIn, oneOf, text } from "../protocol/checks.js";

/**
 * One trained parameter: `key` shared by every compartment of `group`; `target` is the value
 * the target traces are simulated with (target "model"); `bounds` [lower, upper], used by the
 * "sigmoid" transform (optional otherwise).
 */
export const TrainedParamSchema = fields(
  {
    group: text(200),
    key: text(200),
    target: numberIn(-1e12, 1e12),
    bounds: v.optional(
      v.pipe(
        v.tuple([numberIn(-1e12, 1e12), numberIn(-1e12, 1e12)], "[lower, upper]"),
        v.check(([lo, hi]) => lo < hi, "[lower, upper] with lower < upper"),
      ),
    ),
  },
  "{ group, key, target, bounds? }",
);
export type TrainedParam = v.InferOutput<typeof TrainedParamSchema>;

/** A loss window [from, to) in ms, from < to. */
const WindowSchema = v.pipe(
  v.tuple([numberIn(0, 1e9), numberIn(0, 1e9)], "[from, to] in ms"),
  v.check(([a, b]) => a < b, "[from, to] with from < to"),
);

/**
 * - `targetKind`: target traces from the current model with the params' target values, or an uploaded CSV.
 * - `csv`: the uploaded CSV (kept in links when small).
 * - `loss`: "mse", mean squared error of the traces; "stats", of each trace's mean and standard
 *   deviation; "windows", the summed absolute errors of each trace's mean and standard deviation
 *   in `windows` ([from, to) ms; none: the whole trace), divided by `scales` ([mean, std] mV):
 *   the Jaxley paper's L5PC loss.
 * - `optimizer`: "adam" (default) or "lm", Levenberg-Marquardt steps on the residuals of a
 *   "stats" or "windows" loss (no learning rate).
 * - `threshold`: stop once the loss is below it (none: run all the steps).
 * - `lr`: Adam's learning rate (in the transformed space) at the first step.
 * - `schedule`: how the rate changes over the steps: "cosine" (default) down to 2% of
 *   `lr`, "step" (halved every quarter of the steps) or "constant" (workers/lr-schedule.ts).
 *   Optional in documents: links made before it get the default.
 * - `transform`: "log", Adam works on log(value), keeping values positive; "sigmoid", on the
 *   logit of the value's place between its `bounds` (every parameter needs bounds), keeping it inside them.
 */
export const TrainerSettingsSchema = fields(
  {
    params: boundedList(TrainedParamSchema, 50, "a list of at most 50 parameters"),
    targetKind: oneOf(["model", "csv"]),
    csv: v.nullish(fields({ name: text(200), text: text(60_000) }, "null or { name, text }"), null),
    loss: oneOf(["mse", "stats", "windows"]),
    windows: v.optional(boundedList(WindowSchema, 20, "a list of at most 20 [from, to] windows (ms)")),
    scales: v.optional(
      v.tuple([numberIn(1e-9, 1e6), numberIn(1e-9, 1e6)], "[mean scale, std scale] (mV, both positive)"),
    ),
    optimizer: v.optional(oneOf(["adam", "lm"])),
    threshold: v.nullish(numberIn(0, 1e12)),
    lr: numberIn(1e-9, 100),
    schedule: v.optional(oneOf(["cosine", "step", "constant"]), "cosine"),
    steps: numberIn(1, 100_000),
    transform: oneOf(["log", "none", "sigmoid"]),
  },
  "an object",
);
export type TrainerSettings = v.InferOutput<typeof TrainerSettingsSchema>;

export { DEFAULT_TRAINER } from "./defaults.js";

/** The largest CSV kept in share links, characters. */
export const MAX_LINKED_CSV = 16_000;
