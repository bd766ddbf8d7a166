/**
 * `virtual:core-dts`: the declarations of @dendrolab/core (emitted now with TypeScript
 * 6's compiler API) and of tfjs-core, as [path, text] pairs for Monaco's addExtraLib,
 * so that the editor autocompletes and type-checks scripts with no CDN.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import ts from "typescript";
import type { Plugin } from "vite";
import { CORE_SRC } from "./aliases.js";

const ID = "virtual:core-dts";
const RESOLVED = "\0" + ID;

/** Declarations of the core's public entry points, keyed by their path under node_modules. */
function coreDeclarations(): Array<[string, string]> {
  const roots = ["index.ts", "channels.ts", "synapses.ts"].map((f) => join(CORE_SRC, f));
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    declaration: true,
    emitDeclarationOnly: true,
    skipLibCheck: true,
    strict: true,
    types: [],
    lib: ["lib.es2022.d.ts"],
    rootDir: CORE_SRC,
    outDir: "/virtual-out",
  };
  const program = ts.createProgram(roots, options);
  const out: Array<[string, string]> = [];
  const result = program.emit(undefined, (fileName, text) => {
    const rel = relative("/virtual-out", fileName).replace(/\\/g, "/");
    if (rel.endsWith(".d.ts")) out.push([`file:///node_modules/@dendrolab/core/${rel}`, text]);
  });
  if (result.emitSkipped) throw new Error("core-dts: TypeScript could not emit the core's declarations");
  out.push(["file:///node_modules/@dendrolab/core/package.json", JSON.stringify({ name: "@dendrolab/core", types: "index.d.ts" })]);
  return out;
}

/** tfjs-core's declarations (license headers dropped) and `@tensorflow/tfjs` re-exporting them. */
function tfjsDeclarations(): Array<[string, string]> {
  const require = createRequire(join(CORE_SRC, "index.ts"));
  const tfjsDir = dirname(require.resolve("@tensorflow/tfjs/package.json"));
  const requireTf = createRequire(join(tfjsDir, "package.json"));
  const coreDir = dirname(requireTf.resolve("@tensorflow/tfjs-core/package.json"));
  const out: Array<[string, string]> = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".d.ts")) {
        const text = readFileSync(p, "utf8").replace(/^\/\*\*\s*\n\s*\*\s*@license[\s\S]*?\*\/\s*/, "");
        out.push([`file:///node_modules/@tensorflow/tfjs-core/${relative(coreDir, p).replace(/\\/g, "/")}`, text]);
      }
    }
  };
  walk(join(coreDir, "dist"));
  out.push(["file:///node_modules/@tensorflow/tfjs-core/package.json", JSON.stringify({ name: "@tensorflow/tfjs-core", types: "dist/index.d.ts" })]);
  out.push(["file:///node_modules/@tensorflow/tfjs/index.d.ts", 'export * from "@tensorflow/tfjs-core";\n']);
  out.push(["file:///node_modules/@tensorflow/tfjs/package.json", JSON.stringify({ name: "@tensorflow/tfjs", types: "index.d.ts" })]);
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
