/** Gallery: propagation, conduction velocity against axon radius (the square-root law). */
import { DEFAULT_TRAINER } from "../session/defaults.js";
import { sig, spikesOf, vAt } from "./analysis.js";
import type { ExampleFigure, ExampleRun, GalleryExample } from "./types.js";

/** Axon radii (µm), one cell each. */
export const AXON_RADII = [0.25, 0.5, 1, 2, 4];
/** Each axon: NCOMP compartments of H µm. */
const NCOMP = 100;
const H = 20;
/** The spike's times are taken at these compartments. */
const FROM = 25;
const TO = 75;

const script = `// Five unmyelinated HH axons of ${(NCOMP * H) / 1000} mm, radii ${AXON_RADII.join(", ")} µm: a pulse at one end
// starts a spike that runs to the other. Thicker axons conduct faster.
import * as jx from "@dendrolab/core";
import { HH } from "@dendrolab/core/channels";

const radii = ${JSON.stringify(AXON_RADII)}; // µm
const axon = new jx.Cell(new jx.Branch(new jx.Compartment(), ${NCOMP}), [-1]); // ${NCOMP} compartments
const network = new jx.Network(radii.map(() => axon));
network.set("length", ${H}); // µm per compartment
network.set("axial_resistivity", 35.4); // Ω·cm, squid axoplasm
network.insert(new HH());
network.set("v", -65);
network.initStates();

radii.forEach((r, i) => {
  const a = network.cell(i);
  a.set("radius", r);
  // A 0.5 ms pulse into the first compartment, scaled with the membrane area (∝ r).
  a.branch(0).comp(0).stimulate(jx.stepCurrent(1, 0.5, 2 * r));
  // The voltage at a quarter and at three quarters of the axon (${(TO - FROM) * H} µm apart).
  a.branch(0).comp(${FROM}).record("v");
  a.branch(0).comp(${TO}).record("v");
});

export default network;
`;

/** Conduction velocity (m/s = mm/ms) of each axon: distance over the delay of the spike between two sites. */
export function velocities(traces: ExampleRun["traces"]): number[] {
  const mm = ((TO - FROM) * H) / 1000;
  return AXON_RADII.map((_, i) => {
    const t1 = spikesOf(vAt(traces, i, 0, FROM), traces.dt)[0];
    const t2 = spikesOf(vAt(traces, i, 0, TO), traces.dt)[0];
    return t1 !== undefined && t2 !== undefined ? mm / (t2 - t1) : Number.NaN;
  });
}

/** The exponent p of a least-squares fit velocity = c · radius^p (on log-log axes), and c. */
export function powerLaw(x: readonly number[], y: readonly number[]): { p: number; c: number } {
  const lx = x.map(Math.log);
  const ly = y.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < lx.length; i++) {
    num += (lx[i] - mx) * (ly[i] - my);
    den += (lx[i] - mx) ** 2;
  }
  const p = num / den;
  return { p, c: Math.exp(my - p * mx) };
}

function figure({ traces }: ExampleRun): ExampleFigure {
  const v = velocities(traces);
  const { p } = powerLaw(AXON_RADII, v);
  // The square-root law through the middle axon.
  const mid = Math.floor(AXON_RADII.length / 2);
  const k = v[mid] / Math.sqrt(AXON_RADII[mid]);
  const fine = Array.from({ length: 41 }, (_, i) => AXON_RADII[0] + (i / 40) * (AXON_RADII.at(-1)! - AXON_RADII[0]));
  return {
    title: "Conduction velocity against radius",
    xLabel: "axon radius (µm)",
    yLabel: "velocity (m/s)",
    series: [
      { label: "simulated", x: AXON_RADII, y: v, style: "markers" },
      { label: "√radius law", x: fine, y: fine.map((r) => k * Math.sqrt(r)), style: "dashed" },
    ],
    caption: `Velocities ${v.map((x) => sig(x, 2)).join(", ")} m/s for radii ${AXON_RADII.join(", ")} µm; a power law fitted to them has exponent ${p.toFixed(2)} (cable theory: 0.5).`,
    values: { exponent: p, vMin: Math.min(...v), vMax: Math.max(...v) },
  };
}

export const PROPAGATION_EXAMPLE: GalleryExample = {
  id: "propagation",
  title: "Propagation: velocity against axon radius",
  explanation: `An action potential travels because the depolarised stretch of axon drives current along the core into the next stretch, which then fires itself. How fast depends on how far that current reaches (the length constant λ) and how quickly it charges the membrane there (the time constant τ = R_m·C_m):

\`θ ∝ λ / τ,   λ = √(a · R_m / (2 · R_a))\`

so for an unmyelinated axon the velocity grows with the **square root of the radius**: \`θ ∝ √a\`. Quadrupling the radius doubles the speed, which is why the squid's escape axon is half a millimetre thick (myelin is the vertebrate's cheaper way).

The network holds five HH axons of ${(NCOMP * H) / 1000} mm (radii ${AXON_RADII.join(", ")} µm), unconnected. Each gets a short pulse at one end; the voltage is recorded at ${FROM * H} µm and ${TO * H} µm, and the velocity is the distance between them over the delay of the spike.

- The traces show the spike arriving later at the far site, most in the thinnest axon.
- The figure draws the velocities against the radius with the \`√a\` law through the middle axon; the caption gives the fitted exponent.
- Try: raise \`axial_resistivity\` fourfold, to 141.6 Ω·cm: every velocity halves (\`θ ∝ 1/√R_a\`), and the points still follow the square-root law.`,
  script,
  sim: { tMax: 15, dt: 0.01, solver: "bwd_euler" },
  trainer: { ...DEFAULT_TRAINER, params: [] },
  files: [],
  figure,
};
