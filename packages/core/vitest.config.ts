import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = (file: string) => fileURLToPath(new URL(`./src/${file}`, import.meta.url));

export default defineConfig({
  // Tests, and the files they import from examples/ (the tutorial network), reach the
  // core by its package name; these aliases make that the core's own sources, so that
  // both share one module instance with the tests' relative imports of src/.
  resolve: {
    alias: [
      { find: /^@dendrolab\/core$/, replacement: src("index.ts") },
      { find: /^@dendrolab\/core\/channels$/, replacement: src("channels.ts") },
      { find: /^@dendrolab\/core\/channels\/l5pc$/, replacement: src("channels-l5pc.ts") },
      { find: /^@dendrolab\/core\/synapses$/, replacement: src("synapses.ts") },
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup-tfjs.ts"],
    testTimeout: 120_000,
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
  },
});
