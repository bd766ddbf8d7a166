/**
 * Building the core's package into a temporary directory (never into packages/core/dist,
 * which other tasks may be reading), and walking the import graph of built files.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

/** packages/core. */
export const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Builds the package as `pnpm run build` does, into `dir` (dist/, package.json, README.md, LICENSE). */
export function buildPackageInto(dir: string): void {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  mkdirSync(dir, { recursive: true });
  execFileSync(process.execPath, [tsc, "-p", join(PACKAGE_DIR, "tsconfig.build.json"), "--outDir", join(dir, "dist")], {
    stdio: "pipe",
  });
  for (const f of ["package.json", "README.md", "LICENSE"]) copyFileSync(join(PACKAGE_DIR, f), join(dir, f));
}

/** The modules a built file imports (static, re-exports and dynamic), as written. */
export function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  return info.importedFiles.map((f) => f.fileName);
}

/**
 * Walks the built files reachable from `entry` by relative imports. Returns the files
 * reached and every bare specifier (packages) imported on the way, with who imports it.
 */
export function importGraph(entry: string): { files: string[]; packages: Map<string, string> } {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    if (!existsSync(file)) throw new Error(`${file} is imported but was not built`);
    files.add(file);
    for (const spec of importsOf(file)) {
      if (spec.startsWith(".")) visit(resolve(dirname(file), spec));
      else if (!packages.has(spec)) packages.set(spec, file);
    }
  };
  visit(entry);
  return { files: [...files], packages };
}
