/** Gallery: the passive cable, attenuation along a dendrite against the analytic length constant. */
import { DEFAULT_TRAINER } from "../session/defaults.js";
import { vAt } from "./analysis.js";
import type { ExampleFigure, ExampleRun, GalleryExample } from "./types.js";

/** The cable: N compartments of H µm, radius A µm, axial resistivity RA Ω cm, leak G S/cm². */
const N = 200;
const H = 10;
const A = 1;
const RA = 100;
const G = 1e-4;
/** Every EVERY-th compartment is recorded. */
const EVERY = 20;
const I_NA = 0.05;

/** λ = √(a R_m / (2 R_a)), µm (a radius, R_m = 1 / g_leak). */
export const CABLE_LAMBDA_UM = Math.sqrt((A * 1e-4) / G / (2 * RA)) * 1e4;
const L = N * H;

/** V(x) / V(x0) of a sealed-end cable of length L with current injected at x0 (steady state). */
export function cableRatio(x: number, x0 = H / 2): number {
  return Math.cosh((L - x) / CABLE_LAMBDA_UM) / Math.cosh((L - x0) / CABLE_LAMBDA_UM);
}

const script = `// The passive cable: a steady current into one end of a ${L} µm dendrite with only a leak.
// The voltage falls off along it with the length constant λ = √(a·R_m / (2·R_a)).
import * as jx from "@dendrolab/core";
import { Leak } from "@dendrolab/core/channels";

const comp = new jx.Compartment();
const dendrite = new jx.Branch(comp, ${N}); // ${N} compartments of ${H} µm
const cell = new jx.Cell(dendrite, [-1]);
cell.set("length", ${H}); // µm
cell.set("radius", ${A}); // µm
cell.set("axial_resistivity", ${RA}); // Ω·cm
cell.insert(new Leak());
cell.set("Leak_gLeak", ${G}); // S/cm², so R_m = ${1 / G} Ω·cm²
cell.set("Leak_eLeak", -70);
cell.set("v", -70);

// ${I_NA} nA into the first compartment from 5 ms on (long enough to reach the steady state).
cell.branch(0).comp(0).stimulate(jx.stepCurrent(5, 195, ${I_NA}));
// The voltage every ${EVERY * H} µm along the dendrite.
for (let k = 0; k < ${N}; k += ${EVERY}) cell.branch(0).comp(k).record("v");
cell.branch(0).comp(${N - 1}).record("v");

export default cell;
`;

/** Measured V(x) - E_L at the end of the run against the analytic profile. */
function figure({ traces }: ExampleRun): ExampleFigure {
  const comps = [...Array.from({ length: N / EVERY }, (_, i) => i * EVERY), N - 1];
  const last = traces.nSamples - 1;
  const dv = comps.map((k) => vAt(traces, 0, 0, k)[last] + 70);
  const xs = comps.map((k) => (k + 0.5) * H);
  const analytic = xs.map((x) => dv[0] * cableRatio(x, xs[0]));
  const errors = dv.map((v, i) => Math.abs(v - analytic[i]) / analytic[i]);
  const maxError = Math.max(...errors);
  const i1 = comps.indexOf(100);
  return {
    title: "Steady-state depolarisation along the dendrite",
    xLabel: "distance from the injection (µm)",
    yLabel: "V − E_L (mV)",
    series: [
      { label: "simulated", x: xs, y: dv, style: "markers" },
      { label: `analytic, λ = ${CABLE_LAMBDA_UM.toFixed(0)} µm`, x: xs, y: analytic, style: "dashed" },
    ],
    caption:
      `λ = √(a R_m / 2R_a) = ${CABLE_LAMBDA_UM.toFixed(0)} µm. At ${xs[i1]} µm the voltage has fallen to ` +
      `${((100 * dv[i1]) / dv[0]).toFixed(1)} % of the injection site's (analytic ${(100 * cableRatio(xs[i1], xs[0])).toFixed(1)} %); ` +
      `the largest difference from the analytic profile is ${(100 * maxError).toFixed(3)} %.`,
    values: { lambdaUm: CABLE_LAMBDA_UM, maxRelError: maxError, ratioAt1000: dv[i1] / dv[0] },
  };
}

export const CABLE_EXAMPLE: GalleryExample = {
  id: "cable",
  title: "Passive cable: the length constant",
  explanation: `A dendrite without active channels is a leaky cable. A steady current injected at one end spreads along it and leaks out through the membrane; the voltage falls off with distance.

In the steady state the cable equation is \`λ² · d²V/dx² = V − E_L\`, with the **length constant**

\`λ = √(a · R_m / (2 · R_a))\`

(radius \`a\`, membrane resistance \`R_m = 1 / g_leak\` in Ω·cm², axial resistivity \`R_a\` in Ω·cm). Here a = ${A} µm, R_m = ${1 / G} Ω·cm² and R_a = ${RA} Ω·cm give λ = ${CABLE_LAMBDA_UM.toFixed(0)} µm.

- On an infinite cable the voltage decays as \`exp(−x/λ)\`: to 37 % after one λ.
- This one is ${L} µm long with a sealed end, so the exact profile is \`V(x) = V(0) · cosh((L − x)/λ) / cosh(L/λ)\`: it flattens towards the end, where no current leaves along the axis.
- The figure draws the simulated steady state (after 200 ms; the membrane time constant is R_m·C_m = ${(1 / G) * 1e-3} ms) against the analytic curve. The compartments are ${H} µm, far below λ, so the two agree to a fraction of a percent.

Try: quadruple the radius. The dashed curve stays at the opening values, but the simulated points now fall off as for λ = ${(2 * CABLE_LAMBDA_UM).toFixed(0)} µm (λ grows as √a); raising \`Leak_gLeak\` fourfold halves λ instead.`,
  script,
  sim: { tMax: 200, dt: 0.1, solver: "bwd_euler" },
  trainer: { ...DEFAULT_TRAINER, params: [] },
  files: [],
  figure,
};
