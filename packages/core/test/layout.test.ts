/**
 * computeXyz: a fanned 2-D layout for cells without coordinates.
 */
import { describe, expect, it } from "vitest";
import * as jx from "../src/index.js";
import { computeXyz } from "../src/morphology/layout.js";

describe("computeXyz", () => {
  const cell = new jx.Cell(new jx.Branch(new jx.Compartment(), 2), [-1, 0, 0, 1]);

  it("places the root branch upwards from the origin, compartments at their centres", () => {
    const { x, y, z, branchPaths } = computeXyz(cell.base.cells);
    expect(x.length).toBe(8);
    expect([x[0], y[0], z[0]].map((v) => +v.toFixed(9))).toEqual([0, 5, 0]);
    expect(+y[1].toFixed(9)).toBe(15);
    expect(branchPaths).toHaveLength(4);
    expect(branchPaths[0].map((p) => p.map((v) => +v.toFixed(9)))).toEqual([
      [0, 0, 0],
      [0, 5, 0],
      [0, 15, 0],
      [0, 20, 0],
    ]);
  });

  it("starts children at the parent's tip and fans them out symmetrically", () => {
    const { x, y, branchPaths } = computeXyz(cell.base.cells);
    expect(branchPaths[1][0].map((v) => +v.toFixed(9))).toEqual([0, 20, 0]);
    expect(branchPaths[2][0].map((v) => +v.toFixed(9))).toEqual([0, 20, 0]);
    expect(x[2] + x[4]).toBeCloseTo(0, 9); // branches 1 and 2 mirror each other
    expect(y[2]).toBeCloseTo(y[4], 9);
    expect(branchPaths[3][0][0]).toBeCloseTo(branchPaths[1][3][0], 9); // branch 3 hangs off branch 1's tip
  });

  it("uses compartment lengths", () => {
    const { branchPaths } = computeXyz(cell.base.cells, { lengthUm: new Float64Array(8).fill(50) });
    expect(branchPaths[0][3][1]).toBeCloseTo(100, 9);
  });

  it("lays a network's cells side by side without overlap", () => {
    const net = new jx.Network([cell, cell, cell]);
    const { x } = computeXyz(net.base.cells);
    const range = (c: number) => [Math.min(...x.slice(8 * c, 8 * c + 8)), Math.max(...x.slice(8 * c, 8 * c + 8))];
    expect(range(1)[0]).toBeGreaterThan(range(0)[1]);
    expect(range(2)[0]).toBeGreaterThan(range(1)[1]);
  });

  it("lays large networks out in a grid of rows", () => {
    const net = new jx.Network(Array.from({ length: 16 }, () => cell));
    const { x, y } = computeXyz(net.base.cells);
    const centre = (c: number) => [x[8 * c], y[8 * c]];
    expect(centre(1)[0]).toBeGreaterThan(centre(0)[0]); // same row, to the right
    expect(centre(4)[1]).toBeLessThan(centre(0)[1] - 20); // next row, below
    expect(centre(4)[0]).toBeCloseTo(centre(0)[0], 9);
    const two = computeXyz(net.base.cells, { cellsPerRow: 8 });
    expect(two.y[8 * 7]).toBeCloseTo(two.y[0], 9);
    expect(two.y[8 * 8]).toBeLessThan(two.y[0]);
  });

  it("follows traced points when every branch has them", () => {
    const traced = [
      {
        parents: [-1],
        parentX: [1],
        ncomp: [2],
        points: [
          [
            [0, 0, 0, 1],
            [0, 0, 40, 1],
          ] as Array<[number, number, number, number]>,
        ],
      },
    ];
    const { z } = computeXyz(traced);
    expect(Array.from(z)).toEqual([10, 30]);
  });
});
