/**
 * A note when the model's stimuli are given as samples made for another dt or t_max
 * (e.g. `jx.stepCurrent(1, 5, 0.5, 0.025, 20)` run at dt 0.05 ms): such a stimulus
 * follows the samples, not time, so it moves when dt changes. Stimuli defined in time
 * (`jx.stepCurrent(1, 5, 0.5)`) follow the toolbar.
 */
import { useSessionState } from "../session-context.js";

export function SampledStimulusNote() {
  const stimuli = useSessionState((s) => s.model?.summary.stimuli);
  const sim = useSessionState((s) => s.sim);
  const expected = Math.round(sim.tMax / sim.dt) + 1;
  const off = (stimuli ?? []).filter((s) => s.samples !== undefined && s.samples !== expected);
  if (off.length === 0) return null;
  const n = off[0].samples!;
  return (
    <div className="console-error" data-testid="sampled-stimulus-note">
      {off.length === 1 ? "A stimulus is" : `${off.length} stimuli are`} given as {n} samples, one per step: at dt{" "}
      {sim.dt} ms {off.length === 1 ? "it lasts" : "they last"} {+((n - 1) * sim.dt).toFixed(6)} ms and{" "}
      {off.length === 1 ? "moves" : "move"} in time when dt changes (this run takes {expected} samples). Define it in
      time instead, e.g. <code>jx.stepCurrent(1, 5, 0.5)</code>, to follow the toolbar's dt and t_max.
    </div>
  );
}
