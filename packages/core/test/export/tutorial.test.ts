/**
 * The tutorial network exported to NEURON, compiled, run serially and with mpiexec -n 2:
 * every recording within 0.01 mV of Dendrolab's.
 */
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import { buildTutorialNetwork } from "../../../../examples/tutorial-network.js";
import {
  compileMechanisms,
  maxDeviation,
  mpiMissing,
  neuronMissing,
  readRecordings,
  runMpi,
  runSerial,
  writeExport,
} from "./neuron-run.js";

if (neuronMissing) console.log(`skipping the NEURON export runs: ${neuronMissing}`);

function tutorial(): jx.Network {
  const net = buildTutorialNetwork();
  net.cell([0, 1]).addToGroup("fast_spiking");
  net.cell(2).addToGroup("slow_spiking");
  net.group("fast_spiking").set("Na_gNa", 0.4);
  net
    .cell(0)
    .branch(0)
    .comp(0)
    .stimulate(jx.stepCurrent(1, 5, 0.5));
  net
    .cell(1)
    .branch(2)
    .comp(1)
    .stimulate(jx.stepCurrent(3, 10, 0.3));
  net.cell([0, 1, 2]).branch(0).comp(0).record("v");
  net.cell(2).branch(3).comp(1).record("v");
  net.cell(2).branch(0).comp(0).record("Na_m");
  net.select({ edges: [0, 1] }).record("IonotropicSynapse_s");
  return net;
}

describe.skipIf(neuronMissing !== null)("exportNeuron: the tutorial network in NEURON", () => {
  for (const solver of ["bwd_euler", "crank_nicolson"] as const) {
    it(`${solver}: serially and with mpiexec -n 2, every recording within 0.01 mV`, () => {
      const net = tutorial();
      const opts = { tMax: 20, deltaT: 0.025, solver };
      const ours = jx.simulate(net, opts);
      const { files, main } = jx.exportNeuron(net, opts);
      const dir = writeExport(files, `tutorial-${solver}`);
      compileMechanisms(dir);
      runSerial(dir, main);
      const serial = maxDeviation(ours.values, ours.nSamples, readRecordings(dir).columns);
      console.log(
        `tutorial ${solver} serial: max |dV| per recording ${serial.map((x) => x.toExponential(2)).join(" ")}`,
      );
      for (const d of serial) expect(d).toBeLessThan(0.01);
      if (mpiMissing) {
        console.log(`skipping mpiexec: ${mpiMissing}`);
        return;
      }
      const out = runMpi(dir, main, 2);
      expect(out).toContain("3 cells on 2 rank(s)");
      const mpi = maxDeviation(ours.values, ours.nSamples, readRecordings(dir).columns);
      console.log(
        `tutorial ${solver} mpiexec -n 2: max |dV| per recording ${mpi.map((x) => x.toExponential(2)).join(" ")}`,
      );
      for (const d of mpi) expect(d).toBeLessThan(0.01);
    });
  }
});
