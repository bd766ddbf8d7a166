/**
 * The chain rule from the simulator's arrays back to the description's columns:
 * capacitance, axial conductance and current scale to length, radius, axial resistivity
 * and capacitance (cylinder geometry); mechanism arrays to their columns.
 */
import type { SetupGradients } from "../grad/backward.js";
import type { CompartmentProps } from "../sim/cable.js";
import { compartmentArea, halfLoad } from "../sim/cable.js";
import type { ModelData } from "./data.js";
import type { Program } from "./lower.js";

/** Gradients by column: compartment keys and synapse keys, indexed by global index. */
export interface ColumnGradients {
  node: Map<string, Float64Array>;
  edge: Map<string, Float64Array>;
  /** Per stimulus row of the setup (model stimuli first, then data stimuli). */
  stim: Float64Array[];
}

/** Maps setup gradients to column gradients. */
export function columnGradients(
  d: ModelData,
  prog: Program,
  props: CompartmentProps,
  g: SetupGradients,
): ColumnGradients {
  const { tree } = prog;
  const nComp = d.nComp;
  const node = new Map<string, Float64Array>();
  const edge = new Map<string, Float64Array>();
  const col = (m: Map<string, Float64Array>, key: string, n: number) => {
    let c = m.get(key);
    if (!c) {
      c = new Float64Array(n);
      m.set(key, c);
    }
    return c;
  };
  // Initial voltage.
  const gv = col(node, "v", nComp);
  for (let c = 0; c < nComp; c++) gv[c] += g.V0[tree.nodeOfComp[c]];
  // Mechanism parameters and initial states; channel current scales (area * 1e-2).
  const gArea = new Float64Array(nComp);
  prog.blocks.forEach((b, i) => {
    const target = b.kind === "channel" ? node : edge;
    const n = b.kind === "channel" ? nComp : d.edges.length;
    b.mech.paramKeys.forEach((key, j) => {
      const gc = col(target, key, n);
      for (let k = 0; k < b.sites.length; k++) gc[b.sites[k]] += g.P[i][j][k];
    });
    b.mech.stateKeys.forEach((key, j) => {
      const gc = col(target, key, n);
      for (let k = 0; k < b.sites.length; k++) gc[b.sites[k]] += g.S0[i][j][k];
    });
    if (b.kind === "channel") for (let k = 0; k < b.sites.length; k++) gArea[b.sites[k]] += g.scale[i][k] * 1e-2;
  });
  // Node arrays read from columns (celsius, reversal potentials, concentrations).
  for (const key of prog.ions.columnArrays) {
    const gx = g.X.get(key);
    if (!gx) continue;
    const gc = col(node, key, nComp);
    for (let c = 0; c < nComp; c++) gc[c] += gx[tree.nodeOfComp[c]];
  }
  // Capacitance (nF) = cm * area * 1e-5.
  const gCm = col(node, "capacitance", nComp);
  for (let c = 0; c < nComp; c++) {
    const gc = g.capNF[tree.nodeOfComp[c]];
    gCm[c] += gc * compartmentArea(props, c) * 1e-5;
    gArea[c] += gc * props.cmUfPerCm2[c] * 1e-5;
  }
  // Axial conductance (uS) = 1 / (R_child_half + R_parent_half), R_half = Ra * load * 1e-2 MOhm.
  const gRa = col(node, "axial_resistivity", nComp);
  const gLoadIn = new Float64Array(nComp);
  const gLoadOut = new Float64Array(nComp);
  for (let i = 0; i < tree.nNodes; i++) {
    if (tree.parent[i] < 0) continue;
    const G = 1 / axialResistance(props, tree, i);
    const gR = -G * G * g.axialUS[i];
    for (const [c, proximal] of [
      [tree.edgeChildHalf[i], tree.edgeChildIn[i] === 1],
      [tree.edgeParentHalf[i], tree.edgeParentIn[i] === 1],
    ] as const) {
      if (c < 0) continue;
      gRa[c] += gR * halfLoad(props, c, proximal) * 1e-2;
      (proximal ? gLoadIn : gLoadOut)[c] += gR * props.raOhmCm[c] * 1e-2;
    }
  }
  // Cylinder geometry: area = 2 pi r L; half load = (L / 2) / (pi r^2).
  const gL = col(node, "length", nComp);
  const gr = col(node, "radius", nComp);
  for (let c = 0; c < nComp; c++) {
    const r = props.radiusUm[c];
    const L = props.lengthUm[c];
    if (Number.isNaN(props.areaUm2[c])) {
      gL[c] += gArea[c] * 2 * Math.PI * r;
      gr[c] += gArea[c] * 2 * Math.PI * L;
    }
    for (const [gLoad, traced] of [
      [gLoadIn[c], props.loadInPerUm[c]],
      [gLoadOut[c], props.loadOutPerUm[c]],
    ]) {
      if (!Number.isNaN(traced)) continue;
      gL[c] += gLoad / (2 * Math.PI * r * r);
      gr[c] += (-gLoad * L) / (Math.PI * r * r * r);
    }
  }
  return { node, edge, stim: g.stim };
}

function axialResistance(props: CompartmentProps, tree: Program["tree"], i: number): number {
  let r = 0;
  const ch = tree.edgeChildHalf[i];
  if (ch >= 0) r += props.raOhmCm[ch] * halfLoad(props, ch, tree.edgeChildIn[i] === 1) * 1e-2;
  const ph = tree.edgeParentHalf[i];
  if (ph >= 0) r += props.raOhmCm[ph] * halfLoad(props, ph, tree.edgeParentIn[i] === 1) * 1e-2;
  return r;
}
