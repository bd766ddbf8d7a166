/**
 * GUI actions written into the script as the equivalent API calls (docs/design.md#script): the
 * script stays the one source of truth. Lines go before a final `export default`, or
 * at the end.
 */
import { ensureMechanismClass, type MechanismRef } from "./mod-script.js";
import type { Topology } from "./topology.js";
import { viewExpressions } from "./view-expr.js";

/** Which rows a GUI action applies to. */
export type EditTarget =
  | { kind: "all" }
  | { kind: "group"; name: string }
  | { kind: "nodes"; nodes: readonly number[] };

/** A GUI action that changes the model. */
export type GuiEdit =
  | { kind: "addToGroup"; nodes: readonly number[]; group: string }
  | { kind: "set"; target: EditTarget; key: string; value: number }
  | {
      kind: "stimulate";
      nodes: readonly number[];
      delay: number;
      duration: number;
      amplitude: number;
      dt: number;
      tMax: number;
    }
  | { kind: "record"; nodes: readonly number[]; state: string }
  | { kind: "clearInstruments" }
  /** Removes one stimulus, clamp or recording: the script as session/instrument-edits.ts rewrote it. */
  | { kind: "removeInstrument"; label: string; script: string; lines: string[] }
  | { kind: "applyTrained"; values: ReadonlyArray<{ group: string; key: string; value: number }> }
  /** `insert(new M())` or `delete(new M())`; the class is declared or imported first if needed. */
  | { kind: "insert" | "delete"; target: EditTarget; mechanism: MechanismRef; name: string };

/** Names the script uses: the model variable and the `@dendrolab/core` namespace. */
export interface ScriptNames {
  model: string;
  jx: string | null;
}

const IDENT = "[A-Za-z_$][\\w$]*";

/** Finds the model variable (`export default x`, else `network`) and the core namespace alias. */
export function scriptNames(script: string): ScriptNames {
  const exp = new RegExp(`^\\s*export\\s+default\\s+(${IDENT})\\s*;?\\s*$`, "m").exec(script);
  const ns = new RegExp(`import\\s+\\*\\s+as\\s+(${IDENT})\\s+from\\s+["']@dendrolab/core["']`).exec(script);
  return { model: exp?.[1] ?? "network", jx: ns?.[1] ?? null };
}

/** A number as the shortest literal that reads back the same. */
export function numberLiteral(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
  return Object.is(v, -0) ? "0" : String(v);
}

/** A trained value rounded to 6 significant digits, for readable scripts. */
export function roundTrained(v: number): number {
  return Number(v.toPrecision(6));
}

function targetExpressions(target: EditTarget, topo: Topology, root: string): string[] {
  if (target.kind === "all") return [root];
  if (target.kind === "group") return [`${root}.group(${JSON.stringify(target.name)})`];
  return viewExpressions(topo, target.nodes, root);
}

/** The lines an edit adds to the script. */
function editLines(edit: GuiEdit, topo: Topology, names: ScriptNames, className: string): string[] {
  const root = names.model;
  const jx = names.jx ?? "jx";
  switch (edit.kind) {
    case "addToGroup":
      return viewExpressions(topo, edit.nodes, root).map((v) => `${v}.addToGroup(${JSON.stringify(edit.group)});`);
    case "set":
      return targetExpressions(edit.target, topo, root).map(
        (v) => `${v}.set(${JSON.stringify(edit.key)}, ${numberLiteral(edit.value)});`,
      );
    case "stimulate": {
      const args = [edit.delay, edit.duration, edit.amplitude, edit.dt, edit.tMax].map(numberLiteral).join(", ");
      return viewExpressions(topo, edit.nodes, root).map((v) => `${v}.stimulate(${jx}.stepCurrent(${args}));`);
    }
    case "record":
      return viewExpressions(topo, edit.nodes, root).map((v) => `${v}.record(${JSON.stringify(edit.state)});`);
    case "clearInstruments":
      return [`${root}.deleteStimuli();`, `${root}.deleteRecordings();`];
    case "removeInstrument":
      return []; // applyEdit handles it
    case "insert":
    case "delete":
      return targetExpressions(edit.target, topo, root).map((v) => `${v}.${edit.kind}(new ${className}());`);
    case "applyTrained":
      return edit.values.map(
        (p) =>
          `${root}.group(${JSON.stringify(p.group)}).set(${JSON.stringify(p.key)}, ${numberLiteral(roundTrained(p.value))});`,
      );
  }
}

/** Inserts lines before the last `export default` line (or appends them). */
export function insertLines(script: string, lines: readonly string[]): string {
  if (lines.length === 0) return script;
  const all = script.replace(/\s+$/, "").split("\n");
  const exportLine = findLastIndex(all, (l) => /^\s*export\s+default\b/.test(l));
  if (exportLine < 0) return `${[...all, ...lines].join("\n")}\n`;
  let at = exportLine;
  while (at > 0 && all[at - 1].trim() === "") at--;
  return `${[...all.slice(0, at), ...lines, "", ...all.slice(exportLine)].join("\n")}\n`;
}

/** Adds `import * as jx from "@dendrolab/core";` when an edit needs the namespace and the script lacks it. */
function ensureNamespace(script: string, edit: GuiEdit, names: ScriptNames): string {
  if (edit.kind !== "stimulate" || names.jx) return script;
  return `import * as jx from "@dendrolab/core";\n${script}`;
}

/** The script after a GUI edit, and a short label for the undo history. */
export function applyEdit(
  script: string,
  edit: GuiEdit,
  topo: Topology,
): { script: string; label: string; lines: string[] } {
  if (edit.kind === "removeInstrument") return { script: edit.script, label: labelOf(edit), lines: edit.lines };
  let base = script;
  let className = "";
  if (edit.kind === "insert" || edit.kind === "delete")
    ({ script: base, className } = ensureMechanismClass(script, edit.mechanism));
  const names = scriptNames(base);
  const lines = editLines(edit, topo, names, className);
  return { script: insertLines(ensureNamespace(base, edit, names), lines), label: labelOf(edit), lines };
}

function labelOf(edit: GuiEdit): string {
  switch (edit.kind) {
    case "addToGroup":
      return `Add to group ${edit.group}`;
    case "set":
      return `Set ${edit.key} = ${edit.value}`;
    case "stimulate":
      return "Add current clamp";
    case "record":
      return `Record ${edit.state}`;
    case "clearInstruments":
      return "Clear instruments";
    case "removeInstrument":
      return edit.label;
    case "applyTrained":
      return "Apply trained values";
    case "insert":
      return `Insert ${edit.name}`;
    case "delete":
      return `Remove ${edit.name}`;
  }
}

function findLastIndex<T>(list: readonly T[], pred: (t: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (pred(list[i])) return i;
  return -1;
}
