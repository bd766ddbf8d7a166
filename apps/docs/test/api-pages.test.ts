/** The API reference's entry points (scripts/api-pages.ts) are the core's package exports. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { apiIndex, coreEntryPoints } from "../scripts/api-pages.js";

const CORE = new URL("../../../packages/core", import.meta.url).pathname;

describe("API entry points", () => {
  it("are the core's exports, named by import path, each with its source file", async () => {
    const pkg = (await import("../../../packages/core/package.json", { with: { type: "json" } })).default as {
      exports: Record<string, unknown>;
    };
    const entries = coreEntryPoints(CORE);
    const subpaths = Object.keys(pkg.exports).filter((k) => k !== "./package.json");
    expect(entries.map((e) => e.importPath)).toEqual(
      subpaths.map((s) => (s === "." ? "@dendrolab/core" : `@dendrolab/core/${s.slice(2)}`)),
    );
    expect(entries.find((e) => e.importPath === "@dendrolab/core/channels/l5pc")).toMatchObject({
      slug: "channels/l5pc",
      file: "src/channels-l5pc.ts",
    });
    expect(new Set(entries.map((e) => e.slug)).size).toBe(entries.length);
    const index = apiIndex(entries);
    expect(index).toContain("| [`@dendrolab/core/sim`](./sim/index.md) | `packages/core/src/sim.ts` |");
  });

  it("an export that is not built from src/ is an error naming it", () => {
    const dir = mkdtempSync(join(tmpdir(), "docs-api-"));
    writeFileSync(
      join(dir, "package.json"),
      JSON.stringify({ name: "x", exports: { "./odd": { types: "./types/odd.d.ts" } } }),
    );
    expect(() => coreEntryPoints(dir)).toThrow(
      'api: x\'s export "./odd" has types "./types/odd.d.ts"; expected ./dist/<path>.d.ts',
    );
  });
});
