/**
 * The full script worker: every library a script may import, tfjs (cpu backend) included.
 * The relay starts it for a run that the light worker answered "needs-tfjs", and keeps
 * using it while runs reach for tfjs (each result says whether it did).
 */
import * as tf from "@tensorflow/tfjs";
import { installTensorBridge, tensorBridge } from "@dendrolab/core/tensor-bridge";
import { evaluateScript } from "./script-eval.js";
import { fullLibraries } from "./run-script.js";
import { startScriptWorker } from "./worker-main.js";

let reached = false;
const mark = () => {
  reached = true;
};
void tf.setBackend("cpu");
// The core's own bridge (installed by importing @dendrolab/core), wrapped to note its use.
const real = tensorBridge("the script worker");
installTensorBridge({
  toTensor(value, what) {
    mark();
    return real.toTensor(value, what);
  },
  variable(values) {
    mark();
    return real.variable(values);
  },
  assign(v, values) {
    mark();
    real.assign(v, values);
  },
});
const libraries = fullLibraries(mark);
startScriptWorker({
  run: (source, log, files) => evaluateScript(source, log, files, libraries),
  resetTfjsMark: () => {
    reached = false;
  },
  reachedTfjs: () => reached,
  light: false,
});
