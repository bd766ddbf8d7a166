/**
 * The model worker's state and work, free of worker plumbing (tested in Node): it holds
 * the deserialised model and computes its summary, tables and traces. It uses the core's
 * tfjs-free entries (./sim, ./io, ./layout), so the model worker bundles no tfjs.
 */
import * as jx from "@dendrolab/core/sim";
import { deserializeModel, type SerializedModel } from "@dendrolab/core/io";
import { computeXyz } from "@dendrolab/core/layout";
import { mechanismValueRule } from "@dendrolab/core/rules";
import type { MechanismsReport } from "../protocol/mechanisms.js";
import type { ModelSummary, SimSettings, TableData, TableSource, Traces } from "../protocol/model.js";
import { unitsOf } from "../protocol/units.js";
import { mechanismsReport } from "./mechanism-report.js";
import { recordingsProblem } from "../protocol/sim-limits.js";
import { estimateRunMs } from "./run-estimate.js";
import { recordingNames } from "./recording-labels.js";
import { runSweep, type SweepProgress } from "./sweep-engine.js";
import type { SweepJob, SweepOutcome } from "../protocol/sweep.js";

/** A simulation about to start: its steps and compartments, and its estimated time (ms) if it is long. */
export type RunStart = (info: { nSteps: number; nComp: number; estimateMs: number | null }) => void;

/** Mean of each key over the masked compartments that have it (NaN-free keys only). */
function groupMeans(
  columns: Map<string, Float64Array>,
  mask: Uint8Array,
  keys: readonly string[],
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) {
    const col = columns.get(k);
    if (!col) continue;
    let sum = 0;
    let n = 0;
    for (let i = 0; i < mask.length; i++) {
      if (mask[i] && !Number.isNaN(col[i])) {
        sum += col[i];
        n++;
      }
    }
    if (n > 0) out[k] = sum / n;
  }
  return out;
}

/** Columns of `.view` that are indices, never edited. */
const INDEX_COLUMN = /_index$/;

export class ModelEngine {
  private model: jx.Network | jx.Cell | null = null;
  private kind: ModelSummary["kind"] = "network";

  /** Reads a serialised model (throws a clear error if it is malformed). */
  load(serialized: SerializedModel): ModelSummary {
    this.model = deserializeModel(serialized);
    this.kind = serialized.kind;
    return this.summary(serialized.kind);
  }

  /** `set(key, value)` on all compartments, a group or given compartments of the loaded model. */
  set(target: TableSource, key: string, value: number): ModelSummary {
    this.viewOf(target).set(key, value);
    return this.summary(this.kind);
  }

  private viewOf(source: TableSource): jx.View {
    const m = this.m;
    if (source.kind === "group") return m.group(source.name);
    if (source.kind === "nodes") return m.select({ nodes: source.nodes });
    return m;
  }

  private get m(): jx.Network | jx.Cell {
    if (!this.model) throw new Error("No model is loaded yet.");
    return this.model;
  }

  private summary(kind: ModelSummary["kind"]): ModelSummary {
    const m = this.m;
    const d = m.base;
    const n = d.nComp;
    const nodesOf = (mask: Uint8Array) => {
      const out: number[] = [];
      for (let i = 0; i < mask.length; i++) if (mask[i]) out.push(i);
      return out;
    };
    const layout = computeXyz(d.cells, { lengthUm: d.columns.get("length") });
    const xs = d.columns.get("x");
    const ys = d.columns.get("y");
    const zs = d.columns.get("z");
    const traced = !!xs && !!ys && !!zs && Array.from(xs).every(Number.isFinite);
    return {
      kind,
      nComp: n,
      cells: d.cells.map((c) => ({ branches: c.parents.map((p, b) => ({ parent: p, ncomp: c.ncomp[b] })) })),
      groups: [...d.groups].map(([name, mask]) => ({ name, nodes: nodesOf(mask) })),
      channels: d.channels.map((c) => c.name),
      synapseTypes: [...d.synapseTypes.keys()],
      edges: d.edges.pre.map((pre, i) => ({ pre, post: d.edges.post[i], type: d.edges.type[i] })),
      nodeKeys: m.keys,
      edgeKeys: [...d.edges.columns.keys()],
      recordable: ["v", ...d.channels.flatMap((c) => [...c.stateKeys, c.currentName])],
      recordings: d.recordings.map((r) => ({ target: r.target, index: r.index, state: r.state })),
      stimuli: d.stimuli.map((s) => ({
        node: s.node,
        ...(jx.isTimedCurrent(s.values)
          ? { peakNa: s.values.iAmp + s.values.iOffset }
          : {
              peakNa: s.values.reduce((a, v) => (Math.abs(v) > Math.abs(a) ? v : a), 0),
              samples: s.values.length,
            }),
      })),
      clamps: d.clamps.map((c) => ({ target: c.target, index: c.index, state: c.state })),
      units: unitsOf([...d.channels, ...d.synapseTypes.values()], m.keys),
      trainables: d.trainables.map((t) => ({ key: t.key, target: t.target, count: t.groups.length })),
      groupMeans: Object.fromEntries([...d.groups].map(([name, mask]) => [name, groupMeans(d.columns, mask, m.keys)])),
      coords: {
        x: Array.from(traced ? xs! : layout.x),
        y: Array.from(traced ? ys! : layout.y),
        z: Array.from(traced ? zs! : layout.z),
        branchPaths: layout.branchPaths,
        source: traced ? "columns" : "layout",
      },
    };
  }

