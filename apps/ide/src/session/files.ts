/**
 * Files imported from disk (SWC morphologies). They live in the session by name; the
 * sandboxed script reads them with `import files from "dendrolab:files"` (they travel
 * with every run request, never fetched). Importing writes an example script that reads
 * the file, as one undo step.
 */
import { type SessionContext, get, patch } from "./context.js";
import { commit } from "./history.js";
import { runScript } from "./run-actions.js";

/** The largest file that can be imported, characters. */
const MAX_IMPORT_CHARS = 5_000_000;
/** At most this many files are kept in a session. */
const MAX_FILES = 20;

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
network.cell(0).branch(0).comp(0).stimulate(jx.stepCurrent(1, 5, 0.5, 0.025, 20));
network.cell(0).branch(0).comp(0).record("v");

export default network;
`;
}

export type ImportResult = { ok: true; name: string } | { ok: false; message: string };

/** Stores a file in the session, writes the example script that uses it (one undo step) and runs it. */
export async function importFile(c: SessionContext, rawName: string, text: string): Promise<ImportResult> {
  const name = fileName(rawName);
  if (text.length > MAX_IMPORT_CHARS) {
    const message = `"${name}" is too large to import (${text.length.toLocaleString("en")} characters; the limit is ${MAX_IMPORT_CHARS.toLocaleString("en")}).`;
    patch(c, { banner: { kind: "error", text: message } });
    return { ok: false, message };
  }
  const s = get(c);
  const files = { ...s.files, [name]: text };
  const names = Object.keys(files);
  if (names.length > MAX_FILES) delete files[names.find((n) => n !== name)!];
  const base = s.script !== s.history.present.script ? commit(s.history, s.script, "Edit script") : s.history;
  const script = swcExampleScript(name);
  patch(c, {
    files,
    script,
    history: commit(base, script, `Import ${name}`),
    banner: null,
    view: { ...s.view, table: { kind: "all" } },
    selection: { keys: [], anchor: null },
    selectedNodes: [],
  });
  await runScript(c, `Import ${name}`);
  return { ok: true, name };
}
