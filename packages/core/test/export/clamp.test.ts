/**
 * A voltage clamp exported with Dendrolab's meaning (v set after each step's solve,
 * before the states advance), compared with Dendrolab, for both solvers.
 */
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import { HH } from "../../src/channels.js";
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

describe.skipIf(neuronMissing !== null)("exportNeuron: voltage clamps in NEURON", () => {
  it.each(["bwd_euler", "crank_nicolson"] as const)(
    "a clamped compartment of an HH cell and the rest of the cell, %s",
    (solver) => {
      const cell = new jx.Cell(new jx.Branch(new jx.Compartment(), 4), [-1, 0, 0]);
      cell.insert(new HH());
      cell.initStates();
      const n = 401; // 10 ms at 0.025
      const held = Float64Array.from({ length: n }, (_, k) => (k * 0.025 >= 2 && k * 0.025 < 6 ? -20 : -65));
      cell.branch(0).comp(1).clamp("v", held);
      cell.branch(0).comp(1).record("v");
      cell.branch(0).comp(1).record("HH_m");
      cell.branch(0).comp(3).record("v");
      cell.branch(2).comp(3).record("v");
      const opts = { tMax: 10, deltaT: 0.025, solver };
      const ours = jx.simulate(cell, opts);
      const { files, main } = jx.exportNeuron(cell, opts);
      const dir = writeExport(files, `vclamp-${solver}`);
      compileMechanisms(dir);
      runSerial(dir, main);
      const dev = maxDeviation(ours.values, ours.nSamples, readRecordings(dir).columns);
      console.log(`vclamp ${solver} serial: max |d| per recording ${dev.map((x) => x.toExponential(2)).join(" ")}`);
      for (const d of dev) expect(d).toBeLessThan(0.01);
      if (mpiMissing) return console.log(`skipping mpiexec: ${mpiMissing}`);
      runMpi(dir, main, 2); // rank 1 has no cell and no clamp
      for (const d of maxDeviation(ours.values, ours.nSamples, readRecordings(dir).columns))
        expect(d).toBeLessThan(0.01);
    },
  );
});
