/** Recognises share links in the address without loading their codec (share/codec.ts). */

/** Is this hash a share link at all (so that other hashes are ignored)? */
export function isShareHash(hash: string): boolean {
  return /^#?s=/.test(hash);
}

/** Is this hash a lesson link (`#lesson=…`, session/lesson-links.ts)? */
export const isLessonHash = (hash: string): boolean => /^#?lesson=/.test(hash);

/** Is this hash a student's hand-in link (`#handin=…`)? */
export const isHandInHash = (hash: string): boolean => /^#?handin=/.test(hash);
