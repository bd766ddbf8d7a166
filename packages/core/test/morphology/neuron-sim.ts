/**
 * NEURON simulations of SWC morphologies (fixtures from tools/neuron-refs/generate_swc.py),
 * rebuilt as a user would: readSwc, HH everywhere, per-region parameters through the SWC
 * groups, stimulus and recordings at the compartments nearest to the fixture's x, y, z.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as jx from "../../src/index.js";
import { HH } from "../../src/channels.js";
import type { SwcReading } from "../../src/morphology/swc/index.js";

export const SWC_FIXTURE_DIR = new URL("../fixtures/neuron-swc/", import.meta.url).pathname;

interface SwcSite {
  site: string;
  state: "v";
  neuron_location: string;
  section: string;
  seg_x: number;
  group: string;
  x: number;
  y: number;
  z: number;
  path_distance_um: number;
  nearest_other_segment_um: number | null;
  /** SWC sample (file as the user has it) at the section's 3-D point nearest to the site. */
  swc_sample: number;
  swc_sample_distance_um: number;
}

export interface SwcCaseDef {
  name: string;
  description: string;
  /** `neuron_file`: a renumbered copy (parent ids below child ids) that NEURON read. */
  swc: { file: string; source: "shared" | "synthetic"; sha256: string; neuron_file?: string };
  nseg: number;
  read_options: { ncomp: number; minRadius?: number; scale?: number };
  solver: "bwd_euler" | "crank_nicolson";
  dt_ms: number;
  n_steps: number;
  regions: Array<{
    group: string;
    swc_types: number[];
    axial_resistivity_ohm_cm: number;
    capacitance_uF_per_cm2: number;
    mechanisms: { HH: Record<string, number> };
  }>;
  initial_states: Record<string, number>;
  stimulus: {
    delay_ms: number;
    dur_ms: number;
    amp_nA: number;
    x: number;
    y: number;
    z: number;
    neuron_location: string;
  };
  recordings: SwcSite[];
  neuron_geometry: { n_sections: number; total_area_um2: number; total_length_um: number };
  checks: { per_recording: Array<{ n_spikes: number; min_abs_extremum_mV: number | null }> };
}

export interface SwcCaseTraces {
  t: number[];
  traces: number[][];
}

/** Names of the cases in the fixture folder (NAME.json with NAME.traces.json). */
export function listSwcCases(): string[] {
  if (!existsSync(SWC_FIXTURE_DIR)) return [];
  return readdirSync(SWC_FIXTURE_DIR)
    .filter((f) => f.endsWith(".traces.json"))
    .map((f) => f.replace(/\.traces\.json$/, ""))
    .sort();
}

/**
 * The case, NEURON's traces, the SWC text as a user has it (`text`) and the text NEURON
 * read (`neuronText`: the renumbered copy when the file has parent ids above child ids,
 * which NEURON and the "neuron" reading refuse; otherwise the same text).
 */
export function loadSwcCase(name: string): {
  def: SwcCaseDef;
  traces: SwcCaseTraces;
  text: string;
  neuronText: string;
} {
  const def = JSON.parse(readFileSync(join(SWC_FIXTURE_DIR, `${name}.json`), "utf8")) as SwcCaseDef;
  const traces = JSON.parse(readFileSync(join(SWC_FIXTURE_DIR, `${name}.traces.json`), "utf8")) as SwcCaseTraces;
  const folder =
    def.swc.source === "shared" ? new URL("./swc/", import.meta.url).pathname : join(SWC_FIXTURE_DIR, "swc");
  const text = readFileSync(join(folder, def.swc.file), "utf8");
  const neuronText = def.swc.neuron_file
    ? readFileSync(join(SWC_FIXTURE_DIR, "swc", def.swc.neuron_file), "utf8")
    : text;
  return { def, traces, text, neuronText };
}

