/**
 * The project document: a whole session in one JSON file (`name.dendrolab.json`), and
 * the autosaved session in IndexedDB. Versioned like share links: `version` is the
 * format's version, `PROJECT_MIGRATIONS[n]` turns a version-n document into version n+1,
 * and the schema below checks the current version field by field.
 *
 * Unlike a share link it holds everything: imported files at full size, the trainer's
 * CSV, the training results (loss curve, best values) and earlier runs' traces (capped,
 * see MAX_SAVED_TRACE_VALUES in project-codec.ts).
 */
import { boundedList, checkDocument, fields } from "@dendrolab/core/document";
import * as v from "valibot";
import { numberIn, oneOf, text } from "../../protocol/checks.js";
import { SimSettingsSchema } from "../../protocol/model.js";
import { MAX_FILES, MAX_IMPORT_CHARS } from "../files.js";
import { DEFAULT_SIM, DEFAULT_VIEW, FileNameSchema, type Migration, ViewSettingsSchema } from "../share/schema.js";
import { DEFAULT_TRAINER, TrainedParamSchema, TrainerSettingsSchema } from "../trainer-settings.js";
import { SweepSettingsSchema } from "../sweep-settings.js";
import { LessonDocSchema } from "./lesson-doc.js";

/** The `format` field of every project file. */
export const PROJECT_FORMAT = "dendrolab-project";
/** The version written: 2 added `lesson`, the open lesson with its ticks and hints. */
export const PROJECT_VERSION = 2;

/** PROJECT_MIGRATIONS[n] turns a version-n document into a version-(n+1) one. */
export const PROJECT_MIGRATIONS: Readonly<Record<number, Migration>> = {
  /** Version 1 had no lessons: no lesson was open. */
  1: (doc) => ({ ...doc, lesson: null }),
};

/** A number, or null for a value JSON cannot hold (NaN, ±Infinity: read back as NaN). */
const num = v.pipe(
  v.nullable(v.number("a number or null")),
  v.transform((x) => x ?? Number.NaN),
);
const numbers = (max: number) => boundedList(num, max, `a list of at most ${max} numbers`);

/** Trace values: numbers in files, a Float32Array in the autosave (stored as is, no conversion). */
const traceValues = v.union(
  [v.instance(Float32Array, "a Float32Array"), numbers(10_000_000)],
  "a list of at most 10000000 numbers",
);

const FilesSchema = v.pipe(
  v.record(v.string(), v.unknown(), "an object of file names and texts"),
  v.maxEntries(MAX_FILES, `at most ${MAX_FILES} files`),
  v.record(FileNameSchema, text(MAX_IMPORT_CHARS)),
);

const TracesSchema = fields(
  {
    dt: numberIn(1e-9, 1e6),
    nSamples: numberIn(0, 1e9),
    rows: boundedList(fields({ label: text(500), values: traceValues }, "{ label, values }"), 10_000),
  },
  "{ dt, nSamples, rows }",
);

const RunSchema = fields({ n: numberIn(0, 1e9), label: text(500), traces: TracesSchema }, "{ n, label, traces }");

/** What the trainer found: the loss curve and the best values (the traces are recomputed, not saved). */
const TrainingSchema = fields(
  {
    status: oneOf(["idle", "done", "stopped", "error"]),
    params: boundedList(TrainedParamSchema, 50, "a list of at most 50 parameters"),
    initial: numbers(50),
    values: numbers(50),
    losses: numbers(1_000_000),
    firstStep: v.optional(v.picklist([0, 1])),
    best: v.nullish(
      fields({ step: numberIn(0, 1e9), loss: num, values: numbers(50) }, "null or { step, loss, values }"),
      null,
    ),
    gradient: v.nullish(oneOf(["autodiff", "finite-differences"]), null),
    message: v.nullish(text(2000), null),
  },
  "null or an object",
);

/** Two panel shares (upper, lower). */
const shares = v.tuple([numberIn(0.01, 100), numberIn(0.01, 100)], "two numbers [upper, lower]");
const LayoutSchema = fields(
  {
    left: numberIn(50, 5000),
    mid: numberIn(0.01, 100),
    right: numberIn(0.01, 100),
    rows: fields({ left: shares, mid: shares, right: shares }, "{ left, mid, right }"),
  },
  "null or { left, mid, right, rows }",
);

const ProjectDocSchema = fields(
  {
    format: v.literal(PROJECT_FORMAT, JSON.stringify(PROJECT_FORMAT)),
    version: v.literal(PROJECT_VERSION, String(PROJECT_VERSION)),
    savedAt: text(40),
    script: text(MAX_IMPORT_CHARS),
    sim: v.nullish(SimSettingsSchema, DEFAULT_SIM),
    view: v.nullish(ViewSettingsSchema, DEFAULT_VIEW),
    /** The trainer's settings; its CSV is `trainerCsv` (a project keeps CSVs of any size). */
    trainer: v.nullish(TrainerSettingsSchema, DEFAULT_TRAINER),
    trainerCsv: v.nullish(fields({ name: text(200), text: text(MAX_IMPORT_CHARS) }, "null or { name, text }"), null),
    files: v.nullish(FilesSchema, {}),
    training: v.nullish(TrainingSchema, null),
    runs: v.nullish(boundedList(RunSchema, 50, "a list of at most 50 runs"), []),
    /** Panel sizes the user dragged (null: the defaults). */
    layout: v.nullish(LayoutSchema, null),
    /** The sweep panel's setup (absent in projects saved before sweeps: the default setup). */
    sweep: v.optional(SweepSettingsSchema),
    /** The open lesson, its ticks and opened hints (null: none; version 2). */
    lesson: v.nullish(LessonDocSchema, null),
  },
  "an object",
);
export type ProjectDoc = v.InferOutput<typeof ProjectDocSchema>;
/** A project document as written (trace values are numbers; NaN is written as null by JSON). */
export type ProjectDocInput = v.InferInput<typeof ProjectDocSchema>;

/** Why a document was rejected: its first bad field. */
export class ProjectSchemaError extends Error {}

/** Checks a document of the current version; missing optional parts get their defaults. */
export function validateProject(doc: unknown): ProjectDoc {
  const r = checkDocument(ProjectDocSchema, doc, "");
  if (r.ok) return r.value;
  const { path, expected, got } = r.problem;
  const shown =
    typeof got === "string" ? JSON.stringify(got.slice(0, 30)) : (JSON.stringify(got)?.slice(0, 40) ?? String(got));
  throw new ProjectSchemaError(
    `${path || "the project"} should be ${expected}, got ${got === undefined ? "nothing" : shown}`,
  );
}
