/**
 * Opening a gallery example from the page (the Examples menu, the landing card): it
 * loads (its own chunk), its explanation is shown in the panel the Examples menu draws,
 * and it opens (one undo step). The example shown is kept here, outside any component.
 */
import { useSyncExternalStore } from "react";
import { GALLERY, galleryEntry } from "../../gallery/index.js";
import type { GalleryExample } from "../../gallery/types.js";

/** A new object each time an example is shown (again): its panel then opens unfolded. */
export type Shown = { example: GalleryExample };

let shown: Shown | null = null;
const listeners = new Set<() => void>();

/** Shows an example's explanation (null hides it). */
export function showExample(ex: GalleryExample | null): void {
  shown = ex && { example: ex };
  for (const l of listeners) l();
}

/** The example whose explanation is shown. */
export function useShownExample(): Shown | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    () => shown,
  );
}

/**
 * Loads the example `id`, calls `loaded` (a menu closes), shows its explanation and
 * opens it with `open` (the session's openExample). Throws a message naming the example.
 */
export async function openGalleryExample(
  open: (ex: GalleryExample) => Promise<void>,
  id: string,
  loaded: () => void = () => undefined,
): Promise<void> {
  const entry = galleryEntry(id);
  if (!entry) throw new Error(`There is no example "${id}"; the examples are ${GALLERY.map((g) => g.id).join(", ")}.`);
  try {
    const ex = await entry.load();
    loaded();
    showExample(ex);
    await open(ex);
  } catch (e) {
    throw new Error(`Could not load the example "${entry.title}": ${(e as Error).message}`);
  }
}
