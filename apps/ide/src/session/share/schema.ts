/**
 * The session document of share links: a versioned schema, checked field by field
 * (types are inferred from it). Version `SESSION_VERSION` is written; older versions are
 * brought up to date by MIGRATIONS.
 */
import { boundedList, checkDocument, fields } from "@dendrolab/core/document";
import * as v from "valibot";
import { flag, oneOf, text } from "../../protocol/checks.js";
import { SimSettingsSchema, TableSourceSchema } from "../../protocol/model.js";
import { DEFAULT_SIM, DEFAULT_SWEEP_EXPRESSION, DEFAULT_TRAINER, DEFAULT_VIEW } from "../defaults.js";
import { SweepSettingsSchema } from "../sweep-settings.js";
import { TrainerSettingsSchema } from "../trainer-settings.js";

export const SESSION_VERSION = 2;

/** The longest script a link holds, characters (Share checks it: see link-limits.ts). */
export const MAX_SCRIPT_CHARS = 60_000;

/** UI state that is part of a session. `colourBy`: "group" or a numeric key such as "radius". */
export const ViewSettingsSchema = fields(
  {
    colourBy: text(200),
    dims: oneOf(["2d", "3d"]),
    keepRuns: flag,
    table: TableSourceSchema,
  },
  "an object",
);
export type ViewSettings = v.InferOutput<typeof ViewSettingsSchema>;

export { DEFAULT_SIM, DEFAULT_VIEW };

const FILE_NAME = "named with letters, digits, '.', '_' and '-'";

export const FileNameSchema = v.pipe(v.string(FILE_NAME), v.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, FILE_NAME));

/** Imported files by name (at most 20, each at most 64 KB). */
const FilesSchema = v.pipe(
  v.record(v.string(), v.unknown(), "an object of file names and texts"),
  v.maxEntries(20, "at most 20 files"),
  v.record(FileNameSchema, text(64 * 1024)),
);

/**
 * Everything a share link restores (groups, values and instruments live in the script).
 * Missing sim, trainer and view get the defaults. `files`: imported files by name (those
 * that fit in a link). `missingFiles`: the names of imported files left out (too large
 * for a link), which whoever opens it must import; an optional field that readers before
 * it ignore. `check`: fingerprint of the model the script built when the link was made (see
 * fingerprint.ts). `sweep`: the sweep panel's setup, optional too (links made before it
 * open with the default setup); since format 2 it may hold a second swept quantity (a 2-D
 * grid) and a custom summary expression, which a format-1 reader would drop or refuse.
 */
const SessionDocSchema = fields(
  {
    script: text(MAX_SCRIPT_CHARS),
    sim: v.nullish(SimSettingsSchema, DEFAULT_SIM),
    trainer: v.nullish(TrainerSettingsSchema, DEFAULT_TRAINER),
    view: v.nullish(ViewSettingsSchema, DEFAULT_VIEW),
    files: v.optional(FilesSchema),
    missingFiles: v.optional(boundedList(FileNameSchema, 20, "a list of at most 20 file names")),
    check: v.optional(text(64)),
    sweep: v.optional(SweepSettingsSchema),
  },
  "an object",
);
export type SessionDoc = v.InferOutput<typeof SessionDocSchema>;

/** A step from one version's document to the next. */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/**
 * Format 1 to 2: a format-1 sweep setup is a 1-D sweep (its fields are the first swept
 * quantity's); format 2 adds `second` (null: none) and `expression` (the custom summary).
 */
export function sweepSetupV1toV2(doc: Record<string, unknown>): Record<string, unknown> {
  const sweep = doc.sweep;
  if (sweep === null || typeof sweep !== "object" || Array.isArray(sweep)) return doc;
  return { ...doc, sweep: { ...sweep, second: null, expression: DEFAULT_SWEEP_EXPRESSION } };
}

/** MIGRATIONS[n] turns a version-n document into a version-(n+1) one. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = { 1: sweepSetupV1toV2 };

/** Why a document was rejected: the first bad field. */
export class SessionSchemaError extends Error {}

/** Checks a document of the current version; missing optional parts get defaults. */
export function validateSession(doc: unknown): SessionDoc {
  const r = checkDocument(SessionDocSchema, doc, "");
  if (r.ok) return r.value;
  const { path, expected, got } = r.problem;
  const shown =
    typeof got === "string" ? JSON.stringify(got.slice(0, 30)) : (JSON.stringify(got)?.slice(0, 40) ?? String(got));
  throw new SessionSchemaError(`${path || "the session"} should be ${expected}, got ${shown}`);
}