/** Global index of the compartment whose centre (view x, y, z) is nearest to a point, and the distance. */
function nearestCompartment(cell: jx.View, p: { x: number; y: number; z: number }): { index: number; distUm: number } {
  const t = cell.view;
  const xs = t.column("x") as number[];
  const ys = t.column("y") as number[];
  const zs = t.column("z") as number[];
  let best = -1;
  let bestD = Infinity;
  for (let i = 0; i < xs.length; i++) {
    const d = Math.hypot(xs[i] - p.x, ys[i] - p.y, zs[i] - p.z);
    if (d < bestD) [best, bestD] = [i, d];
  }
  return { index: t.index[best], distUm: bestD };
}

export interface SwcRun {
  cell: jx.SwcCell;
  /** Per recording: the compartment found and its distance to the fixture's site. */
  sites: Array<{ index: number; distUm: number }>;
  values: Float64Array;
  nSamples: number;
}

/** How a recording site is found: by coordinates (default), or by its SWC sample. */
export type SiteLookup = "coordinates" | "sample";

/**
 * Builds the case with readSwc (the given reading) and simulates it. Recording sites are
 * the compartments nearest to the fixture's x, y, z; `bySample` lists recordings found
 * instead through `sampleToComp` of their `swc_sample`.
 */
export function runSwcCase(
  def: SwcCaseDef,
  text: string,
  reading: SwcReading,
  bySample: readonly number[] = [],
): SwcRun {
  const cell = jx.readSwc(text, { ...def.read_options, reading });
  cell.insert(new HH());
  for (const reg of def.regions) {
    if (!cell.groupNames.includes(reg.group)) continue; // a region of no branch in this reading
    const g = cell.group(reg.group);
    g.set("axial_resistivity", reg.axial_resistivity_ohm_cm);
    g.set("capacitance", reg.capacitance_uF_per_cm2);
    for (const [k, v] of Object.entries(reg.mechanisms.HH)) g.set(k, v);
  }
  for (const [k, v] of Object.entries(def.initial_states)) cell.set(k, v);
  const sites = def.recordings.map((r, j) => {
    if (!bySample.includes(j)) return nearestCompartment(cell, r);
    const index = cell.sampleToComp.get(r.swc_sample);
    if (index === undefined) throw new Error(`${def.name}: sample ${r.swc_sample} has no compartment`);
    const row = cell.view.index.indexOf(index);
    const t = cell.view;
    const at = (k: string) => t.column(k)[row] as number;
    return { index, distUm: Math.hypot(at("x") - r.x, at("y") - r.y, at("z") - r.z) };
  });
  for (const s of sites) cell.select({ nodes: [s.index] }).record("v");
  const tMax = def.n_steps * def.dt_ms;
  const st = def.stimulus;
  const at = nearestCompartment(cell, st);
  cell.select({ nodes: [at.index] }).stimulate(jx.stepCurrent(st.delay_ms, st.dur_ms, st.amp_nA, def.dt_ms, tMax));
  const r = jx.simulate(cell, { tMax, deltaT: def.dt_ms, solver: def.solver });
  return { cell, sites, values: r.values, nSamples: r.nSamples };
}

/** Mean absolute error of every recording against NEURON. */
export function maeOf(run: SwcRun, traces: SwcCaseTraces): number[] {
  return traces.traces.map((row, j) => {
    const n = Math.min(run.nSamples, row.length);
    let s = 0;
    for (let k = 0; k < n; k++) s += Math.abs(run.values[j * run.nSamples + k] - row[k]);
    return s / n;
  });
}

/** Upward crossings of 0 mV (the fixture's rule). */
export function spikeCount(trace: ArrayLike<number>): number {
  let n = 0;
  for (let k = 1; k < trace.length; k++) if (trace[k - 1] < 0 && trace[k] >= 0) n++;
  return n;
}

export function spikeCounts(run: SwcRun): number[] {
  return run.sites.map((_, j) => spikeCount(run.values.subarray(j * run.nSamples, (j + 1) * run.nSamples)));
}
