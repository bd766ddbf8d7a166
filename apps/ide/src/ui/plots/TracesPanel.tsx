/**
 * Recorded traces of the latest run (and earlier runs, kept for comparison): one subplot
 * per unit, CSV export, the spike raster of networks, and the instruments.
 */
import { useMemo } from "react";
import type { CsvRun } from "../../session/csv-export.js";
import { Instruments } from "../Instruments.js";
import { useActions, useSessionState } from "../session-context.js";
import { ConvergenceCheck } from "./ConvergenceCheck.js";
import { downloadText } from "./export.js";
import { BASE_LAYOUT } from "./plotly.js";
import { Plot } from "./Plot.js";
import { RunWarnings } from "./RunWarnings.js";
import { SampledStimulusNote } from "./SampledStimulusNote.js";
import { SpikeRaster } from "./SpikeRaster.js";
import { MAX_DRAWN_ROWS, tracesFigure } from "./trace-data.js";
import "./traces.css";

/** Downloads the runs' traces as CSV (the writer loads on first use). */
async function exportCsv(runs: readonly CsvRun[]): Promise<void> {
  const { tracesToCsv } = await import("../../session/csv-export.js");
  downloadText(tracesToCsv(runs), "dendrolab-traces.csv", "text/csv");
}

export function TracesPanel() {
  const a = useActions();
  const runs = useSessionState((s) => s.runs);
  const keep = useSessionState((s) => s.view.keepRuns);
  const simError = useSessionState((s) => s.simError);
  const nCells = useSessionState((s) => s.model?.summary.cells.length ?? 0);
  const figure = useMemo(() => tracesFigure(runs, BASE_LAYOUT), [runs]);
  const latest = runs[runs.length - 1];
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
        <button
          type="button"
          disabled={!latest || latest.traces.rows.length === 0}
          onClick={() => void exportCsv(runs)}
          data-testid="export-csv"
          title="Time, then one column per recording (and per earlier run shown)"
        >
          Export CSV
        </button>
        <span className="muted" data-testid="run-count">
          {latest ? latest.label : ""}
        </span>
        {figure.hidden > 0 && (
          <span className="muted" data-testid="traces-hidden">
            first {MAX_DRAWN_ROWS} of {latest.traces.rows.length} recordings drawn (all are in the CSV)
          </span>
        )}
      </div>
      <ConvergenceCheck />
      <SampledStimulusNote />
      {simError && (
        <div className="console-error" data-testid="sim-error">
          {simError}
        </div>
      )}
      <RunWarnings />
      {runs.length > 0 && (
        <div className="traces-plot-box" style={{ minHeight: 90 + 120 * figure.nAxes }}>
          <Plot data={figure.data} layout={figure.layout} testid="traces-plot" immediate />
        </div>
      )}
      {latest && nCells > 1 && <SpikeRaster traces={latest.traces} />}
    </div>
  );
}
