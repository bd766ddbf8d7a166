/**
 * The full L5PC of Hay et al. (2011) with the project's channels, against NEURON running
 * the model's .mod files (fixtures l5pc_full_*): the BBP morphology with its axon read as
 * NEURON reads it, 4 compartments per section, regions and values of BluePyOpt's
 * parameters.json / release_params.json, exponential apical Ih, 34 C. Every voltage
 * within 0.01 mV and equal spike counts (issue 10).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import * as l5pc from "../../src/channels-l5pc.js";
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
  ih_apical: Record<string, { seg_x: number[]; Ih_gIhbar: number[] }>;
  recordings: Array<{ section: string; seg_x: number; key: string }>;
  checks: { per_recording: Array<{ key: string; n_spikes?: number }> };
}

const MECHS: Record<string, () => jx.Mechanism> = {
  NaTs2_t: () => new l5pc.NaTs2_t(),
  NaTa_t: () => new l5pc.NaTa_t(),
  Nap_Et2: () => new l5pc.Nap_Et2(),
  K_Pst: () => new l5pc.K_Pst(),
  K_Tst: () => new l5pc.K_Tst(),
  SKv3_1: () => new l5pc.SKv3_1(),
  Im: () => new l5pc.Im(),
  SK_E2: () => new l5pc.SK_E2(),
  Ca_HVA: () => new l5pc.Ca_HVA(),
  Ca_LVAst: () => new l5pc.Ca_LVAst(),
  CaDynamics_E2: () => new l5pc.CaDynamics_E2(),
  Ih: () => new l5pc.Ih(),
  pas: () => new l5pc.Pas(),
};
const REGION_GROUP: Record<string, string> = { somatic: "soma", axonal: "axon", basal: "basal", apical: "apical" };
const SECTION_PARAM: Record<string, string> = {
  g_pas: "pas_g",
  e_pas: "pas_e",
  cm: "capacitance",
  Ra: "axial_resistivity",
  ena: "ena",
  ek: "ek",
};
const PREFIX: Record<string, string> = { soma: "soma", axon: "axon", basal: "dend", apical: "apic" };

/** NEURON's section name of every branch (Import3d order; numbered per type). */
function sectionNames(cell: jx.View): Map<string, number> {
  const d = cell.base;
  const counts: Record<string, number> = {};
  const out = new Map<string, number>();
  for (let b = 0; b < d.topo.nBranch; b++) {
    const c = d.topo.branchFirstComp[b];
    const group = Object.keys(PREFIX).find((g) => d.groups.get(g)?.[c] === 1)!;
    const prefix = PREFIX[group];
    out.set(`${prefix}[${counts[prefix] ?? 0}]`, b);
    counts[prefix] = (counts[prefix] ?? 0) + 1;
  }
  return out;
}

function build(def: FullCase): jx.SwcCell {
  const cell = jx.readSwc(readFileSync(SWC, "utf8"), { ncomp: 4, reading: "neuron" });
  const region = (r: string) => (r === "all" ? cell : cell.group(REGION_GROUP[r]));
  for (const [r, names] of Object.entries(def.mechanisms_per_region))
    for (const n of names) region(r).insert(MECHS[n]());
  for (const rule of def.rules) {
    if (rule.type === "section") region(rule.region).set(SECTION_PARAM[rule.param], rule.value);
    else if (rule.distribution === "uniform") region(rule.region).set(rule.key!, rule.value);
  }
  const names = sectionNames(cell);
  for (const [sec, ih] of Object.entries(def.ih_apical)) {
    const b = cell.branch(names.get(sec)!);
    for (const [j, x] of ih.seg_x.entries()) b.comp(Math.floor(x * 4)).set("Ih_gIhbar", ih.Ih_gIhbar[j]);
  }
  cell.set("celsius", def.celsius);
  cell.set("v", def.v_init_mV);
  cell.initStates();
  const site = (sec: string, x: number) => cell.branch(names.get(sec)!).comp(Math.floor(x * 4));
  const m = /^(.*)\((.*)\)$/.exec(def.stimulus.neuron_location)!;
  const tMax = def.n_steps * def.dt_ms;
  site(m[1], Number(m[2])).stimulate(
    jx.stepCurrent(def.stimulus.delay_ms, def.stimulus.dur_ms, def.stimulus.amp_nA, def.dt_ms, tMax),
  );
  for (const r of def.recordings) site(r.section, r.seg_x).record(r.key);
  return cell;
}

const spikes = (a: ArrayLike<number>) => {
  let n = 0;
  for (let k = 1; k < a.length; k++) if (a[k - 1] < 0 && a[k] >= 0) n++;
  return n;
};

const CASES = ["soma", "dend"].flatMap((s) => ["bwd_euler", "crank_nicolson"].map((m) => `l5pc_full_${s}_step_${m}`));
const available = existsSync(SWC) && CASES.every((c) => existsSync(join(MOD_FIXTURES, `${c}.json`)));

describe.skipIf(!available)("full L5PC against NEURON", () => {
  it.each(CASES)(
    "%s",
    (name) => {
      const def = JSON.parse(readFileSync(join(MOD_FIXTURES, `${name}.json`), "utf8")) as FullCase;
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
