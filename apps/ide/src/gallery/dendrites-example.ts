/** Gallery: dendritic integration, the same synapse near and far from the soma, and two inputs summed. */
import { DEFAULT_TRAINER } from "../session/defaults.js";
import { peak, sig, thin, timeAxis, vAt } from "./analysis.js";
import type { ExampleFigure, ExampleRun, GalleryExample } from "./types.js";

/** Dendrite compartments (10 µm each) of the near and the far synapse. */
const NEAR = 2;
const FAR = 44;
const NDEND = 50;
const REST = -70;

const script = `// Dendritic integration: one presynaptic spike (cell 0) reaches four copies of a passive
// neuron (a soma and a ${NDEND * 10} µm dendrite) through the same synapse at different places:
// cell 1 near the soma, cell 2 far out, cell 3 both, cell 4 twice at the far site.
import * as jx from "@dendrolab/core";
import { HH, Leak } from "@dendrolab/core/channels";
import { IonotropicSynapse } from "@dendrolab/core/synapses";

// The presynaptic neuron: one HH compartment, one spike at 2 ms.
const pre = new jx.Cell(new jx.Branch(new jx.Compartment(), 1), [-1]);
// The postsynaptic neuron: branch 0 the soma (1 compartment), branch 1 the dendrite (${NDEND} × 10 µm).
const post = new jx.Cell(
  [new jx.Branch(new jx.Compartment(), 1), new jx.Branch(new jx.Compartment(), ${NDEND})],
  [-1, 0],
);
const network = new jx.Network([pre, post, post, post, post]);
network.set("axial_resistivity", 100);
network.cell(0).insert(new HH());
network.cell(0).set("v", -65);
network.cell(0).initStates();
network.cell(0).branch(0).comp(0).stimulate(jx.stepCurrent(2, 0.5, 0.2));

const targets = network.cell([1, 2, 3, 4]);
targets.insert(new Leak());
targets.set("Leak_gLeak", 1e-4); // R_m = 10,000 Ω·cm², τ = 10 ms
targets.set("Leak_eLeak", ${REST});
targets.set("v", ${REST});
targets.branch(0).set("radius", 10); // the soma: 10 µm long, radius 10 µm
targets.branch(1).set("radius", 0.5); // a thin dendrite

const spike = network.cell(0).branch(0).comp(0);
const near = (c: number) => network.cell(c).branch(1).comp(${NEAR}); // ${NEAR * 10 + 5} µm from the soma
const far = (c: number) => network.cell(c).branch(1).comp(${FAR}); // ${FAR * 10 + 5} µm from the soma
for (const site of [near(1), far(2), near(3), far(3), far(4), far(4)]) jx.connect(spike, site, new IonotropicSynapse());
network.set("IonotropicSynapse_gS", 0.001); // µS, every synapse the same
network.set("IonotropicSynapse_k_minus", 0.5); // 1/ms: a fast, AMPA-like decay
network.set("IonotropicSynapse_s", 0); // closed at the start

// The somata, then the far dendrite of cell 2 (where its synapse is).
for (const c of [1, 2, 3, 4]) network.cell(c).branch(0).comp(0).record("v");
far(2).record("v");
spike.record("v");

export default network;
`;

/**
 * Somatic EPSP amplitudes (mV above rest) of the four cells and the far dendrite's; `sum`
 * is the peak of the near and far EPSPs added sample by sample (what linear summation would give).
 */
export function epsps(traces: ExampleRun["traces"]) {
  const amp = (v: ArrayLike<number>) => peak(v) - REST;
  const n = vAt(traces, 1);
  const f = vAt(traces, 2);
  return {
    near: amp(n),
    far: amp(f),
    both: amp(vAt(traces, 3)),
    sum: amp(n.map((x, k) => x + f[k] - REST)),
    farTwice: amp(vAt(traces, 4)),
    farLocal: amp(vAt(traces, 2, 1, FAR)),
  };
}

function figure({ traces }: ExampleRun): ExampleFigure {
  const e = epsps(traces);
  const step = Math.max(1, Math.round(0.1 / traces.dt));
  const t = timeAxis(traces.nSamples, traces.dt, step);
  const [n, f, b] = [1, 2, 3].map((c) => thin(vAt(traces, c), step, REST));
  return {
    title: "EPSPs at the soma",
    xLabel: "time (ms)",
    yLabel: "V − rest (mV)",
    series: [
      { label: "near", x: t, y: n },
      { label: "far", x: t, y: f },
      { label: "both", x: t, y: b },
      { label: "near + far", x: t, y: n.map((x, i) => x + f[i]), style: "dashed" },
    ],
    caption:
      `At the soma the far synapse gives ${sig(e.far, 2)} mV, the near one ${sig(e.near, 2)} mV (${sig((100 * e.far) / e.near, 2)} %), ` +
      `though it depolarises its own dendrite by ${sig(e.farLocal, 2)} mV. Near and far together: ${sig(e.both, 2)} mV ` +
      `(${sig((100 * e.both) / e.sum, 3)} % of the sum of the two EPSPs, ${sig(e.sum, 2)} mV). Twice at the far site: ${sig(e.farTwice, 2)} mV (${sig((100 * e.farTwice) / (2 * e.far), 3)} % of twice one).`,
    values: { ...e },
  };
}

export const DENDRITES_EXAMPLE: GalleryExample = {
  id: "dendrites",
  title: "Dendritic integration: near, far, together",
  explanation: `A synapse opens a conductance \`g(t)\` that pulls the membrane towards its reversal potential: \`I_syn = g(t) · (V − E_syn)\`. The same synapse has a different effect depending on where it sits on the dendrite.

- **Near against far** (cells 1 and 2): the far synapse depolarises the thin dendrite strongly (its input resistance is high), but on the way to the soma the EPSP leaks out through the membrane and is filtered by the membrane's capacitance: at the soma it arrives **smaller and later** (passive cable: attenuation with the length constant).
- **Two inputs at different places** (cell 3) sum almost linearly at the soma: each barely changes the driving force \`V − E_syn\` of the other.
- **Two inputs at the same place** (cell 4) sum *sublinearly*: the first already depolarises the site, so the second has less driving force (a shunting of the local membrane).

All synapses are \`IonotropicSynapse\`s of the same conductance, driven by the same presynaptic spike of cell 0 at 2 ms. The figure shows the somatic EPSPs with the arithmetic sum of near and far as a dashed line; the traces panel shows the local EPSP at the far dendrite too.

Try: make the dendrite thicker (\`radius\` 2), or raise \`IonotropicSynapse_gS\` tenfold and watch the same-site summation become more sublinear.`,
  script,
  sim: { tMax: 40, dt: 0.025, solver: "bwd_euler" },
  trainer: { ...DEFAULT_TRAINER, params: [] },
  files: [],
  figure,
};
