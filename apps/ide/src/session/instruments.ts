/**
 * The model's instruments as the instruments list shows them: every stimulus, clamp and
 * recording with its place. Removing one is in ./instrument-edits.ts (loaded on use).
 */
import type { ModelSummary } from "../protocol/model.js";
import type { Topology } from "./topology.js";

/** One instrument of the model, as the summary lists it. */
export type Instrument =
  | { kind: "stimulus"; node: number; peakNa: number }
  | { kind: "clamp"; target: "node" | "edge"; index: number; state: string }
  | { kind: "recording"; target: "node" | "edge"; index: number; state: string };

/** Every instrument of the model: stimuli, clamps, then recordings, each in the order added. */
export function instrumentsOf(summary: ModelSummary): Instrument[] {
  return [
    ...summary.stimuli.map((s) => ({ kind: "stimulus" as const, node: s.node, peakNa: s.peakNa })),
    ...(summary.clamps ?? []).map((c) => ({ kind: "clamp" as const, ...c })),
    ...summary.recordings.map((r) => ({ kind: "recording" as const, ...r })),
  ];
}

/** Where an instrument is: `cell 0 · branch 0 · comp 0` or `synapse 1`. */
export function placeOf(inst: Instrument, topo: Topology): string {
  const target = inst.kind === "stimulus" ? "node" : inst.target;
  const index = inst.kind === "stimulus" ? inst.node : inst.index;
  if (target === "edge") return `synapse ${index}`;
  const p = topo.addressOf(index);
  return `cell ${p.cell} · branch ${p.branch} · comp ${p.comp}`;
}

/** Whether two instruments are the same one. */
export function sameInstrument(a: Instrument, b: Instrument): boolean {
  if (a.kind === "stimulus" || b.kind === "stimulus")
    return a.kind === "stimulus" && b.kind === "stimulus" && a.node === b.node;
  return a.kind === b.kind && a.target === b.target && a.index === b.index && a.state === b.state;
}

/** A short label of the instrument for the undo history and the list. */
export function instrumentLabel(inst: Instrument): string {
  if (inst.kind === "stimulus") return "current clamp";
  if (inst.kind === "clamp") return `clamp of ${inst.state}`;
  return `recording of ${inst.state}`;
}
