/**
 * Names plotly's basic chunk in index.html (`<meta name="dendrolab-plotly-basic">`), so that
 * main.tsx can have it fetched and compiled early without evaluating it (a module preload):
 * the import that evaluates it comes later, when the page has a moment to spare.
 */
import type { Plugin } from "vite";

export const PLOTLY_META = "dendrolab-plotly-basic";

export function plotlyPrefetchPlugin(): Plugin {
  return {
    name: "dendrolab-plotly-prefetch",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === "chunk" && c.moduleIds.some((id) => id.includes("plotly.js-basic-dist-min")),
        );
        if (!chunk) return html;
        return [{ tag: "meta", attrs: { name: PLOTLY_META, content: `./${chunk.fileName}` }, injectTo: "head" }];
      },
    },
  };
}
