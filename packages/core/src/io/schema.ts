/**
 * The serialised model: a versioned, JSON-safe description of a module (docs/design.md#model).
 * Mechanisms travel as their specs (data, never code); columns, index sets and signals
 * use compact encodings (see `encode.ts`). Units are the model's: um, ohm cm, uF/cm2,
 * mV, S/cm2, uS, nA, ms.
 *
 * Each part is a valibot schema, and its TypeScript type is inferred from it. The
 * schemas check shapes, types and sizes; what depends on the rest of the document
 * (lengths equal to the number of compartments, indices in range, trees, sorted runs)
 * is checked while reading (`deserialize.ts`, `encode.ts`).
 */
import * as v from "valibot";
import type { MechanismSpec } from "../mechanisms/types.js";
import { boundedList, fields, looseFields } from "./document.js";

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

const L = MODEL_LIMITS;

const finite = (expected: string) => v.pipe(v.number(expected), v.finite(expected));
const index = (expected: string) => v.pipe(v.number(expected), v.integer(expected), v.minValue(0, expected));
const nonEmpty = (expected: string) => v.pipe(v.string(expected), v.minLength(1, expected));
const even = (expected: string) => v.check((a: number[]) => a.length % 2 === 0, expected);
const nullableFinite = v.nullable(finite("a finite number or null"));
const xyzr = finite("a finite number (x, y, z, r in um)");
const target = v.picklist(["node", "edge"], '"node" or "edge"');

/** One numeric column: every value equal (`fill`) or listed. `null` stands for NaN. */
const SerializedColumnSchema = v.union(
  [
    fields({ fill: nullableFinite }, "a column { fill } or { values }"),
    fields(
      { values: boundedList(nullableFinite, Math.max(L.maxCompartments, L.maxEdges)) },
      "a column { fill } or { values }",
    ),
  ],
  "a column { fill } or { values }",
);
/** One numeric column: every value equal (`fill`) or listed. `null` stands for NaN. */
export type SerializedColumn = v.InferOutput<typeof SerializedColumnSchema>;

/** A set of indices as sorted, disjoint runs `[start, count, start, count, ...]`. */
const SerializedIndexSetSchema = fields(
  {
    runs: v.pipe(boundedList(index("an index"), 2 * L.maxCompartments), even("pairs [start, count, ...]")),
  },
  "an index set { runs: [start, count, ...] }",
);
/** A set of indices as sorted, disjoint runs `[start, count, start, count, ...]`. */
export type SerializedIndexSet = v.InferOutput<typeof SerializedIndexSetSchema>;

/** A signal as run-length pairs `[value, count, value, count, ...]`. */
const SerializedSignalSchema = fields(
  {
    rle: v.pipe(
      boundedList(finite("a finite number"), 2 * L.maxSamples),
      v.minLength(2, "at least one pair [value, count]"),
      even("pairs [value, count, ...]"),
    ),
  },
  "a signal { rle: [value, count, ...] }",
);
/** A signal as run-length pairs `[value, count, value, count, ...]`. */
export type SerializedSignal = v.InferOutput<typeof SerializedSignalSchema>;

/** A current defined in time (`stepCurrent(iDelay, iDur, iAmp)`), sampled at each run's steps. */
const SerializedTimedCurrentSchema = fields(
  {
    kind: v.literal("stepCurrent", 'a current defined in time { kind: "stepCurrent", ... }'),
    iDelay: finite("a finite number of ms"),
    iDur: v.pipe(finite("a finite number of ms >= 0"), v.minValue(0, "a finite number of ms >= 0")),
    iAmp: finite("a finite number of nA"),
    iOffset: finite("a finite number of nA"),
  },
  'a current defined in time { kind: "stepCurrent", iDelay, iDur, iAmp, iOffset }',
);

/** A stimulus's current: samples (run-length pairs) or a current defined in time. */
const SerializedStimulusSignalSchema = v.union(
  [SerializedSignalSchema, SerializedTimedCurrentSchema],
  'a signal { rle: [...] } or a current defined in time { kind: "stepCurrent", iDelay, iDur, iAmp, iOffset }',
);

