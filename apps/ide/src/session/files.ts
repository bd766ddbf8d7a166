/**
 * Files imported from disk (SWC morphologies, NMODL `.mod` mechanisms). They live in the
 * session by name; the sandboxed script reads them from `dendrolab:files` (they travel
 * with every run request, never fetched). Importing writes the script lines that read the
 * files, as one undo step.
 */
import { type SessionContext, get, patch } from "./context.js";
import { commit } from "./history.js";
import { addModImports } from "./mod-script.js";
import { runScript } from "./run-actions.js";

/** The largest file that can be imported, characters. */
export const MAX_IMPORT_CHARS = 5_000_000;
/** At most this many files are kept in a session. */
export const MAX_FILES = 20;

/** A safe file name: the base name, letters, digits, `._-` only, at most 100 characters. */
export function fileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const clean = base
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .replace(/^[._]+/, "")
    .slice(-100);
  return clean || "cell.swc";
}

/** A script that builds a network from an imported SWC file. */
export function swcExampleScript(name: string): string {
  return `// ${name}, imported from disk: a traced cell drawn from its coordinates, with the
// groups of its SWC types (soma, axon, basal, apical). Imported files are in
// "dendrolab:files" by name (they are part of the session, not fetched).
import * as jx from "@dendrolab/core";
import { HH } from "@dendrolab/core/channels";
import files from "dendrolab:files";

const cell = jx.readSwc(files[${JSON.stringify(name)}], { ncomp: 2, minRadius: 0.1 });
cell.insert(new HH());
const network = new jx.Network([cell]);

// A current clamp and a recording at the first compartment (the soma).
network.cell(0).branch(0).comp(0).stimulate(jx.stepCurrent(1, 5, 0.5)); // 0.5 nA from 1 to 6 ms, at any dt
network.cell(0).branch(0).comp(0).record("v");

export default network;
`;
}

export type ImportResult = { ok: true; name: string } | { ok: false; message: string };

/** A file read from disk: its name as given and its text. */
export interface DiskFile {
  name: string;
  text: string;
}

const isSwc = (name: string) => /\.swc$/i.test(name);
const isMod = (name: string) => /\.mod$/i.test(name);
const escapeRe = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Does the script name the file in quotes (`files["cell.swc"]`, `mod('Na.mod')`)? */
export function scriptUsesFile(script: string, name: string): boolean {
  return new RegExp(`["'\`]${escapeRe(name)}["'\`]`).test(script);
}

/** The files a script reads by name (`files["x"]`, `mod("x")`), in order of appearance. */
export function filesNamedBy(script: string): string[] {
  const out = new Set<string>();
  for (const m of script.matchAll(/\b(?:files\s*\[\s*|mod\s*\(\s*)(["'`])([^"'`\n]{1,100})\1/g)) out.add(m[2]);
  return [...out];
}

/** Stores a file in the session, writes the example script that uses it (one undo step) and runs it. */
export async function importFile(c: SessionContext, rawName: string, text: string): Promise<ImportResult> {
  const r = await importFiles(c, [{ name: rawName, text }]);
  return r.ok ? { ok: true, name: r.names[0] } : r;
}

/**
 * Imports files dropped or picked together, as one undo step and one run. `.mod` files
 * are declared in the script (`const X = jx.loadNmodl(mod("X.mod"))`, see mod-script.ts);
 * an SWC file the script does not name yet replaces the script with an example that reads
 * it (one the script names, as after opening a link that left it out, is only stored).
 * Other files are refused with a banner.
 */
export async function importFiles(
  c: SessionContext,
  list: readonly DiskFile[],
): Promise<{ ok: true; names: string[] } | { ok: false; message: string }> {
  const fail = (message: string) => {
    patch(c, { banner: { kind: "error", text: message } });
    return { ok: false as const, message };
  };
  const named = list.map((f) => ({ name: fileName(f.name), text: f.text }));
  const other = named.filter((f) => !isMod(f.name) && !isSwc(f.name) && list.length > 1);
  if (other.length) {
    return fail(
      `Only morphologies (.swc) and NEURON mechanisms (.mod) can be imported; ${other.map((f) => `"${f.name}"`).join(", ")} ${other.length === 1 ? "is" : "are"} neither.`,
    );
  }
  const big = named.find((f) => f.text.length > MAX_IMPORT_CHARS);
  if (big) {
    return fail(
      `"${big.name}" is too large to import (${big.text.length.toLocaleString("en")} characters; the limit is ${MAX_IMPORT_CHARS.toLocaleString("en")}).`,
    );
  }
  const s = get(c);
  // A single SWC dropped while the script asks for exactly one SWC it does not have (a
  // link left it out, and the file was renamed on the way, e.g. "cell (1).swc") takes
  // the name the script reads: the script is kept.
  const asked = filesNamedBy(s.script).filter((n) => isSwc(n) && !(n in s.files));
  const dropped = named.filter((f) => !isMod(f.name));
  let renamed: { from: string; to: string } | null = null;
  if (asked.length === 1 && dropped.length === 1 && !scriptUsesFile(s.script, dropped[0].name)) {
    renamed = { from: dropped[0].name, to: asked[0] };
    dropped[0].name = asked[0];
  }
  const files = { ...s.files };
  for (const f of named) {
    delete files[f.name]; // a re-imported file moves to the end (the newest)
    files[f.name] = f.text;
  }
  const names = Object.keys(files);
  for (const n of names.slice(0, Math.max(0, names.length - MAX_FILES))) delete files[n];
  const mods = named.filter((f) => isMod(f.name));
  const newSwc = named.find((f) => !isMod(f.name) && !scriptUsesFile(s.script, f.name));
  let script = newSwc ? swcExampleScript(newSwc.name) : s.script;
  script = addModImports(script, mods).script;
  const label = named.length === 1 ? `Import ${named[0].name}` : `Import ${named.length} files`;
  const base = s.script !== s.history.present.script ? commit(s.history, s.script, "Edit script") : s.history;
  patch(c, {
    files,
    script,
    history: script === s.script ? base : commit(base, script, label),
    banner: null,
    ...(newSwc
      ? { view: { ...s.view, table: { kind: "all" } }, selection: { keys: [], anchor: null }, selectedNodes: [] }
      : {}),
  });
  await runScript(c, label);
  if (renamed && !get(c).banner) {
    patch(c, {
      banner: {
        kind: "info",
        text: `"${renamed.from}" was imported as "${renamed.to}", the file the script reads.`,
      },
    });
  }
  return { ok: true, names: named.map((f) => f.name) };
}
