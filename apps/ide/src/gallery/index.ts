/**
 * The Examples menu's entries. Only titles and summaries are here; each example's module
 * is imported on demand (its own chunk), so the gallery adds almost nothing to first paint.
 */
import type { GalleryEntry } from "./types.js";

export const GALLERY: readonly GalleryEntry[] = [
  {
    id: "tutorial",
    title: "Groups tutorial network",
    summary: "Three cells, two synapses, groups with shared parameters (the opening script).",
    load: async () => (await import("./tutorial-example.js")).TUTORIAL_EXAMPLE,
  },
  {
    id: "l5pc-fit",
    title: "L5PC fit (Jaxley paper, Fig. 3)",
    summary: "19 region-wise conductances of a layer-5 pyramidal cell fitted by gradient descent.",
    load: async () => (await import("./l5pc-fit-example.js")).L5PC_FIT_EXAMPLE,
  },
];

/** The entry with this id (undefined if there is none). */
export function galleryEntry(id: string): GalleryEntry | undefined {
  return GALLERY.find((e) => e.id === id);
}
