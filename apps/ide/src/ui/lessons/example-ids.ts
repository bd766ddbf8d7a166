/** The gallery ids a lesson's `example:` may name (for the editor's preview). */
import { GALLERY } from "../../gallery/index.js";

export const EXAMPLE_IDS: readonly string[] = GALLERY.map((g) => g.id);
