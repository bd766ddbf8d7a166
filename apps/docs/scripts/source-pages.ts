/**
 * The repository's own markdown as site pages: README.md is the home page, every docs/*.md
 * a page of the guide, packages/core/README.md the core's page (and its LICENSE, which it
 * links). Links between them (and to docs/img/) are rewritten to the pages' places on the
 * site; a link to anything else is an error.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";

/** A source file (repository path) and the page it becomes (path under the content folder). */
export interface SourcePage {
  from: string;
  to: string;
  /** A plain text file (a licence), shown as written under this title. */
  textTitle?: string;
}

/** The guide's first pages (docs/<name>.md), in the sidebar's order; any other docs/*.md follows alphabetically. */
const GUIDE_ORDER = [
  "README-ide",
  "gallery",
  "lessons",
  "sweep",
  "parallel",
  "export-neuron",
  "jaxley-names",
  "design",
];
/** docs/<name>.md is guide/<slug>.md: the slug is the name but for these. */
const GUIDE_SLUGS: Readonly<Record<string, string>> = { "README-ide": "ide" };

/** The site's pages made from the repository at `repo`: the README, every docs/*.md, the core's README and licence. */
export function sourcePages(repo: string): SourcePage[] {
  const names = readdirSync(join(repo, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => f.slice(0, -3));
  const rank = (name: string) => (GUIDE_ORDER.includes(name) ? GUIDE_ORDER.indexOf(name) : GUIDE_ORDER.length);
  names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return [
    { from: "README.md", to: "index.md" },
    ...names.map((name) => ({ from: `docs/${name}.md`, to: `guide/${GUIDE_SLUGS[name] ?? name}.md` })),
    { from: "packages/core/README.md", to: "core.md" },
    { from: "packages/core/LICENSE", to: "license.md", textTitle: "Licence" },
  ];
}

/** The images' folder in the repository and on the site. */
const IMG_FROM = "docs/img/";
const IMG_TO = "img/";

/** Where a repository path is on the site (a content path), or undefined if it is not there. */
export function siteTarget(repoPath: string, pages: readonly SourcePage[]): string | undefined {
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
export function rewriteLinks(markdown: string, from: string, to: string, pages: readonly SourcePage[]): string {
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
  const pages = sourcePages(repo);
  for (const page of pages) {
    const source = join(repo, page.from);
    if (!existsSync(source))
      throw new Error(`docs: ${page.from} is missing (the site's pages are ${pages.map((p) => p.from).join(", ")})`);
    const read = readFileSync(source, "utf8");
    const text = page.textTitle === undefined ? read : `# ${page.textTitle}\n\n\`\`\`text\n${read.trimEnd()}\n\`\`\`\n`;
    const out = join(content, page.to);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, rewriteLinks(text, page.from, page.to, pages));
    titles.set(page.to, titleOf(text, page.from));
  }
  cpSync(join(repo, IMG_FROM), join(content, IMG_TO), { recursive: true });
  return titles;
}
