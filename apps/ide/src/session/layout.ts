/**
 * The sizes of the IDE's panels, as the user dragged them: the left column's width (px),
 * the middle and right columns' shares of the rest, and in each column the shares of its
 * upper and lower panel. Part of the session state (saved with it); null: the defaults.
 */
export interface PanelLayout {
  /** Width of the left column (tree and groups), px. */
  left: number;
  /** Shares (CSS fr) of the middle and right columns. */
  mid: number;
  right: number;
  /** Upper and lower panel shares (flex-grow) in each column. */
  rows: { left: [number, number]; mid: [number, number]; right: [number, number] };
}

/** The layout of styles.css (the first open). */
export const DEFAULT_LAYOUT: PanelLayout = {
  left: 270,
  mid: 1,
  right: 1.05,
  rows: { left: [1.4, 1], mid: [1.15, 1], right: [1, 1.15] },
};

/** Narrowest left column and narrowest other column, px; lowest panel, px. */
export const MIN_LEFT = 170;
export const MAX_LEFT = 600;
export const MIN_COL = 300;
export const MIN_PANEL = 80;

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The CSS variables of a layout, set on the grid (ui/layout/layout.css reads them). */
export function layoutVars(l: PanelLayout): Record<string, string> {
  return {
    "--col-left": `${Math.round(l.left)}px`,
    "--col-mid": `${round(l.mid)}fr`,
    "--col-right": `${round(l.right)}fr`,
    "--row-left-a": String(round(l.rows.left[0])),
    "--row-left-b": String(round(l.rows.left[1])),
    "--row-mid-a": String(round(l.rows.mid[0])),
    "--row-mid-b": String(round(l.rows.mid[1])),
    "--row-right-a": String(round(l.rows.right[0])),
    "--row-right-b": String(round(l.rows.right[1])),
  };
}

/** Moves the gutter between two sizes `a` and `b` (px) by `d`, keeping both at least `min`. */
export function split(a: number, b: number, d: number, min: number): [number, number] {
  const total = a + b;
  const na = Math.min(Math.max(a + d, min), Math.max(min, total - min));
  return [na, total - na];
}
