/**
 * Sessions to project documents and back, and reading project files. Reading never
 * throws: it returns the document, or what is wrong with the file in words that name it
 * ("cell.dendrolab.json was made by a newer version of Dendrolab ...").
 */
import type { Traces } from "../../protocol/model.js";
import { migrate } from "../share/codec.js";
import type { Migration } from "../share/schema.js";
import { DEFAULT_SWEEP } from "../defaults.js";
import { IDLE_TRAINING, type SessionState, type TraceRun } from "../state.js";
import {
  PROJECT_FORMAT,
  PROJECT_MIGRATIONS,
  PROJECT_VERSION,
  type ProjectDoc,
  type ProjectDocInput,
  ProjectSchemaError,
  validateProject,
} from "./project-schema.js";
import { type LessonDoc, lessonDoc } from "./lesson-doc.js";
import type { SessionWorld } from "./world.js";

/**
 * Earlier runs' traces are saved while their values stay under this count in all
 * (newest run first; about 2 MB of JSON): a run that does not fit is left out whole.
 */
export const MAX_SAVED_TRACE_VALUES = 250_000;

/** The largest project file read, characters (20 files of 5 MB and the rest). */
export const MAX_PROJECT_CHARS = 120_000_000;

const KEEP = "Your open session was not changed.";

/** Trace values rounded to 7 significant digits (float32 precision) for JSON. */
const round = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(7)) : null);

function runDoc(r: TraceRun, binary: boolean) {
  const { dt, nSamples, rows } = r.traces;
  if (binary) return { n: r.n, label: r.label, traces: { dt, nSamples, rows: rows.map((row) => ({ ...row })) } };
  return {
    n: r.n,
    label: r.label,
    traces: { dt, nSamples, rows: rows.map((row) => ({ label: row.label, values: Array.from(row.values, round) })) },
  };
}

/** The newest runs whose values fit in MAX_SAVED_TRACE_VALUES, oldest first. */
function savedRuns(runs: readonly TraceRun[], binary: boolean) {
  const out: TraceRun[] = [];
  let total = 0;
  for (const r of [...runs].reverse()) {
    if (r.provisional) continue;
    const n = r.traces.rows.reduce((a, row) => a + row.values.length, 0);
    if (total + n > MAX_SAVED_TRACE_VALUES) break;
    total += n;
    out.unshift(r);
  }
  return out.map((r) => runDoc(r, binary));
}

/**
 * The project document of a session. `binary`: trace values stay Float32Arrays (for
 * IndexedDB, which stores them as they are; a file needs numbers).
 */
export function projectDoc(s: SessionState, savedAt: Date = new Date(), binary = false): ProjectDocInput {
  const t = s.training;
  const training =
    t.params.length === 0 && t.losses.length === 0
      ? null
      : {
          status: t.status === "running" ? ("stopped" as const) : t.status,
          params: t.params,
          initial: t.initial,
          values: t.values,
          losses: t.losses.map(round),
          ...(t.firstStep !== undefined ? { firstStep: t.firstStep } : {}),
          best: t.best ? { ...t.best, loss: round(t.best.loss) } : null,
          gradient: t.gradient,
          message: t.message,
        };
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    savedAt: savedAt.toISOString(),
    script: s.script,
    sim: s.sim,
    view: s.view,
    trainer: { ...s.trainer, csv: null },
    trainerCsv: s.trainer.csv,
    files: s.files,
    training,
    runs: savedRuns(s.runs, binary),
    layout: s.layout,
    sweep: s.sweep,
    lesson: lessonDoc(s.lesson),
  };
}

/** The text of a project file. */
export function projectText(doc: ProjectDocInput): string {
  return JSON.stringify(doc);
}

/** A project document's session: its script and world, and the lesson that was open (see lesson-doc.ts). */
export function sessionOfDoc(doc: ProjectDoc): { script: string; world: SessionWorld; lesson: LessonDoc | null } {
  const runs: TraceRun[] = doc.runs.map((r) => ({
    n: r.n,
    label: r.label,
    traces: {
      dt: r.traces.dt,
      nSamples: r.traces.nSamples,
      rows: r.traces.rows.map((row) => ({ label: row.label, values: Float32Array.from(row.values) })),
      ms: 0,
    } satisfies Traces,
  }));
  const t = doc.training;
  const training = t ? { ...IDLE_TRAINING, ...t, traces: null, target: null, stepMs: 0 } : IDLE_TRAINING;
  return {
    script: doc.script,
    world: {
      files: doc.files,
      sim: doc.sim,
      view: doc.view,
      trainer: { ...doc.trainer, csv: doc.trainerCsv },
      training,
      runs,
      layout: doc.layout,
      sweep: doc.sweep ?? { ...DEFAULT_SWEEP },
    },
    lesson: doc.lesson,
  };
}

export type ReadResult = { ok: true; doc: ProjectDoc } | { ok: false; message: string };

/**
 * Reads a project file's text. `name` is the file's name, for the messages.
 * `migrations` and `current` are for tests.
 */
export function readProject(
  textIn: string,
  name: string,
  migrations: Readonly<Record<number, Migration>> = PROJECT_MIGRATIONS,
  current: number = PROJECT_VERSION,
): ReadResult {
  if (textIn.length > MAX_PROJECT_CHARS) {
    return bad(
      `"${name}" is too large to open (${textIn.length.toLocaleString("en")} characters; the limit is ${MAX_PROJECT_CHARS.toLocaleString("en")}).`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(textIn);
  } catch (e) {
    return bad(`"${name}" is not a Dendrolab project: it is not JSON (${(e as Error).message}).`);
  }
  return projectFromJson(json, `"${name}"`, migrations, current);
}

/** Checks a parsed project document (from a file or from the autosave), migrating older versions. */
export function projectFromJson(
  json: unknown,
  what: string,
  migrations: Readonly<Record<number, Migration>> = PROJECT_MIGRATIONS,
  current: number = PROJECT_VERSION,
): ReadResult {
  const o = json as Record<string, unknown> | null;
  if (typeof o !== "object" || o === null || Array.isArray(o) || o.format !== PROJECT_FORMAT) {
    return bad(
      `${what} is not a Dendrolab project: a project file is a JSON object with "format": "${PROJECT_FORMAT}" (saved by “Save project”).`,
    );
  }
  const version = o.version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return bad(
      `${what} is not a valid project: "version" should be a whole number from 1 to ${current}, got ${JSON.stringify(version) ?? "nothing"}.`,
    );
  }
  if (version > current) {
    return bad(
      `${what} was saved by a newer version of Dendrolab (project format ${version}; this version opens formats 1 to ${current}). Update Dendrolab to open it.`,
    );
  }
  const migrated = migrate(o, version, current, migrations);
  if (migrated === null) return bad(`${what} uses project format ${version}, which this version cannot convert.`);
  try {
    return { ok: true, doc: validateProject({ ...migrated, version: PROJECT_VERSION }) };
  } catch (e) {
    if (e instanceof ProjectSchemaError) return bad(`${what} is not a valid project: ${e.message}.`);
    throw e;
  }
}

function bad(message: string): ReadResult {
  return { ok: false, message: `${message} ${KEEP}` };
}
