/**
 * A 3-D scene whose camera sees the whole cell. Plotly draws the scene's box (the axis
 * ranges) as a box of half-sizes `aspectratio / 2` around the origin, the camera looking
 * at `center` from `eye` in those units, with a perspective of vertical field of view
 * π/4. The eye is put far enough along a fixed viewing direction that every corner of
 * the box lies inside that field of view (horizontally, for the viewport's
 * width / height), with a margin. Pure (tested in Node).
 */

/** The default viewing direction: mostly down z, tilted so that depth shows. */
const VIEW_DIRECTION: [number, number, number] = [0.12, -0.45, 0.95];
/** Plotly's 3-D field of view (vertical), radians. */
const FOVY = Math.PI / 4;

type Vec = [number, number, number];
const dot = (a: Vec, b: Vec) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vec, b: Vec): Vec => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
const unit = (a: Vec): Vec => {
  const n = Math.hypot(...a);
  return [a[0] / n, a[1] / n, a[2] / n];
};

/** Smallest and largest value of a list (0, 0 when empty). */
function extent(v: readonly number[]): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const x of v) {
    if (!Number.isFinite(x)) continue;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return lo <= hi ? [lo, hi] : [0, 0];
}

/**
 * The eye position (scene units) from which a box of `aspect` (full sizes) fits a
 * viewport of `viewAspect` = width / height, looking along `direction` with `up`.
 */
export function fitEye(
  aspect: { x: number; y: number; z: number },
  viewAspect: number,
  direction: Vec = VIEW_DIRECTION,
  up: Vec = [0, 1, 0],
  margin = 1.1,
): { x: number; y: number; z: number } {
  const e = unit(direction); // from the centre towards the eye
  const right = unit(cross(up, e));
  const u = cross(e, right);
  const t = Math.tan(FOVY / 2);
  const a = Math.max(viewAspect, 0.1);
  let d = 0;
  for (const sx of [-1, 1])
    for (const sy of [-1, 1])
      for (const sz of [-1, 1]) {
        const c: Vec = [(sx * aspect.x) / 2, (sy * aspect.y) / 2, (sz * aspect.z) / 2];
        const toward = dot(c, e);
        // The corner is inside when its offsets from the axis are within the field of view at its depth.
        d = Math.max(
          d,
          toward + (Math.abs(dot(c, u)) * margin) / t,
          toward + (Math.abs(dot(c, right)) * margin) / (t * a),
        );
      }
  return { x: e[0] * d, y: e[1] * d, z: e[2] * d };
}

/** Axis ranges padded by 4% of the largest span on each side (no zero-width axis). */
function ranges(c: { x: readonly number[]; y: readonly number[]; z: readonly number[] }): [number, number][] {
  const ex = [extent(c.x), extent(c.y), extent(c.z)];
  const m = Math.max(1e-6, ...ex.map(([lo, hi]) => hi - lo));
  const pad = 0.04 * m;
  return ex.map(([lo, hi]) => {
    const grow = Math.max(pad, (0.125 * m - (hi - lo)) / 2); // thin axes get at least 1/4 of the largest span
    return [lo - grow, hi + grow];
  });
}

/**
 * A plotly 3-D scene that shows every given point: axis ranges from the points, the box
 * in the data's proportions, the camera fitted to it for a viewport of `viewAspect`.
 */
export function fittedScene(
  points: { x: readonly number[]; y: readonly number[]; z: readonly number[] },
  viewAspect: number,
  unitLabel = "µm",
) {
  const r = ranges(points);
  const spans = r.map(([lo, hi]) => hi - lo);
  const m = Math.max(...spans);
  const aspect = { x: spans[0] / m, y: spans[1] / m, z: spans[2] / m };
  const axis = (t: string, range: [number, number]) => ({
    title: { text: `${t} (${unitLabel})` },
    range,
    autorange: false,
  });
  return {
    aspectmode: "manual",
    aspectratio: aspect,
    camera: { eye: fitEye(aspect, viewAspect), center: { x: 0, y: 0, z: 0 }, up: { x: 0, y: 1, z: 0 } },
    xaxis: axis("x", r[0]),
    yaxis: axis("y", r[1]),
    zaxis: axis("z", r[2]),
  };
}
