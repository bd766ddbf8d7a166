/** The model's instruments, each with its place and a button that removes it (a script edit, one undo step). */
import { type Instrument, instrumentsOf, placeOf } from "../session/instruments.js";
import "./instruments.css";
import { useActions, useSessionState } from "./session-context.js";

/** Most instruments listed (a network may record every cell). */
const MAX_LISTED = 200;

/** Every stimulus, clamp and recording with its place; × removes one (a script edit, one undo step). */
export function InstrumentList() {
  const a = useActions();
  const model = useSessionState((s) => s.model);
  const busy = useSessionState((s) => s.run.status === "running");
  if (!model) return null;
  const items = instrumentsOf(model.summary);
  const units = model.summary.units ?? {};
  const seen = new Map<string, number>();
  const keys = items.map((inst) => {
    const k = itemKey(inst);
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    return n ? `${k}#${n}` : k;
  });
  return (
    <details className="inst-list-box" open>
      <summary>
        <b>Instruments ({items.length})</b>
      </summary>
      {items.length === 0 ? (
        <span className="muted" data-testid="instrument-list-empty">
          {" "}
          none: place a clamp or a recording above
        </span>
      ) : (
        <ul className="inst-list" data-testid="instrument-list">
          {items.slice(0, MAX_LISTED).map((inst, i) => (
            <li key={keys[i]} data-testid="instrument-item">
              <span className="inst-kind">{kindText(inst)}</span>
              <span className="inst-place">{placeOf(inst, model.topo)}</span>
              <span className="inst-what">{detailText(inst, units)}</span>
              <button
                type="button"
                className="inst-remove"
                disabled={busy}
                onClick={() => void a.removeInstrument(inst)}
                title={`Remove this ${kindText(inst).toLowerCase()} (writes the script edit)`}
                aria-label={`Remove ${kindText(inst).toLowerCase()} at ${placeOf(inst, model.topo)}`}
                data-testid={`remove-instrument-${i}`}
              >
                ×
              </button>
            </li>
          ))}
          {items.length > MAX_LISTED && <li className="muted">and {items.length - MAX_LISTED} more</li>}
        </ul>
      )}
    </details>
  );
}

function itemKey(inst: Instrument): string {
  return inst.kind === "stimulus"
    ? `s${inst.node}:${inst.peakNa}`
    : `${inst.kind[0]}${inst.target}${inst.index}:${inst.state}`;
}

function kindText(inst: Instrument): string {
  return inst.kind === "stimulus" ? "Current clamp" : inst.kind === "clamp" ? "Clamp" : "Recording";
}

function detailText(inst: Instrument, units: Record<string, string>): string {
  if (inst.kind === "stimulus") return `peak ${Number(inst.peakNa.toPrecision(4))} nA`;
  const u = units[inst.state];
  return u ? `${inst.state} (${u})` : inst.state;
}
