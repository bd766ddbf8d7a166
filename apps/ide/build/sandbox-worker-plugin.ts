/**
 * `virtual:sandbox-worker-source`: the script worker as one self-contained classic
 * script (IIFE), exported as a string. The page hands it to the sandboxed iframe, which
 * starts it from a blob: URL: an opaque-origin document cannot load workers from our
 * origin, and this way dev and build behave the same.
 */
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "vite";
import { aliases } from "./aliases.js";

const ID = "virtual:sandbox-worker-source";
const RESOLVED = `\0${ID}`;
const ENTRY = fileURLToPath(new URL("../src/sandbox/script.worker.ts", import.meta.url));

async function bundleWorker(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: "warn",
    resolve: { alias: aliases },
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    build: {
      write: false,
      minify: true,
      sourcemap: false,
      emptyOutDir: false,
      lib: { entry: ENTRY, formats: ["iife"], name: "DendrolabScriptWorker", fileName: () => "script-worker.js" },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Array<{
    output: Array<{ type: string; code?: string }>;
  }>;
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === "chunk");
  if (!chunk?.code) throw new Error("sandbox worker: the build produced no code");
  return chunk.code;
}

export function sandboxWorkerPlugin(): Plugin {
  let pending: Promise<string> | undefined;
  return {
    name: "dendrolab-sandbox-worker",
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      pending ??= bundleWorker();
      return `export default ${JSON.stringify(await pending)};`;
    },
  };
}
