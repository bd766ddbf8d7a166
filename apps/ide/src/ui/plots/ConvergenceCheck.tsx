/**
 * The dt convergence check of the traces panel: runs the model at dt, dt/2 and dt/4 and
 * says whether dt is converged at the stated tolerances (session/convergence.ts). The
 * check and its result view load on first use.
 */
import { lazy, Suspense, useState } from "react";
import type { ConvergenceReport, ConvergenceTolerance } from "../../session/convergence.js";
import { useActions, useSessionState } from "../session-context.js";
import { NumberField } from "../widgets.js";
import "./convergence.css";

const ConvergenceResult = lazy(() => import("./ConvergenceResult.js"));

/** The default tolerances (session/convergence.ts has the same). */
const TOLERANCE: ConvergenceTolerance = { mV: 4, ms: 0.05 };

type Result = { ok: true; report: ConvergenceReport } | { ok: false; message: string } | null;

export function ConvergenceCheck() {
  const a = useActions();
  const sim = useSessionState((s) => s.sim);
  const [tol, setTol] = useState(TOLERANCE);
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
  const stale = !!r && (r.sim.dt !== sim.dt || r.sim.tMax !== sim.tMax || r.sim.solver !== sim.solver);
  return (
    <div className="convergence" data-testid="convergence">
      <div className="convergence-bar">
        <button
          type="button"
          onClick={() => void run()}
          disabled={busy}
          data-testid="check-convergence"
          title="Runs the model at dt, dt/2 and dt/4 and compares the voltage recordings (the traces shown stay)"
        >
          {busy ? "Checking…" : "Check dt convergence"}
        </button>
        <NumberField
          label="within"
          unit="mV"
          value={tol.mV}
          min={0}
          width={40}
          onCommit={(mV) => setTol({ ...tol, mV })}
          testid="convergence-mv"
        />
        <NumberField
          label=""
          unit="ms"
          value={tol.ms}
          min={0}
          width={58}
          onCommit={(v) => setTol({ ...tol, ms: v })}
          testid="convergence-ms"
        />
        {result && (
          <button type="button" onClick={() => setResult(null)} title="Hide the result" data-testid="convergence-hide">
            Hide
          </button>
        )}
      </div>
      {result && !result.ok && (
        <div className="console-error" data-testid="convergence-result">
          {result.message}
        </div>
      )}
      {r && (
        <Suspense fallback={null}>
          <ConvergenceResult r={r} stale={stale} />
        </Suspense>
      )}
    </div>
  );
}
