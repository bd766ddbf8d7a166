/**
 * The session a new user opens: the groups tutorial network (Jaxley's "Defining
 * groups", ../shared/seed/groups-tutorial.txt) with a current clamp and a recording.
 * The apical group is left for the user to make in the tree.
 */
export const TUTORIAL_SCRIPT = `// The groups tutorial network (Jaxley's "Defining groups"), in TypeScript.
// Edit and press Run (Ctrl+Enter). Selecting in the tree, editing the table and
// placing instruments write the equivalent API calls below.
import * as jx from "@dendrolab/core";
import { K, Leak, Na } from "@dendrolab/core/channels";
import { IonotropicSynapse } from "@dendrolab/core/synapses";

const comp = new jx.Compartment();
const branch = new jx.Branch(comp, 2); // 2 compartments
const cell = new jx.Cell(branch, [-1, 0, 0, 1]); // parents of the 4 branches
const network = new jx.Network([cell, cell, cell]); // cells are copied in

jx.fullyConnect(network.cell([0, 1]), network.cell([2]), new IonotropicSynapse());
network.insert(new Na());
network.insert(new K());
network.insert(new Leak());

// Fast and slow spiking cells. (Apical dendrites: select branches 1 and 3 of
// every cell in the tree and press "Add to group".)
network.cell([0, 1]).addToGroup("fast_spiking");
network.cell(2).addToGroup("slow_spiking");
network.group("fast_spiking").set("Na_gNa", 0.4);

// A current clamp and a recording at the first compartment of cell 0.
network.cell(0).branch(0).comp(0).stimulate(jx.stepCurrent(1, 5, 0.5, 0.025, 20));
network.cell(0).branch(0).comp(0).record("v");

export default network;
`;
