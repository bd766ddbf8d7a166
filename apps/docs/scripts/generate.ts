/**
 * Generates the site's pages into content/ (gitignored) before `vitepress build`: the
 * README and docs/ (source-pages.ts), a page per gallery example (gallery-pages.ts), the
 * API reference (api-pages.ts) and the sidebars (sidebar.ts). Prints one line.
 */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { apiIndex, coreEntryPoints, writeApiPages } from "./api-pages.js";
import { writeExamplePages } from "./gallery-pages.js";
import { sidebars } from "./sidebar.js";
import { writeSourcePages } from "./source-pages.js";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
export const CONTENT = here("../content");
const REPO = here("../../..");
const CORE = join(REPO, "packages/core");

const started = performance.now();
rmSync(CONTENT, { recursive: true, force: true });
const guide = writeSourcePages(REPO, CONTENT);
const examples = await writeExamplePages(CONTENT);
const api = join(CONTENT, "api");
const warnings = await writeApiPages(CORE, api);
const entries = coreEntryPoints(CORE);
writeFileSync(join(api, "index.md"), apiIndex(entries));
writeFileSync(
  join(CONTENT, "sidebar.json"),
  JSON.stringify(sidebars([...guide], [...examples], api, entries), null, 1),
);
console.log(
  `docs: generated ${guide.size} guide pages, ${examples.size} example pages and the API of ${entries.length} entry points ` +
    `(TypeDoc: ${warnings} warning(s)) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
