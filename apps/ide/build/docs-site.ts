/**
 * The documentation site (apps/docs, built by VitePress into apps/docs/dist) served at
 * /docs/ by the IDE's preview server (scripts/start.sh, the e2e suite) and dev server, so
 * that one address serves both. The IDE's own build does not include it: the docs are
 * separate pages, built by their own package.
 *
 * Its pages get their own policy: VitePress's pages carry two small inline scripts (the
 * colour scheme and a platform check, read before first paint), allowed by their hashes,
 * which are computed from each page as it is served. Nothing else is loosened: no eval, no
 * other origin, no framing.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Connect, Plugin } from "vite";
import { APP_HEADERS } from "./security-headers.js";

/** Where the site is served; VitePress builds it with this base. */
export const DOCS_BASE = "/docs/";
/** The built site (apps/docs/dist). */
export const DOCS_DIST = fileURLToPath(new URL("../../docs/dist", import.meta.url));

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/** The sha256 sources of a page's inline scripts (`<script>` without `src`). */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    hashes.push(`'sha256-${createHash("sha256").update(m[1]).digest("base64")}'`);
  }
  return hashes;
}

/** The docs' policy, allowing the inline scripts of `html` (a page) by their hashes. */
export function docsCsp(html = ""): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...inlineScriptHashes(html)].join(" "),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** What a request path under /docs/ is: a file of the built site, a folder (to redirect to with a `/`), or nothing. */
export type DocsTarget = { file: string } | { redirect: string } | undefined;

/**
 * The file of the built site a request path under /docs/ names (`/docs/` is index.html,
 * `/docs/api/` is api/index.html, `/docs/guide/ide` is guide/ide.html), a redirect for a
 * folder named without its `/` (`/docs/api`), or undefined when there is none or the path
 * leaves the site's folder.
 */
export function docsTarget(path: string, dist = DOCS_DIST): DocsTarget {
  let rel: string;
  try {
    rel = decodeURIComponent(path.slice(DOCS_BASE.length));
  } catch {
    return undefined;
  }
  const root = resolve(dist);
  const isFile = (candidate: string) => {
    const file = resolve(root, candidate);
    return file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile() ? file : undefined;
  };
  if (rel === "" || rel.endsWith("/")) {
    const file = isFile(`${rel}index.html`);
    return file ? { file } : undefined;
  }
  const file = isFile(rel) ?? isFile(`${rel}.html`);
  if (file) return { file };
  return isFile(`${rel}/index.html`) ? { redirect: `${path}/` } : undefined;
}

function send(res: Parameters<Connect.NextHandleFunction>[1], status: number, file: string): void {
  const body = readFileSync(file);
  const type = CONTENT_TYPES[extname(file)] ?? "application/octet-stream";
  res.statusCode = status;
  res.setHeader("Content-Type", type);
  res.setHeader("Content-Security-Policy", docsCsp(type.startsWith("text/html") ? body.toString("utf8") : ""));
  res.end(body);
}

const middleware =
  (dist: string): Connect.NextHandleFunction =>
  (req, res, next) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/docs") {
      res.statusCode = 301;
      res.setHeader("Location", DOCS_BASE);
      res.end();
      return;
    }
    if (!path.startsWith(DOCS_BASE)) return next();
    for (const [name, value] of Object.entries(APP_HEADERS)) res.setHeader(name, value);
    if (!existsSync(join(dist, "index.html"))) {
      res.statusCode = 404;
      res.setHeader("Content-Type", "text/plain; charset=utf-8");
      res.end(
        `The documentation is not built (${dist} has no index.html): ` +
          "run `pnpm exec turbo run build --filter @dendrolab/docs` (scripts/start.sh builds it).\n",
      );
      return;
    }
    const target = docsTarget(path, dist);
    if (target && "redirect" in target) {
      res.statusCode = 301;
      res.setHeader("Location", target.redirect);
      res.end();
    } else if (target) send(res, 200, target.file);
    else send(res, 404, join(dist, "404.html"));
  };

export function docsSitePlugin(dist = DOCS_DIST): Plugin {
  return {
    name: "dendrolab-docs-site",
    configureServer: (server) => void server.middlewares.use(middleware(dist)),
    configurePreviewServer: (server) => void server.middlewares.use(middleware(dist)),
  };
}
