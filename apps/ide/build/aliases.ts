/**
 * Module aliases shared by the app build, the sandbox worker build and vitest.
 * `@dendrolab/core/io` and `/layout` are files of the core that its package does not
 * export yet; `@tensorflow/tfjs` is narrowed to tfjs-core + the cpu backend (the IDE
 * computes on the cpu backend only, docs/design.md#ide).
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export const CORE_SRC = here("../../../packages/core/src/");

/** Core files not exported by the core's package (yet). */
export const coreAliases = [
  { find: /^@dendrolab\/core\/io$/, replacement: here("../../../packages/core/src/io/index.ts") },
  { find: /^@dendrolab\/core\/layout$/, replacement: here("../../../packages/core/src/morphology/layout.ts") },
];

// The exports map hides package.json; its CommonJS entry is min/vs/index.js.
const monacoDir = join(dirname(createRequire(import.meta.url).resolve("monaco-editor")), "../..");

/** For browser bundles: the above, and tfjs narrowed to core + cpu (Node tests keep the full package). */
export const aliases = [
  ...coreAliases,
  { find: /^@tensorflow\/tfjs$/, replacement: here("../src/platform/tfjs-lite.ts") },
  // Monaco's package exports map only .js files; its codicon font CSS is reached by path.
  { find: /^monaco-codicons\.css$/, replacement: join(monacoDir, "esm/vs/base/browser/ui/codicons/codicon/codicon.css") },
  { find: /^monaco-codicon-modifiers\.css$/, replacement: join(monacoDir, "esm/vs/base/browser/ui/codicons/codicon/codicon-modifiers.css") },
];
