/**
 * Every NEURON reference case, rebuilt with the public API and simulated: mean absolute
 * error per recording at most 0.001 mV (and the case's own tolerance), spike counts equal.
 */
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/index.js";
import { buildCase, FIXTURE_DIR, listCases, loadCase, maePerRow, SHARED_REFDATA, spikeCount } from "./fixtures.js";

const cases = [...listCases(SHARED_REFDATA), ...listCases(FIXTURE_DIR)];

describe("against NEURON", () => {
  it("has reference cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
  });

  for (const path of cases) {
    const name = path.split("/").pop()!;
    it(name, () => {
      const { def, traces } = loadCase(path);
      const module = buildCase(def);
      const r = simulate(module, { tMax: def.n_steps * def.dt_ms, deltaT: def.dt_ms, solver: def.solver });
      const rows = traces.traces ?? traces.v!;
      expect(r.nRecordings).toBe(rows.length);
      expect(r.nSamples).toBe(rows[0].length);
      const mae = maePerRow(r.values, r.nSamples, rows);
      mae.forEach((m, i) => {
        expect(m, `recording ${i} (${def.recordings[i].state ?? "v"}) MAE`).toBeLessThanOrEqual(1e-3);
      });
      rows.forEach((row, i) => {
        if ((def.recordings[i].state ?? "v") !== "v") return;
        const ours = r.values.subarray(i * r.nSamples, (i + 1) * r.nSamples);
        expect(spikeCount(ours), `spikes in recording ${i}`).toBe(spikeCount(row));
      });
    });
  }
});
