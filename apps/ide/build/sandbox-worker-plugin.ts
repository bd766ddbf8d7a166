/**
 * The sandbox document: `sandbox.html` and its one classic script, the relay
 * (src/sandbox/relay.ts), which carries the script workers (src/sandbox/script-light.worker.ts
 * and script-full.worker.ts) as strings and starts them from blob: URLs: an opaque-origin document cannot load
 * workers from our origin. Both are built here as self-contained IIFEs; the build emits
 * them next to index.html (the relay's name carries a hash of its content), and the dev
 * server serves them at the same paths. The page never loads the worker's code itself.
 */
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "vite";
import { aliases } from "./aliases.js";

const WORKER_ID = "virtual:sandbox-worker-source";
const src = (file: string) => fileURLToPath(new URL(`../src/sandbox/${file}`, import.meta.url));

/** The document's own policy (a fallback for servers that send no headers; see security-headers.ts). */
const META_CSP =
  "default-src 'none'; script-src 'self' 'unsafe-eval' blob:; worker-src blob:; connect-src 'none'; img-src 'none'; style-src 'none'; form-action 'none'; base-uri 'none'";

/** The sandbox document, loading the relay from `relay` (relative to it). */
export function sandboxHtml(relay: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${META_CSP}" />
    <title>Dendrolab script sandbox</title>
  </head>
  <body>
    <script src="${relay}"></script>
  </body>
</html>
`;
}

async function bundle(entry: string, name: string, plugins: Plugin[] = []): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: "warn",
    resolve: { alias: aliases },
    plugins,
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    build: {
      write: false,
      minify: true,
      sourcemap: false,
      emptyOutDir: false,
      lib: { entry, formats: ["iife"], name, fileName: () => `${name}.js` },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Array<{
    output: Array<{ type: string; code?: string }>;
  }>;
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === "chunk");
  if (!chunk?.code) throw new Error(`sandbox: the build of ${entry} produced no code`);
  return chunk.code;
}

/** The relay with the sources of the two script workers (light, without tfjs; full) inside. */
async function bundleRelay(): Promise<string> {
  const light = await bundle(src("script-light.worker.ts"), "DendrolabScriptWorker");
  const full = await bundle(src("script-full.worker.ts"), "DendrolabScriptWorker");
  const inline: Plugin = {
    name: "dendrolab-sandbox-worker-source",
    resolveId: (id) => (id === WORKER_ID ? `\0${WORKER_ID}` : undefined),
    load: (id) =>
      id === `\0${WORKER_ID}`
        ? `export const light = ${JSON.stringify(light)};\nexport const full = ${JSON.stringify(full)};`
        : undefined,
  };
  return bundle(src("relay.ts"), "DendrolabSandboxRelay", [inline]);
}

/** Path of the sandbox document, relative to the app's base. */
export const SANDBOX_HTML = "sandbox.html";

export function sandboxWorkerPlugin(): Plugin {
  let pending: Promise<string> | undefined;
  const relay = () => (pending ??= bundleRelay());
  return {
    name: "dendrolab-sandbox-document",
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const path = (req.url ?? "").split("?")[0];
        if (path !== `/${SANDBOX_HTML}` && path !== "/sandbox-relay.js") return next();
        try {
          const html = path.endsWith(".html");
          res.setHeader("Content-Type", html ? "text/html; charset=utf-8" : "text/javascript; charset=utf-8");
          res.end(html ? sandboxHtml("sandbox-relay.js") : await relay());
        } catch (e) {
          next(e);
        }
      });
    },
    async generateBundle() {
      const code = await relay();
      const hash = createHash("sha256").update(code).digest("hex").slice(0, 10);
      const fileName = `sandbox-relay-${hash}.js`;
      this.emitFile({ type: "asset", fileName, source: code });
      this.emitFile({ type: "asset", fileName: SANDBOX_HTML, source: sandboxHtml(fileName) });
    },
  };
}
