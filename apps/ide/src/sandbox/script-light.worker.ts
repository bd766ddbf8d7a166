/**
 * The light script worker, which most runs use: the simulator without tfjs
 * (light-libraries.ts). A run that reaches for tfjs is answered "needs-tfjs", and the
 * relay runs it again in the full worker (script-full.worker.ts).
 */
import { evaluateScript } from "./script-eval.js";
import { installLightBridge, lightLibraries, neededTfjs, resetNeededTfjs } from "./light-libraries.js";
import { startScriptWorker } from "./worker-main.js";

installLightBridge();
startScriptWorker({
  run: (source, log, files) => evaluateScript(source, log, files, lightLibraries),
  resetTfjsMark: resetNeededTfjs,
  reachedTfjs: neededTfjs,
  light: true,
});
