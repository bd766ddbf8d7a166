/**
 * The full L5PC against NEURON running the model's own .mod files (issue 10): the BBP
 * morphology with its axon (1296 compartments, 4 per section), all 12 mechanisms + pas,
 * 100 ms at dt 0.025 ms (4000 steps), 2 nA into the soma from 10 to 90 ms (5 spikes).
 * NEURON (nrnivmodl-compiled ../shared/mod/l5pc) and Dendrolab (examples/l5pc.ts, the
 * project's channels) run in the same invocation, taking turns; prints both best times,
 * the ratio, and how far the two somatic traces lie apart (exit 1 if over 0.01 mV or the
 * spike counts differ).
 *
 *   pnpm --filter @dendrolab/bench l5pc [-- --solver crank_nicolson]
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as jx from "@dendrolab/core";
import { buildL5pc } from "../examples/l5pc.js";
import { bestOf, neuronAvailable, ROOT, runNeuronBench } from "./lib/neuron.js";

const SWC = join(ROOT, "../shared/swc/morph_l5pc_with_axon.swc");
const solver = process.argv.includes("crank_nicolson") ? "crank_nicolson" : "bwd_euler";
const DT = 0.025;
const STEPS = 4000;

if (!neuronAvailable()) {
  console.error("NEURON is not installed: apt-get install -y python3-neuron (run with /usr/bin/python3).");
  process.exit(2);
}
if (!existsSync(SWC)) {
  console.error(`The L5PC morphology is missing: ${SWC}`);
  process.exit(2);
}
const cell = buildL5pc(readFileSync(SWC, "utf8"), { ncomp: 4 });
const soma = cell.group("soma").loc(0.5); // NEURON's soma[0](0.5): compartment 2, x = 0.625
soma.stimulate(jx.stepCurrent(10, 80, 2, DT, STEPS * DT));
soma.record("v");
const opts = { tMax: STEPS * DT, deltaT: DT, solver } as const;
const first = jx.simulate(cell, opts); // compiles the kernels and warms up

// The machine is shared: NEURON and Dendrolab take turns, ROUNDS times, so that both see
// the same load; each keeps its best time, and the ratio of every round is printed too.
const ROUNDS = 3;
let neuron: Record<string, number | string> = {};
let reference: number[] = [];
let theirs = Infinity;
let seconds = Infinity;
const ratios: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const run = runNeuronBench("bench_l5pc.py", ["--repeats", "2", "--solver", solver]);
  if (round === 0) reference = (run.model as { v_soma: number[] }).v_soma;
  const n = Number(run.result.seconds);
  const d = bestOf(2, () => jx.simulate(cell, opts));
  ratios.push(n / d);
  if (n < theirs) {
    theirs = n;
    neuron = run.result;
  }
  seconds = Math.min(seconds, d);
}

let maxDiff = 0;
for (let k = 0; k < reference.length; k++) maxDiff = Math.max(maxDiff, Math.abs(first.values[k] - reference[k]));
const spikes = (v: ArrayLike<number>) => {
  let n = 0;
  for (let k = 1; k < v.length; k++) if (v[k - 1] < 0 && v[k] >= 0) n++;
  return n;
};
const nOurs = spikes(first.values.subarray(0, first.nSamples));
const nTheirs = spikes(reference);
const nComp = cell.nComp;
console.log(
  JSON.stringify({
    simulator: "Dendrolab",
    solver,
    ncomp: nComp,
    steps: STEPS,
    seconds,
    comp_steps_per_second: (nComp * STEPS) / seconds,
  }),
);
console.log(JSON.stringify(neuron));
console.log(
  `L5PC ${nComp} compartments x ${STEPS} steps (${solver}): Dendrolab ${seconds.toFixed(3)} s, ` +
    `NEURON ${theirs.toFixed(3)} s (best of ${ROUNDS} rounds each), ratio ${(theirs / seconds).toFixed(2)}x NEURON ` +
    `(per round: ${ratios.map((r) => r.toFixed(2)).join(", ")}) ` +
    `(soma v: max |difference| ${maxDiff.toExponential(2)} mV, spikes ${nOurs} vs ${nTheirs})`,
);
if (!(maxDiff < 0.01) || nOurs !== nTheirs) {
  console.error("The traces disagree: Dendrolab and NEURON do not simulate the same model.");
  process.exit(1);
}
