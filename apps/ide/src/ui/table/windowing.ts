/** Which rows of a virtualised list to render: those in view plus an overscan margin. */
export function visibleRange(scrollTop: number, viewport: number, rowHeight: number, total: number, overscan = 8): [number, number] {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(total, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  return [first, Math.max(first, last)];
}

/** How a table value is shown: like pandas (floats keep a decimal point, booleans True/False). */
export function formatValue(v: number | boolean | string, integer: boolean): string {
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "string") return v;
  if (Number.isNaN(v)) return "NaN";
  if (integer) return String(v);
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return `${v}.0`;
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-4 || a >= 1e15)) return v.toExponential(4);
  return String(Number(v.toPrecision(6)));
}
