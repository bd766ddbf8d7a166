/** Gallery: fitting, recovering two conductances from a recorded trace with the trainer. */
import { DEFAULT_TRAINER } from "../session/defaults.js";
import type { GalleryExample } from "./types.js";

/** The conductances the target trace is simulated with (S/cm²), and where the script starts. */
export const FIT_TARGET = { HH_gNa: 0.12, HH_gK: 0.036 };
export const FIT_START = { HH_gNa: 0.08, HH_gK: 0.05 };

const script = `// Fitting: an HH neuron whose sodium and potassium conductances are unknown. The Trainer
// panel recovers them from a voltage trace recorded with the true values (its targets).
import * as jx from "@dendrolab/core";
import { HH } from "@dendrolab/core/channels";

const cell = new jx.Cell(new jx.Branch(new jx.Compartment(), 1), [-1]);
cell.set("length", 100); // µm
cell.set("radius", 10); // µm
cell.insert(new HH());
cell.addToGroup("soma");

// The guesses the fit starts from (the recorded cell has HH_gNa ${FIT_TARGET.HH_gNa}, HH_gK ${FIT_TARGET.HH_gK}).
cell.group("soma").set("HH_gNa", ${FIT_START.HH_gNa}); // S/cm²
cell.group("soma").set("HH_gK", ${FIT_START.HH_gK}); // S/cm²
cell.set("v", -65);
cell.initStates();

// The protocol of the recording: 0.5 nA from 2 ms on; the somatic voltage is recorded.
cell.branch(0).comp(0).stimulate(jx.stepCurrent(2, 30, 0.5));
cell.branch(0).comp(0).record("v");

export default cell;
`;

export const FIT_EXAMPLE: GalleryExample = {
  id: "fit",
  title: "Fitting two conductances with the trainer",
  explanation: `Dendrolab's simulations are **differentiable**: the gradient of a loss with respect to any parameter comes from automatic differentiation through the whole simulation, so parameters can be fitted by gradient descent, as in Jaxley.

Here a neuron's sodium and potassium conductances are unknown. A voltage trace was recorded from it under a 0.5 nA step (the *target*: simulated with \`HH_gNa\` ${FIT_TARGET.HH_gNa} and \`HH_gK\` ${FIT_TARGET.HH_gK} S/cm²). The script starts from wrong guesses, ${FIT_START.HH_gNa} and ${FIT_START.HH_gK}: the spikes come at the wrong times and with the wrong shape.

- The **Trainer** panel is set up: the two parameters of the group \`soma\` with their targets, mean squared error between the traces \`L = (1/T) Σ_t (V(t) − V_target(t))²\`, Adam on \`log g\` (so the conductances stay positive), ${DEFAULT_TRAINER.steps} steps with a cosine-decaying rate.
- Press **Train**: the loss curve falls and the trace moves onto the target; the values approach ${FIT_TARGET.HH_gNa} and ${FIT_TARGET.HH_gK}. *Apply* writes the best values into the script.
- Spike times make the loss landscape rugged (a spike a little early or late costs a lot); starting closer, or fitting summary statistics (loss "stats") instead of the trace, makes it smoother.

To fit a trace of your own, choose the target "CSV" in the Trainer and upload time and voltage columns.`,
  script,
  sim: { tMax: 30, dt: 0.025, solver: "bwd_euler" },
  trainer: {
    ...DEFAULT_TRAINER,
    params: [
      { group: "soma", key: "HH_gNa", target: FIT_TARGET.HH_gNa, bounds: [0.01, 0.5] },
      { group: "soma", key: "HH_gK", target: FIT_TARGET.HH_gK, bounds: [0.005, 0.2] },
    ],
    targetKind: "model",
    loss: "mse",
    transform: "log",
  },
  files: [],
};
