/**
 * Data the model worker sends to the page: a summary of the model (topology, groups,
 * keys, coordinates), tables and traces. Plain, structured-clone-safe objects. Settings
 * that are also part of sessions (and share links) are schemas, their types inferred.
 */
import { boundedList, fields, variantFields } from "@dendrolab/core/document";
import type { ValueRule } from "@dendrolab/core/rules";
import * as v from "valibot";
import { numberIn, oneOf, text } from "./checks.js";
import { simSettingsProblem } from "./sim-limits.js";

/** One cell's branches (local indices): parent branch (-1 for the root) and compartment count. */
export interface CellShape {
  branches: Array<{ parent: number; ncomp: number }>;
}

/** What the page knows about the current model. */
export interface ModelSummary {
  kind: "network" | "cell" | "branch" | "compartment";
  nComp: number;
  cells: CellShape[];
  /** Groups in creation order with their compartments (global indices, ascending). */
  groups: Array<{ name: string; nodes: number[] }>;
  channels: string[];
  synapseTypes: string[];
  edges: Array<{ pre: number; post: number; type: string }>;
  /** Keys `set` accepts on compartments (numeric columns). */
  nodeKeys: string[];
  /** Keys `set` accepts on synapses (their parameters and states, `IonotropicSynapse_gS`). */
  edgeKeys?: string[];
  /** States that `record` accepts on compartments. */
  recordable: string[];
  recordings: Array<{ target: "node" | "edge"; index: number; state: string }>;
  /** Compartments that receive a stimulus, with the largest |current| (nA); `samples` for a sampled one (absent: defined in time). */
  stimuli: Array<{ node: number; peakNa: number; samples?: number }>;
  /** Clamped states (compartment or synapse), in the order they were added. */
  clamps?: Array<{ target: "node" | "edge"; index: number; state: string }>;
  /** Units of compartment keys and recordable states (`radius`: "µm", `i_Na`: "mA/cm²"; protocol/units.ts). */
  units?: Record<string, string>;
  trainables: Array<{ key: string; target: "node" | "edge"; count: number }>;
  /** Mean of every compartment key over each group's compartments that have it: groupMeans[group][key]. */
  groupMeans: Record<string, Record<string, number>>;
  /** Compartment centres (um) and one path per global branch. */
  coords: { x: number[]; y: number[]; z: number[]; branchPaths: number[][][]; source: "columns" | "layout" };
}

/** Which rows a table shows: all compartments, a group, or explicit compartments. */
export const TableSourceSchema = variantFields(
  "kind",
  [
    v.object({ kind: v.literal("all") }),
    v.object({ kind: v.literal("group"), name: text(200) }),
    v.object({
      kind: v.literal("nodes"),
      nodes: boundedList(
        v.pipe(v.number("a compartment index"), v.integer("a compartment index"), v.minValue(0, "a compartment index")),
        1_000_000,
        "a list of compartment indices",
      ),
    }),
  ],
  '"all" or "group" or "nodes"',
);
/** Which rows a table shows: all compartments, a group, or explicit compartments. */
export type TableSource = v.InferOutput<typeof TableSourceSchema>;

/** A table like `.view`: columns in the library's order, values by column. */
export interface TableData {
  columns: string[];
  /** Global compartment index of each row. */
  index: number[];
  /** Values by column, one per row. */
  data: Array<Array<number | boolean | string>>;
  /** Which columns `set` can write (numeric model keys). */
  editable: boolean[];
  /** The values each column accepts (the core's value rules; null for columns not edited). */
  rules?: Array<ValueRule | null>;
}

/** Simulation settings of the session: tMax and dt in ms, and the solver. */
export const SimSettingsSchema = v.pipe(
  fields(
    {
      tMax: numberIn(0.001, 100_000),
      dt: numberIn(1e-6, 10),
      solver: oneOf(["bwd_euler", "crank_nicolson", "fwd_euler"]),
    },
    "an object",
  ),
  // t_max at least dt, and at most MAX_SIM_STEPS steps (protocol/sim-limits.ts).
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const problem = simSettingsProblem(dataset.value.tMax, dataset.value.dt);
    if (problem) addIssue({ message: `settings a tab can run: ${problem}` });
  }),
);
/** Simulation settings of the session. */
export type SimSettings = v.InferOutput<typeof SimSettingsSchema>;

/** Recorded traces of one run. */
export interface Traces {
  dt: number;
  nSamples: number;
  rows: Array<{
    label: string;
    values: Float32Array;
    /** Where it was recorded (`cell 0 · branch 0 · comp 0`, `synapse 1`), what and in which unit. */
    place?: string;
    state?: string;
    unit?: string;
  }>;
  /** Wall time of the simulation in the worker, ms. */
  ms: number;
  /** What looked wrong in the run, e.g. a voltage outside -200..200 mV (where and when). */
  warnings?: string[];
}
