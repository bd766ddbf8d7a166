/**
 * The libraries of the light script worker: `@dendrolab/core/sim` (no tfjs), the channels
 * and synapses. A script's first touch of what needs tfjs (`integrate` and the other names
 * of TFJS_CORE_NAMES, `import ... from "@tensorflow/tfjs"`, or a method that makes tensors,
 * such as `getParameters` or `dataSet`) marks the run and throws; the worker then asks the
 * relay to run the script again in a worker with tfjs (script-full.worker.ts). The mark
 * stays even if the script catches the error, so a run never ends differently here.
 * Loading tfjs takes a fresh worker about 65 ms more (measured in Chromium: 37 ms against
 * 102 ms from start to ready), on every run: most scripts only build models.
 */
import * as channels from "@dendrolab/core/channels";
import * as l5pc from "@dendrolab/core/channels/l5pc";
import * as sim from "@dendrolab/core/sim";
import * as synapses from "@dendrolab/core/synapses";
import { installTensorBridge } from "@dendrolab/core/tensor-bridge";
import type { ScriptLibraries } from "./script-eval.js";
import { TFJS_CORE_NAMES } from "./tfjs-names.js";

/** Thrown where the light worker lacks tfjs; the run is then done again in a worker that has it. */
export class NeedsTfjs extends Error {
  constructor(what: string) {
    super(`${what} needs tfjs; the script runs again in a worker that has it.`);
    this.name = "NeedsTfjs";
  }
}

let needed = false;

/** Forgets the mark (before a run: the warm-up never reaches for tfjs, but a run must not inherit a mark). */
export function resetNeededTfjs(): void {
  needed = false;
}

/** Did this worker's run reach for tfjs? */
export function neededTfjs(): boolean {
  return needed;
}

function need(what: string): never {
  needed = true;
  throw new NeedsTfjs(what);
}

/** Installs the bridge that marks the run (call once, at the worker's start). */
export function installLightBridge(): void {
  installTensorBridge({
    toTensor: (_value, what) => need(what),
    variable: () => need("getParameters()"),
    assign: () => need("writing trained values"),
  });
}

export const lightLibraries: ScriptLibraries = {
  core: sim,
  finishCore(core) {
    Object.defineProperty(core, "__esModule", { value: true });
    for (const name of TFJS_CORE_NAMES)
      Object.defineProperty(core, name, { enumerable: true, get: () => need(`jx.${name}`) });
    return Object.freeze(core);
  },
  modules: {
    "@dendrolab/core/channels": () => channels,
    "@dendrolab/core/channels/l5pc": () => l5pc,
    "@dendrolab/core/synapses": () => synapses,
    "@tensorflow/tfjs": () => need("import from '@tensorflow/tfjs'"),
  },
};
