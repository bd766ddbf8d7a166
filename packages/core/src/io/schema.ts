/**
 * The serialised model: a versioned, JSON-safe description of a module (docs/design.md#model).
 * Mechanisms travel as their specs (data, never code); columns, index sets and signals
 * use compact encodings (see `encode.ts`). Units are the model's: um, ohm cm, uF/cm2,
 * mV, S/cm2, uS, nA, ms.
 */
import type { MechanismSpec } from "../mechanisms/types.js";

/** The `format` tag of every serialised model. */
export const MODEL_FORMAT = "dendrolab.model";
/** The version written by `serializeModel`. */
export const MODEL_VERSION = 1;

/** Limits checked when reading, so that a hostile or broken file fails early and clearly. */
export const MODEL_LIMITS = {
  /** Compartments in one model. */
  maxCompartments: 1_000_000,
  /** Cells and branches. */
  maxCells: 100_000,
  maxBranches: 1_000_000,
  /** Synapses. */
  maxEdges: 1_000_000,
  /** Samples in one stimulus or clamp. */
  maxSamples: 10_000_000,
  /** Recordings, stimuli, clamps, trainables, mechanisms, groups. */
  maxItems: 100_000,
} as const;

/** One numeric column: every value equal (`fill`) or listed. `null` stands for NaN. */
export type SerializedColumn = { fill: number | null } | { values: Array<number | null> };

/** A set of indices as sorted, disjoint runs `[start, count, start, count, ...]`. */
export interface SerializedIndexSet {
  runs: number[];
}

/** A signal as run-length pairs `[value, count, value, count, ...]`. */
export interface SerializedSignal {
  rle: number[];
}

/** The branch structure of one cell (local branch indices). */
export interface SerializedCell {
  parents: number[];
  parentX: number[];
  ncomp: number[];
  /** Traced points (x, y, z, r) per branch, um, when known. */
  points?: number[][][];
}

/** A whole model. */
export interface SerializedModel {
  format: typeof MODEL_FORMAT;
  version: number;
  /** Which module was serialised; `deserializeModel` returns a Network or a Cell. */
  kind: "network" | "cell" | "branch" | "compartment";
  cells: SerializedCell[];
  /** Per-compartment columns by key (base values, mechanism parameters and states, geometry, x/y/z). */
  columns: Record<string, SerializedColumn>;
  /** Channels in insertion order with the compartments that carry each. */
  channels: Array<{ spec: MechanismSpec; nodes: SerializedIndexSet }>;
  /** Groups in creation order. */
  groups: Array<{ name: string; nodes: SerializedIndexSet }>;
  /** Synapse types in order of first use. */
  synapseTypes: MechanismSpec[];
  edges: {
    pre: number[];
    post: number[];
    /** Index into `synapseTypes` of each synapse. */
    type: number[];
    columns: Record<string, SerializedColumn>;
  };
  recordings: Array<{ target: "node" | "edge"; index: number; state: string }>;
  stimuli: Array<{ node: number; values: SerializedSignal }>;
  clamps: Array<{ target: "node" | "edge"; index: number; state: string; values: SerializedSignal }>;
  trainables: Array<{ key: string; target: "node" | "edge"; groups: number[][]; init: number[] }>;
}
