/**
 * The user's tutorial network (../shared/seed/groups-tutorial.txt) up to its inserts,
 * shared by the tests that start from it.
 */
import * as jx from "../src/index.js";
import { K, Leak, Na } from "../src/channels.js";
import { IonotropicSynapse } from "../src/synapses.js";

export function buildTutorialNetwork(): jx.Network {
  const comp = new jx.Compartment();
  const branch = new jx.Branch(comp, 2);
  const cell = new jx.Cell(branch, [-1, 0, 0, 1]);
  const network = new jx.Network([cell, cell, cell]);
  jx.fullyConnect(network.cell([0, 1]), network.cell([2]), new IonotropicSynapse());
  network.insert(new Na());
  network.insert(new K());
  network.insert(new Leak());
  return network;
}
