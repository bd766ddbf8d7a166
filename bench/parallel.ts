/**
 * The worker pool's speed-up: a batch of 32 simulations run by `runBatch` on one worker and
 * on one worker per core, for (a) the 1,016-compartment HH tree of bench/tree-hh.ts (127
 * branches x 8 compartments, 100 ms at dt 0.025 ms, backward Euler; run i scales HH_gNa by
 * 1 + 0.01 i) and (b) the tutorial network (examples/tutorial-network.ts: 3 cells, 24
 * compartments, 2 synapses; TUTORIAL_MS of simulated time; run i drives cell 0 with
 * 0.1 + 0.02 i nA). Times include everything runBatch does: checking the options,
 * serialising the model, starting the workers, sending, simulating, collecting.
 *
 * Prints, per model: the serial integrateBatch time, the times on 1 and N workers (best of
 * REPEATS, alternating), the speed-up, the serial fraction f it implies (Karp-Flatt:
 * f = (N / S - 1) / (N - 1)) and Amdahl's forecast S(n) = 1 / (f + (1 - f) / n) for more
 * cores; the memory each worker adds (RSS, see memoryPerWorker); then how long an abort takes to free the workers. CPU seconds (the whole
 * process, all threads) are printed beside wall times: when other jobs share the machine,
 * N-worker wall time well above CPU / N shows the workers waited for a core.
 *
 *   pnpm --filter @dendrolab/bench run parallel
 *   # env: REPEATS=5  RUNS=32  TUTORIAL_MS=2000  WORKERS=(one per core)
 */
import * as tf from "@tensorflow/tfjs";
import {
  type Cell,
  defaultWorkerCount,
  type IntegrateOptions,
  integrateBatch,
  liveWorkers,
  type Network,
  runBatch,
  stepCurrent,
} from "@dendrolab/core";
import { loadavg } from "node:os";
import { buildTutorialNetwork } from "../examples/tutorial-network.js";
import { binaryTreeSpec, buildTreeCell } from "./lib/tfjs-reference.js";

const REPEATS = Number(process.env.REPEATS ?? 5);
const RUNS = Number(process.env.RUNS ?? 32);
const TUTORIAL_MS = Number(process.env.TUTORIAL_MS ?? 2000);
const N = Number(process.env.WORKERS ?? (await defaultWorkerCount()));

await tf.setBackend("cpu");
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");
console.log(`load average at start: ${load()} (1, 5, 15 min) on ${N} workers`);
await tf.ready();

