/**
 * Loads NEURON reference cases (../shared/refdata format, extended by tools/neuron-refs)
 * and rebuilds them with the public API.
 */
import { readFileSync, existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as jx from "../../src/index.js";
import * as channels from "../../src/channels.js";
import * as synapses from "../../src/synapses.js";

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURE_DIR = join(here, "../fixtures/neuron");
export const SHARED_REFDATA = join(here, "../../../../../shared/refdata");

interface CaseBranch {
  ncomp: number;
  length_um: number[];
  radius_um: number[];
  axial_resistivity_ohm_cm: number[];
  capacitance_uF_per_cm2: number[];
  mechanisms: Record<string, Record<string, number[]>>;
  initial_states: Record<string, number[]>;
}
export interface CaseDef {
  name: string;
  solver: "bwd_euler" | "crank_nicolson";
  dt_ms: number;
  t_max_ms: number;
  n_steps: number;
  cells: Array<{ parents: number[]; parent_x?: number[]; branches: CaseBranch[] }>;
  stimuli: Array<{ cell?: number; branch: number; comp: number; delay_ms: number; dur_ms: number; amp_nA: number }>;
  recordings: Array<{ cell?: number; branch?: number; comp?: number; synapse?: number; state: string }>;
  synapses?: Array<{
    type: string;
    pre: { cell: number; branch: number; comp: number };
    post: { cell: number; branch: number; comp: number };
    params?: Record<string, number>;
    initial_states?: Record<string, number>;
  }>;
}
export interface CaseTraces {
  t: number[];
  v?: number[][];
  traces?: number[][];
}

/** Every case file (NAME.json with a NAME.traces.json beside it) in a folder. */
export function listCases(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json") && !f.endsWith(".traces.json"))
    .filter((f) => existsSync(join(dir, f.replace(/\.json$/, ".traces.json"))))
    .map((f) => join(dir, f.replace(/\.json$/, "")));
}

export function loadCase(path: string): { def: CaseDef; traces: CaseTraces } {
  const def = JSON.parse(readFileSync(`${path}.json`, "utf8")) as CaseDef;
  const traces = JSON.parse(readFileSync(`${path}.traces.json`, "utf8")) as CaseTraces;
  return { def, traces };
}

const MECHS: Record<string, () => jx.Mechanism> = {
  HH: () => new channels.HH(),
  Na: () => new channels.Na(),
  K: () => new channels.K(),
  Leak: () => new channels.Leak(),
  Km: () => new channels.Km(),
  CaL: () => new channels.CaL(),
  CaT: () => new channels.CaT(),
  IonotropicSynapse: () => new synapses.IonotropicSynapse(),
};

function mech(name: string): jx.Mechanism {
  const f = MECHS[name];
  if (!f) throw new Error(`fixture uses unknown mechanism ${name}`);
  return f();
}

/** Builds the case's model with the public API. */
export function buildCase(def: CaseDef): jx.Module {
  const cells = def.cells.map((c) => {
    const branches = c.branches.map((b) => new jx.Branch(new jx.Compartment(), b.ncomp));
    return new jx.Cell(branches, c.parents);
  });
  const module: jx.Module = cells.length === 1 ? cells[0] : new jx.Network(cells);
  const cellView = (i: number | undefined) => (cells.length === 1 ? module : module.cell(i ?? 0));
  def.cells.forEach((c, ci) => {
    c.branches.forEach((b, bi) => {
      const view = cellView(ci).branch(bi);
      view.set("length", b.length_um);
      view.set("radius", b.radius_um);
      view.set("axial_resistivity", b.axial_resistivity_ohm_cm);
      view.set("capacitance", b.capacitance_uF_per_cm2);
      for (const [name, params] of Object.entries(b.mechanisms ?? {})) {
        view.insert(mech(name));
        for (const [k, vals] of Object.entries(params)) view.set(k, vals);
      }
      for (const [k, vals] of Object.entries(b.initial_states ?? {})) view.set(k, vals);
    });
  });
  (def.synapses ?? []).forEach((s) => {
    const pre = cellView(s.pre.cell).branch(s.pre.branch).comp(s.pre.comp);
    const post = cellView(s.post.cell).branch(s.post.branch).comp(s.post.comp);
    jx.connect(pre, post, mech(s.type));
  });
  (def.synapses ?? []).forEach((s, i) => {
    const e = module.select({ edges: [i] });
    for (const [k, v] of Object.entries({ ...s.params, ...s.initial_states })) e.set(k, v);
  });
  for (const r of def.recordings) {
    if (r.synapse !== undefined) module.select({ edges: [r.synapse] }).record(r.state);
    else
      cellView(r.cell)
        .branch(r.branch!)
        .comp(r.comp!)
        .record(r.state ?? "v");
  }
  const tMax = def.n_steps * def.dt_ms;
  for (const s of def.stimuli) {
    cellView(s.cell)
      .branch(s.branch)
      .comp(s.comp)
      .stimulate(jx.stepCurrent(s.delay_ms, s.dur_ms, s.amp_nA, def.dt_ms, tMax));
  }
  return module;
}

/** Mean absolute difference per row. */
export function maePerRow(a: Float64Array, nSamples: number, rows: number[][]): number[] {
  return rows.map((row, r) => {
    const n = Math.min(nSamples, row.length);
    let s = 0;
    for (let k = 0; k < n; k++) s += Math.abs(a[r * nSamples + k] - row[k]);
    return s / n;
  });
}

/** Upward crossings of 0 mV. */
export function spikeCount(trace: ArrayLike<number>, threshold = 0): number {
  let n = 0;
  for (let k = 1; k < trace.length; k++) if (trace[k - 1] < threshold && trace[k] >= threshold) n++;
  return n;
}
