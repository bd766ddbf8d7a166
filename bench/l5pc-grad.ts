/**
 * Gradient cost on the full L5PC (Hay et al. 2011): the BBP morphology with its axon
 * (../shared/swc/morph_l5pc_with_axon.swc, read as NEURON reads it, 4 compartments per
 * section, 1,296 compartments), the project's 12 channels in their regions with the
 * values of release_params.json, exponential apical Ih, 34 C, a somatic step current
 * (the model of packages/core/test/l5pc/full.test.ts, from its fixture), 100 ms at
 * dt 0.025 ms, backward Euler.
 *
 * Every free region-wise parameter of release_params.json is trainable (one value per
 * region: 19 parameters, channel densities and the calcium dynamics' gamma and decay);
 * the loss is the mean squared difference between the somatic voltage and a target trace
 * (the same model with every parameter scaled by 1.05). Prints, as JSON lines and one
 * summary line:
 *  (a) the forward time: the loss through plain `integrate` (no gradient recorded);
 *  (b) the forward + gradient time: `tf.variableGrads` of the loss w.r.t. all parameters,
 *      and (b) / (a) (goal <= 3, issue 10).
 * Times are the best of REPEATS wall-clock runs after a warm-up, with the best
 * main-thread CPU times (Linux schedstat), which move less when other jobs share the
 * machine.
 *
 *   pnpm --filter @dendrolab/bench run l5pc-grad
 *   # env: REPEATS=3  T_MS=100  SOLVER=bwd_euler|crank_nicolson
 */
import { readFileSync } from "node:fs";
import * as tf from "@tensorflow/tfjs";
import { integrate, readSwc, stepCurrent, type Mechanism, type SwcCell, type View } from "@dendrolab/core";
import * as l5pc from "@dendrolab/core/channels/l5pc";

const REPEATS = Number(process.env.REPEATS ?? 3);
const T_MS = Number(process.env.T_MS ?? 100);
const SOLVER = (process.env.SOLVER ?? "bwd_euler") as "bwd_euler" | "crank_nicolson";
const DT = 0.025;
const root = new URL("..", import.meta.url).pathname;
const FIXTURE = `${root}packages/core/test/fixtures/neuron-mod/l5pc_full_soma_step_bwd_euler.json`;
const SWC = `${root}../shared/swc/morph_l5pc_with_axon.swc`;

interface Rule {
  region: string;
  type: "section" | "range";
  param: string;
  key?: string;
  value: number;
  source: string;
  distribution?: string;
}
interface FullCase {
  mechanisms_per_region: Record<string, string[]>;
  rules: Rule[];
  ih_apical: Record<string, { seg_x: number[]; Ih_gIhbar: number[] }>;
  celsius: number;
  v_init_mV: number;
  stimulus: { delay_ms: number; dur_ms: number; amp_nA: number };
}