/** Wall-clock and process CPU seconds (all threads) of one awaited batch. */
async function timed(fn: () => Promise<tf.Tensor>): Promise<{ seconds: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  (await fn()).dispose();
  const c = process.cpuUsage(c0);
  return { seconds: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

/** The faster of two timings. */
const best = (a: { seconds: number; cpu: number }, b: { seconds: number; cpu: number }) =>
  b.seconds < a.seconds ? b : a;

/**
 * MB of RSS each worker adds: the peak while N workers run their first simulations (before
 * any result reaches this thread), minus the RSS before the pool started, divided by N. It
 * counts each worker's isolate, the core's modules, the model and the simulation buffers.
 */
async function memoryPerWorker(module: Cell | Network, list: IntegrateOptions[]): Promise<number> {
  await new Promise((r) => setTimeout(r, 200));
  const before = process.memoryUsage().rss;
  let peak = before;
  let first = false;
  const sample = setInterval(() => {
    if (!first) peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const t = await runBatch(module, list.slice(0, N), {
    workers: N,
    onProgress: () => {
      first = true;
    },
  });
  clearInterval(sample);
  t.dispose();
  return (peak - before) / N / 2 ** 20;
}

async function measure(name: string, module: Cell | Network, list: IntegrateOptions[]) {
  const mbPerWorker = await memoryPerWorker(module, list);
  const t0 = performance.now();
  integrateBatch(module, list).dispose();
  const serial = (performance.now() - t0) / 1000;
  await runBatch(module, list.slice(0, N), { workers: N }).then((t) => t.dispose()); // warm-up
  // 1 worker and N workers alternate, so that both see the same load from other jobs.
  let one = { seconds: Number.POSITIVE_INFINITY, cpu: Number.NaN };
  let many = { seconds: Number.POSITIVE_INFINITY, cpu: Number.NaN };
  for (let r = 0; r < REPEATS; r++) {
    one = best(one, await timed(() => runBatch(module, list, { workers: 1 })));
    many = best(many, await timed(() => runBatch(module, list, { workers: N })));
  }
  const speedup = one.seconds / many.seconds;
  const f = N > 1 ? Math.max(0, (N / speedup - 1) / (N - 1)) : 0;
  const amdahl = (n: number) => 1 / (f + (1 - f) / n);
  const row = {
    model: name,
    runs: list.length,
    workers: N,
    serial_integrateBatch_s: serial,
    one_worker_s: one.seconds,
    one_worker_cpu_s: one.cpu,
    n_workers_s: many.seconds,
    n_workers_cpu_s: many.cpu,
    speedup,
    serial_fraction: f,
    forecast: Object.fromEntries([4, 8, 16].map((n) => [n, amdahl(n)])),
    mb_per_worker: mbPerWorker,
  };
  console.log(JSON.stringify(row));
  console.log(
    `${name}: ${list.length} runs, 1 worker ${one.seconds.toFixed(2)} s (CPU ${one.cpu.toFixed(2)} s), ` +
      `${N} workers ${many.seconds.toFixed(2)} s (CPU ${many.cpu.toFixed(2)} s) ` +
      `-> speed-up ${speedup.toFixed(2)}x (serial integrateBatch ${serial.toFixed(2)} s); ` +
      `serial fraction f = ${f.toFixed(3)}, expected S(n) = 1 / (f + (1 - f) / n): ` +
      `${[4, 8, 16].map((n) => `${amdahl(n).toFixed(2)}x on ${n}`).join(", ")}; ~${mbPerWorker.toFixed(0)} MB per worker`,
  );
  return speedup;
}

// (a) The 1,016-compartment HH tree.
const spec = binaryTreeSpec(7, 8);
const N_STEPS = 4000;
const tree = buildTreeCell(spec, N_STEPS * spec.dtMs);
const treeRuns = Array.from({ length: RUNS }, (_, i) => ({
  tMax: N_STEPS * spec.dtMs,
  deltaT: spec.dtMs,
  paramState: tree.dataSet("HH_gNa", spec.hh.gNa * (1 + 0.01 * i)),
}));
const sTree = await measure(`HH tree (${tree.nComp} compartments, ${N_STEPS} steps)`, tree, treeRuns);

// (b) The tutorial network.
const network = buildTutorialNetwork();
network.cell([0, 1, 2]).branch(0).comp(0).record("v");
const soma = network.cell(0).branch(0).comp(0);
const netRuns = Array.from({ length: RUNS }, (_, i) => ({
  tMax: TUTORIAL_MS,
  dataStimuli: soma.dataStimulate(stepCurrent(5, TUTORIAL_MS - 10, 0.1 + 0.02 * i)),
}));
const sNet = await measure(`tutorial network (${network.nComp} compartments, ${TUTORIAL_MS} ms)`, network, netRuns);

// (c) Stopping: abort once the first run is back; time until the promise rejects.
const stop = new AbortController();
let abortedAt = 0;
const pending = runBatch(tree, treeRuns, {
  workers: N,
  signal: stop.signal,
  onProgress: (done) => {
    if (done === 1) {
      abortedAt = performance.now();
      stop.abort();
    }
  },
});
const freedMs = await pending.then(
  () => Number.NaN,
  () => performance.now() - abortedAt,
);
console.log(
  `abort: the promise rejected and ${N} workers were freed ${freedMs.toFixed(1)} ms after abort() (live now: ${liveWorkers()})`,
);
console.log(`load average at end: ${load()}`);
console.log(
  `speed-up on ${N} workers: tree ${sTree.toFixed(2)}x, tutorial ${sNet.toFixed(2)}x (target >= 1.7x on 2 cores: ` +
    `${sTree >= 1.7 && sNet >= 1.7 ? "met" : "NOT met"})`,
);
