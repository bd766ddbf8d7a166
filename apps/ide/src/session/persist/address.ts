/**
 * The share link in the address bar follows the session: once the session differs from
 * the link it was opened from (or that Share made), the address is cleared of it, so
 * that a reload does not silently go back to the link (the autosave restores the session
 * instead).
 */
import type { SessionState } from "../state.js";

/** What a link restores, compared cheaply (files by identity: any import makes a new object). */
interface LinkKey {
  script: string;
  files: Record<string, string>;
  settings: string;
}

const keyOf = (s: SessionState): LinkKey => ({
  script: s.script,
  files: s.files,
  settings: JSON.stringify([s.sim, s.view, s.trainer]),
});

let linked: { hash: string; key: LinkKey } | null = null;

/** Notes that the session `s` is what `hash` restores (after opening it, or after Share). */
export function rememberLink(hash: string, s: SessionState): void {
  linked = { hash: hash.startsWith("#") ? hash : `#${hash}`, key: keyOf(s) };
}

/** Is the session still the one the remembered link restores? */
function sameAsLink(s: SessionState): boolean {
  if (!linked) return false;
  const k = keyOf(s);
  return k.script === linked.key.script && k.files === linked.key.files && k.settings === linked.key.settings;
}

/** The hash the autosave records with the session: the link in the address while the session is still that link. */
export function currentLink(s: SessionState): string | null {
  if (typeof location === "undefined" || !linked || location.hash !== linked.hash) return null;
  return sameAsLink(s) ? linked.hash : null;
}

/** Clears the address of the remembered link once the session differs from it. */
export function followAddress(s: SessionState): void {
  if (typeof location === "undefined" || !linked || location.hash !== linked.hash) return;
  if (sameAsLink(s)) return;
  history.replaceState(history.state, "", `${location.pathname}${location.search}`);
  linked = null;
}
