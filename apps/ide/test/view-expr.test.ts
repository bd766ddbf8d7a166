import { describe, expect, it } from "vitest";
import { Topology } from "../src/session/topology.js";
import { indexArg, viewExpressions } from "../src/session/view-expr.js";
import { tutorialTopology } from "./helpers.js";

describe("viewExpressions", () => {
  const topo = tutorialTopology();
  const branchNodes = (cells: number[], branches: number[]) =>
    cells.flatMap((c) => branches.flatMap((b) => topo.compsOfBranch(c, b)));

  it("compacts branches 1 and 3 of every cell into one expression", () => {
    expect(viewExpressions(topo, branchNodes([0, 1, 2], [1, 3]))).toEqual(['network.cell("all").branch([1, 3])']);
  });

  it("uses the whole model, whole cells, and single indices", () => {
    expect(
      viewExpressions(
        topo,
        Array.from({ length: 24 }, (_, i) => i),
      ),
    ).toEqual(["network"]);
    expect(viewExpressions(topo, [...topo.compsOfCell(0), ...topo.compsOfCell(1)])).toEqual(["network.cell([0, 1])"]);
    expect(viewExpressions(topo, branchNodes([2], [0]))).toEqual(["network.cell(2).branch(0)"]);
    expect(viewExpressions(topo, [topo.globalComp(1, 3, 1)], "net")).toEqual(["net.cell(1).branch(3).comp(1)"]);
  });

  it("groups cells with the same branch list and lists the rest separately", () => {
    const nodes = [
      ...branchNodes([0, 2], [1, 3]),
      ...branchNodes([1], [0]),
      topo.globalComp(1, 2, 0),
      ...topo.compsOfCell(2),
    ];
    expect(viewExpressions(topo, nodes)).toEqual([
      "network.cell(2)",
      "network.cell(0).branch([1, 3])",
      "network.cell(1).branch(0)",
      "network.cell(1).branch(2).comp(0)",
    ]);
  });

  it("selects exactly the given compartments (checked against the topology)", () => {
    const uneven = new Topology([
      {
        branches: [
          { parent: -1, ncomp: 3 },
          { parent: 0, ncomp: 1 },
        ],
      },
      { branches: [{ parent: -1, ncomp: 1 }] },
    ]);
    expect(viewExpressions(uneven, [1, 2, 3])).toEqual([
      "network.cell(0).branch(1)",
      "network.cell(0).branch(0).comp([1, 2])",
    ]);
    expect(viewExpressions(uneven, [])).toEqual([]);
  });

  it("formats index arguments", () => {
    expect(indexArg([0, 1, 2], 3)).toBe('"all"');
    expect(indexArg([0], 1)).toBe("0");
    expect(indexArg([1, 3], 4)).toBe("[1, 3]");
  });
});
