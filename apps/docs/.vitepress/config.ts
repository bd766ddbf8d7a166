/**
 * The documentation site (VitePress), served under /docs/ beside the IDE. Its pages are
 * generated into content/ by scripts/generate.ts (the build runs it first). Everything
 * the site loads is its own: no CDN, no web fonts from elsewhere, local search.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitepress";

const SIDEBAR = fileURLToPath(new URL("../content/sidebar.json", import.meta.url));
if (!existsSync(SIDEBAR)) {
  throw new Error(
    `docs: ${SIDEBAR} is missing: generate the pages first (pnpm --filter @dendrolab/docs build runs scripts/generate.ts)`,
  );
}

const ICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Cpath d='M8 15V8M8 8L3 2M8 8l5-6M5.5 5L2 6' stroke='%232b6cb0' stroke-width='2' fill='none' stroke-linecap='round'/%3E%3C/svg%3E";

export default defineConfig({
  base: "/docs/",
  srcDir: "content",
  outDir: "dist",
  lang: "en",
  title: "Dendrolab",
  description: "Build, simulate and train biophysically detailed neurons and networks in TypeScript, in the browser",
  // The IDE's icon (apps/ide/index.html), inline: no request for /favicon.ico.
  head: [["link", { rel: "icon", href: ICON }]],
  // Dead links fail the build.
  ignoreDeadLinks: false,
  // The hash map and site data in a chunk of their own, not inline in each of ~200 pages (and the pages' CSP).
  metaChunk: true,
  themeConfig: {
    nav: [
      { text: "Guide", link: "/" },
      { text: "IDE", link: "/guide/ide" },
      { text: "Examples", link: "/examples/" },
      { text: "API", link: "/api/" },
    ],
    sidebar: JSON.parse(readFileSync(SIDEBAR, "utf8")),
    outline: { level: [2, 3] },
    search: { provider: "local" },
  },
  vite: { logLevel: "warn", build: { chunkSizeWarningLimit: 2000 } },
});
