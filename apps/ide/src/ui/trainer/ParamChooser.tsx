/** Which parameters to train: a key shared by all compartments of a group, and its target value. */
import { useState } from "react";
import { useActions, useSessionState } from "../session-context.js";
import { NumberField } from "../widgets.js";

export function ParamChooser({ disabled }: { disabled: boolean }) {
  const a = useActions();
  const t = useSessionState((s) => s.trainer);
  const summary = useSessionState((s) => s.model?.summary ?? null);
  // Synapse types are listed with the groups: their synapses' parameters share one value.
  const synapseTypes = summary?.synapseTypes ?? [];
  const groups = [...(summary?.groups.map((g) => g.name) ?? []), ...synapseTypes];
  const [group, setGroup] = useState("");
  const [key, setKey] = useState("");
  const g = groups.includes(group) ? group : (groups[0] ?? "");
  const keys = synapseTypes.includes(g)
    ? (summary?.edgeKeys ?? []).filter((k) => k.startsWith(`${g}_`))
    : (summary?.nodeKeys ?? []).filter((k) => !["v", "length"].includes(k));
  const k = keys.includes(key) ? key : (keys.find((x) => x.endsWith("_gNa")) ?? keys[0] ?? "");
  const params = t.params;
  const add = () => {
    if (!g || !k || params.some((p) => p.group === g && p.key === k)) return;
    const current = summary?.groupMeans[g]?.[k];
    const target = current !== undefined ? Number((current * 0.75).toPrecision(3)) : 1;
    a.setTrainer({ params: [...params, { group: g, key: k, target }] });
  };
  return (
    <div className="param-chooser">
      <table className="params" data-testid="trainer-params">
        <thead>
          <tr>
            <th>group</th>
            <th>parameter (one shared value)</th>
            <th>now</th>
            <th>target value</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {params.map((p, i) => (
            <tr key={`${p.group}/${p.key}`} data-testid={`trainer-param-${p.group}-${p.key}`}>
              <td>{p.group}</td>
              <td>{p.key}</td>
              <td className="muted">{summary?.groupMeans[p.group]?.[p.key]?.toPrecision(4) ?? "–"}</td>
              <td>
                <NumberField
                  label=""
                  value={p.target}
                  onCommit={(target) =>
                    a.setTrainer({ params: params.map((q, j) => (j === i ? { ...q, target } : q)) })
                  }
                  testid={`trainer-target-${i}`}
                  width={70}
                />
              </td>
              <td>
                <button
                  type="button"
                  disabled={disabled}
                  onClick={() => a.setTrainer({ params: params.filter((_, j) => j !== i) })}
                  aria-label="Remove"
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
          <tr className="add-row">
            <td>
              <select
                value={g}
                onChange={(e) => setGroup(e.target.value)}
                disabled={disabled}
                data-testid="trainer-group"
              >
                {groups.map((x) => (
                  <option key={x} value={x}>
                    {synapseTypes.includes(x) ? `synapses ${x}` : x}
                  </option>
                ))}
              </select>
            </td>
            <td>
              <select value={k} onChange={(e) => setKey(e.target.value)} disabled={disabled} data-testid="trainer-key">
                {keys.map((x) => (
                  <option key={x}>{x}</option>
                ))}
              </select>
            </td>
            <td colSpan={3}>
              <button type="button" disabled={disabled || !g || !k} onClick={add} data-testid="trainer-add">
                + Train this
              </button>
            </td>
          </tr>
        </tbody>
      </table>
      {groups.length === 0 && <div className="hint">Parameters are trained per group: make a group first.</div>}
    </div>
  );
}
