/**
 * Speed against NEURON on one core: a binary tree of 127 branches x 8 compartments with
 * HH, 100 ms at dt 0.025 ms (4000 steps), backward Euler, exact rates in NEURON.
 * Prints compartment-steps per second for both and the ratio.
 *
 *   pnpm --filter @dendrolab/bench tree
 */
// The core's sources, as the NEURON fixtures' builder (a test helper) uses them.
import { simulate } from "../packages/core/src/index.js";
import { buildCase, type CaseDef } from "../packages/core/test/neuron/fixtures.js";
import { bestOf, neuronAvailable, runNeuronBench } from "./lib/neuron.js";

if (!neuronAvailable()) {
  console.error("NEURON is not installed: apt-get install -y python3-neuron (run with /usr/bin/python3).");
  process.exit(2);
}
const { result: neuron, model } = runNeuronBench("bench_neuron.py", ["--repeats", "3"]);
const def = model as CaseDef;
const cell = buildCase(def);
const nComp = cell.nComp;
const nSteps = def.n_steps;
const opts = { tMax: nSteps * def.dt_ms, deltaT: def.dt_ms, solver: def.solver };
simulate(cell, opts); // compile and warm up
const seconds = bestOf(3, () => simulate(cell, opts));
const ours = (nComp * nSteps) / seconds;
const theirs = Number(neuron.comp_steps_per_second);
console.log(
  JSON.stringify({ simulator: "Dendrolab", ncomp: nComp, steps: nSteps, seconds, comp_steps_per_second: ours }),
);
console.log(JSON.stringify(neuron));
console.log(
  `tree HH ${nComp} compartments x ${nSteps} steps: Dendrolab ${(ours / 1e6).toFixed(2)} M comp-steps/s, ` +
    `NEURON ${(theirs / 1e6).toFixed(2)} M comp-steps/s, ratio ${(ours / theirs).toFixed(2)}x NEURON`,
);
