import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { aliases } from "./build/aliases.js";
import { coreDtsPlugin } from "./build/core-dts-plugin.js";
import { sandboxWorkerPlugin } from "./build/sandbox-worker-plugin.js";

export default defineConfig({
  base: "./",
  plugins: [react(), coreDtsPlugin(), sandboxWorkerPlugin()],
  resolve: { alias: aliases },
  worker: { format: "es" },
  build: {
    target: "es2022",
    // Browsers the IDE runs in preload modules natively; the polyfill would add to first paint.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 8000,
    reportCompressedSize: false,
  },
  preview: { host: "127.0.0.1", strictPort: true },
  server: { host: "127.0.0.1" },
});
