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
- A current clamp on cell 0 and a recording of its voltage are in the script; the Instruments panel adds more.`,
  script: TUTORIAL_SCRIPT,
  sim: { ...DEFAULT_SIM },
  trainer: { ...DEFAULT_TRAINER, params: [] },
  files: [],
};
