/**
 * Running the script and everything that follows it: evaluate in the sandbox, load the
 * model in the model worker (summary, table, traces), keep earlier runs if asked.
 * GUI edits and undo/redo go through here too: they change the script, then run it.
 */
import type { TableSource, Traces } from "../protocol/model.js";
import { type SessionContext, get, patch } from "./context.js";
import type { SessionState, TraceRun } from "./state.js";
import { canRedo, canUndo, commit, redo as redoH, undo as undoH } from "./history.js";
import { acrossWorlds } from "./persist/world.js";
import { applyEdit, type GuiEdit, scriptNames } from "./script-edits.js";
import { pruneSelection, selectedNodes } from "./selection.js";
import { fingerprint } from "./share/fingerprint.js";
import { Topology } from "./topology.js";
import { viewExpressions } from "./view-expr.js";

/** Most traces runs kept for comparison. */
const MAX_KEPT_RUNS = 8;

let runCounter = 0;

/** Runs the current script. If it was typed since the last undo step, that becomes a step. */
export async function runScript(c: SessionContext, label = "Edit script"): Promise<void> {
  const s = get(c);
  if (s.script !== s.history.present.script) patch(c, { history: commit(s.history, s.script, label) });
  await evaluate(c, get(c).script);
}

async function evaluate(c: SessionContext, script: string): Promise<void> {
  try {
    await evaluateNow(c, script);
  } finally {
    c.services.scriptIdle?.();
  }
}

async function evaluateNow(c: SessionContext, script: string): Promise<void> {
  const id = ++runCounter;
  patch(c, { run: { ...get(c).run, status: "running" } });
  const t0 = performance.now();
  const out = await c.services.runScript(script, get(c).files);
  const t1 = performance.now();
  performance.measure?.("run:script", { start: t0, end: t1 });
  if (id !== runCounter) return;
  if (!out.ok) {
    const fromScript = out.kind === "error";
    patch(c, {
      run: { status: "error", message: out.message, line: out.line, logs: out.logs, scriptMs: 0, simMs: 0, fromScript },
    });
    await dropProvisional(c, id);
    await loadMechanisms(c, id);
    return;
  }
  const s = get(c);
  const source = s.view.table;
  const loaded = await c.services.loadModel(out.model, s.sim, source);
  performance.measure?.("run:model", { start: t1, end: performance.now() });
  if (id !== runCounter) return;
  if (!loaded.ok) {
    const interrupted = loaded.interrupted ? { interrupted: true } : {};
    patch(c, {
      run: {
        status: "error",
        message: loaded.message,
        line: null,
        logs: out.logs,
        scriptMs: out.ms,
        simMs: 0,
        ...interrupted,
      },
    });
    await dropProvisional(c, id);
    return;
  }
  const topo = new Topology(loaded.summary.cells);
  const selection = pruneSelection(get(c).selection, topo);
  const now = get(c);
  const table =
    source.kind === "group" && !loaded.summary.groups.some((g) => g.name === source.name)
      ? ({ kind: "all" } as const)
      : source;
  // Without traces (nothing recorded, or the simulation failed) no old trace stays drawn.
  const runs = loaded.traces ? withRun(now, loaded.traces, now.history.present.label) : [];
  const check = fingerprint(out.model);
  const mismatch = now.expectedCheck !== null && now.expectedCheck !== check;
  patch(c, {
    run: {
      status: "ok",
      message: null,
      line: null,
      logs: out.logs,
      scriptMs: out.ms,
      simMs: loaded.traces?.ms ?? 0,
      ...(out.prebuilt ? { prebuilt: true } : {}),
      simulated: loaded.traces ? s.sim : null,
    },
    model: { summary: loaded.summary, serialized: out.model, topo },
    selection,
    selectedNodes: selectedNodes(selection, topo),
    table: loaded.table,
    view: table === source ? now.view : { ...now.view, table },
    runs,
    simError: loaded.simError,
    expectedCheck: null,
    ...(mismatch
      ? {
          banner: {
            kind: "info",
            text: "The model this link builds differs from the one it was shared with (was it made with another version of Dendrolab?).",
          },
        }
      : {}),
  });
  if (table !== source) await showTable(c, table);
  const colourBy = get(c).view.colourBy;
  if (colourBy !== "group") await loadColour(c, colourBy);
  await loadMechanisms(c, id);
}

/** The session's `.mod` files, by name. */
export function modFiles(files: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).filter(([name]) => /\.mod$/i.test(name)));
}

/** Fills the Mechanisms panel: the loaded model's mechanisms and the session's `.mod` files (described in the model worker). */
async function loadMechanisms(c: SessionContext, id: number): Promise<void> {
  const r = await c.services.mechanisms(modFiles(get(c).files));
  if (id === runCounter && r.ok) patch(c, { mechanisms: r.value });
}

/** The runs after a new one: it confirms a provisional run (same number and label) or is appended. */
function withRun(s: SessionState, traces: Traces, label: string, provisional = false): TraceRun[] {
  const last = s.runs[s.runs.length - 1];
  if (last?.provisional) return [...s.runs.slice(0, -1), { n: last.n, label: last.label, traces, provisional }];
  const n = (last?.n ?? 0) + 1;
  return [
    ...(s.view.keepRuns ? s.runs.slice(-(MAX_KEPT_RUNS - 1)) : []),
    { n, label: `run ${n}: ${label}`, traces, provisional },
  ];
}

/** The optimistic `set` of a run, if one was sent. */
let optimistic: { id: number; done: Promise<void> } | null = null;

