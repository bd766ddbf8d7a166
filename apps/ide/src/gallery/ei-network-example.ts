/** Gallery: a small excitatory-inhibitory network with its spike raster. */
import { DEFAULT_TRAINER } from "../session/defaults.js";
import { sig, spikesOf, vAt } from "./analysis.js";
import type { ExampleFigure, ExampleRun, GalleryExample } from "./types.js";

/** Excitatory cells 0 .. NE-1, inhibitory cells NE .. NE+NI-1. */
export const NE = 16;
export const NI = 4;
const T_MAX = 300;
const BIN = 20;

const script = `// A small excitatory-inhibitory network: ${NE} excitatory cells (0-${NE - 1}), driven by steady
// currents of different strengths, and ${NI} inhibitory cells (${NE}-${NE + NI - 1}), driven only by them.
import * as jx from "@dendrolab/core";
import { HH } from "@dendrolab/core/channels";
import { IonotropicSynapse } from "@dendrolab/core/synapses";

const nE = ${NE};
const nI = ${NI};
const neuron = new jx.Cell(new jx.Branch(new jx.Compartment(), 1), [-1]);
const network = new jx.Network(Array.from({ length: nE + nI }, () => neuron));
network.set("length", 100); // µm
network.set("radius", 10); // µm
network.insert(new HH());
network.set("v", -65);
network.initStates();

const E = network.cell(Array.from({ length: nE }, (_, i) => i));
const I = network.cell(Array.from({ length: nI }, (_, i) => nE + i));
// Excitation onto everyone (30 % of the pairs), inhibition onto the excitatory cells (60 %).
jx.sparseConnect(E, network, new IonotropicSynapse("AMPA"), 0.3, { seed: 1 });
jx.sparseConnect(I, E, new IonotropicSynapse("GABA"), 0.6, { seed: 2 });
network.set("AMPA_gS", 0.002); // µS
network.set("AMPA_e_syn", 0); // mV
network.set("GABA_gS", 0.004);
network.set("GABA_e_syn", -80);
network.set("GABA_k_minus", 0.1); // 1/ms
for (const syn of ["AMPA_s", "GABA_s"]) network.set(syn, 0);

// Each excitatory cell gets its own steady drive from 20 ms on, 0.3 to 1.2 nA (seeded).
const rand = jx.seededRandom(7);
for (let i = 0; i < nE; i++) {
  network.cell(i).branch(0).comp(0).stimulate(jx.stepCurrent(20, ${T_MAX}, 0.3 + 0.9 * rand()));
}
// Every soma's voltage: the spike raster under the traces.
for (let i = 0; i < nE + nI; i++) network.cell(i).branch(0).comp(0).record("v");

export default network;
`;

/** Spike times of every cell. */
export function eiSpikes(traces: ExampleRun["traces"]): number[][] {
  return Array.from({ length: NE + NI }, (_, c) => spikesOf(vAt(traces, c), traces.dt));
}

function figure({ traces }: ExampleRun): ExampleFigure {
  const spikes = eiSpikes(traces);
  const bins = Array.from({ length: Math.floor(T_MAX / BIN) }, (_, b) => b * BIN + BIN / 2);
  const rate = (cells: number[][]) =>
    bins.map((mid) => {
      const n = cells.reduce((a, ts) => a + ts.filter((t) => Math.abs(t - mid) < BIN / 2).length, 0);
      return (1000 * n) / (BIN * cells.length);
    });
  const meanRate = (cells: number[][]) =>
    (1000 * cells.reduce((a, ts) => a + ts.filter((t) => t >= 20).length, 0)) / ((T_MAX - 20) * cells.length);
  const e = spikes.slice(0, NE);
  const i = spikes.slice(NE);
  const rE = meanRate(e);
  const rI = meanRate(i);
  return {
    title: "Population rates",
    xLabel: "time (ms)",
    yLabel: `rate (Hz, ${BIN} ms bins)`,
    series: [
      { label: "excitatory", x: bins, y: rate(e), style: "markers" },
      { label: "inhibitory", x: bins, y: rate(i), style: "markers" },
    ],
    caption:
      `The excitatory cells fire at ${sig(rE, 2)} Hz on average, the inhibitory ones, driven only by them, at ${sig(rI, 2)} Hz. ` +
      `${e.filter((ts) => ts.length > 0).length} of ${NE} excitatory and ${i.filter((ts) => ts.length > 0).length} of ${NI} inhibitory cells fire.`,
    values: { rateE: rE, rateI: rI, silentE: e.filter((ts) => ts.length === 0).length },
  };
}

export const EI_NETWORK_EXAMPLE: GalleryExample = {
  id: "ei-network",
  title: "Excitatory-inhibitory network with a raster",
  explanation: `${NE} excitatory and ${NI} inhibitory HH neurons, one compartment each. The excitatory cells get steady currents of different strengths; the inhibitory cells get no current at all.

- **Excitation** (\`AMPA\`, an \`IonotropicSynapse\` with \`e_syn\` 0 mV) goes from every excitatory cell to a random 30 % of all cells (\`sparseConnect\` with a seed, so every run is the same network).
- **Inhibition** (\`GABA\`, the same synapse renamed, with \`e_syn\` −80 mV and a slower decay) goes from every inhibitory cell to a random 60 % of the excitatory cells.
- A synapse's conductance follows the presynaptic voltage: \`ds/dt = (s_∞(V_pre) − s) / τ\`, \`I = g_S · s · (V_post − e_syn)\`; a presynaptic spike opens it for a few milliseconds.

The **spike raster** under the traces (one row per cell; excitatory cells 0-${NE - 1} at the bottom, inhibitory above) shows who fires when: the inhibitory cells start only once the excitatory ones do, and their spikes slow the excitatory cells down. The figure shows the two populations' rates in ${BIN} ms bins.

Try: set \`GABA_gS\` to 0 and compare the excitatory rate; or raise \`AMPA_gS\` and watch the raster: the excitatory cells drive each other and the inhibitory cells harder.`,
  script,
  sim: { tMax: T_MAX, dt: 0.025, solver: "bwd_euler" },
  trainer: { ...DEFAULT_TRAINER, params: [] },
  files: [],
  figure,
};
