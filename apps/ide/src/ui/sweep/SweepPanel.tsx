/**
 * The Sweep tab: one simulation per value of a parameter or of the current clamps'
 * amplitude (or per pair of values of two of them), run in the model worker on the core's
 * worker pool; the summary of a recording against the value (or as a heat map over the
 * grid), the traces, and the result as CSV.
 */
import { useMemo } from "react";
import { sweepCsv, sweepCurve, summaryColumn, valueColumn } from "../../session/sweep-csv.js";
import { recordingOf } from "../../session/sweep-custom.js";
import { axisLabel } from "../../session/sweep-plan.js";
import { SWEEP_SUMMARIES, type SweepSummaryKind } from "../../session/sweep-settings.js";
import { summaryLabel } from "../../session/sweep-summary.js";
import { downloadText } from "../plots/export.js";
import { useActions, useSessionState } from "../session-context.js";
import { SweepCharts } from "./SweepCharts.js";
import { SweepExpression } from "./SweepExpression.js";
import { SweepHeatmap } from "./SweepHeatmap.js";
import { SweepSetup } from "./SweepSetup.js";
import "./sweep.css";

export function SweepPanel() {
  const a = useActions();
  const s = useSessionState((st) => st.sweep);
  const run = useSessionState((st) => st.sweepRun);
  const hasModel = useSessionState((st) => st.model !== null);
  const units = useSessionState((st) => st.model?.summary.units) ?? {};
  const running = run.status === "running";
  const { outcome, custom, axes } = run;
  const recording = outcome ? recordingOf(outcome, s.recording) : s.recording;
  const isCustom = s.summary === "custom";
  /** The summary of each run; null while a custom one is evaluated (or when it failed). */
  const curve = useMemo(() => {
    if (!outcome) return null;
    if (!isCustom) return sweepCurve(outcome, s.summary as Exclude<SweepSummaryKind, "custom">, recording);
    const current = custom && custom.expr === s.expression && custom.recording === recording;
    return current && custom.status === "done" ? custom.values : null;
  }, [outcome, isCustom, s.summary, s.expression, recording, custom]);
  const unitOf = (i: number) => (axes[i]?.vary === "param" ? (units[axes[i].key] ?? "") : "");
  const labels = axes.map((axis, i) => axisLabel(axis, unitOf(i)));
  const zLabel = summaryLabel(s.summary, outcome?.units[recording] || "mV", s.expression);
  const csv = () => {
    if (!outcome || !curve) return;
    const columns = axes.map((axis, i) => valueColumn(axis, unitOf(i)));
    const text = sweepCsv(columns, summaryColumn(s.summary, s.expression), outcome, curve);
    downloadText(text, "dendrolab-sweep.csv", "text/csv");
  };
  return (
    <div className="sweep" data-testid="sweep-panel" data-status={run.status} data-curve={JSON.stringify(curve ?? [])}>
      <SweepSetup disabled={running} />
      <div className="sweep-actions">
        {running ? (
          <button type="button" onClick={() => a.stopSweep()} data-testid="sweep-stop">
            ■ Stop
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            disabled={!hasModel}
            onClick={() => void a.runSweep()}
            data-testid="sweep-run"
          >
            ▶ Sweep
          </button>
        )}
        {running && (
          <progress max={run.total || 1} value={run.done} aria-label="Sweep progress" data-testid="sweep-progress" />
        )}
        <span className="sweep-status" data-testid="sweep-status" role="status">
          {running && `${run.done} of ${run.total} runs${run.workers ? ` on ${run.workers} workers` : ""}`}
          {run.status === "done" &&
            outcome &&
            `${outcome.traces.length} runs in ${(outcome.ms / 1000).toFixed(1)} s on ${outcome.workers} worker${outcome.workers === 1 ? "" : "s"}`}
          {(run.status === "stopped" || run.status === "error") && (
            <span className={run.status === "error" ? "console-error" : ""}>{run.message}</span>
          )}
        </span>
        <label className="field">
          <span>summary</span>
          <select
            value={s.summary}
            onChange={(e) => a.setSweep({ summary: e.target.value as SweepSummaryKind })}
            data-testid="sweep-summary"
          >
            {SWEEP_SUMMARIES.map((k) => (
              <option key={k} value={k}>
                {summaryLabel(k)}
              </option>
            ))}
          </select>
        </label>
        {outcome && outcome.labels.length > 1 && (
          <label className="field">
            <span>of</span>
            <select
              value={recording}
              onChange={(e) => a.setSweep({ recording: Number(e.target.value) })}
              data-testid="sweep-recording"
            >
              {outcome.labels.map((l, i) => (
                <option key={l} value={i}>
                  {l}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" disabled={!curve} onClick={csv} data-testid="sweep-csv">
          CSV
        </button>
      </div>
      {isCustom && <SweepExpression custom={outcome ? custom : null} />}
      {outcome?.values2 ? (
        <SweepHeatmap
          outcome={outcome}
          summary={curve}
          recording={recording}
          xLabel={labels[0] ?? ""}
          yLabel={labels[1] ?? ""}
          zLabel={zLabel}
          integer={s.summary === "spikes"}
        />
      ) : outcome ? (
        <SweepCharts outcome={outcome} curve={curve} recording={recording} xLabel={labels[0] ?? ""} yLabel={zLabel} />
      ) : (
        <div className="hint sweep-hint">
          {hasModel ? "Pick what varies and press Sweep." : "Run the script first: the sweep varies its model."}
        </div>
      )}
    </div>
  );
}