/** The branch structure of one cell (local branch indices); traced points (x, y, z, r) per branch, um, when known. */
const SerializedCellSchema = fields(
  {
    parents: boundedList(v.pipe(v.number("an integer"), v.integer("an integer")), L.maxBranches),
    parentX: boundedList(
      v.pipe(finite("a number in [0, 1]"), v.minValue(0, "a number in [0, 1]"), v.maxValue(1, "a number in [0, 1]")),
      L.maxBranches,
    ),
    ncomp: boundedList(
      v.pipe(
        index("a positive integer"),
        v.minValue(1, "a positive integer"),
        v.maxValue(L.maxCompartments, "a positive integer"),
      ),
      L.maxBranches,
    ),
    points: v.optional(
      boundedList(boundedList(v.tuple([xyzr, xyzr, xyzr, xyzr], "[x, y, z, r]"), L.maxCompartments), L.maxBranches),
    ),
  },
  "a cell { parents, parentX, ncomp }",
);
/** The branch structure of one cell (local branch indices). */
export type SerializedCell = v.InferOutput<typeof SerializedCellSchema>;

/** A mechanism spec of the given kind; the spec itself is checked by `new Mechanism(spec)`. */
const mechanismSpec = (kind: "channel" | "synapse") =>
  v.pipe(
    looseFields({ kind: v.literal(kind, `"${kind}"`) }, `a ${kind} spec`),
    v.transform((s) => s as unknown as MechanismSpec),
  );

const columns = v.pipe(
  v.record(v.string(), v.unknown(), "an object of columns by key"),
  v.maxEntries(L.maxItems, `at most ${L.maxItems} columns`),
  v.record(v.string(), SerializedColumnSchema),
);

const header = {
  format: v.literal(MODEL_FORMAT, `"${MODEL_FORMAT}"`),
  version: v.pipe(v.number("a positive integer"), v.integer("a positive integer"), v.minValue(1, "a positive integer")),
  kind: v.picklist(["network", "cell", "branch", "compartment"], '"network", "cell", "branch" or "compartment"'),
};

/** The header of a serialised model, read before the rest (a newer version may differ in the rest). */
export const ModelHeaderSchema = fields(header, "an object");

/** A whole model, as written by `serializeModel`. */
export const SerializedModelSchema = fields(
  {
    ...header,
    cells: v.pipe(boundedList(SerializedCellSchema, L.maxCells), v.minLength(1, "at least one cell")),
    /** Per-compartment columns by key (base values, mechanism parameters and states, geometry, x/y/z). */
    columns,
    /** Channels in insertion order with the compartments that carry each. */
    channels: boundedList(
      fields({ spec: mechanismSpec("channel"), nodes: SerializedIndexSetSchema }, "a channel { spec, nodes }"),
      L.maxItems,
    ),
    /** Groups in creation order. */
    groups: boundedList(
      fields({ name: nonEmpty("a non-empty string"), nodes: SerializedIndexSetSchema }, "a group { name, nodes }"),
      L.maxItems,
    ),
    /** Synapse types in order of first use. */
    synapseTypes: boundedList(mechanismSpec("synapse"), L.maxItems),
    edges: fields(
      {
        pre: boundedList(index("a compartment index"), L.maxEdges),
        post: boundedList(index("a compartment index"), L.maxEdges),
        /** Index into `synapseTypes` of each synapse. */
        type: boundedList(index("a synapse type index"), L.maxEdges),
        columns,
      },
      "an object { pre, post, type, columns }",
    ),
    recordings: boundedList(
      fields(
        { target, index: index("an index"), state: nonEmpty("a state name") },
        "a recording { target, index, state }",
      ),
      L.maxItems,
    ),
    stimuli: boundedList(
      fields({ node: index("a node index"), values: SerializedStimulusSignalSchema }, "a stimulus { node, values }"),
      L.maxItems,
    ),
    clamps: boundedList(
      fields(
        {
          target,
          index: index("an index"),
          state: nonEmpty("a state name"),
          values: SerializedSignalSchema,
        },
        "a clamp { target, index, state, values }",
      ),
      L.maxItems,
    ),
    trainables: boundedList(
      fields(
        {
          key: v.string("a column key"),
          target,
          groups: boundedList(boundedList(index("an index"), L.maxCompartments), L.maxCompartments),
          init: boundedList(finite("a finite number"), L.maxCompartments),
        },
        "a trainable { key, target, groups, init }",
      ),
      L.maxItems,
    ),
  },
  "an object",
);
/** A whole model. */
export type SerializedModel = v.InferOutput<typeof SerializedModelSchema>;
