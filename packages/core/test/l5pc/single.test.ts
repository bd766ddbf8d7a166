/**
 * Each of the 12 L5PC mechanisms of Hay et al. (2011), written by the project, alone in
 * one compartment (with NEURON's `pas`), against NEURON 8.2 running the model's .mod
 * files at 6.3 and 34 C: v within 1e-6 mV and every state within 1e-9 (issue 10).
 *
 * NEURON records an ion current and a reversal potential at sample k from the step's
 * current phase, i.e. from v and states of sample k - 1; Dendrolab records every value
 * at the time of its sample, so those rows are compared with NEURON's next sample.
 */
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import { buildModCase, l5pcCaseNames, loadModCase } from "./fixtures.js";

const LAGGED = /^(i(na|k|ca)|e(na|k|ca)|Ih_ihcn)$/;

const names = l5pcCaseNames();

describe("L5PC channels against NEURON (one compartment)", () => {
  it("has the 24 cases", () => expect(names.length).toBe(24));

  it.each(names)("%s", (name) => {
    const { def, traces } = loadModCase(name);
    const comp = buildModCase(def);
    const r = jx.simulate(comp, { tMax: def.n_steps * def.dt_ms, deltaT: def.dt_ms });
    expect(r.nSamples).toBe(def.n_steps + 1);
    const worst: Record<string, number> = {};
    def.recordings.forEach((rec, row) => {
      const lag = LAGGED.test(rec.key) ? 1 : 0;
      let err = 0;
      traces[row].forEach((ref, j) => {
        const k = j * def.record_every - (j > 0 ? lag : 0);
        const ours = r.values[row * r.nSamples + k];
        err = Math.max(err, Math.abs(ours - ref) / (rec.key === "v" || rec.unit === "mV" ? 1 : 1));
      });
      worst[rec.key] = err;
    });
    if (process.env.L5PC_VERBOSE) console.log(name, worst);
    for (const rec of def.recordings) {
      const tol = rec.unit === "mV" ? 1e-6 : 1e-9;
      expect(worst[rec.key], `${name} ${rec.key}`).toBeLessThan(tol);
    }
  });
});
