/**
 * `virtual:tutorial-model`: the model that the opening tutorial's script builds, made when
 * the app is built. The script is ours and shipped (examples/tutorial-network.ts, the text
 * of session/tutorial.ts), so the page's first run can show it without waiting for the
 * script sandbox to start (engine/prebuilt.ts): on this 2-core machine the sandbox's
 * document, relay and worker took about half a second of the first second. The model is
 * made as the light script worker makes it (tutorial-model-entry.ts); the test
 * tutorial-model.test.ts checks it against the sandbox's own evaluation. Every other
 * script, the tutorial's too once edited, runs only in the sandbox.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { SerializedModel } from "@dendrolab/core/io";
import { type Plugin, runnerImport } from "vite";
import { aliases } from "./aliases.js";

const ID = "virtual:tutorial-model";
const RESOLVED = `\0${ID}`;
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** The tutorial's script, the file session/tutorial.ts imports as text. */
export const TUTORIAL_FILE = here("../../../examples/tutorial-network.ts");

/** The tutorial's script and the model it builds (serialized), with what it logged. */
export async function buildTutorialModel(): Promise<{ script: string; model: SerializedModel; logs: string[] }> {
  const script = readFileSync(TUTORIAL_FILE, "utf8");
  const { module } = await runnerImport<typeof import("./tutorial-model-entry.js")>(here("./tutorial-model-entry.ts"), {
    configFile: false,
    logLevel: "warn",
    resolve: { alias: aliases },
  });
  return { script, ...module.prebuildModel(script, "examples/tutorial-network.ts") };
}

/** The module's code: the model and the logs (the script itself is session/tutorial.ts's). */
export async function tutorialModelModule(): Promise<string> {
  const { model, logs } = await buildTutorialModel();
  return `export const model = ${JSON.stringify(model)};\nexport const logs = ${JSON.stringify(logs)};\n`;
}

export function tutorialModelPlugin(): Plugin {
  let code: Promise<string> | null = null;
  return {
    name: "dendrolab-tutorial-model",
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      this.addWatchFile(TUTORIAL_FILE);
      code ??= tutorialModelModule();
      return code;
    },
    // The dev server: an edited tutorial is built again.
    watchChange(id) {
      if (id === TUTORIAL_FILE) code = null;
    },
  };
}
