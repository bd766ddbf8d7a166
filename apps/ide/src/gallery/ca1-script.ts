/**
 * The CA1 example's script: the reconstructed CA1 pyramidal cell read from an SWC file the
 * user drops in (not part of the repository), HH channels, a path-distance marker for the
 * morphology's colours, and recordings at growing distances along the apical dendrite.
 */

/** The morphology the script reads (Jaxley's test data; ../shared/swc in this project). */
export const CA1_SWC = "morph_ca1_n120_250.swc";

/** Path distances (µm) from the soma at which the apical dendrite is recorded (nearest compartment). */
export const CA1_SITES = [150, 300, 450, 600, 750];

export const CA1_SCRIPT = `// A backpropagating action potential in a reconstructed CA1 pyramidal cell
// (rat hippocampus, NeuroMorpho n120, its first 250 samples). Needs ${CA1_SWC}: drop it on the page.
import * as jx from "@dendrolab/core";
import { HH } from "@dendrolab/core/channels";
import files from "dendrolab:files";

const cell = jx.readSwc(files["${CA1_SWC}"], { ncomp: 8 });
const soma = cell.group("soma");
const apical = cell.group("apical");
cell.set("axial_resistivity", 100); // Ω·cm
cell.insert(new HH());
// Fewer sodium channels in the dendrite than in the soma: the spike shrinks as it climbs.
apical.set("HH_gNa", 0.04); // S/cm² (soma: 0.12)

// A marker without current that holds each compartment's path distance from the soma,
// so that the morphology can be coloured by it (colour by "PathDistance_um").
const PathDistance = jx.defineChannel({
  name: "PathDistance",
  params: { um: { default: 0, unit: "um" } },
  states: {},
  gates: {},
  current: "0 * um",
});
cell.insert(new PathDistance());
const distance = cell.pathDistance(soma.loc(0.5));
cell.set("PathDistance_um", distance);

cell.set("v", -65);
cell.initStates();

// A 1 ms pulse into the soma starts a spike; the soma and five apical sites are recorded.
soma.loc(0.5).stimulate(jx.stepCurrent(2, 1, 2));
soma.loc(0.5).record("v");
const rows = apical.view.index;
const dApical = apical.pathDistance(soma.loc(0.5));
const sites: number[] = [];
for (const target of ${JSON.stringify(CA1_SITES)}) {
  let best = 0;
  dApical.forEach((d, j) => {
    if (Math.abs(d - target) < Math.abs(dApical[best] - target)) best = j;
  });
  cell.select({ nodes: [rows[best]] }).record("v");
  sites.push(Math.round(dApical[best]));
}
console.log(\`recorded path distances (µm): 0, \${sites.join(", ")}\`);

export default cell;
`;
