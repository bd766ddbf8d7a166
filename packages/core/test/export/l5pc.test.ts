/**
 * The full L5PC (examples/l5pc.ts: 12 channels, calcium dynamics, celsius 34, traced
 * morphology read as NEURON reads it) exported to NEURON twice: with the project's own
 * channels (NMODL written by exportNeuron) and with the 12 imported .mod files of
 * ../shared/mod/l5pc (written as they are). 40 ms of the soma step case, serially and
 * with mpiexec -n 2: every voltage within 0.01 mV, cai within 1e-7 mM.
 */
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import { loadNmodl } from "../../src/nmodl/load.js";
import { build, readCase } from "../l5pc/full-case.js";
import { L5PC_MOD_NAMES, modText } from "../nmodl/mod-files.js";
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

function imported(): Record<string, new () => jx.Mechanism> {
  const out: Record<string, new () => jx.Mechanism> = {};
  for (const f of L5PC_MOD_NAMES) {
    const M = loadNmodl(modText("l5pc", `${f}.mod`));
    out[M.nmodl.suffix] = M;
  }
  return out;
}

describe.skipIf(neuronMissing !== null)("exportNeuron: the full L5PC in NEURON", () => {
  for (const [what, solver] of [
    ["project channels", "bwd_euler"],
    ["imported .mod files", "bwd_euler"],
    ["imported .mod files", "crank_nicolson"],
  ] as const) {
    it(`${what}, ${solver}: voltages within 0.01 mV, cai within 1e-7 mM`, () => {
      const def = readCase(`l5pc_full_soma_step_${solver}`);
      def.n_steps = 1600; // 40 ms: the step starts at 10 ms
      def.recordings = def.recordings.filter((r) => r.key !== "eca"); // NEURON records eca one step later
      const cell = build(def, what === "imported .mod files" ? imported() : undefined);
      const opts = { tMax: def.n_steps * def.dt_ms, deltaT: def.dt_ms, solver };
      const ours = jx.simulate(cell, opts);
      expect(Math.max(...ours.values.subarray(0, ours.nSamples))).toBeGreaterThan(0); // the soma spikes
      const { files, main } = jx.exportNeuron(cell, opts);
      if (what === "imported .mod files") expect(files["mechanisms/SK_E2.mod"]).toBe(modText("l5pc", "SK_E2.mod")); // as it is
      const dir = writeExport(files, `l5pc-${solver}`);
      compileMechanisms(dir);
      const check = (how: string) => {
        const dev = maxDeviation(ours.values, ours.nSamples, readRecordings(dir).columns);
        const v = dev.filter((_, i) => def.recordings[i].key === "v");
        const cai = dev.filter((_, i) => def.recordings[i].key === "cai");
        console.log(
          `l5pc ${what} ${solver} ${how}: max |dV| ${Math.max(...v).toExponential(2)} mV, max |dcai| ${Math.max(...cai).toExponential(2)} mM`,
        );
        for (const x of v) expect(x).toBeLessThan(0.01);
        for (const x of cai) expect(x).toBeLessThan(1e-7);
      };
      runSerial(dir, main);
      check("serial");
      if (mpiMissing) return console.log(`skipping mpiexec: ${mpiMissing}`);
      runMpi(dir, main, 2);
      check("mpiexec -n 2");
    });
  }
});