/** After a failed run: forget its optimistic result and give the model worker the last good model back. */
async function dropProvisional(c: SessionContext, id: number): Promise<void> {
  if (optimistic?.id !== id) return;
  await optimistic.done;
  optimistic = null;
  const s = get(c);
  if (!s.model) return;
  patch(c, { runs: s.runs.filter((r) => !r.provisional) });
  const back = await c.services.loadModel(s.model.serialized, s.sim, s.view.table);
  if (back.ok) patch(c, { table: back.table, model: { ...s.model, summary: back.summary } });
}

/**
 * Applies a GUI edit: writes it into the script as API calls (one undo step), then runs.
 * If the model rejects it (e.g. a negative radius), the script goes back to what it was
 * and a banner says why.
 */
export async function applyGuiEdit(c: SessionContext, edit: GuiEdit): Promise<string[]> {
  const s = get(c);
  if (!s.model) return [];
  const clean = s.script === s.history.present.script && s.run.status === "ok";
  const base = s.script !== s.history.present.script ? commit(s.history, s.script, "Edit script") : s.history;
  const next = applyEdit(s.script, edit, s.model.topo);
  patch(c, { script: next.script, history: commit(base, next.script, next.label), banner: null });
  const confirmed = evaluate(c, next.script); // the run's id is taken synchronously
  if (edit.kind === "set" && clean) optimistic = { id: runCounter, done: optimisticSet(c, edit, runCounter) };
  await confirmed;
  const after = get(c);
  // An edit whose run was stopped (or hung) stays in the script: only the model's own refusals are undone.
  if (clean && after.run.status === "error" && !after.run.interrupted && after.script === next.script) {
    const message = after.run.message ?? "the model rejected it";
    patch(c, { script: s.script, history: base });
    await evaluate(c, s.script);
    patch(c, {
      banner: { kind: "error", text: `Could not apply "${next.label}": ${message} The script is unchanged.` },
    });
    return [];
  }
  return next.lines;
}

/**
 * Table edits draw at once: the model worker applies the same `set` to the model it holds
 * (structured data, no code) while the script run that will confirm it is under way.
 */
async function optimisticSet(c: SessionContext, edit: Extract<GuiEdit, { kind: "set" }>, id: number): Promise<void> {
  const s = get(c);
  const target: TableSource =
    edit.target.kind === "nodes" ? { kind: "nodes", nodes: [...edit.target.nodes] } : edit.target;
  const r = await c.services.quickSet(target, edit.key, edit.value, s.sim, s.view.table).catch(() => null);
  const now = get(c);
  if (!r) return;
  if (!r.ok || !r.traces || id !== runCounter || now.run.status !== "running" || !now.model) return;
  patch(c, {
    runs: withRun(now, r.traces, now.history.present.label, true),
    table: r.table,
    model: { ...now.model, summary: r.summary },
  });
}

export async function undo(c: SessionContext): Promise<void> {
  let h = get(c).history;
  const typed = get(c).script;
  if (typed !== h.present.script) h = commit(h, typed, "Edit script");
  if (!canUndo(h)) return;
  const from = h;
  h = undoH(h);
  patch(c, { script: h.present.script, ...acrossWorlds(get(c), from, h, "undo") });
  await evaluate(c, h.present.script);
}

export async function redo(c: SessionContext): Promise<void> {
  const h0 = get(c).history;
  if (!canRedo(h0)) return;
  const h = redoH(h0);
  patch(c, { script: h.present.script, ...acrossWorlds(get(c), h0, h, "redo") });
  await evaluate(c, h.present.script);
}

/** Shows a table of all compartments, a group or given compartments. */
export async function showTable(c: SessionContext, source: TableSource): Promise<void> {
  patch(c, { view: { ...get(c).view, table: source } });
  const t = await c.services.table(source);
  if (t.ok && get(c).view.table === source) patch(c, { table: t.value });
}

/** The expression a table mirrors, e.g. `network.group("apical").view`. */
export function tableTitle(s: SessionState): string {
  const root = scriptNames(s.script).model;
  const src = s.view.table;
  if (src.kind === "all") return `${root}.view`;
  if (src.kind === "group") return `${root}.group(${JSON.stringify(src.name)}).view`;
  if (!s.model) return `${root}.select(...).view`;
  const exprs = viewExpressions(s.model.topo, src.nodes, root);
  return exprs.length === 1 ? `${exprs[0]}.view` : `${root}.select({ nodes: [${src.nodes.join(", ")}] }).view`;
}

/** Colours the morphology by a numeric key (or "group"). */
export async function loadColour(c: SessionContext, key: string): Promise<void> {
  patch(c, { view: { ...get(c).view, colourBy: key } });
  if (key === "group") {
    patch(c, { colourValues: null });
    return;
  }
  const col = await c.services.column(key);
  if (get(c).view.colourBy === key) patch(c, { colourValues: col.ok ? col.value : null });
}

/** Re-simulates the loaded model with new settings (no script change). */
export async function resimulate(c: SessionContext): Promise<void> {
  const s = get(c);
  if (!s.model) return;
  const id = ++resimCounter;
  patch(c, { run: { ...s.run, simulating: true } });
  const t = await c.services.simulate(s.sim);
  if (id !== resimCounter) return;
  const now = get(c);
  if (!t.ok && t.interrupted) {
    // Stopped or hung: the traces shown stay (a banner says what happened; model-activity.ts).
    patch(c, { run: { ...now.run, simulating: false } });
    return;
  }
  if (!t.ok) {
    patch(c, {
      simError: t.message,
      runs: now.view.keepRuns ? now.runs : [],
      run: { ...now.run, simulating: false, simMs: 0, simulated: null },
    });
    return;
  }
  patch(c, {
    simError: null,
    runs: withRun(now, t.value, `t_max ${s.sim.tMax} ms, dt ${s.sim.dt} ms`),
    run: { ...now.run, simulating: false, simMs: t.value.ms, simulated: s.sim },
  });
}

let resimCounter = 0;
