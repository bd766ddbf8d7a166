/**
 * The parts of a session besides its script ("its world": imported files, settings,
 * training results, earlier runs) and replacing the whole session as one undo step.
 *
 * Opening a link, a project file or the autosaved session replaces the world too, not
 * only the script. Such a step keeps the world on both sides in the history: the entry
 * before it holds the world that was open, the entry it makes holds the new one and is
 * marked `replaces`. Undo out of a `replaces` entry brings the old world back (files
 * included); redo into one brings the new world back. Other steps leave the world alone.
 */
import type { SimSettings } from "../../protocol/model.js";
import { type SessionContext, get, patch } from "../context.js";
import { commit, type History, HISTORY_LIMIT } from "../history.js";
import type { PanelLayout } from "../layout.js";
import { EMPTY_SELECTION } from "../selection.js";
import type { ViewSettings } from "../share/schema.js";
import type { SessionState, TraceRun, TrainingState } from "../state.js";
import type { TrainerSettings } from "../trainer-settings.js";
import type { SweepSettings } from "../sweep-settings.js";
import { IDLE_SWEEP } from "../sweep-run.js";

/** Everything of a session that is not its script. */
export interface SessionWorld {
  files: Record<string, string>;
  sim: SimSettings;
  view: ViewSettings;
  trainer: TrainerSettings;
  training: TrainingState;
  runs: TraceRun[];
  /** Panel sizes (null: the defaults); absent in worlds saved before layouts were kept. */
  layout?: PanelLayout | null;
  /** The sweep panel's setup; absent in worlds saved before sweeps. */
  sweep?: SweepSettings;
}

/** The world of a session state (the objects themselves: states are immutable). */
export function worldOf(s: SessionState): SessionWorld {
  const training = s.training.status === "running" ? { ...s.training, status: "stopped" as const } : s.training;
  return {
    files: s.files,
    sim: s.sim,
    view: s.view,
    trainer: s.trainer,
    training,
    runs: s.runs,
    layout: s.layout,
    sweep: s.sweep,
  };
}

/** The state patch that puts a world in place (selection and derived data are reset; the next run rebuilds them). */
function worldPatch(w: SessionWorld): Partial<SessionState> {
  return {
    files: w.files,
    sim: w.sim,
    view: w.view,
    trainer: w.trainer,
    training: w.training,
    runs: w.runs,
    ...(w.layout === undefined ? {} : { layout: w.layout }),
    ...(w.sweep === undefined ? {} : { sweep: w.sweep, sweepRun: IDLE_SWEEP }),
    selection: EMPTY_SELECTION,
    selectedNodes: [],
    colourValues: null,
    expectedCheck: null,
  };
}

/**
 * Replaces the whole session (script and world) as one undo step labelled `label`, even
 * when the script is the same. Typing not yet run becomes a step of its own first. The
 * caller runs the new script.
 */
export function replaceSession(c: SessionContext, script: string, world: SessionWorld, label: string): void {
  const s = get(c);
  const base = s.script !== s.history.present.script ? commit(s.history, s.script, "Edit script") : s.history;
  const before = { ...base.present, world: worldOf(s) };
  const history: History = {
    past: [...base.past, before].slice(-HISTORY_LIMIT),
    present: { script, label, world, replaces: true },
    future: [],
  };
  patch(c, { script, history, banner: null, ...worldPatch(world) });
}

/**
 * The state patch for an undo (`from` → `to`, `to = undo(from)`) or a redo: the new
 * history, with the world of the session stored in the entry it leaves when the step
 * crosses a replacement, and that replacement's other world put in place.
 */
export function acrossWorlds(s: SessionState, from: History, to: History, dir: "undo" | "redo"): Partial<SessionState> {
  if (dir === "undo") {
    const left = from.present;
    if (!left.replaces || !to.present.world) return { history: to };
    const future = [{ ...left, world: worldOf(s) }, ...to.future.slice(1)];
    return { history: { ...to, future }, ...worldPatch(to.present.world) };
  }
  const entered = to.present;
  if (!entered.replaces || !entered.world) return { history: to };
  const past = [...to.past.slice(0, -1), { ...from.present, world: worldOf(s) }];
  return { history: { ...to, past }, ...worldPatch(entered.world) };
}
