/**
 * Cable electrics of the solve tree: membrane capacitance and axial conductances from
 * compartment geometry. Pure arrays; units in the names.
 */
import type { Tree } from "./tree.js";

/** Per-compartment geometry and passive properties (global compartment order). */
export interface CompartmentProps {
  lengthUm: Float64Array;
  radiusUm: Float64Array;
  /** Axial resistivity, ohm cm. */
  raOhmCm: Float64Array;
  /** Specific membrane capacitance, uF/cm2. */
  cmUfPerCm2: Float64Array;
  /** Traced membrane area, um2; NaN means a cylinder (2 pi r L, no end caps). */
  areaUm2: Float64Array;
  /** Traced resistive loads of the proximal and distal halves, 1/um; NaN means a cylinder. */
  loadInPerUm: Float64Array;
  loadOutPerUm: Float64Array;
}

/** Cable coefficients on the solve tree. */
export interface CableCoefficients {
  /** Membrane capacitance per node, nF (0 at branch points). */
  capNF: Float64Array;
  /** Conductance between each node and its parent, uS (0 for roots). */
  axialUS: Float64Array;
  /** Sum of axial conductances incident to each node, uS. */
  axialSumUS: Float64Array;
  /** Membrane area per global compartment, um2. */
  areaUm2: Float64Array;
}

/** Membrane area of compartment c, um2. */
export function compartmentArea(p: CompartmentProps, c: number): number {
  const a = p.areaUm2[c];
  return Number.isNaN(a) ? 2 * Math.PI * p.radiusUm[c] * p.lengthUm[c] : a;
}

/** Resistive load (integral of dl / (pi r^2), 1/um) of one half of compartment c. */
export function halfLoad(p: CompartmentProps, c: number, proximal: boolean): number {
  const traced = proximal ? p.loadInPerUm[c] : p.loadOutPerUm[c];
  if (!Number.isNaN(traced)) return traced;
  const r = p.radiusUm[c];
  return p.lengthUm[c] / 2 / (Math.PI * r * r);
}

/** Axial resistance of one half of compartment c, MOhm (ohm cm * 1/um = 1e-2 MOhm). */
function halfResistanceMOhm(p: CompartmentProps, c: number, proximal: boolean): number {
  return p.raOhmCm[c] * halfLoad(p, c, proximal) * 1e-2;
}

/** Computes capacitances and axial conductances on the tree. */
export function cableCoefficients(tree: Tree, p: CompartmentProps): CableCoefficients {
  const n = tree.nNodes;
  const capNF = new Float64Array(n);
  const axialUS = new Float64Array(n);
  const axialSumUS = new Float64Array(n);
  const areaUm2 = new Float64Array(tree.nComp);
  for (let c = 0; c < tree.nComp; c++) {
    const a = compartmentArea(p, c);
    areaUm2[c] = a;
    // uF/cm2 * um2 = 1e-8 uF = 1e-5 nF
    capNF[tree.nodeOfComp[c]] = p.cmUfPerCm2[c] * a * 1e-5;
  }
  for (let i = 0; i < n; i++) {
    const par = tree.parent[i];
    if (par < 0) continue;
    let r = 0;
    const ch = tree.edgeChildHalf[i];
    if (ch >= 0) r += halfResistanceMOhm(p, ch, tree.edgeChildIn[i] === 1);
    const ph = tree.edgeParentHalf[i];
    if (ph >= 0) r += halfResistanceMOhm(p, ph, tree.edgeParentIn[i] === 1);
    const g = 1 / r;
    axialUS[i] = g;
    axialSumUS[i] += g;
    axialSumUS[par] += g;
  }
  return { capNF, axialUS, axialSumUS, areaUm2 };
}
