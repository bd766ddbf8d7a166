/**
 * Panels and menus whose code loads just after first paint: main.tsx calls
 * `loadDeferredPanels` once the shell has painted, alongside the workers' boot and before
 * the first model exists (until then the panels have nothing to show). Meanwhile each
 * shows a stand-in (its empty frame, an inert button), so the layout does not move when
 * it arrives.
 */
import { type ComponentType, type ReactNode, useEffect, useState } from "react";

/** A panel whose code loads later: `frame` is what it shows until then. */
export interface DeferredSlot {
  frame: ReactNode;
  loaded: ComponentType | null;
  listeners: Set<() => void>;
  load: () => Promise<void>;
}

const slots: DeferredSlot[] = [];

/** Declares a deferred panel (render it with `<Deferred slot={...} />`). */
export function deferredPanel(load: () => Promise<ComponentType>, frame: ReactNode): DeferredSlot {
  let loading: Promise<void> | null = null;
  const slot: DeferredSlot = {
    frame,
    loaded: null,
    listeners: new Set(),
    load: () => {
      loading ??= load().then((C) => {
        slot.loaded = C;
        for (const l of slot.listeners) l();
      });
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

/** Loads every deferred panel's code (once); they show themselves when it has arrived. */
export function loadDeferredPanels(): Promise<void> {
  return Promise.all(slots.map((s) => s.load())).then(() => undefined);
}
