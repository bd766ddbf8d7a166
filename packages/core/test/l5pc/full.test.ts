/**
 * The full L5PC of Hay et al. (2011) with the project's channels, against NEURON running
 * the model's .mod files (fixtures l5pc_full_*): the BBP morphology with its axon read as
 * NEURON reads it, 4 compartments per section, regions and values of BluePyOpt's
 * parameters.json / release_params.json, exponential apical Ih, 34 C, built by
 * examples/l5pc.ts (apical Ih from view.pathDistance). Every voltage within 0.01 mV and
 * equal spike counts (issue 10).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import { buildL5pc, L5PC_CELSIUS, L5PC_FIXED, L5PC_FREE, L5PC_V_INIT, l5pcSite } from "../../../../examples/l5pc.js";
import { MOD_FIXTURES } from "./fixtures.js";

const SWC = new URL("../../../../../shared/swc/morph_l5pc_with_axon.swc", import.meta.url).pathname;

interface FullCase {
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

const KEY: Record<string, string> = {
  g_pas: "pas_g",
  e_pas: "pas_e",
  cm: "capacitance",
  Ra: "axial_resistivity",
  ena: "ena",
  ek: "ek",
};

/** The model of examples/l5pc.ts (Ih by pathDistance), with the case's stimulus and recordings. */
function build(def: FullCase): jx.SwcCell {
  const cell = buildL5pc(readFileSync(SWC, "utf8"), { ncomp: 4 });
  const tMax = def.n_steps * def.dt_ms;
  const { delay_ms, dur_ms, amp_nA, neuron_location } = def.stimulus;
  l5pcSite(cell, neuron_location).stimulate(jx.stepCurrent(delay_ms, dur_ms, amp_nA, def.dt_ms, tMax));
  for (const r of def.recordings) l5pcSite(cell, `${r.section}(${r.seg_x})`).record(r.key);
  return cell;
}

const spikes = (a: ArrayLike<number>) => {
  let n = 0;
  for (let k = 1; k < a.length; k++) if (a[k - 1] < 0 && a[k] >= 0) n++;
  return n;
};

const CASES = ["soma", "dend"].flatMap((s) => ["bwd_euler", "crank_nicolson"].map((m) => `l5pc_full_${s}_step_${m}`));
const available = existsSync(SWC) && CASES.every((c) => existsSync(join(MOD_FIXTURES, `${c}.json`)));

const readCase = (name: string) => JSON.parse(readFileSync(join(MOD_FIXTURES, `${name}.json`), "utf8")) as FullCase;

describe.skipIf(!available)("the L5PC of examples/l5pc.ts is the fixtures' model", () => {
  const def = readCase(CASES[0]);
  const cell = build(def);

  it("has the fixture's rules: parameters.json values, release_params.json for the free ones", () => {
    expect(L5PC_CELSIUS).toBe(def.celsius);
    expect(L5PC_V_INIT).toBe(def.v_init_mV);
    const ours = new Map<string, number>();
    for (const [region, key, value] of L5PC_FIXED) ours.set(`${region} ${key}`, value);
    for (const p of L5PC_FREE) ours.set(`${p.region} ${p.key}`, p.release);
    const theirs = new Map<string, number>();
    for (const r of def.rules) {
      if (r.distribution === "exp") continue; // apical Ih: the distance rule, checked below
      theirs.set(`${r.region} ${r.type === "section" ? KEY[r.param] : r.key}`, r.value);
    }
    // cm is set twice in the file (all, then apical / basal); the last rule per key wins in both
    expect(Object.fromEntries(ours)).toEqual(Object.fromEntries(theirs));
  });

  it("pathDistance from soma(0.5) is NEURON's h.distance for every apical segment (1e-9 um), and so is Ih", () => {
    const soma = cell.group("soma").loc(0.5);
    let n = 0;
    for (const [sec, ih] of Object.entries(def.ih_apical)) {
      const b = cell.sectionNames.indexOf(sec);
      const d = cell.branch(b).pathDistance(soma);
      const g = cell.branch(b).view.column("Ih_gIhbar") as number[];
      ih.distance_um.forEach((ref, j) => {
        expect(Math.abs(d[j] - ref), `${sec} seg ${j}`).toBeLessThan(1e-9);
        expect(Math.abs(g[j] - ih.Ih_gIhbar[j]), `${sec} seg ${j} Ih`).toBeLessThan(1e-15);
        n++;
      });
    }
    expect(n).toBe(cell.group("apical").nComp);
    expect(cell.group("soma").loc(0.5).pathDistance(soma)[0]).toBe(0);
  });
});

describe.skipIf(!available)("full L5PC against NEURON", () => {
  it.each(CASES)(
    "%s",
    (name) => {
      const def = readCase(name);
      const traces = (
        JSON.parse(readFileSync(join(MOD_FIXTURES, `${name}.traces.json`), "utf8")) as { traces: number[][] }
      ).traces;
      const cell = build(def);
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
      if (process.env.L5PC_VERBOSE) console.log(name, errors);
    },
    120_000,
  );
});
