// The groups tutorial network (Jaxley's "Defining groups"), in TypeScript.
// Edit and press Run (Ctrl+Enter). Selecting in the tree, editing the table and
// placing instruments write the equivalent API calls below.
// (examples/tutorial-network.ts: the examples and tests import its functions too.)
import type * as tf from "@tensorflow/tfjs";
import * as jx from "@dendrolab/core";
import { K, Leak, Na } from "@dendrolab/core/channels";
import { IonotropicSynapse } from "@dendrolab/core/synapses";

/** Three cells of 4 branches of 2 compartments; cells 0 and 1 synapse onto cell 2; Na, K and Leak everywhere. */
export function buildTutorialNetwork(): jx.Network {
  const branch = new jx.Branch(new jx.Compartment(), 2); // 2 compartments
  const cell = new jx.Cell(branch, [-1, 0, 0, 1]); // parents of the 4 branches
  const network = new jx.Network([cell, cell, cell]); // cells are copied in
  jx.fullyConnect(network.cell([0, 1]), network.cell([2]), new IonotropicSynapse());
  for (const channel of [new Na(), new K(), new Leak()]) network.insert(channel);
  return network;
}

/** The tutorial's simulate: Na_gNa (S/cm2) of the fast_spiking group from params[0], of slow_spiking from params[1]. */
export function simulateTutorial(network: jx.Network, params: tf.Tensor1D): tf.Tensor2D {
  let ps: jx.ParamState | null = null;
  ps = network.group("fast_spiking").dataSet("Na_gNa", params.slice(0, 1), ps);
  ps = network.group("slow_spiking").dataSet("Na_gNa", params.slice(1, 1), ps);
  return jx.integrate(network, { paramState: ps });
}

const network = buildTutorialNetwork();

// Fast and slow spiking cells. (Apical dendrites: select branches 1 and 3 of
// every cell in the tree and press "Add to group".)
network.cell([0, 1]).addToGroup("fast_spiking");
network.cell(2).addToGroup("slow_spiking");
network.group("fast_spiking").set("Na_gNa", 0.4);

// A current clamp and a recording at the first compartment of cell 0.
network
  .cell(0)
  .branch(0)
  .comp(0)
  .stimulate(jx.stepCurrent(1, 5, 0.5)); // 0.5 nA from 1 to 6 ms, at any dt
network.cell(0).branch(0).comp(0).record("v");

export default network;
