/**
 * A traced SWC cell with regions (pt3d sections) and a 20-cell network built by
 * sparseConnect, exported to NEURON, compiled, run serially and with mpiexec -n 2: every
 * recording within 0.01 mV of Dendrolab's.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import { HH, K, Leak, Na } from "../../src/channels.js";
import { IonotropicSynapse, TanhRateSynapse } from "../../src/synapses.js";
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

const SHARED_SWC = join(dirname(fileURLToPath(import.meta.url)), "../../../../../shared/swc");

if (neuronMissing) console.log(`skipping the NEURON export runs: ${neuronMissing}`);

/** Exports, compiles, runs serially and with mpiexec -n 2; returns the max deviations. */
function compare(name: string, module: jx.View, opts: jx.IntegrateOptions & { tMax: number }, nCells: number) {
  const ours = jx.simulate(module, opts);
  expect(Math.max(...ours.values.subarray(0, ours.nSamples)), "the first recording spikes").toBeGreaterThan(0);
  const { files, main } = jx.exportNeuron(module, opts);
  const dir = writeExport(files, name);
  compileMechanisms(dir);
  runSerial(dir, main);
  const serial = maxDeviation(ours.values, ours.nSamples, readRecordings(dir).columns);
  console.log(`${name} serial: max |dV| ${Math.max(...serial).toExponential(2)} over ${serial.length} recordings`);
  for (const d of serial) expect(d).toBeLessThan(0.01);
  if (mpiMissing) return console.log(`skipping mpiexec: ${mpiMissing}`);
  expect(runMpi(dir, main, 2)).toContain(`${nCells} cells on 2 rank(s)`);
  const mpi = maxDeviation(ours.values, ours.nSamples, readRecordings(dir).columns);
  console.log(`${name} mpiexec -n 2: max |dV| ${Math.max(...mpi).toExponential(2)} over ${mpi.length} recordings`);
  for (const d of mpi) expect(d).toBeLessThan(0.01);
}

describe.skipIf(neuronMissing !== null)("exportNeuron in NEURON: traced cells and networks", () => {
  for (const solver of ["bwd_euler", "crank_nicolson"] as const) {
    it(`an SWC cell (CA1, 250 samples) with soma, apical and a region of its own, ${solver}`, () => {
      const cell = jx.readSwc(readFileSync(join(SHARED_SWC, "morph_ca1_n120_250.swc"), "utf8"), { ncomp: 3 });
      cell.insert(new HH());
      cell.set("axial_resistivity", 150);
      cell.group("soma").set("HH_gNa", 0.25);
      cell.group("apical").set("HH_gK", 0.02);
      cell.group("apical").set("HH_gLeak", 0.0005);
      const nb = Number(cell.view.column("global_branch_index").at(-1)) + 1;
      cell.branch([2, 3, 5, 8]).addToGroup("oblique"); // a region of the user's own
      cell.group("oblique").set("HH_gNa", 0.08);
      cell.group("oblique").set("capacitance", 1.5);
      cell.initStates();
      cell
        .branch(0)
        .comp(1)
        .stimulate(jx.stepCurrent(1, 8, 0.4));
      cell.branch(0).comp(1).record("v");
      for (const b of [1, Math.floor(nb / 3), Math.floor((2 * nb) / 3), nb - 1]) cell.branch(b).comp(2).record("v");
      cell
        .branch(nb - 1)
        .comp(0)
        .record("HH_n");
      compare(`swc-ca1-${solver}`, cell, { tMax: 15, deltaT: 0.025, solver }, 1);
    });
  }

  it("20 cells joined by sparseConnect (graded synapses of two types), bwd_euler", () => {
    const branch = new jx.Branch(new jx.Compartment(), 3);
    const cell = new jx.Cell(branch, [-1, 0, 0]);
    const net = new jx.Network(Array.from({ length: 20 }, () => cell));
    for (const ch of [new Na(), new K(), new Leak()]) net.insert(ch);
    jx.sparseConnect(net.cell("all"), net.cell("all"), new IonotropicSynapse(), 0.15, { seed: 7 });
    jx.sparseConnect(net.cell([0, 1, 2, 3]), net.cell([10, 11, 12]), new TanhRateSynapse(), 0.5, { seed: 3 });
    net.named("IonotropicSynapse").set("IonotropicSynapse_gS", 0.005);
    net.named("TanhRateSynapse").set("TanhRateSynapse_gS", 0.002);
    net.cell([5, 6]).set("radius", 0.8);
    net.cell(9).branch(1).set("length", 25);
    for (const c of [0, 3, 7, 12])
      net
        .cell(c)
        .branch(0)
        .comp(0)
        .stimulate(jx.stepCurrent(1 + c / 4, 6, 0.3));
    net.cell("all").branch(0).comp(0).record("v");
    net.cell(12).branch(2).comp(2).record("K_n");
    net.named("IonotropicSynapse").edge([0, 1]).record("IonotropicSynapse_s");
    compare("sparse20", net, { tMax: 30, deltaT: 0.025 }, 20);
  });
});
