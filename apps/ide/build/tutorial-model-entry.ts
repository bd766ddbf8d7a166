/**
 * Build-time half of `virtual:tutorial-model` (tutorial-model-plugin.ts): builds a script's
 * model the way the light script worker does (script-eval.ts with light-libraries.ts, no
 * imported files) and returns it serialized, with what the script logged. Runs in Node,
 * loaded through Vite's module runner.
 */
import { type SerializedModel, serializeModel } from "@dendrolab/core/io";
import { lightLibraries, neededTfjs, resetNeededTfjs } from "../src/sandbox/light-libraries.js";
import { evaluateScript } from "../src/sandbox/script-eval.js";

export function prebuildModel(script: string, where: string): { model: SerializedModel; logs: string[] } {
  const logs: string[] = [];
  resetNeededTfjs();
  let model: SerializedModel;
  try {
    model = serializeModel(evaluateScript(script, (line) => logs.push(line), {}, lightLibraries));
  } catch (e) {
    throw new Error(`tutorial-model: ${where} did not build a model at build time: ${(e as Error).message}`);
  }
  if (neededTfjs())
    throw new Error(`tutorial-model: ${where} reaches for tfjs; the opening model must build without it.`);
  return { model, logs };
}
