/**
 * `virtual:core-dts`: the declarations of @dendrolab/core (the `.d.ts` files of its built
 * package, dist/) and of tfjs-core, as [path, text] pairs for Monaco's addExtraLib, so
 * that the editor autocompletes and type-checks scripts with no CDN.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import type { Plugin } from "vite";

const ID = "virtual:core-dts";
const RESOLVED = `\0${ID}`;
const require = createRequire(import.meta.url);

/** Every `.d.ts` under `dir`, as [path relative to dir, text]. */
function declarationFiles(dir: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".d.ts")) out.push([relative(dir, p).replace(/\\/g, "/"), readFileSync(p, "utf8")]);
    }
  };
  walk(dir);
  return out;
}

/**
 * The core's declarations, from its package's dist/, laid out as the package's entries
 * (`index.d.ts`, `channels.d.ts`, `synapses.d.ts`, `sim.d.ts`, ...) under node_modules.
 */
export function coreDeclarations(): Array<[string, string]> {
  const dist = join(dirname(require.resolve("@dendrolab/core/package.json")), "dist");
  if (!existsSync(join(dist, "index.d.ts"))) {
    throw new Error(
      `core-dts: ${dist}/index.d.ts is missing; build the core first (pnpm --filter @dendrolab/core build).`,
    );
  }
  const out: Array<[string, string]> = declarationFiles(dist).map(([rel, text]) => [
    `file:///node_modules/@dendrolab/core/${rel}`,
    text,
  ]);
  // Subpath entries whose file name differs from the import path (`channels/l5pc` is `channels-l5pc.d.ts`).
  out.push(["file:///node_modules/@dendrolab/core/channels/l5pc.d.ts", 'export * from "../channels-l5pc";\n']);
  out.push([
    "file:///node_modules/@dendrolab/core/package.json",
    JSON.stringify({ name: "@dendrolab/core", types: "index.d.ts" }),
  ]);
  return out;
}

/** tfjs-core's declarations (license headers dropped) and `@tensorflow/tfjs` re-exporting them. */
export function tfjsDeclarations(): Array<[string, string]> {
  const coreDir = dirname(require.resolve("@tensorflow/tfjs-core/package.json"));
  const out: Array<[string, string]> = declarationFiles(join(coreDir, "dist")).map(([rel, text]) => [
    `file:///node_modules/@tensorflow/tfjs-core/dist/${rel}`,
    text.replace(/^\/\*\*\s*\n\s*\*\s*@license[\s\S]*?\*\/\s*/, ""),
  ]);
  out.push([
    "file:///node_modules/@tensorflow/tfjs-core/package.json",
    JSON.stringify({ name: "@tensorflow/tfjs-core", types: "dist/index.d.ts" }),
  ]);
  out.push(["file:///node_modules/@tensorflow/tfjs/index.d.ts", 'export * from "@tensorflow/tfjs-core";\n']);
  out.push([
    "file:///node_modules/@tensorflow/tfjs/package.json",
    JSON.stringify({ name: "@tensorflow/tfjs", types: "index.d.ts" }),
  ]);
  return out;
}

export function coreDtsPlugin(): Plugin {
  let cached: string | undefined;
  return {
    name: "dendrolab-core-dts",
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      cached ??= `export default JSON.parse(${JSON.stringify(JSON.stringify([...coreDeclarations(), ...tfjsDeclarations()]))});`;
      return cached;
    },
  };
}
