/**
 * The HTTP headers the IDE is served with (by `vite preview`, which scripts/start.sh and
 * the e2e suite run, and by the dev server). A static deployment must send the same: see
 * the README's "Security model".
 *
 * The app: only its own scripts (no inline script, no eval), workers from itself or
 * blob:, and no framing by any other page. The sandbox document: a sandbox with scripts
 * only (an opaque origin: no storage, no access to the page), its relay script and eval
 * for the user's script, blob: workers, and no network at all.
 */
import type { Connect, Plugin } from "vite";
import { SANDBOX_HTML } from "./sandbox-worker-plugin.js";

export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  // plotly's image export fetches the data: URL it rendered
  "connect-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

export const SANDBOX_CSP = [
  "sandbox allow-scripts",
  "default-src 'none'",
  "script-src 'self' 'unsafe-eval' blob:",
  "worker-src blob:",
  "connect-src 'none'",
  "img-src 'none'",
  "style-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
].join("; ");

/**
 * The page's own workers (the model, trainer and pool workers compile the model's kernels with
 * `new Function`, see core/mechanisms/expr/evaluate.ts): eval, but no network. A worker
 * takes its policy from its script's response, so the page itself stays without eval.
 */
export const WORKER_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
].join("; ");

/**
 * Worker scripts: built `assets/<name>.worker-<hash>.js`, in dev `src/.../<name>.worker.ts`;
 * and the core's pool workers, which the model worker starts for a sweep (they compile the
 * same kernels): built `assets/pool-worker-<hash>.js`, in dev the core's `pool-worker.js`.
 */
const WORKER_PATH = /(\.worker[-.]|\/pool-worker[-.])[^/]*$/;

/** Headers of every response but the sandbox document and the worker scripts. */
export const APP_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": APP_CSP,
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
};

/** Headers of the sandbox document (framed by the app only). */
export const SANDBOX_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": SANDBOX_CSP,
  "X-Frame-Options": "SAMEORIGIN",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
};

/** The headers for a request path (the part of the URL before any `?`). */
export function headersFor(path: string, dev = false): Readonly<Record<string, string>> {
  if (path.endsWith(`/${SANDBOX_HTML}`)) return SANDBOX_HEADERS;
  if (WORKER_PATH.test(path)) return { ...APP_HEADERS, "Content-Security-Policy": WORKER_CSP };
  // The dev server's React refresh preamble is an inline script; built pages have none.
  if (dev)
    return {
      ...APP_HEADERS,
      "Content-Security-Policy": APP_CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
    };
  return APP_HEADERS;
}

const middleware =
  (dev: boolean): Connect.NextHandleFunction =>
  (req, res, next) => {
    const path = (req.url ?? "/").split("?")[0];
    for (const [name, value] of Object.entries(headersFor(path, dev))) res.setHeader(name, value);
    next();
  };

export function securityHeadersPlugin(): Plugin {
  return {
    name: "dendrolab-security-headers",
    configureServer: (server) => void server.middlewares.use(middleware(true)),
    configurePreviewServer: (server) => void server.middlewares.use(middleware(false)),
  };
}
