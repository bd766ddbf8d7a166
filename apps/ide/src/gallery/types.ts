/**
 * The gallery's examples: each is a script written for the project with a short
 * explanation, its simulation and trainer settings, and the files it needs that are not
 * part of the repository (the user drops them in; see session/gallery-actions.ts).
 */
import type { SimSettings } from "../protocol/model.js";
import type { TrainerSettings } from "../session/trainer-settings.js";

/** A file an example reads that the repository does not hold: the user drops it on the page. */
export interface NeededFile {
  /** The name the script reads it by (`files["…"]` of `dendrolab:files`). */
  name: string;
  /** Where to find it, one sentence. */
  where: string;
}

/** One example, as loaded on demand. */
export interface GalleryExample {
  id: string;
  title: string;
  /**
   * The explanation, markdown-ish: paragraphs separated by blank lines, `- ` list items,
   * `code` and **bold** (see ui/gallery/Markdownish.tsx).
   */
  explanation: string;
  script: string;
  sim: SimSettings;
  trainer: TrainerSettings;
  files: readonly NeededFile[];
}

/** An entry of the Examples menu: what it shows before the example is loaded. */
export interface GalleryEntry {
  id: string;
  title: string;
  /** One line under the title in the menu. */
  summary: string;
  /** Loads the example (a separate chunk: nothing of it is in the first-paint bundle). */
  load(): Promise<GalleryExample>;
}
