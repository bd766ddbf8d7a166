/**
 * The trainer: building a job from the session, following its progress (never an undo
 * step), stopping it, and applying the result (one undo step of `set` calls).
 */
import type { TrainJob } from "../protocol/messages.js";
import { simSettingsProblem } from "../protocol/sim-limits.js";
import { type SessionContext, get, patch } from "./context.js";
import { parseTraceCsv } from "./csv.js";
import { applyGuiEdit } from "./run-actions.js";
import { IDLE_TRAINING } from "./state.js";

let current: { stop(): void } | null = null;

/** The job for the current settings, or why there is none. */
function buildJob(c: SessionContext): { ok: true; job: TrainJob } | { ok: false; message: string } {
  const s = get(c);
  if (!s.model) return { ok: false, message: "Run the script first: there is no model to train." };
  const simProblem = simSettingsProblem(s.sim.tMax, s.sim.dt);
  if (simProblem) return { ok: false, message: `Cannot train with these simulation settings: ${simProblem}` };
  const t = s.trainer;
  if (t.params.length === 0) return { ok: false, message: "Add a parameter to train: choose a group and a key." };
  const groups = new Set([...s.model.summary.groups.map((g) => g.name), ...s.model.summary.synapseTypes]);
  const keys = [...s.model.summary.nodeKeys, ...(s.model.summary.edgeKeys ?? [])];
  for (const p of t.params) {
    if (!groups.has(p.group)) return { ok: false, message: `There is no group ${p.group} in the model.` };
    if (!keys.includes(p.key)) return { ok: false, message: `${p.key} is not a parameter of the model.` };
  }
  let target: TrainJob["target"] = { kind: "model" };
  if (t.targetKind === "csv") {
    if (!t.csv)
      return { ok: false, message: "Upload a CSV file of target traces (time in ms, then one column per recording)." };
    const parsed = parseTraceCsv(t.csv.text);
    if (!parsed.ok) return { ok: false, message: parsed.message };
    const nRec = s.model.summary.recordings.length;
    if (parsed.rows.length !== nRec) {
      return {
        ok: false,
        message: `The CSV has ${parsed.rows.length} trace column(s); the model records ${nRec}. Give one column per recording.`,
      };
    }
    // Resampled onto the simulation's grid by the trainer worker (a long grid would block the page).
    target = { kind: "csv", t: parsed.t, rows: parsed.rows };
  }
  return {
    ok: true,
    job: {
      model: s.model.serialized,
      sim: s.sim,
      params: t.params.map((p) => ({ ...p })),
      target,
      loss: t.loss,
      ...(t.loss === "windows" && {
        windows: t.windows,
        scales: t.scales,
      }),
      optimizer: t.optimizer ?? "adam",
      threshold: t.threshold ?? null,
      lr: t.lr,
      schedule: t.schedule,
      steps: Math.round(t.steps),
      transform: t.transform,
      gradient: "auto",
    },
  };
}

export function startTraining(c: SessionContext): void {
  if (get(c).training.status === "running") return;
  const built = buildJob(c);
  if (!built.ok) {
    // The last job's curve and best values stay (they are results); only the status changes.
    patch(c, { training: { ...get(c).training, status: "error", message: built.message } });
    return;
  }
  const params = built.job.params;
  const firstStep = built.job.optimizer === "lm" ? 0 : 1;
  patch(c, { training: { ...IDLE_TRAINING, status: "running", params, firstStep } });
  const handle = c.services.train(built.job, (r) => {
    const tr = get(c).training;
    switch (r.kind) {
      case "started":
        patch(c, {
          training: {
            ...tr,
            initial: r.initial,
            values: r.initial,
            target: r.target,
            gradient: r.gradient,
            warnings: r.warnings ?? [],
          },
        });
        break;
      case "progress": {
        const best = !tr.best || r.loss < tr.best.loss ? { step: r.step, loss: r.loss, values: r.values } : tr.best;
        patch(c, {
          training: {
            ...tr,
            values: r.values,
            losses: [...tr.losses, r.loss],
            traces: r.traces,
            stepMs: r.stepMs,
            best,
          },
        });
        break;
      }
      case "done":
        current = null;
        patch(c, { training: { ...tr, status: r.reason === "stopped" ? "stopped" : "done", best: r.best ?? tr.best } });
        break;
      case "error":
        current = null;
        patch(c, { training: { ...tr, status: "error", message: r.message } });
        break;
    }
  });
  current = handle;
}

export function stopTraining(c: SessionContext): void {
  if (get(c).training.status !== "running") return;
  current?.stop();
}

/** Writes the best trained values into the script as `set` calls (one undo step) and runs it. */
export async function applyTraining(c: SessionContext): Promise<void> {
  const tr = get(c).training;
  if (!tr.best || tr.status === "running") return;
  const values = tr.best.values;
  await applyGuiEdit(c, {
    kind: "applyTrained",
    values: tr.params.map((p, i) => ({ group: p.group, key: p.key, value: values[i] })),
  });
  patch(c, { training: { ...get(c).training, status: "idle" } });
}
