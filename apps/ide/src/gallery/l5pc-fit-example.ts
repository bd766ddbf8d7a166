/** Gallery: the L5PC fit of the Jaxley paper (Fig. 3), in the trainer. */
import { DEFAULT_TRAINER } from "../session/defaults.js";
import { L5PC_FIT_PARAMS, L5PC_SWC, l5pcFitScript } from "./l5pc-fit-script.js";
import type { GalleryExample } from "./types.js";

export const L5PC_FIT_EXAMPLE: GalleryExample = {
  id: "l5pc-fit",
  title: "L5PC fit (Jaxley paper, Fig. 3)",
  explanation: `**Needs the morphology \`${L5PC_SWC}\`** (the BBP layer-5 pyramidal cell with its axon, \`bbp_with_axon.swc\` in Jaxley's tests; not part of this repository): drop it on the page and the script runs.

The Jaxley paper (Deistler et al.) fits the region-wise conductances of the layer-5 pyramidal cell of Hay et al. (2011) to a somatic voltage trace by gradient descent. This script builds that cell with Dendrolab's own L5PC channels under the paper's protocol: 3 nA into the soma from 10 to 90 ms, 100 ms at dt 0.025 ms.

- **19 parameters**, as the paper: the free parameters of \`parameters.json\` but the axonal \`Nap_Et2\` density. The script sets them to a random start inside their bounds; the Trainer's targets are the values of \`release_params.json\`.
- **Within bounds**: the trainer works on the logit of each value's place between its bounds (a sigmoid), so no conductance leaves its range.
- **Loss**: the paper's: the mean and standard deviation of the somatic voltage in the windows 5-55 and 55-95 ms against the target's, each absolute error divided by a scale (8 mV for a mean, 4 mV for a standard deviation) and summed.
- **Steps**: Levenberg-Marquardt: each step takes the four statistics' gradients (one adjoint run each) and solves for the smallest change that would zero their errors, damped until a trial simulation lowers them. The trainer stops once the loss is below **0.55**, the paper's criterion of a good fit.
- Press **Train** in the Trainer panel; the loss curve and the trace against the target update every step. From this start it takes about 4 steps (the README's section "The L5PC fit of the Jaxley paper" has the 5 starts, in Node and here).

The same fit from 5 random starts, and at the paper's 4 compartments per section, runs in Node: \`pnpm --filter @dendrolab/examples l5pc-fit -- --lm\`.`,
  script: l5pcFitScript(),
  sim: { tMax: 100, dt: 0.025, solver: "bwd_euler" },
  trainer: {
    ...DEFAULT_TRAINER,
    params: L5PC_FIT_PARAMS.map((q) => ({ group: q.group, key: q.key, target: q.target, bounds: q.bounds })),
    targetKind: "model",
    loss: "windows",
    windows: [
      [5, 55],
      [55, 95],
    ],
    scales: [8, 4],
    optimizer: "lm",
    threshold: 0.55,
    steps: 40,
    transform: "sigmoid",
  },
  files: [
    { name: L5PC_SWC, where: "the BBP layer-5 pyramidal cell with its axon, bbp_with_axon.swc in Jaxley's tests" },
  ],
};
