/**
 * The status bar while the model worker works for longer than a moment: what it does, for
 * how long, the estimated share of the time steps done (long simulations), and a Stop
 * button that ends the run (the worker restarts with the last good model). Loaded lazily.
 */
import { type ReactNode, useEffect, useState } from "react";
import type { ModelActivity } from "../engine/model-client.js";
import { useActions } from "./session-context.js";
import "./run-activity.css";

/** Shorter work shows only `children` (the usual status), so quick edits do not flicker. */
const SHOW_AFTER_MS = 400;

export default function RunActivity({ activity, children }: { activity: ModelActivity; children: ReactNode }) {
  const a = useActions();
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const t = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(t);
  }, []);
  const elapsed = Math.max(0, now - activity.since);
  if (elapsed < SHOW_AFTER_MS) return <>{children}</>;
  const est = activity.estimateMs ?? null;
  const share = est && est > 0 ? Math.min(0.99, elapsed / est) : null;
  return (
    <span className="status run-activity" data-testid="run-activity">
      <span data-testid="run-progress" title={describe(activity)}>
        {describe(activity)}… {(elapsed / 1000).toFixed(1)} s
        {share !== null && elapsed > 1000 ? `, about ${Math.round(share * 100)}% of the steps` : ""}
      </span>
      {share !== null && <progress max={1} value={share} />}
      <button
        type="button"
        data-testid="stop-run"
        onClick={() => a.stopModel()}
        title="Stop: end this run; the previous model and traces are kept"
      >
        ■ Stop
      </button>
    </span>
  );
}

function describe(a: ModelActivity): string {
  if (a.what === "simulate" && a.nSteps !== undefined)
    return `Simulating ${a.nSteps.toLocaleString("en")} steps × ${a.nComp} compartment${a.nComp === 1 ? "" : "s"}`;
  if (a.what === "build") return "Building the model";
  return "Working";
}
