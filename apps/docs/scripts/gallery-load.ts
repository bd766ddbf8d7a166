/**
 * Loaded through Vite's module runner (gallery-pages.ts): the IDE's gallery modules use
 * Vite's `?raw` imports, which plain Node cannot load. Every example is loaded here, at
 * import time, so the runner can close once this module is evaluated.
 */
import { GALLERY } from "../../ide/src/gallery/index.js";
import type { GalleryEntry, GalleryExample } from "../../ide/src/gallery/types.js";

export interface LoadedExample {
  entry: GalleryEntry;
  example: GalleryExample;
}

export const EXAMPLES: LoadedExample[] = await Promise.all(
  GALLERY.map(async (entry) => ({ entry, example: await entry.load() })),
);
