/** Recorded traces of the latest run (and earlier runs, kept for comparison), and the instruments. */
import { useMemo } from "react";
import { useActions, useSessionState } from "../session-context.js";
import { Instruments } from "../Instruments.js";
import { ConvergenceCheck } from "./ConvergenceCheck.js";
import { SampledStimulusNote } from "./SampledStimulusNote.js";
import { BASE_LAYOUT } from "./plotly.js";
import { Plot } from "./Plot.js";
import { RunWarnings } from "./RunWarnings.js";
import { runTraces } from "./trace-data.js";

const LAYOUT = {
  ...BASE_LAYOUT,
  margin: { l: 48, r: 12, t: 8, b: 36 },
  legend: { x: 1, xanchor: "right", y: 1, yanchor: "top", bgcolor: "rgba(255,255,255,0.75)", font: { size: 10 } },
  uirevision: "traces",
  xaxis: { title: { text: "t (ms)" }, zeroline: false },
  yaxis: { title: { text: "v (mV)" }, zeroline: false },
};

export function TracesPanel() {
  const a = useActions();
  const runs = useSessionState((s) => s.runs);
  const keep = useSessionState((s) => s.view.keepRuns);
  const simError = useSessionState((s) => s.simError);
  const data = useMemo(() => runTraces(runs), [runs]);
  return (
    <div className="traces" data-testid="traces-panel">
      <Instruments />
      <div className="traces-tools">
        <label className="check">
          <input
            type="checkbox"
            checked={keep}
            onChange={(e) => a.setView({ keepRuns: e.target.checked })}
            data-testid="keep-runs"
          />
          keep earlier runs for comparison
        </label>
        <span className="muted" data-testid="run-count">
          {runs.length ? `${runs[runs.length - 1].label}` : ""}
        </span>
      </div>
      <ConvergenceCheck />
      <SampledStimulusNote />
      {simError && (
        <div className="console-error" data-testid="sim-error">
          {simError}
        </div>
      )}
      <RunWarnings />
      {runs.length > 0 && <Plot data={data} layout={LAYOUT} testid="traces-plot" />}
    </div>
  );
}
