/**
 * The page's opening run of the shipped tutorial, without the script sandbox: the model
 * its script builds was made when the app was built (virtual:tutorial-model, see
 * build/tutorial-model-plugin.ts). Only the first run of a page may take it, and only for
 * the tutorial's exact text with no imported files and no lesson checks; every other run
 * goes to the sandbox. The sandbox then starts once the page has shown the tutorial.
 */
import { logs, model } from "virtual:tutorial-model";
import type { CheckRequest } from "../protocol/lesson.js";
import { TUTORIAL_SCRIPT } from "../session/tutorial.js";
import type { ScriptOutcome } from "./sandbox.js";

/** Is this run the shipped tutorial as it is (the text, no files, no checks)? */
export function isShippedTutorial(
  script: string,
  files: Readonly<Record<string, string>>,
  checks?: CheckRequest,
): boolean {
  return script === TUTORIAL_SCRIPT && Object.keys(files).length === 0 && checks === undefined;
}

/**
 * The tutorial's outcome, built ahead (its `ms` is 0: no script ran). The model (3 KB) is
 * part of the page's first file: fetched later, it waited behind plotly's evaluation.
 */
export async function prebuiltTutorial(): Promise<ScriptOutcome> {
  return { ok: true, model, logs: [...logs], ms: 0, prebuilt: true };
}
