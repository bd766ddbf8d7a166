/** Gallery: the Hodgkin-Huxley action potential: threshold, refractoriness and the f-I curve. */
import { DEFAULT_TRAINER } from "../session/defaults.js";
import { sig, spikesOf, vAt } from "./analysis.js";
import type { ExampleFigure, ExampleRun, GalleryExample } from "./types.js";

/** Amplitudes (nA) of the 1 ms pulses of cells 0, 1, 2 (threshold). */
export const HH_PULSES = [0.3, 0.5, 0.8];
/** Intervals (ms) between the two pulses of cells 3, 4, 5 (refractoriness). */
export const HH_INTERVALS = [5, 10, 20];
/** Step amplitudes (nA) of cells 6, 7, … (f-I curve). */
export const HH_STEPS = [0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 2.5, 3];
/** The f-I steps last from STEP_ON to STEP_ON + STEP_MS. */
const STEP_ON = 20;
const STEP_MS = 250;
/** Membrane area of the compartment (100 µm long, radius 10 µm), cm²: 1 nA is 15.9 µA/cm². */
const AREA_CM2 = 2 * Math.PI * 10e-4 * 100e-4;

const script = `// The Hodgkin-Huxley action potential in one compartment, under three protocols at once:
// cells 0-2 get 1 ms pulses of growing amplitude (threshold), cells 3-5 two strong
// pulses at growing intervals (refractoriness), cells 6-${6 + HH_STEPS.length - 1} steps of growing amplitude (f-I).
import * as jx from "@dendrolab/core";
import { HH } from "@dendrolab/core/channels";

const comp = new jx.Compartment();
const cell = new jx.Cell(new jx.Branch(comp, 1), [-1]);
cell.set("length", 100); // µm; with radius 10 µm the area is ${sig(AREA_CM2 * 1e8, 4)} µm², so 1 nA = ${sig(1e-3 / AREA_CM2, 3)} µA/cm²
cell.set("radius", 10);
cell.insert(new HH());
cell.set("v", -65);
cell.initStates(); // gates at rest

const pulses = ${JSON.stringify(HH_PULSES)}; // nA, 1 ms
const intervals = ${JSON.stringify(HH_INTERVALS)}; // ms between two 1 nA pulses
const steps = ${JSON.stringify(HH_STEPS)}; // nA, ${STEP_MS} ms
const network = new jx.Network(Array.from({ length: 6 + steps.length }, () => cell));
const soma = (i: number) => network.cell(i).branch(0).comp(0);

pulses.forEach((amp, i) => soma(i).stimulate(jx.stepCurrent(10, 1, amp)));
intervals.forEach((gap, i) => {
  soma(3 + i).stimulate(jx.stepCurrent(10, 1, 1));
  soma(3 + i).stimulate(jx.stepCurrent(10 + gap, 1, 1));
});
steps.forEach((amp, i) => soma(6 + i).stimulate(jx.stepCurrent(${STEP_ON}, ${STEP_MS}, amp)));
for (let i = 0; i < 6 + steps.length; i++) soma(i).record("v");

export default network;
`;

/** Spikes of every cell, and the f-I curve. */
export function hhMeasures(traces: ExampleRun["traces"]) {
  const spikes = (cell: number) => spikesOf(vAt(traces, cell), traces.dt);
  const pulseSpikes = HH_PULSES.map((_, i) => spikes(i).length);
  const pairSpikes = HH_INTERVALS.map((_, i) => spikes(3 + i).length);
  const rates = HH_STEPS.map((_, i) => {
    const during = spikes(6 + i).filter((t) => t >= STEP_ON + 50 && t < STEP_ON + STEP_MS);
    return (1000 * during.length) / (STEP_MS - 50);
  });
  return { pulseSpikes, pairSpikes, rates };
}

function figure({ traces }: ExampleRun): ExampleFigure {
  const { pulseSpikes, pairSpikes, rates } = hhMeasures(traces);
  const firstPulse = HH_PULSES.find((_, i) => pulseSpikes[i] > 0);
  const firstPair = HH_INTERVALS.find((_, i) => pairSpikes[i] > 1);
  return {
    title: "f-I curve",
    xLabel: "step current (nA)",
    yLabel: "firing rate (Hz)",
    series: [{ label: "rate after the first 50 ms", x: HH_STEPS, y: rates, style: "markers" }],
    caption:
      `Threshold: of the 1 ms pulses of ${HH_PULSES.join(", ")} nA, the first to fire a spike is ${firstPulse ?? "none"} nA. ` +
      `Refractoriness: a second pulse ${HH_INTERVALS.join(", ")} ms after the first fires ${pairSpikes.map((n) => n - 1).join(", ")} spike(s) ` +
      `(the first interval with two spikes: ${firstPair ?? "none"} ms). f-I: ${rates.map((r) => r.toFixed(0)).join(", ")} Hz.`,
    values: {
      thresholdNa: firstPulse ?? Number.NaN,
      refractoryMs: firstPair ?? Number.NaN,
      rateMin: Math.min(...rates),
      rateMax: Math.max(...rates),
    },
  };
}

export const HH_EXAMPLE: GalleryExample = {
  id: "hh",
  title: "Hodgkin-Huxley: threshold, refractoriness, f-I",
  explanation: `The squid-axon model of Hodgkin and Huxley (1952) in one compartment:

\`C dV/dt = −g_Na m³h (V − E_Na) − g_K n⁴ (V − E_K) − g_L (V − E_L) + I/A\`

and each gate \`x ∈ {m, h, n}\` relaxes to its voltage-dependent value: \`dx/dt = α_x(V)(1 − x) − β_x(V) x\`. Sodium activation \`m\` is fast; sodium inactivation \`h\` and potassium activation \`n\` are slow. Above a threshold, \`m\` opens faster than \`h\` closes and \`n\` opens: the sodium current runs away and the voltage shoots up towards E_Na (the action potential), until inactivation and the potassium current bring it back.

The network holds ${6 + HH_STEPS.length} copies of the cell, unconnected, one protocol each (all recorded at once, so one run shows them all):

- **Threshold** (cells 0-2): 1 ms pulses of ${HH_PULSES.join(", ")} nA. Only the pulses that bring V past about −55 mV fire a spike; it is all or none.
- **Refractoriness** (cells 3-5): two 1 nA pulses ${HH_INTERVALS.join(", ")} ms apart. Just after a spike, \`h\` is still low and \`n\` still high: the second pulse fires no spike (absolute, then relative refractory period).
- **f-I curve** (cells 6-${5 + HH_STEPS.length}): ${STEP_MS} ms steps of ${HH_STEPS.join(", ")} nA. The figure shows the steady firing rate against the current. The HH model is a *type II* neuron: it starts firing at a rate well above zero (no arbitrarily slow firing), then the rate grows with the current.

The spike raster under the traces shows every cell's spikes; the traces panel draws the first 12 recordings.`,
  script,
  sim: { tMax: 300, dt: 0.025, solver: "bwd_euler" },
  trainer: { ...DEFAULT_TRAINER, params: [] },
  files: [],
  figure,
};
