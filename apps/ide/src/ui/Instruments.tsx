/**
 * Instruments: a current clamp (step current) and recordings at the selected places
 * (the first compartment of each selected branch or cell, or the selected compartments),
 * and the list of the model's instruments, each removable.
 */
import { useState } from "react";
import { InstrumentList } from "./InstrumentList.js";
import { useActions, useSessionState } from "./session-context.js";
import { LocField } from "./LocField.js";
import { NumberField } from "./widgets.js";

type Clamp = { delay: number; duration: number; amplitude: number };

/** The fields of the current clamp, in order. */
const CLAMP_FIELDS: ReadonlyArray<{ key: keyof Clamp; unit: string; min?: number; width: number }> = [
  { key: "delay", unit: "ms", min: 0, width: 52 },
  { key: "duration", unit: "ms", min: 0, width: 52 },
  { key: "amplitude", unit: "nA", width: 56 },
];

export function Instruments() {
  const a = useActions();
  const model = useSessionState((s) => s.model);
  useSessionState((s) => s.selection);
  const [clamp, setClamp] = useState<Clamp>({ delay: 1, duration: 5, amplitude: 0.5 });
  const [state, setState] = useState("v");
  const [loc, setLoc] = useState<number | null>(null);
  const branchSelected = useSessionState((s) => s.selection.keys.some((k) => k.startsWith("branch:")));
  const nodes = a.instrumentNodes(loc);
  const where =
    model && nodes.length
      ? nodes
          .slice(0, 3)
          .map((n) => {
            const p = model.topo.addressOf(n);
            return `cell ${p.cell} · branch ${p.branch} · comp ${p.comp}`;
          })
          .join("; ") + (nodes.length > 3 ? ` and ${nodes.length - 3} more` : "")
      : "select a place in the tree or the morphology";
  return (
    <div className="instruments" data-testid="instruments">
      <div className="inst-where">
        <b>At:</b> <span data-testid="instrument-target">{where}</span>
        {branchSelected && <LocField value={loc} onChange={setLoc} />}
      </div>
      <div className="inst-row">
        <b>Current clamp</b>
        {CLAMP_FIELDS.map(({ key, unit, min, width }) => (
          <NumberField
            key={key}
            label={key}
            unit={unit}
            value={clamp[key]}
            min={min}
            onCommit={(value) => setClamp({ ...clamp, [key]: value })}
            testid={`clamp-${key}`}
            width={width}
          />
        ))}
        <button
          type="button"
          disabled={!nodes.length}
          onClick={() => void a.addClamp(clamp.delay, clamp.duration, clamp.amplitude, loc)}
          data-testid="add-clamp"
        >
          Place clamp
        </button>
      </div>
      <div className="inst-row">
        <b>Recording</b>
        <select value={state} onChange={(e) => setState(e.target.value)} data-testid="record-state">
          {(model?.summary.recordable ?? ["v"]).map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
        <button
          type="button"
          disabled={!nodes.length}
          onClick={() => void a.addRecording(state, loc)}
          data-testid="add-recording"
        >
          Record
        </button>
        <button
          type="button"
          onClick={() => void a.clearInstruments()}
          data-testid="clear-instruments"
          title="Remove every stimulus and recording"
        >
          Clear all
        </button>
      </div>
      <InstrumentList />
    </div>
  );
}
