/**
 * Channels from the GUI: every channel the session can insert (the model's, the imported
 * `.mod` files' and the built-in ones) with where it is inserted, and Insert / Remove into
 * the selection, a group or every compartment: `insert(new X())` / `delete(new X())`
 * lines in the script, one undo step each (session/mechanisms.ts).
 */
import type { MechanismInfo } from "../../protocol/mechanisms.js";
import type { MechanismTarget } from "../../session/mechanisms.js";
import { NO_GROUPS, useActions, useSessionState } from "../session-context.js";

const NONE: MechanismInfo[] = [];

function sourceLabel(m: MechanismInfo): string {
  if (m.source.kind === "file") return m.source.file;
  if (m.source.kind === "module") return m.source.module.replace("@dendrolab/core/", "");
  return "script";
}

/** "selection", "all" or "group:<name>" as a target. */
export function targetOf(value: string): MechanismTarget {
  if (value === "selection" || value === "all") return { kind: value };
  return { kind: "group", name: value.slice("group:".length) };
}

/** The target chooser shared by channels and synapses: the selection, each group, everything. */
export function TargetSelect(props: { value: string; onChange: (v: string) => void; testid: string; label: string }) {
  const groups = useSessionState((s) => s.model?.summary.groups ?? NO_GROUPS);
  const selected = useSessionState((s) => s.selectedNodes.length);
  return (
    <label className="field">
      <span>{props.label}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)} data-testid={props.testid}>
        <option value="selection">the selection ({selected} comps)</option>
        {groups.map((g) => (
          <option key={g.name} value={`group:${g.name}`}>
            group {g.name} ({g.nodes.length} comps)
          </option>
        ))}
        <option value="all">all compartments</option>
      </select>
    </label>
  );
}

export function ChannelsSection(props: { target: string; setTarget: (v: string) => void }) {
  const a = useActions();
  const inModel = useSessionState((s) => s.mechanisms?.mechanisms ?? NONE);
  const available = useSessionState((s) => s.mechanisms?.available ?? NONE);
  const running = useSessionState((s) => s.run.status === "running");
  const nComp = useSessionState((s) => s.model?.summary.nComp ?? 0);
  const target = targetOf(props.target);
  return (
    <section className="model-edit-section" data-testid="channels-section">
      <header className="model-edit-head">
        <h3>Channels</h3>
        <TargetSelect label="into" value={props.target} onChange={props.setTarget} testid="channel-target" />
      </header>
      <table className="params channel-list" data-testid="channel-list">
        <thead>
          <tr>
            <th>channel</th>
            <th>from</th>
            <th>inserted in</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {[...inModel, ...available].map((m) => (
            <tr key={m.name} data-testid={`channel-${m.name}`}>
              <td className="mono">{m.name}</td>
              <td className="muted">{sourceLabel(m)}</td>
              <td data-testid={`channel-count-${m.name}`}>
                {m.inserted} / {nComp} comps
              </td>
              <td className="channel-actions">
                <button
                  type="button"
                  disabled={running}
                  data-testid={`channel-insert-${m.name}`}
                  title={`Writes insert(new ${m.name}()) into the script`}
                  onClick={() => void a.insertMechanism(m.name, target)}
                >
                  Insert
                </button>
                <button
                  type="button"
                  disabled={running || m.inserted === 0}
                  data-testid={`channel-remove-${m.name}`}
                  title={`Writes delete(new ${m.name}()) into the script`}
                  onClick={() => void a.removeMechanism(m.name, target)}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
