/**
 * Compares a rebuilt one-compartment NEURON case (test/fixtures/neuron-mod) with its
 * NEURON traces. NEURON records a current or reversal potential at sample k from the
 * step's current phase (v and states of sample k - 1); Dendrolab records every value at
 * its sample, so those rows are compared with NEURON's next sample. Under Crank-Nicolson
 * both record ion currents with second_order_cur's correction (i + di/dv times the
 * half-step voltage change), Dendrolab at the sample where the step starts: its sample 0
 * is NEURON's sample 1, which the fixtures do not store (NEURON's sample 0 is the
 * uncorrected current of finitialize), so that one value is not compared. Likewise with
 * `currentsReadT` (currents that read t: Dendrolab's sample 0 is at t = dt/2, the step's
 * midpoint, as NEURON's sample 1; NEURON's sample 0 is at t = 0).
 */
import * as jx from "../../src/index.js";
import { buildModCase, type ModCase } from "../l5pc/fixtures.js";

/** The worst absolute difference of each recording, and its tolerance (1e-6 mV, else 1e-9). */
export function compareModCase(
  def: ModCase,
  traces: number[][],
  channels: Record<string, () => jx.Mechanism>,
  options: { currentsReadT?: boolean } = {},
): Record<string, { err: number; tol: number }> {
  const comp = buildModCase(def, channels);
  const solver = def.solver === "crank_nicolson" ? "crank_nicolson" : "bwd_euler";
  const r = jx.simulate(comp, { tMax: def.n_steps * def.dt_ms, deltaT: def.dt_ms, solver });
  const out: Record<string, { err: number; tol: number }> = {};
  def.recordings.forEach((rec, row) => {
    // Currents (ion or nonspecific, every mA/cm2 row) and reversal potentials lag.
    const lag = /^e(na|k|ca)$/.test(rec.key) || rec.unit === "mA/cm2" ? 1 : 0;
    const skipFirst =
      (solver === "crank_nicolson" && /^i(na|k|ca)$/.test(rec.key)) ||
      (options.currentsReadT === true && rec.unit === "mA/cm2");
    let err = 0;
    traces[row].forEach((ref, j) => {
      if (j === 0 && skipFirst) return;
      const k = j * def.record_every - (j > 0 ? lag : 0);
      err = Math.max(err, Math.abs(r.values[row * r.nSamples + k] - ref));
    });
    out[rec.key] = { err: Number.isNaN(err) ? Infinity : err, tol: rec.unit === "mV" ? 1e-6 : 1e-9 };
  });
  return out;
}
