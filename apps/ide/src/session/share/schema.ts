/**
 * The session document of share links: versioned, validated field by field. Version
 * `SESSION_VERSION` is written; older versions are brought up to date by MIGRATIONS.
 */
import type { SimSettings, TableSource } from "../../protocol/model.js";
import { DEFAULT_TRAINER, type TrainerSettings } from "../trainer-settings.js";

export const SESSION_VERSION = 1;

/** UI state that is part of a session. */
export interface ViewSettings {
  /** "group" or a numeric key such as "radius". */
  colourBy: string;
  dims: "2d" | "3d";
  keepRuns: boolean;
  table: TableSource;
}

/** Everything a share link restores. Groups, values and instruments live in the script. */
export interface SessionDoc {
  script: string;
  sim: SimSettings;
  trainer: TrainerSettings;
  view: ViewSettings;
  /** Imported files by name (left out of links that would be too large). */
  files?: Record<string, string>;
  /** Fingerprint of the model the script built when the link was made (see fingerprint.ts). */
  check?: string;
}

export const DEFAULT_SIM: SimSettings = { tMax: 20, dt: 0.025, solver: "bwd_euler" };
export const DEFAULT_VIEW: ViewSettings = { colourBy: "group", dims: "2d", keepRuns: false, table: { kind: "all" } };

/** A step from one version's document to the next. */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/** MIGRATIONS[n] turns a version-n document into a version-(n+1) one. None yet: 1 is the first. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

/** Why a document was rejected: the first bad field. */
export class SessionSchemaError extends Error {}

function fail(path: string, expected: string, got: unknown): never {
  const shown = typeof got === "string" ? JSON.stringify(got.slice(0, 30)) : JSON.stringify(got)?.slice(0, 40) ?? String(got);
  throw new SessionSchemaError(`${path} should be ${expected}, got ${shown}`);
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function num(v: unknown, path: string, min: number, max: number): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max) fail(path, `a number from ${min} to ${max}`, v);
  return v;
}

function str(v: unknown, path: string, max: number): string {
  if (typeof v !== "string" || v.length > max) fail(path, `a string of at most ${max} characters`, v);
  return v;
}

function oneOf<T extends string>(v: unknown, path: string, options: readonly T[]): T {
  if (!options.includes(v as T)) fail(path, options.map((o) => JSON.stringify(o)).join(" or "), v);
  return v as T;
}

/** Checks a document of the current version; missing optional parts get defaults. */
export function validateSession(doc: unknown): SessionDoc {
  if (!isObj(doc)) fail("the session", "an object", doc);
  const script = str(doc.script, "script", 60_000);
  const s = doc.sim ?? DEFAULT_SIM;
  if (!isObj(s)) fail("sim", "an object", s);
  const sim: SimSettings = {
    tMax: num(s.tMax, "sim.tMax", 0.001, 100_000),
    dt: num(s.dt, "sim.dt", 1e-6, 10),
    solver: oneOf(s.solver, "sim.solver", ["bwd_euler", "crank_nicolson", "fwd_euler"] as const),
  };
  const t = doc.trainer ?? DEFAULT_TRAINER;
  if (!isObj(t)) fail("trainer", "an object", t);
  if (!Array.isArray(t.params) || t.params.length > 50) fail("trainer.params", "a list of at most 50 parameters", t.params);
  const csv = t.csv ?? null;
  if (csv !== null && (!isObj(csv) || typeof csv.name !== "string" || typeof csv.text !== "string")) fail("trainer.csv", "null or { name, text }", csv);
  const trainer: TrainerSettings = {
    params: t.params.map((p, i) => {
      if (!isObj(p)) fail(`trainer.params[${i}]`, "{ group, key, target }", p);
      return { group: str(p.group, `trainer.params[${i}].group`, 200), key: str(p.key, `trainer.params[${i}].key`, 200), target: num(p.target, `trainer.params[${i}].target`, -1e12, 1e12) };
    }),
    targetKind: oneOf(t.targetKind, "trainer.targetKind", ["model", "csv"] as const),
    csv: csv === null ? null : { name: str(csv.name, "trainer.csv.name", 200), text: str(csv.text, "trainer.csv.text", 60_000) },
    loss: oneOf(t.loss, "trainer.loss", ["mse", "stats"] as const),
    lr: num(t.lr, "trainer.lr", 1e-9, 100),
    steps: num(t.steps, "trainer.steps", 1, 100_000),
    transform: oneOf(t.transform, "trainer.transform", ["log", "none"] as const),
  };
  const v = doc.view ?? DEFAULT_VIEW;
  if (!isObj(v)) fail("view", "an object", v);
  const view: ViewSettings = {
    colourBy: str(v.colourBy, "view.colourBy", 200),
    dims: oneOf(v.dims, "view.dims", ["2d", "3d"] as const),
    keepRuns: typeof v.keepRuns === "boolean" ? v.keepRuns : fail("view.keepRuns", "true or false", v.keepRuns),
    table: tableSource(v.table),
  };
  const out: SessionDoc = { script, sim, trainer, view };
  if (doc.files !== undefined) out.files = filesOf(doc.files);
  if (doc.check !== undefined) out.check = str(doc.check, "check", 64);
  return out;
}

function filesOf(v: unknown): Record<string, string> {
  if (!isObj(v)) fail("files", "an object of file names and texts", v);
  const names = Object.keys(v);
  if (names.length > 20) fail("files", "at most 20 files", names.length);
  const out: Record<string, string> = {};
  for (const name of names) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(name)) fail("files", "named with letters, digits, '.', '_' and '-'", name);
    out[name] = str(v[name], `files[${JSON.stringify(name)}]`, 64 * 1024);
  }
  return out;
}

function tableSource(v: unknown): TableSource {
  if (!isObj(v)) fail("view.table", "an object", v);
  const kind = oneOf(v.kind, "view.table.kind", ["all", "group", "nodes"] as const);
  if (kind === "all") return { kind };
  if (kind === "group") return { kind, name: str(v.name, "view.table.name", 200) };
  if (!Array.isArray(v.nodes) || v.nodes.length > 1_000_000 || !v.nodes.every((n) => Number.isInteger(n) && n >= 0)) {
    fail("view.table.nodes", "a list of compartment indices", v.nodes);
  }
  return { kind, nodes: v.nodes as number[] };
}
