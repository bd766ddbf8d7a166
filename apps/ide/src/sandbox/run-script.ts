/**
 * Running a model script with every library a script may import, tfjs included: the
 * script worker that has tfjs loaded (script-full.worker.ts), and the tests. The light
 * worker, which most runs use, has light-libraries.ts instead.
 */
import * as jx from "@dendrolab/core";
import * as channels from "@dendrolab/core/channels";
import * as l5pc from "@dendrolab/core/channels/l5pc";
import * as synapses from "@dendrolab/core/synapses";
import * as tf from "@tensorflow/tfjs";
import { evaluateScript, type ScriptLibraries } from "./script-eval.js";
import { TFJS_CORE_NAMES } from "./tfjs-names.js";

export { ScriptError } from "./script-eval.js";

/** Every library, as they are; `onTfjs` (if given) is called when a script reaches for a part that needs tfjs. */
export function fullLibraries(onTfjs?: () => void): ScriptLibraries {
  return {
    core: jx,
    finishCore(core) {
      Object.defineProperty(core, "__esModule", { value: true });
      if (onTfjs)
        for (const name of TFJS_CORE_NAMES) {
          const value = core[name];
          Object.defineProperty(core, name, {
            enumerable: true,
            get() {
              onTfjs();
              return value;
            },
          });
        }
      return Object.freeze(core);
    },
    modules: {
      "@dendrolab/core/channels": () => channels,
      "@dendrolab/core/channels/l5pc": () => l5pc,
      "@dendrolab/core/synapses": () => synapses,
      "@tensorflow/tfjs": () => {
        onTfjs?.();
        return tf;
      },
    },
  };
}

const ALL = fullLibraries();

/** Runs `source` with every library; returns the model it builds. `log` receives console output; `files` are the imported files. */
export function runScript(
  source: string,
  log: (line: string) => void,
  files: Readonly<Record<string, string>> = {},
): jx.View {
  return evaluateScript(source, log, files, ALL);
}
