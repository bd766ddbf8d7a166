/**
 * A short fingerprint of a serialised model (FNV-1a over its JSON), stored in share
 * links so that opening a link can confirm that the script rebuilt the same model.
 */
export function fingerprint(value: unknown): string {
  const text = JSON.stringify(value);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}
