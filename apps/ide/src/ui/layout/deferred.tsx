/**
 * Panels and menus whose code loads just after first paint: main.tsx calls
 * `loadDeferredPanels("early")` (the panels the first run draws into) and then
 * `loadDeferredPanels()`, so that their dozens of files do not queue ahead of the
 * session's and plotly's, or of the sandbox's when a link's script must run first (a
 * browser fetches at most six files at a time from a server without HTTP/2).
 * Until its code is there each shows a stand-in (its empty frame, an inert button), so
 * the layout does not move when it arrives.
 */
import { type ComponentType, type ReactNode, useEffect, useState } from "react";

/** A panel whose code loads later: `frame` is what it shows until then. */
export interface DeferredSlot {
  frame: ReactNode;
  loaded: ComponentType | null;
  listeners: Set<() => void>;
  load: () => Promise<void>;
  /** Loaded with the first batch (the first run draws into it). */
  early: boolean;
}

const slots: DeferredSlot[] = [];

/**
 * Shows arrived panels one per task: their first renders (a tree, a table of every
 * compartment...) would together hold the page for a long task.
 */
const arrived: Array<() => void> = [];
let pumping = false;

function reveal(slot: DeferredSlot, C: ComponentType): Promise<void> {
  return new Promise((resolve) => {
    arrived.push(() => {
      slot.loaded = C;
      for (const l of slot.listeners) l();
      resolve();
    });
    if (!pumping) pump();
  });
}

function pump(): void {
  pumping = true;
  setTimeout(() => {
    arrived.shift()?.();
    if (arrived.length) pump();
    else pumping = false;
  }, 0);
}

/** Declares a deferred panel (render it with `<Deferred slot={...} />`); `early`: see loadDeferredPanels. */
export function deferredPanel(load: () => Promise<ComponentType>, frame: ReactNode, early = false): DeferredSlot {
  let loading: Promise<void> | null = null;
  const slot: DeferredSlot = {
    frame,
    early,
    loaded: null,
    listeners: new Set(),
    load: () => {
      loading ??= load().then((C) => reveal(slot, C));
      return loading;
    },
  };
  slots.push(slot);
  return slot;
}

/** The slot's panel once its code is there, else its empty frame. */
export function Deferred({ slot }: { slot: DeferredSlot }) {
  const [, setLoaded] = useState(false);
  useEffect(() => {
    const l = () => setLoaded(true);
    if (slot.loaded) return l(); // arrived between the render and this effect
    slot.listeners.add(l);
    return () => void slot.listeners.delete(l);
  }, [slot]);
  const Loaded = slot.loaded;
  if (Loaded) return <Loaded />;
  return slot.frame;
}

/** Loads the deferred panels' code (once; "early": only the early ones); they show themselves when it has arrived. */
export function loadDeferredPanels(which: "early" | "all" = "all"): Promise<void> {
  const chosen = which === "early" ? slots.filter((s) => s.early) : slots;
  return Promise.all(chosen.map((s) => s.load())).then(() => undefined);
}
