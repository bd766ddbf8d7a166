/**
 * Memory of a long gradient: a 1,000-compartment HH cell (125 branches x 8 compartments,
 * binary tree, the geometry of bench/grad-tree.ts), a gradient over 40,000 steps (1 s at
 * dt 0.025 ms, backward Euler) of a mean squared error on 3 recorded voltages w.r.t. 4
 * cell-wide trainables (HH_gNa, HH_gK, HH_gLeak, axial_resistivity). A train of 1 nA,
 * 2 ms pulses every 25 ms into the root makes the whole tree spike at 40 Hz.
 *
 * Peak memory: VmHWM (the kernel's resident high-water mark) read from /proc/self/status
 * before and after the gradient, and the process's RSS sampled every 20 ms during it by a
 * worker thread (the main thread is busy in one synchronous call; process.memoryUsage().rss
 * is process-wide). Goal: under 1 GB. Also prints the wall time and the main isolate's
 * process.memoryUsage() before and after.
 *
 *   pnpm --filter @dendrolab/bench run grad-memory     # env: STEPS=40000, RECORD=all
 */
import { readFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import * as tf from "@tensorflow/tfjs";
import { integrate } from "@dendrolab/core";
import { buildTreeCell, treeSpec } from "./lib/tfjs-reference.js";

const N_STEPS = Number(process.env.STEPS ?? 40_000);
/** RECORD=all records the voltage of every compartment instead of 3 (memory then grows with the outputs). */
const RECORD_ALL = process.env.RECORD === "all";
const N_BRANCH = 125;
const N_COMP = 8;
const GOAL_MB = 1024;

/** A field of /proc/self/status in MB (Linux only; NaN elsewhere). */
function procStatusMB(field: "VmHWM" | "VmRSS"): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync("/proc/self/status", "utf8"));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}
const mb = (bytes: number) => bytes / 2 ** 20;
const usage = () => {
  const u = process.memoryUsage();
  return { rss: mb(u.rss), heapUsed: mb(u.heapUsed), external: mb(u.external), arrayBuffers: mb(u.arrayBuffers) };
};

/** Samples the process RSS from a worker into a shared array: [max rss MB, samples]. */
function startSampler(periodMs: number): { stop: () => Promise<{ maxRssMB: number; samples: number }> } {
  const shared = new Float64Array(new SharedArrayBuffer(16));
  const src = `
    const { workerData, parentPort } = require("node:worker_threads");
    const out = new Float64Array(workerData.buf);
    const tick = () => { const r = process.memoryUsage().rss / 1048576; if (r > out[0]) out[0] = r; out[1]++; };
    tick();
    const id = setInterval(tick, workerData.period);
    parentPort.on("message", () => { clearInterval(id); tick(); parentPort.postMessage("done"); });`;
  const w = new Worker(src, { eval: true, workerData: { buf: shared.buffer, period: periodMs } });
  return {
    stop: () =>
      new Promise((resolve) => {
        w.once("message", () => {
          void w.terminate();
          resolve({ maxRssMB: shared[0], samples: shared[1] });
        });
        w.postMessage("stop");
      }),
  };
}

await tf.setBackend("cpu");
await tf.ready();
const parents = Array.from({ length: N_BRANCH }, (_, b) => (b === 0 ? -1 : (b - 1) >> 1));
const spec = {
  ...treeSpec(parents, N_COMP, 0),
  stim: { branch: 0, comp: 0, delayMs: 1, durMs: 2, ampNA: 1, periodMs: 25 },
  recordings: RECORD_ALL
    ? parents.flatMap((_, b) => Array.from({ length: N_COMP }, (_, comp) => ({ branch: b, comp })))
    : [
        { branch: 0, comp: 0 },
        { branch: 30, comp: 4 },
        { branch: N_BRANCH - 1, comp: N_COMP - 1 },
      ],
};
const dt = spec.dtMs;
const tMax = N_STEPS * dt;
const cell = buildTreeCell(spec, tMax);
const keys = ["HH_gNa", "HH_gK", "HH_gLeak", "axial_resistivity"] as const;
for (const k of keys) cell.makeTrainable(k);
const params = cell.getParameters();
const opts = { tMax, deltaT: dt, solver: "bwd_euler" as const };

// The target: the same cell with gNa and gK 5% higher (plain integrate, no gradient).
const target = tf.tidy(() =>
  integrate(cell, {
    ...opts,
    params: params.map((p, i) => ({ [keys[i]]: tf.mul(Object.values(p)[0], i < 2 ? 1.05 : 1) })),
  }),
);
const spikes = (() => {
  const v = tf.tidy(() => target.slice([0, 0], [1, -1]).dataSync());
  let s = 0;
  for (let k = 1; k < v.length; k++) if (v[k - 1] < 0 && v[k] >= 0) s++;
  return s;
})();
const vars = params.map((p) => Object.values(p)[0] as tf.Variable);

const hwmBefore = procStatusMB("VmHWM");
const before = usage();
const sampler = startSampler(20);
const t0 = performance.now();
const { value, grads } = tf.variableGrads(
  () => tf.losses.meanSquaredError(target, integrate(cell, { ...opts, params })) as tf.Scalar,
  vars,
);
const loss = value.dataSync()[0];
const g = vars.map((v) => grads[v.name].dataSync()[0]);
const seconds = (performance.now() - t0) / 1000;
const after = usage();
const hwmAfter = procStatusMB("VmHWM");
const { maxRssMB, samples } = await sampler.stop();
tf.dispose([value, ...Object.values(grads), target]);

const peak = Math.max(hwmAfter, maxRssMB);
console.log(
  JSON.stringify({
    simulator: "Dendrolab",
    what: "gradient memory",
    ncomp: cell.nComp,
    steps: N_STEPS,
    solver: "bwd_euler",
    trainables: keys,
    recordings: spec.recordings.length,
    spikes_at_root: spikes,
    loss,
    grad: Object.fromEntries(keys.map((k, i) => [k, g[i]])),
    seconds,
    vmhwm_before_mb: hwmBefore,
    vmhwm_after_mb: hwmAfter,
    sampled_max_rss_mb: maxRssMB,
    rss_samples: samples,
    memory_usage_before_mb: before,
    memory_usage_after_mb: after,
    node: process.version,
  }),
);
console.log(
  `grad memory: ${cell.nComp} compartments x ${N_STEPS} steps (${tMax / 1000} s), ${keys.length} trainables: ` +
    `peak resident ${peak.toFixed(0)} MB (VmHWM ${hwmBefore.toFixed(0)} MB before the gradient, ${hwmAfter.toFixed(0)} MB after; ` +
    `max sampled RSS ${maxRssMB.toFixed(0)} MB over ${samples} samples), wall ${seconds.toFixed(1)} s, ` +
    `${peak < GOAL_MB ? "under" : "OVER"} the 1 GB goal`,
);
