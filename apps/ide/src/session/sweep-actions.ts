/**
 * The sweep panel's actions (loaded on first use): run the setup's sweep in the model
 * worker, follow its progress, stop it; a custom summary is then evaluated in the script
 * sandbox (sweep-custom.ts). Stopping ends the model worker (and with it the pool's nested
 * workers), which restarts with the last good model.
 */
import { type SessionContext, get, patch } from "./context.js";
import type { SweepJob } from "../protocol/sweep.js";
import { refreshCustomSummary } from "./sweep-custom.js";
import { runCount, sweepJob } from "./sweep-plan.js";
import type { SweepRunState } from "./sweep-run.js";
import { firstAxis } from "./sweep-settings.js";

export { refreshCustomSummary };

let latest = 0;

const setRun = (c: SessionContext, p: Partial<SweepRunState>) => patch(c, { sweepRun: { ...get(c).sweepRun, ...p } });

/** Runs the sweep of the session's setup on the loaded model; resolves when it finished, stopped or failed. */
export async function runSweep(c: SessionContext): Promise<void> {
  const s = get(c);
  const fail = (message: string) => setRun(c, { status: "error", message, done: 0, total: 0 });
  if (!s.model) return fail("Run the script first: the sweep varies the model it builds.");
  if (!c.services.sweep) return fail("This session cannot run sweeps (no model worker).");
  if (s.sweepRun.status === "running") return;
  const setup = s.sweep;
  let job: SweepJob;
  try {
    job = sweepJob(setup, s.sim);
  } catch (e) {
    return fail((e as Error).message);
  }
  const me = ++latest;
  const total = runCount(job);
  const axes = setup.second ? [firstAxis(setup), { ...setup.second }] : [firstAxis(setup)];
  patch(c, {
    sweepRun: { status: "running", done: 0, total, workers: 0, axes, outcome: null, custom: null, message: null },
  });
  const r = await c.services.sweep(job, (p) => {
    if (me === latest) setRun(c, { done: p.done, total: p.total, workers: p.workers });
  });
  if (me !== latest) return;
  if (!r.ok) return setRun(c, { status: r.interrupted ? "stopped" : "error", message: r.message });
  setRun(c, { status: "done", outcome: r.value, done: total, message: null });
  await refreshCustomSummary(c);
}

/** Stops a running sweep (the model worker restarts with the last good model). */
export function stopSweep(c: SessionContext): void {
  if (get(c).sweepRun.status !== "running") return;
  c.services.stopModel?.();
}
