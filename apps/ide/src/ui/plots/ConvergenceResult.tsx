/** The result of the dt convergence check (loaded with the check, not before first paint). */
import { type ConvergenceReport, type ConvergenceStep, withinTolerance } from "../../session/convergence.js";

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

export default function ConvergenceResult({ r, stale }: { r: ConvergenceReport; stale: boolean }) {
  return (
    <div className={`convergence-result ${r.converged ? "ok" : "bad"}`} data-testid="convergence-result">
      <div data-testid="convergence-verdict">
        <b>
          dt = {r.sim.dt} ms is {r.converged ? "converged" : "NOT converged"}
        </b>{" "}
        at {r.tolerance.mV} mV and {r.tolerance.ms} ms: the run at dt/2 differs by up to {r.steps[0].maxDv.toFixed(2)}{" "}
        mV and moves spikes by {ms(r.steps[0].maxShift)} ({r.sim.solver}, t_max {r.sim.tMax} ms; {r.recordings.length}{" "}
        voltage recording{r.recordings.length === 1 ? "" : "s"}).
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
  );
}
