/**
 * First-open onboarding: when the landing card shows and how closing it is remembered;
 * where the tour puts its text beside the regions it highlights.
 */
import { describe, expect, it } from "vitest";
import { createOnboarding, type FlagStorage, WELCOMED_KEY } from "../src/ui/onboarding/onboarding-store.js";
import { type Box, GAP, MARGIN, overlap, placeBox } from "../src/ui/onboarding/placement.js";
import { TOUR_STEPS } from "../src/ui/onboarding/tour-steps.js";

const memory = (init: Record<string, string> = {}): FlagStorage & { data: Record<string, string> } => {
  const data = { ...init };
  return {
    data,
    getItem: (k) => data[k] ?? null,
    setItem: (k, v) => {
      data[k] = v;
    },
  };
};

describe("the landing card", () => {
  it("shows on the very first open with the tutorial only", () => {
    for (const opened of ["link", "autosave", null] as const) {
      const o = createOnboarding(() => memory());
      o.offer(opened);
      expect(o.get().card, String(opened)).toBe(false);
    }
    const o = createOnboarding(() => memory());
    o.offer("tutorial");
    expect(o.get()).toEqual({ card: true, tour: false });
    const welcomed = createOnboarding(() => memory({ [WELCOMED_KEY]: "1" }));
    welcomed.offer("tutorial");
    expect(welcomed.get().card).toBe(false);
  });

  it("is remembered as closed by every way out, and then never offered again", () => {
    for (const way of ["closeCard", "startTour"] as const) {
      const storage = memory();
      const o = createOnboarding(() => storage);
      let calls = 0;
      o.subscribe(() => calls++);
      o.offer("tutorial");
      o[way]();
      expect(o.get().card).toBe(false);
      expect(o.get().tour).toBe(way === "startTour");
      expect(storage.data[WELCOMED_KEY]).toBe("1");
      expect(calls).toBe(2);
      const next = createOnboarding(() => storage);
      next.offer("tutorial");
      expect(next.get().card).toBe(false);
    }
  });

  it("is offered once per page, and not while the tour runs", () => {
    const o = createOnboarding(() => memory());
    o.startTour();
    o.offer("tutorial");
    expect(o.get()).toEqual({ card: false, tour: true });
    o.endTour();
    expect(o.get().tour).toBe(false);
    const p = createOnboarding(() => memory());
    p.offer("autosave");
    p.offer("tutorial"); // a later session change (e.g. back to the tutorial) is not a first open
    expect(p.get().card).toBe(false);
  });

  it("is not shown when storage is missing or refuses (it could not be remembered)", () => {
    const refusing: FlagStorage = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("SecurityError");
      },
    };
    for (const storage of [null, refusing]) {
      const o = createOnboarding(() => storage);
      o.offer("tutorial");
      expect(o.get().card).toBe(false);
      expect(() => o.startTour()).not.toThrow();
      expect(o.get().tour).toBe(true);
    }
  });
});

describe("the tour", () => {
  it("has at most five steps, each with a region and a short text", () => {
    expect(TOUR_STEPS.length).toBeGreaterThan(0);
    expect(TOUR_STEPS.length).toBeLessThanOrEqual(5);
    for (const s of TOUR_STEPS) {
      expect(s.targets.length).toBeGreaterThan(0);
      expect(s.text.length).toBeLessThan(220);
    }
  });
});

describe("placing the tour's text", () => {
  const view: Box = { left: 0, top: 0, width: 1280, height: 720 };
  const size = { width: 340, height: 190 };
  const inside = (b: Box) =>
    b.left >= MARGIN &&
    b.top >= MARGIN &&
    b.left + b.width <= view.width - MARGIN &&
    b.top + b.height <= view.height - MARGIN;

  it("goes to the right of a region on the left, centred on it", () => {
    const tree: Box = { left: 0, top: 40, width: 280, height: 400 };
    const b = placeBox([tree], size, view);
    expect(b.left).toBe(280 + GAP);
    expect(b.top).toBe(40 + 200 - 95);
    expect(overlap(b, tree)).toBe(0);
  });

  it("goes to the left of a region on the right, kept inside the window", () => {
    const morph: Box = { left: 900, top: 40, width: 380, height: 340 };
    const b = placeBox([morph], size, view);
    expect(b.left + b.width).toBe(900 - GAP);
    expect(inside(b)).toBe(true);
  });

  it("covers none of several regions when there is room, and the least when there is not", () => {
    const tree: Box = { left: 0, top: 40, width: 280, height: 340 };
    const morph: Box = { left: 900, top: 40, width: 380, height: 340 };
    const b = placeBox([tree, morph], size, view);
    expect(overlap(b, tree) + overlap(b, morph)).toBe(0);
    expect(inside(b)).toBe(true);
    const toolbar: Box = { left: 0, top: 0, width: 1280, height: 36 };
    const tab: Box = { left: 990, top: 400, width: 70, height: 24 };
    const t = placeBox([toolbar, tab], size, view);
    expect(overlap(t, toolbar) + overlap(t, tab)).toBe(0);
    expect(inside(t)).toBe(true);
    const everything: Box = { left: 0, top: 0, width: 1280, height: 720 };
    const e = placeBox([everything], size, view);
    expect(inside(e)).toBe(true); // covered anyway, but on screen
  });

  it("centres the text when the step's regions are not on the page", () => {
    expect(placeBox([], size, view)).toEqual({ left: 470, top: 265, ...size });
  });
});
