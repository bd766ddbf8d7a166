/**
 * A sweep in the model worker: one simulation per value (or per pair of values of a 2-D
 * grid) on the core's worker pool (`runBatch`, nested Web Workers in the browser,
 * worker_threads in Node tests). The core with tfjs loads on the first sweep only, so the
 * model worker's start stays tfjs-free.
 */
import type * as jx from "@dendrolab/core/sim";
import { deserializeModel, serializeModel } from "@dendrolab/core/io";
import { recordingsProblem } from "../protocol/sim-limits.js";
import type { SweepJob, SweepOutcome, SweepVary } from "../protocol/sweep.js";
import { recordingNames } from "./recording-labels.js";

/** Hears of each finished run (`done` of `total`); `workers`: the pool's size, sent once before the first. */
export type SweepProgress = (p: { done: number; total: number; workers: number; nSteps: number }) => void;

type Module = jx.Network | jx.Cell;
type Core = typeof import("@dendrolab/core");

/** The full core and tfjs on the cpu backend, loaded once. */
let loading: Promise<Core> | null = null;
function loadCore(): Promise<Core> {
  loading ??= Promise.all([import("@dendrolab/core"), import("@tensorflow/tfjs")]).then(async ([core, tf]) => {
    await tf.setBackend("cpu");
    await tf.ready();
    return core;
  });
  return loading;
}

/** A copy of `m` through its serialised form (the sweep's own model). */
const copyOf = (m: Module) => deserializeModel(serializeModel(m)) as Module;

/** Sets one swept quantity's value `x` on a run's options. */
type Apply = (x: number, o: jx.IntegrateOptions) => jx.IntegrateOptions;

/** What varies, in words: "the clamps' amplitude", "'Na_gNa' of group 'fast_spiking'". */
const said = (vary: SweepVary) =>
  vary.kind === "stimulus" ? "the clamps' amplitude" : `'${vary.key}' of group '${vary.group}'`;

/** How a value of `vary` enters a run: through `dataSet` on the group, or as the clamps' amplitude. */
function applierOf(core: Core, model: Module, vary: SweepVary): Apply {
  if (vary.kind === "param") {
    const names = [...model.base.groups.keys()];
    if (!names.includes(vary.group)) {
      throw new Error(
        `The sweep varies '${vary.key}' of group '${vary.group}', which the model lacks. Groups: ${names.join(", ") || "none"}.`,
      );
    }
    const view = model.group(vary.group);
    return (x, o) => ({ ...o, paramState: view.dataSet(vary.key, x, o.paramState ?? null) });
  }
  const stimuli = model.base.stimuli;
  if (stimuli.length === 0) {
    throw new Error("The model has no current clamp to sweep: add one, e.g. .stimulate(jx.stepCurrent(1, 5, 0.5)).");
  }
  const sampled = stimuli.find((s) => !core.isTimedCurrent(s.values));
  if (sampled) {
    throw new Error(
      `The clamp at compartment ${sampled.node} is sampled (stepCurrent with dt and t_max): the sweep varies the amplitude of clamps defined in time; write jx.stepCurrent(delay, duration, amplitude).`,
    );
  }
  const clamps = stimuli.map((s) => ({ node: s.node, current: s.values as jx.TimedCurrent }));
  model.deleteStimuli();
  return (amp, o) => {
    let data: jx.DataStimuli | null = null;
    for (const c of clamps) data = model.select({ nodes: [c.node] }).dataStimulate({ ...c.current, iAmp: amp }, data);
    return { ...o, dataStimuli: data ?? [] };
  };
}

/** The integrate options of each run, in the job's order (a 2-D grid: the second quantity varies fastest). */
function runOptions(core: Core, model: Module, job: SweepJob): jx.IntegrateOptions[] {
  const sim: jx.IntegrateOptions = { tMax: job.sim.tMax, deltaT: job.sim.dt, solver: job.sim.solver };
  const first = applierOf(core, model, job.vary);
  if (!job.second) return job.values.map((x) => first(x, sim));
  if (JSON.stringify(job.second.vary) === JSON.stringify(job.vary)) {
    throw new Error(`Both quantities of the 2-D sweep are ${said(job.vary)}: vary two different ones.`);
  }
  const second = applierOf(core, model, job.second.vary);
  const ys = job.second.values;
  return job.values.flatMap((x) => ys.map((y) => second(y, first(x, sim))));
}

/**
 * Runs the sweep on a copy of `loaded` and returns every run's traces; rejects with a
 * message in words when the sweep cannot run (no clamp, an unknown group or key).
 */
export async function runSweep(loaded: Module, job: SweepJob, onProgress: SweepProgress): Promise<SweepOutcome> {
  const model = copyOf(loaded);
  const names = recordingNames(model);
  const nSamples = Math.max(0, Math.round(job.sim.tMax / job.sim.dt)) + 1;
  const nRuns = job.values.length * (job.second?.values.length ?? 1);
  const tooMuch = recordingsProblem(names.length * nRuns, nSamples);
  if (tooMuch) throw new Error(`${tooMuch} (a sweep keeps every run's traces)`);
  if (names.length === 0) throw new Error("The model records nothing: add a recording to sweep.");
  const core = await loadCore();
  const workers = Math.min(await core.defaultWorkerCount(), nRuns);
  onProgress({ done: 0, total: nRuns, workers, nSteps: nSamples - 1 });
  const start = performance.now();
  const runs = runOptions(core, model, job);
  let batch: Awaited<ReturnType<Core["runBatch"]>>;
  try {
    batch = await core.runBatch(model, runs, {
      workers,
      onProgress: (done, total) => onProgress({ done, total, workers, nSteps: nSamples - 1 }),
    });
  } finally {
    // The tensors dataSet made of the values (timed clamps hold none).
    for (const r of runs) for (const x of [...(r.paramState ?? []), ...(r.dataStimuli ?? [])]) x.value?.dispose();
  }
  const flat = batch.dataSync() as Float32Array;
  batch.dispose();
  const nRec = names.length;
  const traces = runs.map((_, r) =>
    names.map((_, i) => flat.slice((r * nRec + i) * nSamples, (r * nRec + i + 1) * nSamples)),
  );
  return {
    values: [...job.values],
    ...(job.second ? { values2: [...job.second.values] } : {}),
    dt: job.sim.dt,
    nSamples,
    labels: names.map((n) => n.label),
    units: names.map((n) => n.unit),
    traces,
    ms: performance.now() - start,
    workers,
  };
}