  /** The `.view` table of all compartments, a group, or given compartments. */
  table(source: TableSource): TableData {
    const m = this.m;
    const t = this.viewOf(source).view;
    const keys = new Set(m.keys);
    const editable = t.columns.map((c) => keys.has(c) && !INDEX_COLUMN.test(c) && typeof t.column(c)[0] !== "boolean");
    const mechanisms = [...m.base.channels, ...m.base.synapseTypes.values()];
    return {
      columns: t.columns,
      index: t.index,
      data: t.columns.map((c) => t.column(c)),
      editable,
      rules: t.columns.map((c, j) => (editable[j] ? mechanismValueRule(mechanisms, c) : null)),
    };
  }

  /** The `.edges` table of every synapse; the synapses' parameters and states are editable. */
  edgeTable(): TableData {
    const t = this.m.edges;
    const keys = this.m.base.edges.columns;
    return {
      columns: t.columns,
      index: t.index,
      data: t.columns.map((c) => t.column(c)),
      editable: t.columns.map((c) => keys.has(c) && typeof t.column(c)[0] === "number"),
    };
  }

  /**
   * Simulates the model with its own recordings, stimuli and clamps; `onStart` hears of
   * the run before it starts (for long runs, with an estimate of its time).
   */
  simulate(sim: SimSettings, onStart?: RunStart): Traces {
    const m = this.m;
    const nSteps = Math.max(0, Math.round(sim.tMax / sim.dt));
    const tooMuch = recordingsProblem(m.base.recordings.length, nSteps + 1);
    if (tooMuch) throw new Error(tooMuch);
    if (onStart) {
      const nComp = m.base.nComp;
      const trial = (steps: number) => jx.simulate(m, { tMax: steps * sim.dt, deltaT: sim.dt, solver: sim.solver });
      onStart({ nSteps, nComp, estimateMs: estimateRunMs(nSteps, nComp, trial) });
    }
    const start = performance.now();
    const r = jx.simulateWatched(m, { tMax: sim.tMax, deltaT: sim.dt, solver: sim.solver });
    const ms = performance.now() - start;
    const rows = recordingNames(m).map((name, i) => ({
      ...name,
      values: Float32Array.from(r.values.subarray(i * r.nSamples, (i + 1) * r.nSamples)),
    }));
    return { dt: r.dt, nSamples: r.nSamples, rows, ms, ...(r.excursion ? { warnings: [r.excursion.message] } : {}) };
  }

  /**
   * One simulation per value of `job` on the core's worker pool, on a copy of the loaded
   * model (edits that arrive meanwhile do not change the sweep); see sweep-engine.ts.
   */
  sweep(job: SweepJob, onProgress: SweepProgress): Promise<SweepOutcome> {
    return runSweep(this.m, job, onProgress);
  }

  /** The Mechanisms panel: the loaded model's mechanisms and the session's `.mod` files. */
  mechanisms(modFiles: Readonly<Record<string, string>>): MechanismsReport {
    return mechanismsReport(this.model, modFiles);
  }

  /** The loaded model as NEURON files (the export module loads on first use). */
  async exportNeuron(sim: SimSettings): Promise<{ files: Record<string, string>; main: string }> {
    if (!this.model) throw new Error("No model is loaded yet: run the script first.");
    const { exportNeuron } = await import("@dendrolab/core/export");
    return exportNeuron(this.model, { tMax: sim.tMax, deltaT: sim.dt, solver: sim.solver });
  }

  /** One compartment column (NaN where absent), for colouring the morphology. */
  column(key: string): number[] {
    const col = this.m.base.columns.get(key);
    if (!col) throw new Error(`Unknown column '${key}'. Valid: ${this.m.keys.join(", ")}.`);
    return Array.from(col);
  }
}
