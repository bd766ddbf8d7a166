/**
 * What a sweep varies (the clamps' amplitude or a group's parameter), its range and points;
 * and optionally a second quantity, for a 2-D grid.
 */
import { useActions, useSessionState } from "../session-context.js";
import { NumberField } from "../widgets.js";
import {
  firstAxis,
  MAX_SWEEP_POINTS,
  MAX_SWEEP_RUNS,
  MIN_SWEEP_POINTS,
  type SweepAxis,
} from "../../session/sweep-settings.js";

type Vary = SweepAxis["vary"];

/** The fields of one swept quantity; `prefix` of their test ids ("sweep" or "sweep2"). */
function AxisFields(props: {
  axis: SweepAxis;
  prefix: string;
  disabled: boolean;
  onChange: (p: Partial<SweepAxis>) => void;
}) {
  const { axis, prefix, disabled, onChange } = props;
  const summary = useSessionState((st) => st.model?.summary ?? null);
  const groups = summary?.groups.map((g) => g.name) ?? [];
  const keys = (summary?.nodeKeys ?? []).filter((k) => !["v", "length"].includes(k) && !k.endsWith("_index"));
  const isParam = axis.vary === "param";
  const unit = isParam ? (summary?.units?.[axis.key] ?? "") : "nA";
  return (
    <>
      {isParam && (
        <>
          <label className="field">
            <span>group</span>
            <select
              value={axis.group}
              disabled={disabled}
              data-testid={`${prefix}-group`}
              onChange={(e) => onChange({ group: e.target.value })}
            >
              {[...new Set([axis.group, ...groups])].filter(Boolean).map((g) => (
                <option key={g}>{g}</option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>parameter</span>
            <select
              value={axis.key}
              disabled={disabled}
              data-testid={`${prefix}-key`}
              onChange={(e) => onChange({ key: e.target.value })}
            >
              {[...new Set([axis.key, ...keys])].filter(Boolean).map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </label>
        </>
      )}
      <NumberField
        label="from"
        value={axis.from}
        unit={unit}
        testid={`${prefix}-from`}
        onCommit={(from) => onChange({ from })}
      />
      <NumberField label="to" value={axis.to} unit={unit} testid={`${prefix}-to`} onCommit={(to) => onChange({ to })} />
      <NumberField
        label="points"
        value={axis.points}
        min={MIN_SWEEP_POINTS}
        step={1}
        width={52}
        testid={`${prefix}-points`}
        title={`${MIN_SWEEP_POINTS} to ${MAX_SWEEP_POINTS} values, evenly spaced, both ends included`}
        onCommit={(p) => onChange({ points: Math.min(MAX_SWEEP_POINTS, Math.max(MIN_SWEEP_POINTS, Math.round(p))) })}
      />
      {isParam && groups.length === 0 && <span className="hint">Parameters vary per group: make a group first.</span>}
    </>
  );
}

export function SweepSetup({ disabled }: { disabled: boolean }) {
  const a = useActions();
  const s = useSessionState((st) => st.sweep);
  const summary = useSessionState((st) => st.model?.summary ?? null);
  const groups = summary?.groups.map((g) => g.name) ?? [];
  const keys = (summary?.nodeKeys ?? []).filter((k) => !["v", "length"].includes(k) && !k.endsWith("_index"));
  /**
   * A quantity switched to "param" starts on a group (the second quantity on another group
   * than the first's, if there is one) and its sodium conductance, if any.
   */
  const varied = (axis: SweepAxis | null, vary: Vary, avoid = ""): SweepAxis => {
    const base = axis ?? { vary, group: "", key: "", from: 0, to: vary === "stimulus" ? 0.5 : 0.2, points: 5 };
    if (vary !== "param" || base.group) return { ...base, vary };
    const group = groups.find((g) => g !== avoid) ?? groups[0] ?? "";
    return { ...base, vary, group, key: keys.find((k) => k.endsWith("_gNa")) ?? keys[0] ?? "" };
  };
  const second = s.second;
  const runs = second ? s.points * second.points : s.points;
  return (
    <div className="sweep-setup">
      <div className="sweep-axis">
        <label className="field">
          <span>vary</span>
          <select
            value={s.vary}
            disabled={disabled}
            data-testid="sweep-vary"
            onChange={(e) => a.setSweep(varied(firstAxis(s), e.target.value as Vary))}
          >
            <option value="stimulus">current clamp amplitude</option>
            <option value="param">a group's parameter</option>
          </select>
        </label>
        <AxisFields axis={firstAxis(s)} prefix="sweep" disabled={disabled} onChange={(p) => a.setSweep(p)} />
      </div>
      <div className="sweep-axis">
        <label className="field" title={`A 2-D sweep runs every pair of values: at most ${MAX_SWEEP_RUNS} runs`}>
          <span>and vary</span>
          <select
            value={second?.vary ?? "none"}
            disabled={disabled}
            data-testid="sweep2-vary"
            onChange={(e) => {
              const v = e.target.value as Vary | "none";
              a.setSweep({ second: v === "none" ? null : varied(second, v, s.vary === "param" ? s.group : "") });
            }}
          >
            <option value="none">nothing (1-D sweep)</option>
            <option value="stimulus" disabled={s.vary === "stimulus"}>
              current clamp amplitude
            </option>
            <option value="param">a group's parameter</option>
          </select>
        </label>
        {second && (
          <AxisFields
            axis={second}
            prefix="sweep2"
            disabled={disabled}
            onChange={(p) => a.setSweep({ second: { ...second, ...p } })}
          />
        )}
        {second && (
          <span className={runs > MAX_SWEEP_RUNS ? "hint console-error" : "hint"} data-testid="sweep-runs">
            {s.points} × {second.points} = {runs} runs{runs > MAX_SWEEP_RUNS && ` (at most ${MAX_SWEEP_RUNS})`}
          </span>
        )}
      </div>
    </div>
  );
}
