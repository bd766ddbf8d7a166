/** Run, undo, redo, simulation settings, share, and the status of the last run. */
import { lazy, type ReactNode, Suspense, useEffect, useState } from "react";
import type { ModelActivity } from "../engine/model-client.js";
import { canRedo, canUndo } from "../session/history.js";
import type { SessionState } from "../session/state.js";
import { useActions, useSessionState } from "./session-context.js";
import { ImportModButton } from "./ImportModButton.js";
import { ImportSwcButton } from "./ImportSwcButton.js";
import { Deferred, deferredPanel } from "./layout/deferred.js";
import { NumberField } from "./widgets.js";

/** Progress and Stop while the model worker works (loaded on first use). */
const RunActivity = lazy(() => import("./RunActivity.js"));
/** The Examples, Lessons, Project and Share menus load just after first paint (layout/deferred.tsx); inert buttons until then. */
const examplesSlot = deferredPanel(
  () => import("./gallery/ExamplesMenu.js").then((m) => m.ExamplesMenu),
  <button type="button" disabled>
    Examples ▾
  </button>,
);
const lessonsSlot = deferredPanel(
  () => import("./lessons/LessonsMenu.js").then((m) => m.LessonsMenu),
  <button type="button" disabled>
    Lessons ▾
  </button>,
);
const projectSlot = deferredPanel(
  () => import("./ProjectButtons.js").then((m) => m.ProjectButtons),
  <button type="button" disabled>
    Project
  </button>,
);
const helpSlot = deferredPanel(
  () => import("./HelpButton.js").then((m) => m.HelpButton),
  <button type="button" disabled>
    ?
  </button>,
);
const shareSlot = deferredPanel(
  () => import("./ShareButton.js").then((m) => m.ShareButton),
  <button type="button" disabled>
    ⇪ Share
  </button>,
);

export function Toolbar() {
  const a = useActions();
  const history = useSessionState((s) => s.history);
  const run = useSessionState((s) => s.run);
  const sim = useSessionState((s) => s.sim);
  const dirty = useSessionState((s) => s.script !== s.history.present.script);
  const activity = useSessionState((s) => s.modelActivity ?? null);
  const status =
    run.status === "running"
      ? "Running…"
      : run.status === "error"
        ? "Error: see the script panel"
        : run.status === "ok"
          ? `${run.prebuilt ? "Tutorial built with the app" : `Built in ${run.scriptMs.toFixed(0)} ms`}, ${simStatus(run)}`
          : "Starting…";
  return (
    <header className="toolbar">
      <div className="brand">
        <span className="logo" aria-hidden>
          ⟡
        </span>{" "}
        Dendrolab
      </div>
      <button
        type="button"
        className="primary"
        data-testid="run"
        onClick={() => void a.run()}
        title="Run the script (Ctrl+Enter)"
      >
        ▶ Run{dirty ? " *" : ""}
      </button>
      <button
        type="button"
        data-testid="undo"
        disabled={!canUndo(history) && !dirty}
        onClick={() => void a.undo()}
        title={`Undo: ${history.present.label} (Ctrl+Z)`}
      >
        ↶ Undo
      </button>
      <button
        type="button"
        data-testid="redo"
        disabled={!canRedo(history)}
        onClick={() => void a.redo()}
        title="Redo (Ctrl+Shift+Z)"
      >
        ↷ Redo
      </button>
      <div className="sim-settings">
        <NumberField
          label="t_max"
          unit="ms"
          value={sim.tMax}
          min={0.001}
          onCommit={(tMax) => void a.setSim({ tMax })}
          testid="sim-tmax"
          title="How long to simulate, in ms (the stimuli are defined in time and follow it)"
        />
        <NumberField
          label="dt"
          unit="ms"
          value={sim.dt}
          min={1e-6}
          onCommit={(dt) => void a.setSim({ dt })}
          testid="sim-dt"
          title="The time step, in ms; “Check dt convergence” (Traces panel) says whether it is small enough"
        />
        <label
          className="field"
          title="Backward Euler (stable, first order, as Jaxley's default), Crank–Nicolson (second order) or forward Euler (needs a small dt)"
        >
          <span>solver</span>
          <select value={sim.solver} onChange={(e) => void a.setSim({ solver: e.target.value as typeof sim.solver })}>
            <option value="bwd_euler">backward Euler</option>
            <option value="crank_nicolson">Crank–Nicolson</option>
            <option value="fwd_euler">forward Euler</option>
          </select>
        </label>
      </div>
      <ImportSwcButton />
      <ImportModButton />
      <Deferred slot={examplesSlot} />
      <Deferred slot={lessonsSlot} />
      <Deferred slot={projectSlot} />
      <StatusOrActivity activity={activity}>
        <span className={`status status-${run.status}`} data-testid="run-status" title={status}>
          {status}
        </span>
      </StatusOrActivity>
      <Deferred slot={shareSlot} />
      <Deferred slot={helpSlot} />
    </header>
  );
}

/** Work shorter than this shows only the usual status (RunActivity loads and shows after it). */
const ACTIVITY_AFTER_MS = 400;

/**
 * The usual status, or (once the model worker has worked on one request for a while)
 * RunActivity around it. The status keeps its place in the tree while requests come and
 * go, so that the many short ones of an edit do not remount it.
 */
function StatusOrActivity({ activity, children }: { activity: ModelActivity | null; children: ReactNode }) {
  const since = activity?.since ?? null;
  const [late, setLate] = useState<number | null>(null);
  useEffect(() => {
    if (since === null) return;
    const t = setTimeout(() => setLate(since), Math.max(0, ACTIVITY_AFTER_MS - (performance.now() - since)));
    return () => clearTimeout(t);
  }, [since]);
  if (!activity || late !== since) return <>{children}</>;
  return (
    <Suspense fallback={children}>
      <RunActivity activity={activity}>{children}</RunActivity>
    </Suspense>
  );
}

/** The simulation part of the status: what the shown traces were simulated with, or why there are none. */
function simStatus(run: SessionState["run"]): string {
  if (run.simulating) return "simulating…";
  const at = run.simulated;
  if (!at) return "not simulated (see the traces panel)";
  return `simulated in ${run.simMs.toFixed(0)} ms (dt ${at.dt} ms, t_max ${at.tMax} ms, ${at.solver})`;
}
