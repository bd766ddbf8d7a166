/**
 * The repository's own markdown as site pages: README.md is the home page, docs/*.md the
 * guide, packages/core/README.md the core's page (and its LICENSE, which it links). Links between them (and to docs/img/)
 * are rewritten to the pages' places on the site; a link to anything else is an error.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";

/** A source file (repository path) and the page it becomes (path under the content folder). */
export interface SourcePage {
  from: string;
  to: string;
  /** A plain text file (a licence), shown as written under this title. */
  textTitle?: string;
}

/** The guide's pages, in the sidebar's order: docs/<name>.md becomes guide/<slug>.md. */
export const GUIDE: ReadonlyArray<readonly [name: string, slug: string]> = [
  ["README-ide", "ide"],
  ["gallery", "gallery"],
  ["lessons", "lessons"],
  ["sweep", "sweep"],
  ["parallel", "parallel"],
  ["export-neuron", "export-neuron"],
  ["jaxley-names", "jaxley-names"],
  ["design", "design"],
];

export const SOURCE_PAGES: readonly SourcePage[] = [
  { from: "README.md", to: "index.md" },
  ...GUIDE.map(([name, slug]) => ({ from: `docs/${name}.md`, to: `guide/${slug}.md` })),
  { from: "packages/core/README.md", to: "core.md" },
  { from: "packages/core/LICENSE", to: "license.md", textTitle: "Licence" },
];

/** The images' folder in the repository and on the site. */
const IMG_FROM = "docs/img/";
const IMG_TO = "img/";

/** Where a repository path is on the site (a content path), or undefined if it is not there. */
export function siteTarget(repoPath: string, pages: readonly SourcePage[] = SOURCE_PAGES): string | undefined {
  if (repoPath.startsWith(IMG_FROM)) return IMG_TO + repoPath.slice(IMG_FROM.length);
  return pages.find((p) => p.from === repoPath)?.to;
}

/** `[text](target)` and `![alt](target)`; the target has no spaces or parentheses. */
const LINK = /(!?\[[^\]]*\]\()([^()\s]+)(\))/g;
const EXTERNAL = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Rewrites the relative links of `markdown` (the text of the repository file `from`) for
 * the page `to`. Fenced code blocks and inline code are left alone. Throws, naming the file
 * and the link, when a link points to a file the site does not hold.
 */
export function rewriteLinks(markdown: string, from: string, to: string, pages = SOURCE_PAGES): string {
  let inFence = false;
  return markdown
    .split("\n")
    .map((line, i) => {
      if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
      if (inFence) return line;
      // Inline code spans are kept as they are: split them out, rewrite the rest.
      return line
        .split(/(`[^`]*`)/)
        .map((part) =>
          part.startsWith("`")
            ? part
            : part.replace(LINK, (_, open, target, close) => open + retarget(target, i) + close),
        )
        .join("");
    })
    .join("\n");

  function retarget(target: string, lineIndex: number): string {
    if (EXTERNAL.test(target) || target.startsWith("#")) return target;
    const [path, anchor] = target.split("#", 2);
    const repoPath = posix.normalize(posix.join(posix.dirname(from), path));
    const onSite = siteTarget(repoPath, pages);
    if (onSite === undefined) {
      throw new Error(
        `${from}:${lineIndex + 1}: the link "${target}" points to ${repoPath}, which the documentation site does not hold ` +
          `(it holds ${pages.map((p) => p.from).join(", ")} and the images of ${IMG_FROM}); link a page or write the path as code`,
      );
    }
    const relative = posix.relative(posix.dirname(to), onSite);
    return (relative.startsWith(".") ? relative : `./${relative}`) + (anchor === undefined ? "" : `#${anchor}`);
  }
}

/** The first `# ` heading of a markdown text (the page's title). */
export function titleOf(markdown: string, where: string): string {
  const m = /^# (.+)$/m.exec(markdown);
  if (!m) throw new Error(`${where}: no "# " heading to title the page with`);
  return m[1].trim();
}

/** Writes every source page and the images under `content`; returns the pages' titles by content path. */
export function writeSourcePages(repo: string, content: string): Map<string, string> {
  const titles = new Map<string, string>();
  for (const page of SOURCE_PAGES) {
    const source = join(repo, page.from);
    if (!existsSync(source))
      throw new Error(
        `docs: ${page.from} is missing (the site's pages are ${SOURCE_PAGES.map((p) => p.from).join(", ")})`,
      );
    const read = readFileSync(source, "utf8");
    const text = page.textTitle === undefined ? read : `# ${page.textTitle}\n\n\`\`\`text\n${read.trimEnd()}\n\`\`\`\n`;
    const out = join(content, page.to);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, rewriteLinks(text, page.from, page.to));
    titles.set(page.to, titleOf(text, page.from));
  }
  cpSync(join(repo, IMG_FROM), join(content, IMG_TO), { recursive: true });
  return titles;
}
