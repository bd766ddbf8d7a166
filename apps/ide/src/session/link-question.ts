/**
 * A link put in the address of an open page (pasted, typed, or set by another page or a
 * script of the page's history) is not opened until the user says so: the address is
 * cleared at once and a banner asks, naming what the link would replace. Nothing changes
 * unless the user clicks "Open the link"; opening is then one undo step.
 */
import { type SessionContext, get, patch } from "./context.js";
import { clearLinkFromAddress } from "./persist/address.js";

/** What the open session holds that a link replaces, in words ("" when only the script). */
function atStake(c: SessionContext): string {
  const s = get(c);
  const parts: string[] = [];
  if (s.script !== s.history.present.script) parts.push("your script edits not yet run");
  const files = Object.keys(s.files).length;
  if (files > 0) parts.push(`${files} imported ${files === 1 ? "file" : "files"}`);
  return parts.length ? ` (with ${parts.join(" and ")})` : "";
}

/**
 * Asks whether to open the share link `hash` that arrived in the address; `open` opens it
 * when the user says yes.
 */
export function askToOpenLink(c: SessionContext, hash: string, open: (hash: string) => Promise<boolean>): void {
  clearLinkFromAddress(hash);
  patch(c, {
    banner: {
      kind: "info",
      text: `The address now holds a shared Dendrolab link. Open it? It replaces your session${atStake(c)}, which Undo (Ctrl+Z) brings back; nothing changes until you choose.`,
      actions: [
        { label: "Open the link", testid: "banner-open-link", run: () => void open(hash) },
        { label: "Keep my session", testid: "banner-keep-session", run: () => undefined },
      ],
    },
  });
}
