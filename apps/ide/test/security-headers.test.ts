/** Which headers each served path gets (build/security-headers.ts). */
import { describe, expect, it } from "vitest";
import { APP_CSP, headersFor, SANDBOX_CSP, WORKER_CSP } from "../build/security-headers.js";

describe("security headers", () => {
  it("the app: its own scripts only, no eval, no framing", () => {
    for (const path of ["/", "/index.html", "/assets/index-abc.js"]) {
      const h = headersFor(path);
      expect(h["Content-Security-Policy"]).toBe(APP_CSP);
      expect(h["X-Frame-Options"]).toBe("DENY");
      expect(h["X-Content-Type-Options"]).toBe("nosniff");
      expect(h["Referrer-Policy"]).toBe("no-referrer");
    }
    expect(APP_CSP).toMatch(/script-src 'self';/);
    expect(APP_CSP).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(APP_CSP).toContain("frame-ancestors 'none'");
  });

  it("the sandbox document: sandboxed, no network, framed by the app only", () => {
    const h = headersFor("/sandbox.html");
    expect(h["Content-Security-Policy"]).toBe(SANDBOX_CSP);
    expect(SANDBOX_CSP).toMatch(/^sandbox allow-scripts;/);
    expect(SANDBOX_CSP).toContain("connect-src 'none'");
    expect(SANDBOX_CSP).not.toContain("allow-same-origin");
    expect(h["X-Frame-Options"]).toBe("SAMEORIGIN");
  });

  it("the page's workers may compile kernels but not connect; dev allows the refresh preamble", () => {
    for (const path of [
      "/assets/model.worker-ls0uXm8z.js",
      "/src/workers/train.worker.ts",
      "/assets/pool-worker-kPzJRkPS.js",
      "/@fs/work/packages/core/dist/parallel/pool-worker.js",
    ])
      expect(headersFor(path)["Content-Security-Policy"]).toBe(WORKER_CSP);
    expect(WORKER_CSP).toContain("connect-src 'none'");
    // Other scripts named like workers are the app's (no eval).
    for (const path of ["/assets/pool-workers.js", "/assets/swimming-pool-worker.txt/x.js"])
      expect(headersFor(path)["Content-Security-Policy"]).toBe(APP_CSP);
    expect(headersFor("/", true)["Content-Security-Policy"]).toContain("script-src 'self' 'unsafe-inline'");
  });
});
