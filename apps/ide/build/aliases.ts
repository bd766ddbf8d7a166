/**
 * Module aliases shared by the app build and the sandbox worker build. The core is
 * reached through its package exports (its built dist/); `@tensorflow/tfjs` is narrowed to
 * tfjs-core + the cpu backend (the IDE computes on the cpu backend only, docs/design.md#ide).
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// The exports map hides package.json; its CommonJS entry is min/vs/index.js.
const monacoDir = join(dirname(createRequire(import.meta.url).resolve("monaco-editor")), "../..");

/** For browser bundles: tfjs narrowed to core + cpu (Node tests keep the full package). */
export const aliases = [
  { find: /^@tensorflow\/tfjs$/, replacement: here("../src/platform/tfjs-lite.ts") },
  // Monaco's package exports map only .js files; its codicon font CSS is reached by path.
  {
    find: /^monaco-codicons\.css$/,
    replacement: join(monacoDir, "esm/vs/base/browser/ui/codicons/codicon/codicon.css"),
  },
  {
    find: /^monaco-codicon-modifiers\.css$/,
    replacement: join(monacoDir, "esm/vs/base/browser/ui/codicons/codicon/codicon-modifiers.css"),
  },
];
