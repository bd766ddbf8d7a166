import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { aliases } from "./build/aliases.js";
import { coreDtsPlugin } from "./build/core-dts-plugin.js";
import { docsSitePlugin } from "./build/docs-site.js";
import { plotlyPrefetchPlugin } from "./build/plotly-prefetch.js";
import { sandboxWorkerPlugin } from "./build/sandbox-worker-plugin.js";
import { securityHeadersPlugin } from "./build/security-headers.js";
import { tutorialModelPlugin } from "./build/tutorial-model-plugin.js";

export default defineConfig({
  base: "./",
  // The security headers come first: they apply to the sandbox document the next plugin serves in dev.
  // The docs' own policy replaces them under /docs/ (build/docs-site.ts).
  plugins: [
    securityHeadersPlugin(),
    docsSitePlugin(),
    react(),
    coreDtsPlugin(),
    sandboxWorkerPlugin(),
    plotlyPrefetchPlugin(),
    tutorialModelPlugin(),
  ],
  resolve: { alias: aliases },
  worker: { format: "es" },
  build: {
    target: "es2022",
    // Browsers the IDE runs in preload modules natively; the polyfill would add to first paint.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 8000,
    reportCompressedSize: false,
  },
  // No CORS headers: no other origin may read the app's files.
  preview: { host: "127.0.0.1", strictPort: true, cors: false },
  server: { host: "127.0.0.1", cors: false },
});
