import { defineConfig } from "vitest/config";
import { tutorialModelPlugin } from "./build/tutorial-model-plugin.js";

export default defineConfig({
  // The prebuilt tutorial model (engine/prebuilt.ts), as the app has it.
  plugins: [tutorialModelPlugin()],
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
  },
});
