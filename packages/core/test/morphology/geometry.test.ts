import { describe, expect, test } from "vitest";
import { DendrolabError } from "../../src/errors.js";
import {
  cumulativePathLength,
  cutPolyline,
  cylinderComps,
  cylinderLateralArea,
  cylinderResistiveLoad,
  frustumLateralArea,
  frustumResistiveLoad,
  frustumVolume,
  pointAtPathLength,
  splitPolyline,
  type TracedPoint,
} from "../../src/morphology/geometry.js";

const PI = Math.PI;

/** Midpoint-rule integral of f over [a, b]. */
function integrate(f: (x: number) => number, a: number, b: number, n = 20000): number {
  const h = (b - a) / n;
  let s = 0;
  for (let i = 0; i < n; i++) s += f(a + (i + 0.5) * h);
  return s * h;
}

describe("frustum and cylinder formulas", () => {
  test("lateral area with slant, by hand", () => {
    expect(frustumLateralArea(1, 1, 2)).toBeCloseTo(4 * PI, 12); // cylinder 2 pi r h
    expect(frustumLateralArea(0, 3, 4)).toBeCloseTo(15 * PI, 12); // cone: pi r s, s = 5
    expect(frustumLateralArea(1, 2, 3)).toBeCloseTo(3 * PI * Math.sqrt(10), 12);
    expect(frustumLateralArea(0, 2, 0)).toBeCloseTo(4 * PI, 12); // annulus = disk of radius 2
    expect(frustumLateralArea(2, 1, 3)).toBe(frustumLateralArea(1, 2, 3));
  });

  test("lateral area equals the surface integral 2 pi r sqrt(1 + r'^2)", () => {
    const [r1, r2, h] = [0.7, 2.3, 5];
    const slope = (r2 - r1) / h;
    const numeric = integrate((l) => 2 * PI * (r1 + slope * l) * Math.sqrt(1 + slope * slope), 0, h);
    expect(frustumLateralArea(r1, r2, h)).toBeCloseTo(numeric, 6);
  });

  test("resistive load h / (pi r1 r2) equals integral dl / (pi r^2)", () => {
    expect(frustumResistiveLoad(1, 2, 3)).toBeCloseTo(3 / (2 * PI), 12);
    const [r1, r2, h] = [0.2, 1.5, 40];
    const numeric = integrate((l) => 1 / (PI * (r1 + ((r2 - r1) * l) / h) ** 2), 0, h);
    expect(frustumResistiveLoad(r1, r2, h) / numeric).toBeCloseTo(1, 6);
  });

  test("cylinder special cases agree with the frustum formulas", () => {
    expect(cylinderLateralArea(1.5, 4)).toBeCloseTo(frustumLateralArea(1.5, 1.5, 4), 12);
    expect(cylinderResistiveLoad(1.5, 4)).toBeCloseTo(frustumResistiveLoad(1.5, 1.5, 4), 12);
    expect(cylinderResistiveLoad(2, 10)).toBeCloseTo(10 / (4 * PI), 12);
    expect(frustumVolume(1, 1, 2)).toBeCloseTo(2 * PI, 12);
    expect(frustumVolume(0, 3, 4)).toBeCloseTo(12 * PI, 12); // cone: pi r^2 h / 3
  });

  test("degenerate cases: zero height, zero radius", () => {
    expect(frustumResistiveLoad(1, 2, 0)).toBe(0);
    expect(frustumResistiveLoad(0, 2, 1)).toBe(Infinity);
    expect(cylinderResistiveLoad(1, 0)).toBe(0);
    expect(frustumLateralArea(1, 1, 0)).toBe(0);
  });
});

