/**
 * Evaluating a model script: TypeScript to CommonJS (sucrase, which keeps line numbers),
 * then a Function with a `require` that knows only the libraries a script may import.
 * The model is the default export, else a variable named `network`. Files the user
 * imported (SWC morphologies, NMODL mechanisms) are the default export of
 * `dendrolab:files`, by name; its `mod(name)` returns a `.mod` file's text.
 *
 * The libraries are given by the caller (run-script.ts: all of them; light-libraries.ts:
 * the script worker's set without tfjs), so that this file loads none of them itself.
 */
import { transform } from "sucrase";
import type * as sim from "@dendrolab/core/sim";
import { coreWithSwcWarnings } from "./swc-warnings.js";

/** What `@dendrolab/core` is for scripts: at least the simulator (`sim`), maybe more. */
export type ScriptCore = typeof sim;

/** The libraries a script may import, by name; `@dendrolab/core` apart (its `readSwc` is wrapped per run). */
export interface ScriptLibraries {
  core: ScriptCore;
  /** Adds what `core` lacks to the object scripts get (e.g. accessors that load more); returns it frozen. */
  finishCore?: (core: Record<string, unknown>) => Record<string, unknown>;
  /** Other modules: a value, or a getter called when a script imports it. */
  modules: Record<string, () => unknown>;
}

/** An error in the user's script, with its line when known. */
export class ScriptError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(message);
  }
}

/** Lines the Function constructor adds before the body (`function anonymous(...\n) {\n`). */
const HEADER_LINES = 2;

/**
 * The module of imported files: `import files from "dendrolab:files"; files["cell.swc"]`,
 * and `import { mod } from "dendrolab:files"; jx.loadNmodl(mod("NaTs2_t.mod"))`.
 */
const FILES_MODULE = "dendrolab:files";

/** Why a file is not there, and how to import it. */
function missingFile(name: string, names: readonly string[]): Error {
  const how = name.toLowerCase().endsWith(".mod") ? "Import .mod…" : "Import SWC…";
  return new Error(
    `There is no imported file "${name}" in this session (${names.length ? `imported: ${names.map((n) => `"${n}"`).join(", ")}` : "no files are imported"}). Import it with "${how}" or drop it on the page.`,
  );
}

/** The files as a read-only object; naming a file that is not there says what to do. */
function filesObject(files: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  const own = Object.freeze(Object.assign(Object.create(null) as Record<string, string>, files));
  return new Proxy(own, {
    get(target, key) {
      if (typeof key !== "string" || key in target) return Reflect.get(target, key);
      if (key === "then" || key === "toJSON" || key === "__esModule") return undefined;
      throw missingFile(key, Object.keys(target));
    },
  });
}

/** `mod(name)`: the text of an imported `.mod` file. */
function modReader(files: Readonly<Record<string, string>>): (name: string) => string {
  return (name: string) => {
    if (typeof name !== "string") throw new Error(`mod() takes a file name such as "NaTs2_t.mod"; got ${typeof name}.`);
    if (!Object.hasOwn(files, name)) throw missingFile(name, Object.keys(files));
    return files[name];
  };
}

/** Runs `source` with `libs`; returns the model it builds. `log` receives console output; `files` are the imported files. */
export function evaluateScript(
  source: string,
  log: (line: string) => void,
  files: Readonly<Record<string, string>>,
  libs: ScriptLibraries,
): sim.View {
  let code: string;
  try {
    code = transform(source, { transforms: ["typescript", "imports"], production: true }).code;
  } catch (e) {
    const m = /\((\d+):(\d+)\)/.exec((e as Error).message);
    throw new ScriptError(`Syntax error: ${(e as Error).message}`, m ? Number(m[1]) : null);
  }
  const core = coreWithSwcWarnings(libs.core, files, log);
  const modules: Record<string, () => unknown> = {
    "@dendrolab/core": () => (libs.finishCore ? libs.finishCore(core) : Object.freeze(core)),
    ...libs.modules,
    [FILES_MODULE]: () => Object.freeze({ __esModule: true, default: filesObject(files), mod: modReader(files) }),
  };
  const loaded = new Map<string, unknown>();
  const require = (name: string) => {
    if (!Object.hasOwn(modules, name)) {
      throw new Error(
        `Cannot import '${name}': scripts can import ${Object.keys(modules)
          .map((k) => `'${k}'`)
          .join(", ")}.`,
      );
    }
    if (!loaded.has(name)) loaded.set(name, modules[name]());
    return loaded.get(name);
  };
  const console = makeConsole(log);
  const module = { exports: {} as Record<string, unknown> };
  let fallback: unknown;
  try {
    const fn = new Function(
      "require",
      "exports",
      "module",
      "console",
      `${code}\n;return typeof network === "undefined" ? undefined : network;`,
    );
    fallback = fn(require, module.exports, module, console);
  } catch (e) {
    throw new ScriptError(errorText(e), lineOf(e));
  }
  const model = module.exports.default ?? fallback;
  if (!(model instanceof libs.core.View)) {
    throw new ScriptError(
      model === undefined
        ? "The script defines no model: end it with `export default network;` (or name the model `network`)."
        : `The script's default export is not a model (got ${typeof model}); export a Network or Cell.`,
      null,
    );
  }
  return model;
}

function errorText(e: unknown): string {
  if (e instanceof Error) return `${e.name === "Error" ? "Error" : e.name}: ${e.message}`;
  return `Uncaught ${String(e)}`;
}

/** The script line of the innermost frame in evaluated code. */
function lineOf(e: unknown): number | null {
  const stack = e instanceof Error ? (e.stack ?? "") : "";
  const m = /<anonymous>:(\d+):\d+/.exec(stack);
  if (!m) return null;
  const line = Number(m[1]) - HEADER_LINES;
  return line >= 1 ? line : null;
}

function makeConsole(log: (line: string) => void): Pick<Console, "log" | "info" | "warn" | "error" | "debug"> {
  const fmt = (args: unknown[]) =>
    args.map((a) => (typeof a === "string" ? a : a instanceof Error ? a.message : safeString(a))).join(" ");
  const at =
    (level: string) =>
    (...args: unknown[]) =>
      log(level ? `${level}: ${fmt(args)}` : fmt(args));
  return { log: at(""), info: at(""), debug: at(""), warn: at("warning"), error: at("error") };
}

function safeString(v: unknown): string {
  if (v && typeof v === "object" && "toString" in v && (v as object).toString !== Object.prototype.toString)
    return String(v);
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
