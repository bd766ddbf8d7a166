/**
 * The instruments list: every stimulus, clamp and recording of the model with its place,
 * and the script edit that removes one of them. A single-place line that added it
 * (`network.cell(0).branch(0).comp(0).record("v");`, formatted any way) is removed;
 * otherwise the library's `deleteRecordings()` (then `record(...)` again for the other
 * states recorded there), `deleteStimuli()` or `deleteClamps(state)` is written.
 */
import type { ModelSummary } from "../protocol/model.js";
import type { Instrument } from "./instruments.js";
import type { Topology } from "./topology.js";
import { viewExpressions } from "./view-expr.js";

/** The view expression of the instrument's single place. */
function placeExpression(inst: Instrument, topo: Topology, root: string): string {
  if (inst.kind !== "stimulus" && inst.target === "edge") return `${root}.edge(${inst.index})`;
  const node = inst.kind === "stimulus" ? inst.node : inst.index;
  return viewExpressions(topo, [node], root)[0];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A regex source matching `expr` with any white space around its dots and brackets. */
function looseExpression(expr: string): string {
  return expr
    .split(/(?=\.)|(?<=[([,])|(?=[)\]])/)
    .map((part) => escapeRe(part.trim()))
    .join("\\s*");
}

/** The call (after the view expression) that adds the instrument. */
function callPattern(inst: Instrument): string {
  const str = (s: string) => `\\s*(["'\`])${escapeRe(s)}\\1\\s*`;
  if (inst.kind === "stimulus") return "stimulate\\s*\\([^;]*\\)";
  if (inst.kind === "clamp") return `clamp\\s*\\(${str(inst.state)},[^;]*\\)`;
  return inst.state === "v" ? `record\\s*\\((?:${str("v")}|\\s*)\\)` : `record\\s*\\(${str(inst.state)}\\)`;
}

/** Statements (whole lines, with a trailing `//` comment) of the script that add exactly this instrument. */
function addingStatements(script: string, inst: Instrument, topo: Topology, root: string): RegExpMatchArray[] {
  const expr = looseExpression(placeExpression(inst, topo, root));
  const re = new RegExp(`^[ \\t]*${expr}\\s*\\.\\s*${callPattern(inst)}\\s*;?[ \\t]*(?://[^\\n]*)?(?:\\r?\\n|$)`, "gm");
  return [...script.matchAll(re)];
}

/**
 * The script without the instrument, and whether a line was removed (`false`: delete
 * calls were inserted, by `insert`, before the model's `export default`).
 */
export function removeInstrument(
  script: string,
  inst: Instrument,
  summary: ModelSummary,
  topo: Topology,
  root: string,
  insert: (script: string, lines: readonly string[]) => string,
): { script: string; removedLine: boolean; lines: string[] } {
  const matches = addingStatements(script, inst, topo, root);
  const stimuliHere = inst.kind === "stimulus" ? summary.stimuli.filter((s) => s.node === inst.node).length : 1;
  if (matches.length === 1 && stimuliHere === 1) {
    const m = matches[0];
    const at = m.index ?? 0;
    return { script: script.slice(0, at) + script.slice(at + m[0].length), removedLine: true, lines: [] };
  }
  const expr = placeExpression(inst, topo, root);
  let lines: string[];
  if (inst.kind === "stimulus") lines = [`${expr}.deleteStimuli();`];
  else if (inst.kind === "clamp") lines = [`${expr}.deleteClamps(${JSON.stringify(inst.state)});`];
  else {
    const others = summary.recordings.filter(
      (r) => r.target === inst.target && r.index === inst.index && r.state !== inst.state,
    );
    lines = [`${expr}.deleteRecordings();`, ...others.map((r) => `${expr}.record(${JSON.stringify(r.state)});`)];
  }
  return { script: insert(script, lines), removedLine: false, lines };
}
