/**
 * The sweep panel's actions (loaded on first use): run the setup's sweep in the model
 * worker, follow its progress, stop it. Stopping ends the model worker (and with it the
 * pool's nested workers), which restarts with the last good model.
 */
import { type SessionContext, get, patch } from "./context.js";
import type { SweepJob } from "../protocol/sweep.js";
import { sweepValues } from "./sweep-settings.js";
import type { SweepRunState } from "./sweep-run.js";

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
  let values: number[];
  try {
    values = sweepValues(setup);
  } catch (e) {
    return fail((e as Error).message);
  }
  if (setup.vary === "param" && (!setup.group || !setup.key)) return fail("Pick a group and a parameter to vary.");
  const job: SweepJob = {
    vary: setup.vary === "param" ? { kind: "param", group: setup.group, key: setup.key } : { kind: "stimulus" },
    values,
    sim: { ...s.sim },
  };
  const me = ++latest;
  patch(c, {
    sweepRun: { status: "running", done: 0, total: values.length, workers: 0, outcome: null, message: null },
  });
  const r = await c.services.sweep(job, (p) => {
    if (me === latest) setRun(c, { done: p.done, total: p.total, workers: p.workers });
  });
  if (me !== latest) return;
  if (r.ok) setRun(c, { status: "done", outcome: r.value, done: values.length, message: null });
  else setRun(c, { status: r.interrupted ? "stopped" : "error", message: r.message });
}

/** Stops a running sweep (the model worker restarts with the last good model). */
export function stopSweep(c: SessionContext): void {
  if (get(c).sweepRun.status !== "running") return;
  c.services.stopModel?.();
}
