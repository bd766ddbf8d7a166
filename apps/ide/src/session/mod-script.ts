/**
 * Script edits for NMODL mechanisms (pure): an imported `.mod` file becomes
 *
 *     import { mod } from "dendrolab:files";
 *     const NaTs2_t = jx.loadNmodl(mod("NaTs2_t.mod"));
 *
 * and a built-in channel an `import { Na } from "@dendrolab/core/channels";`, so that GUI
 * edits can write `view.insert(new NaTs2_t())`. Declarations go after the script's imports.
 */
/** Where the class of a mechanism comes from. */
export type MechanismRef =
  | { kind: "file"; file: string; text: string }
  | { kind: "module"; module: string; exportName: string }
  | { kind: "script"; name: string };

const IDENT = /^[A-Za-z_$][\w$]*$/;
/** The script's `import * as <ns> from "@dendrolab/core"` alias (as scriptNames in script-edits.ts). */
const namespaceOf = (script: string) =>
  /import\s+\*\s+as\s+([A-Za-z_$][\w$]*)\s+from\s+["']@dendrolab\/core["']/.exec(script)?.[1] ?? null;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The `SUFFIX` of a `.mod` text's NEURON block, if it has one (comments skipped). */
export function modSuffix(text: string): string | null {
  const clean = text.replace(/\bCOMMENT\b[\s\S]*?\bENDCOMMENT\b/g, "").replace(/:.*$/gm, "");
  return /\bSUFFIX\s+([A-Za-z_]\w*)/.exec(clean)?.[1] ?? null;
}

/** Is `name` declared or imported in the script (as a const, class, function or import binding)? */
export function isDeclared(script: string, name: string): boolean {
  const n = escapeRe(name);
  const decl = new RegExp(`\\b(?:const|let|var|class|function)\\s+${n}\\b`);
  const named = new RegExp(`import\\s*(?:[\\w$]+\\s*,\\s*)?\\{(?:[^}]*?(?:\\bas\\s+|,\\s*))?\\s*${n}\\s*(?:,|\\})`);
  const other = new RegExp(`import\\s+(?:\\*\\s+as\\s+)?${n}\\b`);
  return decl.test(script) || named.test(script) || other.test(script);
}

/** The variable a script loads a `.mod` file into (`const X = jx.loadNmodl(mod("f.mod"))`), if any. */
export function modVariable(script: string, file: string): string | null {
  const re = new RegExp(
    `\\b(?:const|let|var)\\s+([A-Za-z_$][\\w$]*)\\s*=\\s*[\\w$.]*loadNmodl\\(\\s*mod\\(\\s*${escapeRe(JSON.stringify(file))}\\s*\\)`,
  );
  return re.exec(script)?.[1] ?? null;
}

/** A free identifier for a `.mod` file's class: its SUFFIX (else the file name), `_mod` added on a clash. */
function freeIdentifier(script: string, file: string, text: string, taken: Set<string>): string {
  const base = modSuffix(text) ?? file.replace(/\.mod$/i, "").replace(/[^\w$]/g, "_");
  let name = IDENT.test(base) ? base : `mech_${base}`;
  while (isDeclared(script, name) || taken.has(name)) name = `${name}_mod`;
  return name;
}

/** Inserts lines after the last top-level import (or at the top). */
function afterImports(script: string, lines: readonly string[]): string {
  if (lines.length === 0) return script;
  const all = script.split("\n");
  let last = -1;
  all.forEach((l, i) => {
    if (/^import\b/.test(l)) last = i;
  });
  return [...all.slice(0, last + 1), ...lines, ...all.slice(last + 1)].join("\n");
}

const MOD_IMPORT = /import\s*(?:[\w$]+\s*,\s*)?\{[^}]*\bmod\b[^}]*\}\s*from\s*["']dendrolab:files["']/;

/** The script with the imports `loadNmodl` needs: the core namespace and `mod`. */
function withModImports(script: string): { script: string; jx: string } {
  const jx = namespaceOf(script);
  const add: string[] = [];
  if (!jx) add.push('import * as jx from "@dendrolab/core";');
  if (!MOD_IMPORT.test(script)) add.push('import { mod } from "dendrolab:files";');
  return { script: afterImports(script, add), jx: jx ?? "jx" };
}

/**
 * Declares a class for each `.mod` file the script does not load yet:
 * `const <SUFFIX> = jx.loadNmodl(mod("<file>"));` after the imports. Returns the script
 * and each file's variable.
 */
export function addModImports(
  script: string,
  mods: ReadonlyArray<{ name: string; text: string }>,
): { script: string; variables: Record<string, string> } {
  const variables: Record<string, string> = {};
  const missing = mods.filter((m) => {
    const v = modVariable(script, m.name);
    if (v) variables[m.name] = v;
    return !v;
  });
  if (missing.length === 0) return { script, variables };
  const prepared = withModImports(script);
  const taken = new Set<string>();
  const lines = missing.map((m) => {
    const v = freeIdentifier(prepared.script, m.name, m.text, taken);
    taken.add(v);
    variables[m.name] = v;
    return `const ${v} = ${prepared.jx}.loadNmodl(mod(${JSON.stringify(m.name)}));`;
  });
  return { script: afterImports(prepared.script, lines), variables };
}

/** The script with the mechanism's class declared or imported, and the class's name in it. */
export function ensureMechanismClass(script: string, ref: MechanismRef): { script: string; className: string } {
  if (ref.kind === "file") {
    const r = addModImports(script, [{ name: ref.file, text: ref.text }]);
    return { script: r.script, className: r.variables[ref.file] };
  }
  if (ref.kind === "script") return { script, className: ref.name };
  if (isDeclared(script, ref.exportName)) return { script, className: ref.exportName };
  const line = `import { ${ref.exportName} } from ${JSON.stringify(ref.module)};`;
  return { script: afterImports(script, [line]), className: ref.exportName };
}
