/**
 * Keyboard and focus of a modal dialog (the landing card, the tour): focus moves into it
 * when it opens (to its `data-autofocus` element, else its first control), Tab and
 * Shift+Tab stay inside it, Escape calls `onEscape`, and focus goes back where it was
 * when it closes.
 */
import { type RefObject, useEffect } from "react";

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

/** The controls of `root` that Tab reaches, in order. */
export function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((e) => !e.hidden && e.tabIndex >= 0);
}

export function useModalFocus(root: RefObject<HTMLElement | null>, onEscape: () => void): void {
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const el = root.current;
    if (el) (el.querySelector<HTMLElement>("[data-autofocus]") ?? focusables(el)[0] ?? el).focus();
    const onKey = (e: KeyboardEvent) => {
      if (!el) return;
      if (e.key === "Escape") {
        // Capture phase: the editor and other widgets under the dialog never see it.
        e.preventDefault();
        e.stopPropagation();
        onEscape();
        return;
      }
      if (e.key !== "Tab") return;
      const f = focusables(el);
      if (f.length === 0) return;
      const first = f[0];
      const last = f[f.length - 1];
      const active = document.activeElement;
      const wrap = !el.contains(active)
        ? first
        : e.shiftKey && active === first
          ? last
          : !e.shiftKey && active === last
            ? first
            : null;
      if (wrap) {
        e.preventDefault();
        wrap.focus();
      }
    };
    document.addEventListener("keydown", onKey, true);
    return () => {
      document.removeEventListener("keydown", onKey, true);
      if (before?.isConnected) before.focus();
    };
  }, [root, onEscape]);
}