describe("path helpers", () => {
  const bent: TracedPoint[] = [
    [0, 0, 0, 1],
    [3, 0, 0, 1],
    [3, 4, 0, 3],
  ];

  test("cumulative path length and interpolation", () => {
    expect([...cumulativePathLength(bent)]).toEqual([0, 3, 7]);
    const cum = cumulativePathLength(bent);
    expect(pointAtPathLength(bent, cum, 5)).toEqual([3, 2, 0, 2]);
    expect(pointAtPathLength(bent, cum, -1)).toEqual([0, 0, 0, 1]);
    expect(pointAtPathLength(bent, cum, 99)).toEqual([3, 4, 0, 3]);
  });

  test("splitPolyline gives equal pieces that share interpolated cut points", () => {
    const pieces = splitPolyline(bent, 2);
    expect(pieces).toHaveLength(2);
    const lengths = pieces.map((p) => cumulativePathLength(p).at(-1));
    expect(lengths[0]).toBeCloseTo(3.5, 12);
    expect(lengths[1]).toBeCloseTo(3.5, 12);
    expect(pieces[0].at(-1)).toEqual([3, 0.5, 0, 1.25]);
    expect(pieces[1][0]).toEqual(pieces[0].at(-1));
    expect(pieces[1].at(-1)).toEqual([3, 4, 0, 3]);
  });

  test("splitPolyline keeps a point that lies on a cut once", () => {
    const line: TracedPoint[] = [
      [0, 0, 0, 1],
      [1, 0, 0, 1],
      [2, 0, 0, 1],
    ];
    const pieces = splitPolyline(line, 2);
    expect(pieces).toEqual([
      [line[0], line[1]],
      [line[1], line[2]],
    ]);
  });
});

