/** Gallery: a reconstructed CA1 pyramidal cell coloured by path distance, with a backpropagating action potential. */
import { DEFAULT_TRAINER } from "../session/defaults.js";
import { peak, sig } from "./analysis.js";
import { CA1_SCRIPT, CA1_SWC } from "./ca1-script.js";
import type { ExampleFigure, ExampleRun, GalleryExample } from "./types.js";

/** The recorded path distances the script prints (µm), or null if it printed none. */
export function recordedDistances(logs: readonly string[]): number[] | null {
  const line = logs.find((l) => l.startsWith("recorded path distances (µm): "));
  return line
    ? line
        .slice(line.indexOf(":") + 1)
        .split(",")
        .map(Number)
    : null;
}

/** Peak (mV) and its time (ms) at each recording, in record order. */
export function bapPeaks(traces: ExampleRun["traces"]): Array<{ peak: number; t: number }> {
  return traces.rows.map((r) => {
    const p = peak(r.values);
    return { peak: p, t: r.values.indexOf(p) * traces.dt };
  });
}

function figure({ traces, logs }: ExampleRun): ExampleFigure {
  const peaks = bapPeaks(traces);
  const d = recordedDistances(logs) ?? peaks.map((_, i) => i);
  const delays = peaks.map((p) => p.t - peaks[0].t);
  const last = peaks.length - 1;
  return {
    title: "The spike along the apical dendrite",
    xLabel: "path distance from the soma (µm)",
    yLabel: "peak voltage (mV)",
    series: [{ label: "peak of the spike", x: d, y: peaks.map((p) => p.peak), style: "markers" }],
    caption:
      `The spike peaks at ${sig(peaks[0].peak, 2)} mV in the soma and at ${sig(peaks[last].peak, 2)} mV ${d[last]} µm up the ` +
      `apical dendrite, ${sig(delays[last], 2)} ms later (${sig(d[last] / 1000 / delays[last], 2)} m/s).`,
    values: {
      somaPeak: peaks[0].peak,
      farPeak: peaks[last].peak,
      farDelayMs: delays[last],
      farDistance: d[last],
    },
  };
}

export const CA1_EXAMPLE: GalleryExample = {
  id: "ca1-bap",
  title: "CA1 pyramidal cell: a backpropagating spike",
  explanation: `**Needs the morphology \`${CA1_SWC}\`** (a CA1 pyramidal cell of the rat hippocampus from NeuroMorpho, n120, its first 250 samples, as in Jaxley's tests; not part of this repository): drop it on the page and the script runs.

The script reads the reconstruction with \`readSwc\` (8 compartments per branch; groups \`soma\` and \`apical\` from the SWC types), inserts Hodgkin-Huxley channels everywhere with a third of the somatic sodium conductance in the apical dendrite, and starts a spike in the soma with a 1 ms pulse.

- **Colours**: the morphology is coloured by each compartment's **path distance** from the soma, the length along the dendrites (NEURON's \`distance()\`), not the straight line. \`pathDistance\` gives it; the script stores it in \`PathDistance_um\`, a marker mechanism without current, so the morphology panel can colour by it.
- **Backpropagation**: the action potential starts in the soma and travels *back* into the dendrites, carried by their sodium channels. With fewer channels there and the dendrite widening into many branches (more membrane to charge), it arrives **later and smaller** the farther out it is recorded (a site near the end of a branch, with little membrane beyond it, is a little larger than its path distance alone suggests). A backpropagating spike tells the synapses that the cell fired: it underlies spike-timing-dependent plasticity.
- The figure draws the spike's peak at the soma and five apical sites against their path distance; the console prints the distances.

Try: set \`apical.set("HH_gNa", 0)\`: the dendrite is passive and what reaches 600 µm is a bump of a few millivolts.`,
  script: CA1_SCRIPT,
  sim: { tMax: 15, dt: 0.025, solver: "bwd_euler" },
  trainer: { ...DEFAULT_TRAINER, params: [] },
  files: [{ name: CA1_SWC, where: "a CA1 pyramidal cell, NeuroMorpho n120's first 250 samples, from Jaxley's tests" }],
  view: { colourBy: "PathDistance_um" },
  figure,
};
