/**
 * First-open onboarding: whether the landing card or the tour shows, and the one
 * localStorage flag (`dendrolab.welcomed`) that remembers the card was closed, by any of
 * its ways out (close, Escape, an example, a lesson, the tour, the tutorial). A tiny
 * framework-free store: the card, the tour and the Help panel share it, and tests drive
 * it with their own storage.
 *
 * ```ts
 * const o = createOnboarding(() => localStorage);
 * o.offer("tutorial"); // the very first open: o.get().card === true
 * o.startTour();       // card closed, remembered; o.get().tour === true
 * ```
 */

/** The localStorage key set once the landing card has been closed (e2e tests pre-seed it). */
export const WELCOMED_KEY = "dendrolab.welcomed";

/** What the onboarding shows now. */
export interface OnboardingView {
  card: boolean;
  tour: boolean;
}

/** The part of `Storage` used (localStorage, or a test's map). */
export interface FlagStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** What the page opened with (session state `opened`). */
export type Opened = "link" | "autosave" | "tutorial" | null;

export interface Onboarding {
  get(): OnboardingView;
  subscribe(listener: () => void): () => void;
  /** Shows the card if this is the very first open: the tutorial (no link, no saved session) and never welcomed. */
  offer(opened: Opened): void;
  /** Closes the card for good. */
  closeCard(): void;
  /** Closes the card for good and starts the tour (from the card or the Help panel). */
  startTour(): void;
  /** The tour is done or skipped. */
  endTour(): void;
}

/**
 * The onboarding with its flag in `storage` (null, or a storage that throws, as in some
 * private modes: the card is not shown, since closing it could not be remembered).
 */
export function createOnboarding(storage: () => FlagStorage | null): Onboarding {
  let view: OnboardingView = { card: false, tour: false };
  let offered = false;
  const listeners = new Set<() => void>();
  const set = (p: Partial<OnboardingView>) => {
    view = { ...view, ...p };
    for (const l of listeners) l();
  };
  const welcomed = () => {
    try {
      const s = storage();
      return s === null || s.getItem(WELCOMED_KEY) !== null;
    } catch {
      return true;
    }
  };
  const remember = () => {
    try {
      storage()?.setItem(WELCOMED_KEY, "1");
    } catch {
      // Not remembered: the card shows again next time (storage refused).
    }
  };
  return {
    get: () => view,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    offer(opened) {
      if (offered || opened === null) return;
      offered = true;
      if (opened === "tutorial" && !welcomed() && !view.tour) set({ card: true });
    },
    closeCard() {
      remember();
      if (view.card) set({ card: false });
    },
    startTour() {
      remember();
      set({ card: false, tour: true });
    },
    endTour() {
      remember();
      if (view.tour) set({ tour: false });
    },
  };
}

/** The page's onboarding, remembered in localStorage. */
export const onboarding: Onboarding = createOnboarding(() =>
  typeof localStorage === "undefined" ? null : localStorage,
);