describe("cutPolyline", () => {
  test("a cylinder: equal compartments, 2 pi r l, loads l / 2 / (pi r^2)", () => {
    const comps = cutPolyline(
      [
        [0, 0, 0, 1],
        [10, 0, 0, 1],
      ],
      2,
    );
    expect(comps).toHaveLength(2);
    for (const [k, c] of comps.entries()) {
      expect(c.lengthUm).toBeCloseTo(5, 12);
      expect(c.radiusUm).toBeCloseTo(1, 12);
      expect(c.areaUm2).toBeCloseTo(10 * PI, 12);
      expect(c.loadInPerUm).toBeCloseTo(2.5 / PI, 12);
      expect(c.loadOutPerUm).toBeCloseTo(2.5 / PI, 12);
      expect([c.x, c.y, c.z]).toEqual([2.5 + 5 * k, 0, 0]);
    }
  });

  test("a cone: radius interpolated at the half point, halves integrated exactly", () => {
    const [c] = cutPolyline(
      [
        [0, 0, 0, 1],
        [10, 0, 0, 2],
      ],
      1,
    );
    expect(c.radiusUm).toBeCloseTo(1.5, 12);
    expect(c.areaUm2).toBeCloseTo(3 * PI * Math.sqrt(101), 10);
    expect(c.loadInPerUm).toBeCloseTo(5 / (PI * 1 * 1.5), 12);
    expect(c.loadOutPerUm).toBeCloseTo(5 / (PI * 1.5 * 2), 12);
  });

  test("many points, many compartments: equal lengths and conserved totals", () => {
    const pts: TracedPoint[] = [];
    for (let i = 0; i < 13; i++) pts.push([i * i * 0.3, Math.sin(i) * 4, i, 0.5 + 0.4 * Math.cos(i)]);
    const cum = cumulativePathLength(pts);
    const total = cum[pts.length - 1];
    let area = 0;
    let load = 0;
    let rInt = 0;
    for (let i = 1; i < pts.length; i++) {
      const h = cum[i] - cum[i - 1];
      area += frustumLateralArea(pts[i - 1][3], pts[i][3], h);
      load += frustumResistiveLoad(pts[i - 1][3], pts[i][3], h);
      rInt += 0.5 * (pts[i - 1][3] + pts[i][3]) * h;
    }
    for (const n of [1, 2, 3, 7, 40]) {
      const comps = cutPolyline(pts, n);
      expect(comps).toHaveLength(n);
      for (const c of comps) expect(c.lengthUm).toBeCloseTo(total / n, 10);
      const sum = (f: (c: (typeof comps)[number]) => number) => comps.reduce((a, c) => a + f(c), 0);
      // Cutting a frustum inside gives two frusta whose areas and loads add up exactly.
      expect(sum((c) => c.areaUm2) / area).toBeCloseTo(1, 10);
      expect(sum((c) => c.loadInPerUm + c.loadOutPerUm) / load).toBeCloseTo(1, 10);
      expect(sum((c) => c.radiusUm * c.lengthUm) / rInt).toBeCloseTo(1, 10);
    }
  });

  test("centres are half-way along the bent path", () => {
    const comps = cutPolyline(
      [
        [0, 0, 0, 1],
        [3, 0, 0, 1],
        [3, 4, 0, 1],
      ],
      2,
    );
    expect([comps[0].x, comps[0].y]).toEqual([1.75, 0]);
    expect([comps[1].x, comps[1].y]).toEqual([3, 2.25]);
  });

  test("a radius jump between coincident points adds the annulus to the half ending there", () => {
    const comps = cutPolyline(
      [
        [0, 0, 0, 1],
        [1, 0, 0, 1],
        [1, 0, 0, 2],
        [2, 0, 0, 2],
      ],
      2,
    );
    expect(comps[0].areaUm2).toBeCloseTo(2 * PI + 3 * PI, 12); // cylinder + annulus 1..2
    expect(comps[1].areaUm2).toBeCloseTo(4 * PI, 12);
    expect(comps[0].loadOutPerUm).toBeCloseTo(0.5 / PI, 12);
    expect(comps[1].loadInPerUm).toBeCloseTo(0.5 / (4 * PI), 12);
    expect(comps[0].radiusUm).toBeCloseTo(1, 12);
    expect(comps[1].radiusUm).toBeCloseTo(2, 12);
  });

  test("zero-length segments and zero-length polylines give no NaN", () => {
    const repeated = cutPolyline(
      [
        [0, 0, 0, 1],
        [0, 0, 0, 1],
        [4, 0, 0, 1],
        [4, 0, 0, 1],
      ],
      4,
    );
    for (const c of repeated) {
      expect(c.lengthUm).toBeCloseTo(1, 12);
      expect(c.areaUm2).toBeCloseTo(2 * PI, 12);
    }
    const dot = cutPolyline(
      [
        [1, 2, 3, 1],
        [1, 2, 3, 3],
      ],
      3,
    );
    for (const c of dot) {
      for (const v of Object.values(c)) expect(Number.isNaN(v)).toBe(false);
      expect(c.lengthUm).toBe(0);
      expect(c.radiusUm).toBe(2);
      expect([c.x, c.y, c.z]).toEqual([1, 2, 3]);
    }
    expect(dot.reduce((a, c) => a + c.areaUm2, 0)).toBeCloseTo(8 * PI, 12); // the annulus
    expect(cutPolyline([[5, 5, 5, 2]], 2).map((c) => c.radiusUm)).toEqual([2, 2]);
  });

  test("bad arguments are DendrolabErrors that say what was given", () => {
    expect(() => cutPolyline([], 1)).toThrow(/at least one traced point/);
    expect(() => cutPolyline([[0, 0, 0, 1]], 0)).toThrow(/ncomp must be a positive integer, got 0/);
    expect(() => cutPolyline([[0, 0, 0, 1]], 1.5)).toThrow(DendrolabError);
    expect(() => cutPolyline([[0, 0, 0, 1]], 1, new Float64Array(2))).toThrow(
      expect.objectContaining({ code: "SHAPE_MISMATCH" }),
    );
  });

  test("cylinderComps: a short cylinder split evenly", () => {
    const comps = cylinderComps(0.1, 2, [1, 2, 3], 2);
    expect(comps[0].lengthUm).toBeCloseTo(0.05, 15);
    expect(comps[0].areaUm2).toBeCloseTo(2 * PI * 2 * 0.05, 15);
    expect(comps[0].loadInPerUm).toBeCloseTo(0.025 / (4 * PI), 15);
  });
});
