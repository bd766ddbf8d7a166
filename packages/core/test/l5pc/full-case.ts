/**
 * The full L5PC fixtures (l5pc_full_*) of tools/neuron-refs, rebuilt with examples/l5pc.ts
 * from the project's channels or from other mechanisms of the same names (the imported
 * .mod files), and compared with NEURON.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import * as jx from "../../src/index.js";
import { buildL5pc, l5pcSite } from "../../../../examples/l5pc.js";
import { MOD_FIXTURES } from "./fixtures.js";

export const SWC = new URL("../../../../../shared/swc/morph_l5pc_with_axon.swc", import.meta.url).pathname;

export interface FullCase {
  solver: "bwd_euler" | "crank_nicolson";
  dt_ms: number;
  n_steps: number;
  record_every: number;
  celsius: number;
  v_init_mV: number;
  stimulus: { delay_ms: number; dur_ms: number; amp_nA: number; neuron_location: string };
  mechanisms_per_region: Record<string, string[]>;
  rules: Array<{
    region: string;
    type: "section" | "range";
    param: string;
    key?: string;
    value: number;
    distribution?: string;
  }>;
  ih_apical: Record<string, { seg_x: number[]; distance_um: number[]; Ih_gIhbar: number[] }>;
  recordings: Array<{ section: string; seg_x: number; key: string }>;
  checks: { per_recording: Array<{ key: string; n_spikes?: number }> };
}

/**
 * The model of examples/l5pc.ts (apical Ih by pathDistance) with the case's stimulus and
 * recordings; `mechanisms` replaces the project's channels by name (e.g. imported .mod files).
 */
export function build(def: FullCase, mechanisms?: Readonly<Record<string, new () => jx.Mechanism>>): jx.SwcCell {
  const cell = buildL5pc(readFileSync(SWC, "utf8"), { ncomp: 4, mechanisms });
  const tMax = def.n_steps * def.dt_ms;
  const { delay_ms, dur_ms, amp_nA, neuron_location } = def.stimulus;
  l5pcSite(cell, neuron_location).stimulate(jx.stepCurrent(delay_ms, dur_ms, amp_nA, def.dt_ms, tMax));
  for (const r of def.recordings) l5pcSite(cell, `${r.section}(${r.seg_x})`).record(r.key);
  return cell;
}

export const spikes = (a: ArrayLike<number>) => {
  let n = 0;
  for (let k = 1; k < a.length; k++) if (a[k - 1] < 0 && a[k] >= 0) n++;
  return n;
};

export const CASES = ["soma", "dend"].flatMap((s) =>
  ["bwd_euler", "crank_nicolson"].map((m) => `l5pc_full_${s}_step_${m}`),
);
/** Throws, naming the file, when the morphology (../shared) or a fixture is missing: these tests never skip. */
export function requireCaseFiles(): void {
  for (const f of [SWC, ...CASES.map((c) => join(MOD_FIXTURES, `${c}.json`))])
    if (!existsSync(f))
      throw new Error(`the full L5PC tests need ${f} (../shared next to the repository, fixtures committed)`);
}

/** The fixture description of case `name`. */
export const readCase = (name: string) =>
  JSON.parse(readFileSync(join(MOD_FIXTURES, `${name}.json`), "utf8")) as FullCase;

/** Runs case `name` with `mechs` and checks every recording against NEURON (0.01 mV, cai 1e-7, spike counts). */
export function checkFullCase(
  name: string,
  mechanisms?: Readonly<Record<string, new () => jx.Mechanism>>,
): Record<string, number> {
  const def = readCase(name);
  const traces = (JSON.parse(readFileSync(join(MOD_FIXTURES, `${name}.traces.json`), "utf8")) as { traces: number[][] })
    .traces;
  const cell = build(def, mechanisms);
  const r = jx.simulate(cell, { tMax: def.n_steps * def.dt_ms, deltaT: def.dt_ms, solver: def.solver });
  const errors: Record<string, number> = {};
  def.recordings.forEach((rec, row) => {
    const lag = rec.key === "eca" ? 1 : 0;
    let err = 0;
    traces[row].forEach((ref, j) => {
      const k = j * def.record_every - (j > 0 ? lag : 0);
      err = Math.max(err, Math.abs(r.values[row * r.nSamples + k] - ref));
    });
    errors[`${rec.section}(${rec.seg_x}) ${rec.key}`] = err;
    const ours = r.values.subarray(row * r.nSamples, (row + 1) * r.nSamples);
    if (rec.key === "v")
      expect(spikes(ours), `${name} ${rec.section} spikes`).toBe(def.checks.per_recording[row].n_spikes);
    expect(err, `${name} ${rec.section}(${rec.seg_x}) ${rec.key}`).toBeLessThan(rec.key === "cai" ? 1e-7 : 0.01);
  });
  return errors;
}
