/** The documentation site served at /docs/ (build/docs-site.ts): which file a path names, and the pages' policy. */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { docsCsp, docsTarget, inlineScriptHashes } from "../build/docs-site.js";

/** A built site: index.html, guide/ide.html, api/index.html, assets/app.js; a secret beside it. */
function site(): string {
  const root = mkdtempSync(join(tmpdir(), "docs-site-"));
  const dist = join(root, "dist");
  for (const dir of ["guide", "api", "assets"]) mkdirSync(join(dist, dir), { recursive: true });
  for (const file of ["index.html", "guide/ide.html", "api/index.html", "assets/app.js"])
    writeFileSync(join(dist, file), file);
  writeFileSync(join(root, "secret.txt"), "no");
  return dist;
}

describe("docs site", () => {
  it("maps paths under /docs/ to the built files, folders to their index.html", () => {
    const dist = site();
    expect(docsTarget("/docs/", dist)).toEqual({ file: join(dist, "index.html") });
    expect(docsTarget("/docs/guide/ide.html", dist)).toEqual({ file: join(dist, "guide/ide.html") });
    expect(docsTarget("/docs/guide/ide", dist)).toEqual({ file: join(dist, "guide/ide.html") });
    expect(docsTarget("/docs/api/", dist)).toEqual({ file: join(dist, "api/index.html") });
    expect(docsTarget("/docs/api", dist)).toEqual({ redirect: "/docs/api/" });
    expect(docsTarget("/docs/assets/app.js", dist)).toEqual({ file: join(dist, "assets/app.js") });
    expect(docsTarget("/docs/missing.html", dist)).toBeUndefined();
    expect(docsTarget("/docs/guide/", dist)).toBeUndefined();
  });

  it("never serves a file outside the site's folder", () => {
    const dist = site();
    for (const path of [
      "/docs/../secret.txt",
      "/docs/%2e%2e/secret.txt",
      "/docs/..%2fsecret.txt",
      "/docs//etc/passwd",
      "/docs/%E0%A4%A",
    ])
      expect(docsTarget(path, dist), path).toBeUndefined();
  });

  it("allows a page's inline scripts by their hashes, and nothing else inline, no eval, no framing", () => {
    const html =
      '<script id="a">one()</script><script type="module" src="/docs/app.js"></script><script>two()</script>';
    const hash = (s: string) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`;
    expect(inlineScriptHashes(html)).toEqual([hash("one()"), hash("two()")]);
    const csp = docsCsp(html);
    expect(csp).toContain(`script-src 'self' ${hash("one()")} ${hash("two()")};`);
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(docsCsp()).toMatch(/script-src 'self';/);
  });
});
