/** The repository's markdown as pages (scripts/source-pages.ts): links follow the pages to their places on the site. */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { rewriteLinks, siteTarget, sourcePages, titleOf } from "../scripts/source-pages.js";

const REPO = new URL("../../../", import.meta.url).pathname;
const PAGES = sourcePages(REPO);
const repoFile = (p: string) => readFileSync(`${REPO}${p}`, "utf8");

describe("source pages", () => {
  it("rewrites links between the pages and to the images for each page's place", () => {
    const readme = "See [the IDE](docs/README-ide.md#examples-gallery) and ![shot](docs/img/ide-overview.png).";
    expect(rewriteLinks(readme, "README.md", "index.md", PAGES)).toBe(
      "See [the IDE](./guide/ide.md#examples-gallery) and ![shot](./img/ide-overview.png).",
    );
    const ide =
      "[design](design.md#ide), [home](../README.md), ![x](img/ide-share.png), [core](../packages/core/README.md)";
    expect(rewriteLinks(ide, "docs/README-ide.md", "guide/ide.md", PAGES)).toBe(
      "[design](./design.md#ide), [home](../index.md), ![x](../img/ide-share.png), [core](../core.md)",
    );
  });

  it("leaves external links, anchors, inline code and fenced code alone", () => {
    const text = [
      "[web](https://example.org/a.md) [here](#layers) `[not](a/link.md)`",
      "```md",
      "[inside](nowhere.md)",
      "```",
    ].join("\n");
    expect(rewriteLinks(text, "docs/design.md", "guide/design.md", PAGES)).toBe(text);
  });

  it("refuses a link to a file the site does not hold, naming the file, the line and the link", () => {
    expect(() =>
      rewriteLinks("line one\nsee [tests](../e2e/tests/x.spec.ts)", "docs/lessons.md", "guide/lessons.md", PAGES),
    ).toThrow(
      /docs\/lessons\.md:2: the link "\.\.\/e2e\/tests\/x\.spec\.ts" points to e2e\/tests\/x\.spec\.ts, which the documentation site does not hold \(it holds README\.md, docs\/README-ide\.md/,
    );
    expect(siteTarget("docs/nope.md", PAGES)).toBeUndefined();
  });

  it("every source page's links resolve and every page has a title", () => {
    for (const page of PAGES) {
      const text = repoFile(page.from);
      expect(() => rewriteLinks(text, page.from, page.to, PAGES), page.from).not.toThrow();
      if (page.textTitle === undefined) expect(titleOf(text, page.from).length, page.from).toBeGreaterThan(0);
    }
    // Every markdown file of docs/ is a page of the guide, the IDE's tour first.
    const docs = readdirSync(`${REPO}docs`).filter((f) => f.endsWith(".md"));
    expect(PAGES.filter((p) => p.from.startsWith("docs/")).length).toBe(docs.length);
    expect(PAGES.slice(0, 3).map((p) => [p.from, p.to])).toEqual([
      ["README.md", "index.md"],
      ["docs/README-ide.md", "guide/ide.md"],
      ["docs/gallery.md", "guide/gallery.md"],
    ]);
  });

  it("a page without a heading is an error that says so", () => {
    expect(() => titleOf("no heading here", "docs/x.md")).toThrow('docs/x.md: no "# " heading to title the page with');
  });
});
