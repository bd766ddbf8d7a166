/**
 * The model worker as the user sees it: what it is doing (for the status bar's progress
 * and its Stop button), stopping it, and what happened when it was restarted (hung,
 * stopped or crashed): a banner, and the simulation settings of the traces still shown.
 */
import type { ModelEvent } from "../engine/model-client.js";
import { type SessionContext, get, patch } from "./context.js";

/** Follows the model worker's activity and restarts (once, at session start). */
export function watchModel(c: SessionContext): void {
  c.services.onModelEvent?.((e) => {
    if (e.kind === "activity") patch(c, { modelActivity: e.activity });
    else restarted(c, e);
  });
}

/**
 * After a restart the worker holds the last good model and the traces shown stay. If the
 * settings were changed for the run that was ended (a dt too small, a t_max too long),
 * they go back to those of the traces shown, so that the next edit does not start the
 * same run again.
 */
function restarted(c: SessionContext, e: Extract<ModelEvent, { kind: "restarted" }>): void {
  const s = get(c);
  const shown = s.run.simulated;
  let text = e.message;
  if (shown && (shown.tMax !== s.sim.tMax || shown.dt !== s.sim.dt || shown.solver !== s.sim.solver)) {
    text += ` t_max, dt and the solver are back to ${shown.tMax} ms, ${shown.dt} ms and ${shown.solver}, which the traces shown were simulated with.`;
    patch(c, { sim: { ...shown } });
  }
  patch(c, { banner: { kind: e.reason === "stopped" ? "info" : "error", text }, modelActivity: null });
}

/** Stops the model worker's run; the worker restarts with the last good model. */
export function stopModel(c: SessionContext): void {
  c.services.stopModel?.();
}
