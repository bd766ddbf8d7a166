/**
 * Traces thinned for drawing: a chart is at most a few thousand pixels wide, so a trace of
 * millions of samples is drawn as the minimum and the maximum of each pixel column. The
 * extremes are kept exactly (value and time), so spikes never vanish; exports (CSV) use
 * the full trace, not this.
 */

/** Columns a trace is thinned to: wider than any chart, so thinning never shows. */
export const DRAW_COLUMNS = 2000;

/**
 * The samples `ys` (at times `x0 + k * dx`) thinned to at most `2 * columns` points: per
 * column of consecutive samples, its minimum and maximum in time order (one point where
 * they coincide). Traces that already fit are returned whole.
 */
export function minMaxDecimate(ys: ArrayLike<number>, columns: number, x0 = 0, dx = 1): { x: number[]; y: number[] } {
  const n = ys.length;
  const x: number[] = [];
  const y: number[] = [];
  const at = (k: number) => +(x0 + k * dx).toFixed(9);
  if (n <= 2 * columns) {
    for (let k = 0; k < n; k++) {
      x.push(at(k));
      y.push(ys[k]);
    }
    return { x, y };
  }
  for (let c = 0; c < columns; c++) {
    const from = Math.floor((c * n) / columns);
    const to = Math.floor(((c + 1) * n) / columns);
    let lo = from;
    let hi = from;
    for (let k = from + 1; k < to; k++) {
      const v = ys[k];
      // NaN is kept where it is first seen (a gap in the line), like an extreme.
      if (v < ys[lo] || (Number.isNaN(v) && !Number.isNaN(ys[lo]))) lo = k;
      if (v > ys[hi] || (Number.isNaN(v) && !Number.isNaN(ys[hi]))) hi = k;
    }
    const first = Math.min(lo, hi);
    const second = Math.max(lo, hi);
    x.push(at(first));
    y.push(ys[first]);
    if (second !== first) {
      x.push(at(second));
      y.push(ys[second]);
    }
  }
  return { x, y };
}
