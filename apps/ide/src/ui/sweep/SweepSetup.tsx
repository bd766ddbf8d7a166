/** What a sweep varies (the clamps' amplitude or a group's parameter), its range and points. */
import { useSessionState, useActions } from "../session-context.js";
import { NumberField } from "../widgets.js";
import { MAX_SWEEP_POINTS, MIN_SWEEP_POINTS } from "../../session/sweep-settings.js";

export function SweepSetup({ disabled }: { disabled: boolean }) {
  const a = useActions();
  const s = useSessionState((st) => st.sweep);
  const summary = useSessionState((st) => st.model?.summary ?? null);
  const groups = summary?.groups.map((g) => g.name) ?? [];
  const keys = (summary?.nodeKeys ?? []).filter((k) => !["v", "length"].includes(k) && !k.endsWith("_index"));
  const isParam = s.vary === "param";
  const unit = isParam ? (summary?.units?.[s.key] ?? "") : "nA";
  return (
    <div className="sweep-setup">
      <label className="field">
        <span>vary</span>
        <select
          value={s.vary}
          disabled={disabled}
          data-testid="sweep-vary"
          onChange={(e) => {
            const vary = e.target.value as "stimulus" | "param";
            if (vary === "param" && !s.group)
              a.setSweep({ vary, group: groups[0] ?? "", key: keys.find((k) => k.endsWith("_gNa")) ?? keys[0] ?? "" });
            else a.setSweep({ vary });
          }}
        >
          <option value="stimulus">current clamp amplitude</option>
          <option value="param">a group's parameter</option>
        </select>
      </label>
      {isParam && (
        <>
          <label className="field">
            <span>group</span>
            <select
              value={s.group}
              disabled={disabled}
              data-testid="sweep-group"
              onChange={(e) => a.setSweep({ group: e.target.value })}
            >
              {[...new Set([s.group, ...groups])].filter(Boolean).map((g) => (
                <option key={g}>{g}</option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>parameter</span>
            <select
              value={s.key}
              disabled={disabled}
              data-testid="sweep-key"
              onChange={(e) => a.setSweep({ key: e.target.value })}
            >
              {[...new Set([s.key, ...keys])].filter(Boolean).map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </label>
        </>
      )}
      <NumberField
        label="from"
        value={s.from}
        unit={unit}
        testid="sweep-from"
        onCommit={(from) => a.setSweep({ from })}
      />
      <NumberField label="to" value={s.to} unit={unit} testid="sweep-to" onCommit={(to) => a.setSweep({ to })} />
      <NumberField
        label="points"
        value={s.points}
        min={MIN_SWEEP_POINTS}
        step={1}
        width={52}
        testid="sweep-points"
        title={`${MIN_SWEEP_POINTS} to ${MAX_SWEEP_POINTS} values, evenly spaced, both ends included`}
        onCommit={(p) => a.setSweep({ points: Math.min(MAX_SWEEP_POINTS, Math.max(MIN_SWEEP_POINTS, Math.round(p))) })}
      />
      {isParam && groups.length === 0 && <span className="hint">Parameters vary per group: make a group first.</span>}
    </div>
  );
}
