/**
 * The share link in the address bar. A link being opened is taken out of the address at
 * once (clearLinkFromAddress), so that a reload never opens it again: the autosave
 * restores the session instead. The link Share makes stays in the address while the
 * session is still that link; once the session differs, the address is cleared of it.
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

/**
 * Takes the link `hash` out of the address (when the address holds it) as it is being
 * opened or asked about: a reload then restores the autosaved session instead of opening
 * the link again, and the browser's history gains no entry.
 */
export function clearLinkFromAddress(hash: string): void {
  if (typeof location === "undefined") return;
  const h = hash.startsWith("#") ? hash : `#${hash}`;
  if (location.hash !== h) return;
  history.replaceState(history.state, "", `${location.pathname}${location.search}`);
  if (linked?.hash === h) linked = null;
}
