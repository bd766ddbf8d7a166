/**
 * GUI actions written into the script as the equivalent API calls (docs/design.md#script): the
 * script stays the one source of truth. Lines go before a final `export default`, or
 * at the end.
 */
import { ensureMechanismClass, type MechanismRef } from "./mod-script.js";
import { replaceSetLines } from "./script-lines.js";
import type { Topology } from "./topology.js";
import { locExpressions } from "./loc.js";
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
      /** Compartments placed by `loc(x)` on branches (written as `.loc(x)`). */
      loc?: { x: number; nodes: readonly number[] } | null;
      delay: number;
      duration: number;
      amplitude: number;
      /** Given both: a sampled stimulus (fixed to this dt); neither: defined in time. */
      dt?: number;
      tMax?: number;
    }
  | { kind: "record"; nodes: readonly number[]; state: string; loc?: { x: number; nodes: readonly number[] } | null }
  | { kind: "clearInstruments" }
  /** Removes one stimulus, clamp or recording: the script as session/instrument-edits.ts rewrote it. */
  | { kind: "removeInstrument"; label: string; script: string; lines: string[] }
  | { kind: "applyTrained"; values: ReadonlyArray<{ group: string; key: string; value: number }> }
  /** `insert(new M())` or `delete(new M())`; the class is declared or imported first if needed. */
  | { kind: "insert" | "delete"; target: EditTarget; mechanism: MechanismRef; name: string }
  /** A script rewritten as a whole by an action (renaming or deleting a group: group-lines.ts). */
  | { kind: "rewrite"; script: string; label: string }
  /** Synapses from `pre` to `post`: `jx.connect`, `jx.fullyConnect` or `jx.sparseConnect` (with `p` and `seed`). */
  | {
      kind: "connect";
      how: ConnectHow;
      pre: EditTarget;
      post: EditTarget;
      synapse: MechanismRef;
      name: string;
      p?: number;
      seed?: number;
    }
  /** `set` on synapses (global edge indices, or every synapse): `network.edge(i).set(key, value)`. */
  | { kind: "setEdge"; edges: readonly number[] | "all"; key: string; value: number };

/** The core's functions that connect views with synapses. */
export type ConnectHow = "connect" | "fullyConnect" | "sparseConnect";

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

/** Expressions for instrument places: the compartments, then the `loc(x)` places on branches. */
function placeExpressions(
  topo: Topology,
  edit: { nodes: readonly number[]; loc?: { x: number; nodes: readonly number[] } | null },
  root: string,
): string[] {
  return [...viewExpressions(topo, edit.nodes, root), ...(edit.loc ? locExpressions(topo, edit.loc, root) : [])];
}

/** One expression for a target: the shortest, or `select({ nodes })` when it takes several. */
function targetExpression(target: EditTarget, topo: Topology, root: string): string {
  const all = targetExpressions(target, topo, root);
  if (all.length === 1 || target.kind !== "nodes") return all[0];
  return `${root}.select({ nodes: [${[...target.nodes].sort((a, b) => a - b).join(", ")}] })`;
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
      const sampled = edit.dt !== undefined && edit.tMax !== undefined ? [edit.dt, edit.tMax] : [];
      const args = [edit.delay, edit.duration, edit.amplitude, ...sampled].map(numberLiteral).join(", ");
      return placeExpressions(topo, edit, root).map((v) => `${v}.stimulate(${jx}.stepCurrent(${args}));`);
    }
    case "record":
      return placeExpressions(topo, edit, root).map((v) => `${v}.record(${JSON.stringify(edit.state)});`);
    case "clearInstruments":
      return [`${root}.deleteStimuli();`, `${root}.deleteRecordings();`];
    case "removeInstrument":
      return []; // applyEdit handles it
    case "insert":
    case "delete":
      return targetExpressions(edit.target, topo, root).map((v) => `${v}.${edit.kind}(new ${className}());`);
    case "rewrite":
      return []; // the whole script (applyEdit)
    case "connect": {
      const args = [
        targetExpression(edit.pre, topo, root),
        targetExpression(edit.post, topo, root),
        `new ${className}()`,
      ];
      if (edit.how === "sparseConnect")
        args.push(numberLiteral(edit.p ?? 1), `{ seed: ${numberLiteral(edit.seed ?? 0)} }`);
      return [`${jx}.${edit.how}(${args.join(", ")});`];
    }
    case "setEdge": {
      const call = `.set(${JSON.stringify(edit.key)}, ${numberLiteral(edit.value)});`;
      if (edit.edges === "all") return [`${root}.edge("all")${call}`];
      return edit.edges.map((e) => `${root}.edge(${e})${call}`);
    }
    case "applyTrained":
      // A synapse type's parameters (`IonotropicSynapse_gS` of IonotropicSynapse) are reached by `named`.
      return edit.values.map(
        (p) =>
          `${root}.${p.key.startsWith(`${p.group}_`) ? "named" : "group"}(${JSON.stringify(p.group)}).set(${JSON.stringify(p.key)}, ${numberLiteral(roundTrained(p.value))});`,
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
  if ((edit.kind !== "stimulate" && edit.kind !== "connect") || names.jx) return script;
  return `import * as jx from "@dendrolab/core";\n${script}`;
}

/** The script after a GUI edit, and a short label for the undo history. */
export function applyEdit(
  script: string,
  edit: GuiEdit,
  topo: Topology,
): { script: string; label: string; lines: string[] } {
  if (edit.kind === "rewrite") return { script: edit.script, label: edit.label, lines: [] };
  if (edit.kind === "removeInstrument") return { script: edit.script, label: labelOf(edit), lines: edit.lines };
  let base = script;
  let className = "";
  if (edit.kind === "insert" || edit.kind === "delete")
    ({ script: base, className } = ensureMechanismClass(script, edit.mechanism));
  if (edit.kind === "connect") ({ script: base, className } = ensureMechanismClass(script, edit.synapse));
  const names = scriptNames(base);
  const lines = editLines(edit, topo, names, className);
  // A `set` of a target and key the script already sets replaces that line (script-lines.ts).
  const placed =
    edit.kind === "set" || edit.kind === "applyTrained" || edit.kind === "setEdge"
      ? replaceSetLines(base, lines)
      : null;
  if (placed) base = placed.script;
  return {
    script: insertLines(ensureNamespace(base, edit, names), placed ? placed.rest : lines),
    label: labelOf(edit),
    lines,
  };
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
    case "rewrite":
      return edit.label;
    case "connect":
      return `Connect ${edit.name} (${edit.how})`;
    case "setEdge":
      return `Set ${edit.key} = ${edit.value} on synapses`;
  }
}

function findLastIndex<T>(list: readonly T[], pred: (t: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (pred(list[i])) return i;
  return -1;
}
