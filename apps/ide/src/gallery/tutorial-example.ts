/** Gallery: the groups tutorial network, the script a new session opens with. */
import { DEFAULT_SIM, DEFAULT_TRAINER } from "../session/defaults.js";
import { TUTORIAL_SCRIPT } from "../session/tutorial.js";
import type { GalleryExample } from "./types.js";

export const TUTORIAL_EXAMPLE: GalleryExample = {
  id: "tutorial",
  title: "Groups tutorial network",
  explanation: `Jaxley's "Defining groups" tutorial, in TypeScript: three cells of four branches of two compartments each, with \`Na\`, \`K\` and \`Leak\` everywhere; cells 0 and 1 synapse onto cell 2.

- **Groups** name sets of compartments (\`fast_spiking\`, \`slow_spiking\`); a value set on a group is shared by all of them, and the trainer can train it as one parameter.
- Select branches in the tree and press *Add to group* to make the \`apical\` group yourself: the script gains the matching line.
- A current clamp on cell 0 and a recording of its voltage are in the script; the Instruments panel adds more.

**Why the first trace does not come back down.** The trace of cell 0 shows one spike, then a plateau near +25 mV while the current flows, then the voltage settles at about −15 mV and stays there. That is not a bug: the cell is in **depolarisation block**.

- A spike needs sodium channels that are ready to open. Held depolarised, they inactivate (the gate \`h\` of \`Na\` goes to 0) and potassium channels stay open, so the membrane cannot make another upstroke: it sits at a plateau instead of firing again.
- The pulse is strong for so small a compartment: 0.5 nA into 63 µm² of membrane (radius 1 µm, length 10 µm) is about 800 µA/cm².
- The tutorial sets \`Na_gNa\` of the \`fast_spiking\` cells to 0.4 S/cm², eight times the channel's default 0.05. Around −15 mV a few sodium channels are open and not inactivated (the *window current*); with so many channels that small fraction outweighs potassium and leak, and the cell stays depolarised after the pulse: a second resting state.

Try: set \`Na_gNa\` of \`fast_spiking\` to 0.05 in the table (or in the script): the cell fires during the pulse and returns to about −65 mV afterwards. Or keep 0.4 and lower the current to 0.02 nA: one spike, then block again.`,
  script: TUTORIAL_SCRIPT,
  sim: { ...DEFAULT_SIM },
  trainer: { ...DEFAULT_TRAINER, params: [] },
  files: [],
};