const MECHS: Record<string, () => Mechanism> = {
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
const GROUP: Record<string, string> = { somatic: "soma", axonal: "axon", basal: "basal", apical: "apical" };
const SECTION_KEY: Record<string, string> = {
  g_pas: "pas_g",
  e_pas: "pas_e",
  cm: "capacitance",
  Ra: "axial_resistivity",
  ena: "ena",
  ek: "ek",
};
const PREFIX: Record<string, string> = { soma: "soma", axon: "axon", basal: "dend", apical: "apic" };

/** NEURON's section name of every branch (numbered per type, in branch order). */
function sectionNames(cell: View): Map<string, number> {
  const d = cell.base;
  const counts: Record<string, number> = {};
  const out = new Map<string, number>();
  for (let b = 0; b < d.topo.nBranch; b++) {
    const c = d.topo.branchFirstComp[b];
    const prefix = PREFIX[Object.keys(PREFIX).find((g) => d.groups.get(g)?.[c] === 1)!];
    out.set(`${prefix}[${counts[prefix] ?? 0}]`, b);
    counts[prefix] = (counts[prefix] ?? 0) + 1;
  }
  return out;
}

function build(def: FullCase): SwcCell {
  const cell = readSwc(readFileSync(SWC, "utf8"), { ncomp: 4, reading: "neuron" });
  const region = (r: string): View => (r === "all" ? cell : cell.group(GROUP[r]));
  for (const [r, names] of Object.entries(def.mechanisms_per_region))
    for (const n of names) region(r).insert(MECHS[n]());
  for (const rule of def.rules) {
    if (rule.type === "section") region(rule.region).set(SECTION_KEY[rule.param], rule.value);
    else if (rule.distribution === "uniform") region(rule.region).set(rule.key!, rule.value);
  }
  const names = sectionNames(cell);
  for (const [sec, ih] of Object.entries(def.ih_apical)) {
    const b = cell.branch(names.get(sec)!);
    ih.seg_x.forEach((x, j) => {
      b.comp(Math.floor(x * 4)).set("Ih_gIhbar", ih.Ih_gIhbar[j]);
    });
  }
  cell.set("celsius", def.celsius);
  cell.set("v", def.v_init_mV);
  cell.initStates();
  const soma = cell.branch(names.get("soma[0]")!).comp(2);
  soma.stimulate(stepCurrent(def.stimulus.delay_ms, def.stimulus.dur_ms, def.stimulus.amp_nA, DT, T_MS));
  soma.record("v");
  return cell;
}

/** CPU time of the calling thread, seconds (Linux; NaN elsewhere). */
function threadCpuSeconds(): number {
  try {
    return Number(readFileSync("/proc/thread-self/schedstat", "utf8").split(" ")[0]) / 1e9;
  } catch {
    return Number.NaN;
  }
}
function bestTimes(repeats: number, fn: () => void): { wall: number; cpu: number } {
  let wall = Infinity;
  let cpu = Infinity;
  for (let i = 0; i < repeats; i++) {
    const c0 = threadCpuSeconds();
    const t0 = performance.now();
    fn();
    wall = Math.min(wall, (performance.now() - t0) / 1000);
    cpu = Math.min(cpu, threadCpuSeconds() - c0);
  }
  return { wall, cpu };
}

await tf.setBackend("cpu");
await tf.ready();

const def = JSON.parse(readFileSync(FIXTURE, "utf8")) as FullCase;
const cell = build(def);
const free = def.rules.filter((r) => r.type === "range" && r.source === "release_params.json");
for (const r of free) cell.group(GROUP[r.region]).makeTrainable(r.key!);
const params = cell.getParameters();
const opts = { tMax: T_MS, deltaT: DT, solver: SOLVER };
const target = tf.tidy(() =>
  integrate(cell, { ...opts, params: params.map((p) => ({ [Object.keys(p)[0]]: tf.mul(Object.values(p)[0], 1.05) })) }),
);
const loss = () => tf.losses.meanSquaredError(target, integrate(cell, { ...opts, params })) as tf.Scalar;
const variables = params.map((p) => Object.values(p)[0] as tf.Variable);

const forward = () => tf.tidy(() => loss().dataSync()[0]);
const forwardAndGrad = () =>
  tf.tidy(() => {
    const { value, grads } = tf.variableGrads(loss, variables);
    return { value: value.dataSync()[0], norm: Math.hypot(...Object.values(grads).map((g) => g.dataSync()[0])) };
  });

forward();
const g0 = forwardAndGrad(); // warm-up
const fwd = bestTimes(REPEATS, forward);
const grad = bestTimes(REPEATS, forwardAndGrad);
const ratio = grad.wall / fwd.wall;
const common = { ncomp: cell.nComp, steps: Math.round(T_MS / DT), solver: SOLVER };
console.log(
  JSON.stringify({ simulator: "Dendrolab", what: "forward", ...common, seconds: fwd.wall, cpu_seconds: fwd.cpu }),
);
console.log(
  JSON.stringify({
    simulator: "Dendrolab",
    what: "forward+gradient",
    ...common,
    params: variables.length,
    seconds: grad.wall,
    cpu_seconds: grad.cpu,
    ratio_to_forward: ratio,
    ratio_to_forward_cpu: grad.cpu / fwd.cpu,
    loss: g0.value,
    grad_norm: g0.norm,
  }),
);
console.log(
  `grad L5PC ${cell.nComp} compartments x ${common.steps} steps (${SOLVER}), ${variables.length} params ` +
    `(best of ${REPEATS}): forward ${(1000 * fwd.wall).toFixed(0)} ms, forward+gradient ${(1000 * grad.wall).toFixed(0)} ms, ` +
    `ratio ${ratio.toFixed(2)} (goal <= 3; main-thread CPU time ratio ${(grad.cpu / fwd.cpu).toFixed(2)})`,
);
