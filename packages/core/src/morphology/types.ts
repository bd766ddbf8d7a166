/**
 * Plain morphology descriptions, independent of modules and of the simulator.
 * Lengths, radii and coordinates in um; areas in um2; resistive loads in 1/um
 * (the integral of dl / (pi r^2) over a stretch of cable).
 */

/** Geometry of one compartment, as integrated over the traced frusta. */
export interface CompartmentGeometry {
  /** Path length of the compartment, um. */
  lengthUm: number;
  /** Length-weighted mean radius, um. */
  radiusUm: number;
  /** Lateral membrane area of the traced frusta (slant included), um2. */
  areaUm2: number;
  /** Integral of dl / (pi r^2) over the proximal half of the compartment, 1/um. */
  loadInPerUm: number;
  /** Integral of dl / (pi r^2) over the distal half of the compartment, 1/um. */
  loadOutPerUm: number;
  /** Centre of the compartment (the point half-way along its path), um. */
  x: number;
  y: number;
  z: number;
}

/** One unbranched stretch of cable. */
export interface MorphologyBranch {
  /** Index of the parent branch, -1 for the root. */
  parent: number;
  /**
   * Where on the parent this branch attaches, in [0, 1]: 1 (default) is the parent's
   * distal end, 0 its proximal end; an interior value attaches directly to the node of
   * the parent compartment that contains it (as NEURON does for `connect child(0), parent(x)`).
   */
  parentX?: number;
  /**
   * Optional name, e.g. NEURON's section name (`soma[0]`, `dend[3]`) in the "neuron"
   * SWC reading; a section cut by `maxBranchLen` gets `dend[3].0`, `dend[3].1`, ...
   */
  name?: string;
  /** SWC type id of the branch's samples (1 soma, 2 axon, 3 basal, 4 apical, ...). */
  typeId: number;
  /** Compartments from proximal to distal. */
  comps: CompartmentGeometry[];
  /** Traced points (x, y, z, r) from proximal to distal, for drawing; um. */
  points: Array<[number, number, number, number]>;
}

/** A whole cell's morphology. */
export interface Morphology {
  branches: MorphologyBranch[];
  /** SWC sample id -> (branch, comp) of the compartment that contains the sample. */
  sampleToComp: Map<number, { branch: number; comp: number }>;
  /** Warnings about repairs made while reading (e.g. radii raised to minRadius). */
  warnings: string[];
}
