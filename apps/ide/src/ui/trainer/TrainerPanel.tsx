/**
 * The trainer: shared group parameters to train, a target (the model with other values,
 * or a CSV), the loss, the optimiser (TrainerSettingsForm); a live loss curve and traces; stop; apply.
 */
import { useMemo } from "react";
import { useActions, useSessionState } from "../session-context.js";
import { LiveChart, type Series } from "../plots/LiveChart.js";
import { DRAW_COLUMNS, minMaxDecimate } from "../plots/decimate.js";
import { TRACE_COLOURS } from "../plots/trace-data.js";
import type { TrainingState } from "../../session/state.js";
import { isDark } from "../theme/theme.js";
import { ParamChooser } from "./ParamChooser.js";
import { TrainerSettingsForm } from "./TrainerSettingsForm.js";
import "../warnings.css";

/** How many values the status line names; the rest are counted (all are in the table after Apply). */
const NAMED = 4;

/** "fast_spiking.Na_gNa = 0.3988, slow_spiking.Na_gNa = 0.1": each value named by its group and key. */
function namedValues(params: ReadonlyArray<{ group: string; key: string }>, values: readonly number[]): string {
  const all = params.map((p, i) => `${p.group}.${p.key} = ${values[i]?.toPrecision(4)}`);
  return all.length <= NAMED
    ? all.join(", ")
    : `${all.slice(0, NAMED - 1).join(", ")} and ${all.length - NAMED + 1} more`;
}

/** Every value, one per line: the status line's tooltip. */
const allValues = (params: ReadonlyArray<{ group: string; key: string }>, values: readonly number[]) =>
  params.map((p, i) => `${p.group}.${p.key} = ${values[i]?.toPrecision(6)}`).join("\n");

export function TrainerPanel() {
  const a = useActions();
  const t = useSessionState((s) => s.trainer);
  const tr = useSessionState((s) => s.training);
  const running = tr.status === "running";
  // Of the run shown, not of the settings: Levenberg-Marquardt reports its start as step 0; Adam's first loss is step 1.
  const first = tr.firstStep ?? 1;
  const lossData = useMemo<Series[]>(
    () => [{ x: tr.losses.map((_, i) => i + first), y: tr.losses, color: "#d62728", markers: true }],
    [tr.losses, first],
  );
  const traceData = useMemo(() => {
    const out: Series[] = [];
    for (const [i, r] of (tr.traces?.rows ?? []).entries()) {
      out.push({
        ...minMaxDecimate(r.values, DRAW_COLUMNS, 0, tr.traces!.dt),
        color: TRACE_COLOURS[i % TRACE_COLOURS.length],
        width: 2,
        label: i === 0 ? "model" : undefined,
      });
    }
    for (const [i, r] of (tr.target?.rows ?? []).entries()) {
      out.push({
        ...minMaxDecimate(r.values, DRAW_COLUMNS, 0, tr.target!.dt),
        color: isDark() ? "#e8ecf2" : "#111",
        dash: true,
        width: 1.2,
        label: i === 0 ? "target" : undefined,
      });
    }
    return out;
  }, [tr.traces, tr.target]);
  const last = tr.losses[tr.losses.length - 1];
  const stepsDone = Math.max(0, tr.losses.length - (1 - first));
  // The first loss is at the start values (before any step) for both optimisers.
  const reached = t.threshold != null && tr.status !== "running" && last < t.threshold;
  return (
    <div className="trainer" data-testid="trainer-panel">
      <ParamChooser disabled={running} />
      <TrainerSettingsForm t={t} disabled={running} />
      <div className="trainer-actions">
        <button
          type="button"
          className="primary"
          disabled={running}
          onClick={a.startTraining}
          data-testid="train-start"
        >
          ▶ Train
        </button>
        <button type="button" disabled={!running} onClick={a.stopTraining} data-testid="train-stop">
          ■ Stop
        </button>
        <button
          type="button"
          disabled={running || !tr.best || tr.status === "idle"}
          onClick={() => void a.applyTraining()}
          data-testid="train-apply"
          title="Write the values with the lowest loss into the script as set calls"
        >
          Apply to script
        </button>
        <span className="train-status" data-testid="train-status">
          {tr.status === "error" ? (
            <span className="console-error">{tr.message}</span>
          ) : (
            tr.losses.length > 0 && (
              <>
                {tr.status} · step {stepsDone}/{t.steps} · loss <b data-testid="train-loss">{last.toPrecision(4)}</b> at{" "}
                <span title={allValues(tr.params, tr.values)}>{namedValues(tr.params, tr.values)}</span>
                {tr.best && (
                  <>
                    {" "}
                    · best <b data-testid="train-best">{tr.best.loss.toPrecision(3)}</b> (step {tr.best.step}):{" "}
                    <span data-testid="train-best-values" title={allValues(tr.params, tr.best.values)}>
                      {namedValues(tr.params, tr.best.values)}
                    </span>
                  </>
                )}{" "}
                {reached && (
                  <>
                    {" "}
                    ·{" "}
                    <b data-testid="train-reached">
                      below {t.threshold} after {tr.losses.length - 1} steps
                    </b>
                  </>
                )}{" "}
                · last step {tr.stepMs.toFixed(0)} ms ·{" "}
                {tr.gradient === "autodiff" ? "gradients: autodiff" : "gradients: finite differences"}
              </>
            )
          )}
          {running && tr.losses.length === 0 && "starting…"}
        </span>
      </div>
      {tr.warnings.length > 0 && (
        <ul className="warnings" data-testid="train-warnings" role="status">
          {tr.warnings.map((w) => (
            <li key={w}>⚠ {w}</li>
          ))}
        </ul>
      )}
      {tr.losses.length > 0 && (
        <div className="trainer-plots">
          <LiveChart series={lossData} xLabel="step" yLabel="loss" logY testid="loss-plot" />
          <LiveChart series={traceData} xLabel="t (ms)" yLabel={traceAxisLabel(tr.traces)} testid="train-traces-plot" />
        </div>
      )}
    </div>
  );
}

/** The trace chart's y title: the first recording's quantity and unit (v in mV when unknown). */
function traceAxisLabel(t: TrainingState["traces"]): string {
  const row = t?.rows[0];
  return row?.state && row.unit ? `${row.state} (${row.unit})` : "v (mV)";
}
