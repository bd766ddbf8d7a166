import { defineConfig } from "vitest/config";
import { coreAliases } from "./build/aliases.js";

export default defineConfig({
  resolve: { alias: coreAliases },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
  },
});
