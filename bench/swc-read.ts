/**
 * SWC reading speed: the largest morphology in ../shared/swc (the retinal ganglion cell,
 * 7213 samples, 512 kB) read and built into a Cell with `readSwc` (parse, trace,
 * compartmentalise, groups and coordinates), in both readings; then compiled for
 * simulation (HH everywhere, a somatic step, one recording: lowering plus the first
 * `simulate` of a few steps). Goal: reading and building under 200 ms.
 *
 *   pnpm --filter @dendrolab/bench swc [-- --ncomp 3 --runs 15 --file path.swc]
 *
 * Every number is wall-clock time in this process. "cold" is the first run (includes
 * JIT warm-up of the reader; for compiling, also code generation of the HH kernels),
 * "median" the median of the following runs.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { readSwc, simulate, stepCurrent, type SwcCell } from "@dendrolab/core";
import { HH } from "@dendrolab/core/channels";
import { ROOT } from "./lib/neuron.js";

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
};
const ncomp = Number(opt("ncomp", "3"));
const runs = Number(opt("runs", "15"));
const GOAL_MS = 200;

function largestSwc(): string {
  const dirs = [join(ROOT, "../shared/swc"), join(ROOT, "packages/core/test/morphology/swc")];
  const dir = dirs.find((d) => existsSync(d));
  if (!dir) throw new Error(`no SWC folder (looked in ${dirs.join(", ")})`);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".swc"))
    .map((f) => join(dir, f));
  return files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
}

const file = opt("file", largestSwc());
const text = readFileSync(file, "utf8");
// The retina file has every radius 0 and FlyWire-style files are in nm: readSwc needs the
// repairs; minRadius only acts on radii below it.
const options = { ncomp, minRadius: 0.1 };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]);
}

function time<T>(f: () => T): [number, T] {
  const t0 = performance.now();
  const r = f();
  return [performance.now() - t0, r];
}

/** Reads and builds `runs + 1` times: the first (cold) and the median of the rest. */
function benchRead(reading: "jaxley" | "neuron"): { cold: number; median: number; cell: SwcCell } {
  const [cold, cell] = time(() => readSwc(text, { ...options, reading }));
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) warm.push(time(() => readSwc(text, { ...options, reading }))[0]);
  return { cold, median: median(warm), cell };
}

/** HH everywhere, a step at compartment 0, one recording; time the first simulate of 5 steps. */
function prepare(cell: SwcCell): SwcCell {
  cell.insert(new HH());
  cell.comp(0).stimulate(stepCurrent(0, 1, 0.1, 0.025, 0.1));
  cell.comp(0).record();
  return cell;
}

function benchCompile(reading: "jaxley" | "neuron"): { cold: number; median: number; steps: number } {
  const steps = 5;
  const simOpts = { tMax: (steps - 1) * 0.025, deltaT: 0.025 };
  const [cold] = time(() => simulate(prepare(readSwc(text, { ...options, reading })), simOpts));
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cell = prepare(readSwc(text, { ...options, reading })); // a new model: nothing cached
    warm.push(time(() => simulate(cell, simOpts))[0]);
  }
  return { cold, median: median(warm), steps };
}

const results: Record<string, unknown>[] = [];
for (const reading of ["jaxley", "neuron"] as const) {
  const read = benchRead(reading);
  const compile = benchCompile(reading);
  const row = {
    file: file.split("/").pop(),
    bytes: text.length,
    reading,
    ncomp,
    branches: read.cell.base.cells[0].parents.length,
    compartments: read.cell.nComp,
    read_build_ms_cold: Number(read.cold.toFixed(2)),
    read_build_ms_median: Number(read.median.toFixed(2)),
    compile_first_simulate_ms_cold: Number(compile.cold.toFixed(2)),
    compile_first_simulate_ms_median: Number(compile.median.toFixed(2)),
    simulate_steps: compile.steps,
    runs,
  };
  results.push(row);
  console.log(JSON.stringify(row));
}
for (const r of results) {
  const ok = (r.read_build_ms_median as number) < GOAL_MS && (r.read_build_ms_cold as number) < GOAL_MS;
  console.log(
    `${r.file} (${r.reading} reading, ${r.branches} branches x ${ncomp} = ${r.compartments} compartments): ` +
      `read + build ${r.read_build_ms_median} ms median, ${r.read_build_ms_cold} ms cold ` +
      `(goal < ${GOAL_MS} ms: ${ok ? "met" : "NOT met"}); compile + first simulate ` +
      `${r.compile_first_simulate_ms_median} ms median, ${r.compile_first_simulate_ms_cold} ms cold`,
  );
}
