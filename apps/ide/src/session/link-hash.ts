/** Recognises share links in the address without loading their codec (share/codec.ts). */

/** Is this hash a share link at all (so that other hashes are ignored)? */
export function isShareHash(hash: string): boolean {
  return /^#?s=/.test(hash);
}
