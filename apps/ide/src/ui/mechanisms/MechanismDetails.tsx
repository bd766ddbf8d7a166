/** One mechanism: where it comes from, its ions, parameters and states, insert/remove, and its gating curves. */
import { useState } from "react";
import type { MechanismInfo } from "../../protocol/mechanisms.js";
import type { MechanismTarget } from "../../session/mechanisms.js";
import { NO_GROUPS, useActions, useSessionState } from "../session-context.js";
import { GatingPlot } from "./GatingPlot.js";

const fmt = (x: number) => (Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x));

function sourceText(m: MechanismInfo): string {
  if (m.source.kind === "file") return `from ${m.source.file}`;
  if (m.source.kind === "module") return `built in (${m.source.module})`;
  return "defined in the script";
}

function ionsText(m: MechanismInfo): string {
  if (m.ions.length === 0) return "none";
  return m.ions
    .map((i) => {
      const parts = [
        i.read.length ? `reads ${i.read.join(", ")}` : "",
        i.write.length ? `writes ${i.write.join(", ")}` : "",
      ];
      return `${i.species}: ${parts.filter(Boolean).join("; ")}`;
    })
    .join(" · ");
}

/** Where Insert and Remove apply: "selection", "all", or "group:<name>". */
function targetOf(value: string): MechanismTarget {
  if (value === "selection" || value === "all") return { kind: value };
  return { kind: "group", name: value.slice("group:".length) };
}

function InsertControls({ m }: { m: MechanismInfo }) {
  const a = useActions();
  const groups = useSessionState((s) => s.model?.summary.groups ?? NO_GROUPS);
  const selected = useSessionState((s) => s.selectedNodes.length);
  const running = useSessionState((s) => s.run.status === "running");
  const [target, setTarget] = useState("selection");
  return (
    <div className="mech-insert">
      <label className="field">
        <span>into</span>
        <select value={target} onChange={(e) => setTarget(e.target.value)} data-testid="mech-target">
          <option value="selection">the selection ({selected} comps)</option>
          {groups.map((g) => (
            <option key={g.name} value={`group:${g.name}`}>
              group {g.name} ({g.nodes.length} comps)
            </option>
          ))}
          <option value="all">all compartments</option>
        </select>
      </label>
      <button
        type="button"
        className="primary"
        disabled={running}
        data-testid="mech-insert"
        onClick={() => void a.insertMechanism(m.name, targetOf(target))}
        title={`Writes insert(new …()) for ${m.name} into the script`}
      >
        Insert
      </button>
      <button
        type="button"
        disabled={running || m.inserted === 0}
        data-testid="mech-remove"
        onClick={() => void a.removeMechanism(m.name, targetOf(target))}
        title={`Writes delete(new …()) for ${m.name} into the script`}
      >
        Remove
      </button>
    </div>
  );
}

export function MechanismDetails({ m, celsius }: { m: MechanismInfo; celsius: number }) {
  const limits = m.params.some((p) => p.limits);
  return (
    <div className="mech-details" data-testid={`mech-details-${m.name}`}>
      <div className="mech-head">
        <b>{m.name}</b>
        {m.title && <span className="mech-title">{m.title}</span>}
        <span className="muted">
          {sourceText(m)} · inserted in {m.inserted} comps
        </span>
      </div>
      <div className="mech-ions" data-testid="mech-ions">
        <span className="muted">ions</span> {ionsText(m)}
      </div>
      <InsertControls m={m} />
      <div className="mech-body">
        <table className="params mech-params" data-testid="mech-params">
          <thead>
            <tr>
              <th>parameter</th>
              <th>default</th>
              <th>unit</th>
              {limits && <th>limits</th>}
            </tr>
          </thead>
          <tbody>
            {m.params.map((p) => (
              <tr key={p.key}>
                <td className="mono">{p.key}</td>
                <td>{fmt(p.default)}</td>
                <td className="muted">{p.unit}</td>
                {limits && <td className="muted">{p.limits ? `${fmt(p.limits[0])} … ${fmt(p.limits[1])}` : ""}</td>}
              </tr>
            ))}
            {m.states.length > 0 && (
              <tr className="mech-sub">
                <th colSpan={limits ? 4 : 3}>state (initial)</th>
              </tr>
            )}
            {m.states.map((x) => (
              <tr key={x.key}>
                <td className="mono">{x.key}</td>
                <td>{fmt(x.default)}</td>
                <td className="muted">{x.unit}</td>
                {limits && <td />}
              </tr>
            ))}
          </tbody>
        </table>
        {m.gates.length > 0 ? (
          <div className="mech-plot">
            <GatingPlot mechanism={m.name} gates={m.gates} celsius={celsius} />
          </div>
        ) : (
          <p className="muted mech-nogates">No voltage-gated states: nothing to plot against v.</p>
        )}
      </div>
    </div>
  );
}
