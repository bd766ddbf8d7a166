/** How the IDE names a model's recordings: "cell 0 · branch 1 · comp 0 · v", with their units. */
import type * as jx from "@dendrolab/core/sim";
import { unitsOf } from "../protocol/units.js";

export interface RecordingName {
  label: string;
  place: string;
  state: string;
  unit: string;
}

/** The name, place, state and unit of each recording of `m`, in record order. */
export function recordingNames(m: jx.Network | jx.Cell): RecordingName[] {
  const topo = m.base.topo;
  const units = unitsOf([...m.base.channels, ...m.base.synapseTypes.values()], m.keys);
  return m.base.recordings.map((rec) => {
    const place =
      rec.target === "node"
        ? `cell ${topo.compCell[rec.index]} · branch ${topo.branchLocal[topo.compBranch[rec.index]]} · comp ${topo.compLocal[rec.index]}`
        : `synapse ${rec.index}`;
    return { label: `${place} · ${rec.state}`, place, state: rec.state, unit: units[rec.state] ?? "" };
  });
}
