/**
 * The sandbox document: `sandbox.html` and its classic script, the relay
 * (src/sandbox/relay.ts), which carries the light script worker
 * (src/sandbox/script-light.worker.ts) as a string and starts it from a blob: URL: an
 * opaque-origin document cannot load workers from our origin. The full worker (with tfjs,
 * script-full.worker.ts, for the scripts that need it) is a second classic script that
 * only sets the global `DendrolabFullWorkerSource`; the relay adds it to its document once
 * the first run is shown, so that its megabyte does not delay the sandbox's start. All are
 * built here as self-contained IIFEs; the build emits them next to index.html (their
 * names carry a hash of their content), and the dev server serves them at the same paths.
 * The page never loads the workers' code itself.
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

/** The full worker's source as the classic script the relay adds to its document. */
const fullScript = (full: string) => `self.DendrolabFullWorkerSource = ${JSON.stringify(full)};\n`;

const hashed = (stem: string, code: string) =>
  `${stem}-${createHash("sha256").update(code).digest("hex").slice(0, 10)}.js`;

/** The relay (with the light worker's source inside, and the full worker's file name) and the full worker's script. */
async function bundleRelay(fullName: (fullCode: string) => string): Promise<{ relay: string; full: string }> {
  const light = await bundle(src("script-light.worker.ts"), "DendrolabScriptWorker");
  const full = fullScript(await bundle(src("script-full.worker.ts"), "DendrolabScriptWorker"));
  const inline: Plugin = {
    name: "dendrolab-sandbox-worker-source",
    resolveId: (id) => (id === WORKER_ID ? `\0${WORKER_ID}` : undefined),
    load: (id) =>
      id === `\0${WORKER_ID}`
        ? `export const light = ${JSON.stringify(light)};\nexport const fullFile = ${JSON.stringify(fullName(full))};`
        : undefined,
  };
  return { relay: await bundle(src("relay.ts"), "DendrolabSandboxRelay", [inline]), full };
}

/** Path of the sandbox document, relative to the app's base. */
export const SANDBOX_HTML = "sandbox.html";

export function sandboxWorkerPlugin(): Plugin {
  let dev: Promise<{ relay: string; full: string }> | undefined;
  const devBuild = () => (dev ??= bundleRelay(() => "sandbox-full.js"));
  return {
    name: "dendrolab-sandbox-document",
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const path = (req.url ?? "").split("?")[0];
        if (path !== `/${SANDBOX_HTML}` && path !== "/sandbox-relay.js" && path !== "/sandbox-full.js") return next();
        try {
          const html = path.endsWith(".html");
          res.setHeader("Content-Type", html ? "text/html; charset=utf-8" : "text/javascript; charset=utf-8");
          if (html) res.end(sandboxHtml("sandbox-relay.js"));
          else res.end(path === "/sandbox-full.js" ? (await devBuild()).full : (await devBuild()).relay);
        } catch (e) {
          next(e);
        }
      });
    },
    async generateBundle() {
      const { relay, full } = await bundleRelay((code) => hashed("sandbox-full", code));
      const relayName = hashed("sandbox-relay", relay);
      this.emitFile({ type: "asset", fileName: hashed("sandbox-full", full), source: full });
      this.emitFile({ type: "asset", fileName: relayName, source: relay });
      this.emitFile({ type: "asset", fileName: SANDBOX_HTML, source: sandboxHtml(relayName) });
    },
  };
}
