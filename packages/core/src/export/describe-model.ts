/**
 * The whole model as the export script reads it (`model.json`): run settings, cells,
 * graded synapses, stimuli, voltage clamps and recordings, with NEURON locations
 * `[cell, section, x]` (compartment k of n is x = (k + 0.5) / n).
 */
import type { ModelData } from "../model/data.js";
import { stimulusSamples } from "../model/stimulus.js";
import { describeCells, type SectionDescription } from "./describe-cells.js";
import { exportError } from "./errors.js";
import type { WrittenMechanism } from "./nmodl-write.js";

/** `[cell (gid), section (branch index in the cell), x]`. */
export type Location = [number, number, number];

/** A recording: a segment's `v` or range variable, or a synapse variable. */
export type RecordingDescription =
  | { kind: "segment"; at: Location; variable: string; label: string }
  | { kind: "synapse"; synapse: number; variable: string; label: string };

/** What `model.json` holds. */
export interface ModelDescription {
  format: "dendrolab-neuron-export";
  version: 1;
  /** ms. */
  dt: number;
  nSteps: number;
  /** NEURON's `secondorder`: 0 backward Euler, 2 Crank-Nicolson. */
  secondorder: 0 | 2;
  /** degrees C. */
  celsius: number;
  /** NEURON names of the mechanisms the model needs. */
  mechanisms: string[];
  /** NEURON globals to set (`name_SUFFIX` of GLOBAL parameters, `usetable_SUFFIX`). */
  globals: Record<string, number>;
  cells: SectionDescription[][];
  synapses: Array<{
    type: string;
    pre: Location;
    post: Location;
    /** The source id of the presynaptic voltage (its global compartment index). */
    source: number;
    values: Record<string, number>;
  }>;
  /** nA per step: sample k flows from t_k to t_k+1. */
  stimuli: Array<{ at: Location; amp: number[] }>;
  /** mV: sample k is the voltage at t_k. */
  voltageClamps: Array<{ at: Location; v: number[] }>;
  recordings: RecordingDescription[];
}

/** Options the description needs. */
export interface DescribeOptions {
  dt: number;
  nSteps: number;
  secondorder: 0 | 2;
}

/** Describes `d` for the script; throws a `NOT_EXPORTABLE` error for what NEURON cannot take. */
export function describeModel(
  d: ModelData,
  written: Map<string, WrittenMechanism>,
  o: DescribeOptions,
): ModelDescription {
  const t = d.topo;
  const loc = (comp: number): Location => {
    const n = t.branchNComp[t.compBranch[comp]];
    return [t.compCell[comp], t.branchLocal[t.compBranch[comp]], (t.compLocal[comp] + 0.5) / n];
  };
  const name = (comp: number) => {
    const [c, b, x] = loc(comp);
    return `cell${c}_branch${b}(${x})`;
  };
  const celsius = d.column("celsius");
  const c0 = celsius?.[0] ?? 6.3;
  if (celsius && !celsius.every((c) => c === c0)) {
    const k = celsius.findIndex((c) => c !== c0);
    throw exportError(
      `celsius is ${c0} at compartment 0 but ${celsius[k]} at compartment ${k} (${name(k)}); NEURON has one temperature for the whole model`,
    );
  }
  const nSamples = o.nSteps + 1;
  const samples = (values: ArrayLike<number>): number[] =>
    Array.from({ length: nSamples }, (_, k) => (k < values.length ? values[k] : 0));
  const voltageClamps = d.clamps.map((c) => {
    if (c.target !== "node" || c.state !== "v")
      throw exportError(
        `a clamp of ${c.target === "edge" ? `synapse ${c.index}'s` : `compartment ${c.index}'s (${name(c.index)})`} state ` +
          `${c.state}: the export holds only voltages in NEURON; remove the clamp or clamp "v"`,
      );
    return { at: loc(c.index), v: samples(c.values) };
  });
  const synapses = d.edges.type.map((type, j) => {
    const w = written.get(type)!;
    const values: Record<string, number> = {};
    for (const [key, nm] of [...Object.entries(w.params), ...Object.entries(w.states)]) {
      const v = d.edges.columns.get(key)?.[j];
      if (v !== undefined && Number.isFinite(v)) values[nm] = v;
    }
    return { type: w.suffix, pre: loc(d.edges.pre[j]), post: loc(d.edges.post[j]), source: d.edges.pre[j], values };
  });
  const recordings = d.recordings.map((r): RecordingDescription => {
    if (r.target === "edge") {
      const w = written.get(d.edges.type[r.index])!;
      const variable = w.states[r.state] ?? w.params[r.state];
      if (!variable) throw exportError(`the recording of ${r.state} of synapse ${r.index} has no NEURON variable`);
      return { kind: "synapse", synapse: r.index, variable, label: `synapse${r.index}.${r.state}` };
    }
    const label = `${name(r.index)}.${r.state}`;
    if (r.state === "v") return { kind: "segment", at: loc(r.index), variable: "v", label };
    for (const m of d.channels) {
      const w = written.get(m.name)!;
      const local = w.states[r.state];
      if (local) return { kind: "segment", at: loc(r.index), variable: `${local}_${w.suffix}`, label };
      if (w.ionValues.includes(r.state)) return { kind: "segment", at: loc(r.index), variable: r.state, label };
    }
    throw exportError(
      `the recording of ${r.state} at compartment ${r.index} (${name(r.index)}) is not exported: ` +
        "record v or a channel state instead",
    );
  });
  return {
    format: "dendrolab-neuron-export",
    version: 1,
    dt: o.dt,
    nSteps: o.nSteps,
    secondorder: o.secondorder,
    celsius: c0,
    mechanisms: [...written.values()].map((w) => w.suffix),
    globals: globalValues(d, written),
    cells: describeCells(d, written),
    synapses,
    stimuli: d.stimuli.map((s) => ({ at: loc(s.node), amp: samples(stimulusSamples(s.values, o.dt, nSamples)) })),
    voltageClamps,
    recordings,
  };
}

/** The GLOBALs of imported mechanisms (one value where the mechanism is), and usetable_ = 0. */
function globalValues(d: ModelData, written: Map<string, WrittenMechanism>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of d.channels) {
    const w = written.get(m.name)!;
    if (w.usetable) out[w.usetable] = 0;
    const mask = d.channelMask.get(m.name);
    for (const [key, name] of Object.entries(w.globals ?? {})) {
      const col = d.column(key);
      let value = m.paramDefaults()[key];
      let first = -1;
      for (let k = 0; col && mask && k < d.nComp; k++) {
        if (!mask[k] || !Number.isFinite(col[k])) continue;
        if (first < 0) [first, value] = [k, col[k]];
        else if (col[k] !== value)
          throw exportError(
            `${key} is ${value} at compartment ${first} but ${col[k]} at compartment ${k}; it is a GLOBAL of ` +
              `${w.suffix}.mod, one value for the whole model in NEURON: give it one value, or declare it RANGE in the file`,
          );
      }
      out[name] = value;
    }
  }
  return out;
}
