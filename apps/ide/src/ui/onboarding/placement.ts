/**
 * Where the tour's text box goes: beside the regions a step highlights, inside the
 * window, covering as little of them as possible. Pure geometry, in CSS pixels of the
 * viewport (as getBoundingClientRect gives them).
 */

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export type Side = "right" | "left" | "below" | "above";

/** Space kept between the box and a region, and between the box and the window's edge, px. */
export const GAP = 12;
export const MARGIN = 8;

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(x, Math.max(lo, hi)));

/** The area two boxes share, px². */
export function overlap(a: Box, b: Box): number {
  const w = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const h = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

/** The box of `size` on `side` of `target`, centred along it, moved inside the window. */
export function besides(target: Box, size: { width: number; height: number }, side: Side, view: Box): Box {
  const cx = target.left + target.width / 2 - size.width / 2;
  const cy = target.top + target.height / 2 - size.height / 2;
  const at =
    side === "right"
      ? { left: target.left + target.width + GAP, top: cy }
      : side === "left"
        ? { left: target.left - GAP - size.width, top: cy }
        : side === "below"
          ? { left: cx, top: target.top + target.height + GAP }
          : { left: cx, top: target.top - GAP - size.height };
  return {
    left: clamp(at.left, view.left + MARGIN, view.left + view.width - MARGIN - size.width),
    top: clamp(at.top, view.top + MARGIN, view.top + view.height - MARGIN - size.height),
    ...size,
  };
}

const SIDES: readonly Side[] = ["right", "left", "below", "above"];

/**
 * The place of a box of `size` for a step highlighting `targets` (the first is the one
 * it is about): on each side of each target in turn, the first place that covers the
 * least of all the targets. With no target, the centre of the window.
 *
 * ```ts
 * placeBox([{ left: 0, top: 40, width: 300, height: 400 }], { width: 320, height: 180 }, window)
 * // → to the right of the region: { left: 312, top: 150, … }
 * ```
 */
export function placeBox(targets: readonly Box[], size: { width: number; height: number }, view: Box): Box {
  if (targets.length === 0)
    return {
      left: Math.max(view.left + MARGIN, view.left + (view.width - size.width) / 2),
      top: Math.max(view.top + MARGIN, view.top + (view.height - size.height) / 2),
      ...size,
    };
  let best: Box | null = null;
  let least = Number.POSITIVE_INFINITY;
  for (const t of targets)
    for (const side of SIDES) {
      const box = besides(t, size, side, view);
      const covered = targets.reduce((sum, r) => sum + overlap(box, r), 0);
      if (covered < least) {
        best = box;
        least = covered;
      }
      if (least === 0) return box;
    }
  return best!;
}
