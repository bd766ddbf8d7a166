/**
 * The user's groups tutorial (Jaxley's "Defining groups"), in TypeScript.
 * Run: pnpm --filter @dendrolab/examples tutorial
 */
import * as tf from "@tensorflow/tfjs";
import * as jx from "@dendrolab/core";
import { buildTutorialNetwork, simulateTutorial } from "./tutorial-network.js";

// 3 cells x 4 branches x 2 compartments, cells 0 and 1 -> cell 2, Na, K and Leak.
const network = buildTutorialNetwork();

// Group: apical dendrites (the second and fourth branch of every cell).
for (const i of [0, 1, 2]) {
  network.cell(i).branch(1).addToGroup("apical");
  network.cell(i).branch(3).addToGroup("apical");
}
network.group("apical").set("radius", 0.3);
console.log('network.group("apical").view');
console.log(network.group("apical").view.toString());

// Group: fast spiking cells.
network.cell(0).addToGroup("fast_spiking");
network.cell(1).addToGroup("fast_spiking");
network.group("fast_spiking").set("Na_gNa", 0.4);
console.log('\nnetwork.group("fast_spiking").view');
console.log(network.group("fast_spiking").view.toString());

// How groups are interpreted by makeTrainable: one shared value for the group...
network.group("fast_spiking").makeTrainable("Na_gNa");
console.log(`\nNumber of trainable parameters: ${count(network.getParameters())}`);
printParameters(network.getParameters());
// ...and one value per cell for a cell view.
network.cell([0, 1]).makeTrainable("axial_resistivity");
console.log(`Number of trainable parameters: ${count(network.getParameters())}`);
printParameters(network.getParameters());

// Simulating with group-wise values through dataSet.
network.cell(2).addToGroup("slow_spiking");
network.cell(0).branch(0).comp(0).record("v");
network
  .cell(0)
  .branch(0)
  .comp(0)
  .stimulate(jx.stepCurrent(1, 5, 0.5, 0.025, 20));

const voltages = simulateTutorial(network, tf.tensor1d([1.0, 0.1]));
const v = voltages.dataSync();
let spikes = 0;
for (let k = 1; k < v.length; k++) if (v[k - 1] < 0 && v[k] >= 0) spikes++;
console.log(
  `\nvoltages: shape [${voltages.shape.join(", ")}], ` +
    `min ${Math.min(...v).toFixed(2)} mV, max ${Math.max(...v).toFixed(2)} mV, final ${v[v.length - 1].toFixed(2)} mV, ${spikes} spike(s)`,
);

function count(params: jx.Params): number {
  return params.reduce((s, p) => s + Object.values(p)[0].size, 0);
}

function printParameters(params: jx.Params): void {
  const shown = params.map((p) => {
    const [k, t] = Object.entries(p)[0];
    return `{ ${k}: [${Array.from(t.dataSync(), (x) => Number(x.toPrecision(7))).join(", ")}] }`;
  });
  console.log(`[${shown.join(", ")}]`);
}
