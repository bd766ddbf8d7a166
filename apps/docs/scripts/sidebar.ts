/**
 * The site's sidebars, from the pages generate.ts wrote: the guide and the examples on
 * every page but the API's, and the API's modules there (a module's page lists its
 * members; listing every member in the sidebar would put it into each of ~180 pages).
 * VitePress reads them from content/sidebar.json (see .vitepress/config.ts).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { EntryPoint } from "./api-pages.js";

export interface SidebarItem {
  text: string;
  link?: string;
  items?: SidebarItem[];
}

/** Sidebars by path prefix, as VitePress's `themeConfig.sidebar` takes them. */
export type Sidebars = Record<string, SidebarItem[]>;

/** A content path (`guide/ide.md`) as a site link (`/guide/ide`). */
export const linkOf = (contentPath: string) => `/${contentPath.replace(/(^|\/)index\.md$/, "$1").replace(/\.md$/, "")}`;

/** The sidebars: `guide` and `examples` are [content path, title] in order; `api` is the API's folder. */
export function sidebars(
  guide: ReadonlyArray<readonly [string, string]>,
  examples: ReadonlyArray<readonly [string, string]>,
  api: string,
  entries: readonly EntryPoint[],
): Sidebars {
  const page = ([path, title]: readonly [string, string]) => ({ text: title, link: linkOf(path) });
  const modules = entries.map((e) => {
    if (!existsSync(join(api, e.slug, "index.md"))) {
      throw new Error(`sidebar: TypeDoc wrote no page for ${e.importPath} (api/${e.slug}/index.md)`);
    }
    return { text: e.importPath, link: `/api/${e.slug}/` };
  });
  return {
    "/api/": [{ text: "API reference", link: "/api/", items: modules }],
    "/": [
      { text: "Guide", items: guide.map(page) },
      { text: "Examples", link: "/examples/", items: examples.map(page) },
      { text: "API reference", link: "/api/" },
    ],
  };
}
