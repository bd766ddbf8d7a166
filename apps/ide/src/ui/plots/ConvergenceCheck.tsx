/**
 * The dt convergence check of the traces panel: runs the model at dt, dt/2 and dt/4 and
 * says whether dt is converged at the stated tolerances (session/convergence.ts).
 */
import { useState } from "react";
import {
  type ConvergenceReport,
  type ConvergenceStep,
  DEFAULT_TOLERANCE,
  withinTolerance,
} from "../../session/convergence.js";
import { useActions, useSessionState } from "../session-context.js";
import { NumberField } from "../widgets.js";
import "./convergence.css";

type Result = { ok: true; report: ConvergenceReport } | { ok: false; message: string } | null;

const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(4)} ms` : "spike count differs");

function StepRow({ s, tol }: { s: ConvergenceStep; tol: ConvergenceReport["tolerance"] }) {
  const ok = withinTolerance(s, tol);
  return (
    <tr className={ok ? "ok" : "bad"}>
      <td>
        {s.dt} vs {s.fineDt} ms
      </td>
      <td>
        {s.maxDv.toFixed(3)} mV{s.maxDvAt ? ` (t = ${s.maxDvAt.t.toFixed(3)} ms)` : ""}
      </td>
      <td>{ms(s.maxShift)}</td>
      <td>
        {s.spikes[0]} / {s.spikes[1]}
      </td>
    </tr>
  );
}

export function ConvergenceCheck() {
  const a = useActions();
  const sim = useSessionState((s) => s.sim);
  const [tol, setTol] = useState(DEFAULT_TOLERANCE);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result>(null);
  const run = async () => {
    setBusy(true);
    try {
      setResult(await a.checkConvergence(tol));
    } finally {
      setBusy(false);
    }
  };
  const r = result?.ok ? result.report : null;
  const stale = r && (r.sim.dt !== sim.dt || r.sim.tMax !== sim.tMax || r.sim.solver !== sim.solver);
  return (
    <div className="convergence" data-testid="convergence">
      <div className="convergence-bar">
        <button type="button" onClick={() => void run()} disabled={busy} data-testid="check-convergence">
          {busy ? "Checking…" : `Check dt convergence (dt, dt/2, dt/4)`}
        </button>
        <NumberField
          label="tolerance"
          unit="mV"
          value={tol.mV}
          min={0}
          width={48}
          onCommit={(mV) => setTol({ ...tol, mV })}
          testid="convergence-mv"
        />
        <NumberField
          label=""
          unit="ms (spike times)"
          value={tol.ms}
          min={0}
          width={56}
          onCommit={(v) => setTol({ ...tol, ms: v })}
          testid="convergence-ms"
        />
        {result && (
          <button type="button" className="link" onClick={() => setResult(null)} title="Hide the result">
            ✕
          </button>
        )}
      </div>
      {result && !result.ok && (
        <div className="console-error" data-testid="convergence-result">
          {result.message}
        </div>
      )}
      {r && (
        <div className={`convergence-result ${r.converged ? "ok" : "bad"}`} data-testid="convergence-result">
          <div data-testid="convergence-verdict">
            <b>
              dt = {r.sim.dt} ms is {r.converged ? "converged" : "NOT converged"}
            </b>{" "}
            at {r.tolerance.mV} mV and {r.tolerance.ms} ms: the run at dt/2 differs by up to{" "}
            {r.steps[0].maxDv.toFixed(2)} mV and moves spikes by {ms(r.steps[0].maxShift)} ({r.sim.solver}, t_max{" "}
            {r.sim.tMax} ms; {r.recordings.length} voltage recording{r.recordings.length === 1 ? "" : "s"}).
            {!r.converged && withinTolerance(r.steps[1], r.tolerance) ? " dt/2 is converged." : ""}
            {stale ? " (The settings have changed since: check again.)" : ""}
          </div>
          <table>
            <thead>
              <tr>
                <th>runs</th>
                <th>largest |Δv|</th>
                <th>largest spike shift</th>
                <th>spikes</th>
              </tr>
            </thead>
            <tbody>
              {r.steps.map((s) => (
                <StepRow key={s.dt} s={s} tol={r.tolerance} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
