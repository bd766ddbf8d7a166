/**
 * Property: the expressions the IDE writes for a selection select exactly that
 * selection. Random networks and random sets of compartments -> viewExpressions ->
 * each expression's calls read back (no eval) and applied through the core's API ->
 * the union of the views' compartments is the selection.
 */
import * as jx from "@dendrolab/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Topology } from "../src/session/topology.js";
import { viewExpressions } from "../src/session/view-expr.js";

/** Cells as lists of branch sizes (parents: each branch hangs on an earlier one). */
const shapes = fc
  .array(
    fc.array(fc.record({ parent: fc.nat(), ncomp: fc.integer({ min: 1, max: 4 }) }), { minLength: 1, maxLength: 5 }),
    { minLength: 1, maxLength: 4 },
  )
  .map((cells) => cells.map((bs) => bs.map((b, i) => ({ parent: i === 0 ? -1 : b.parent % i, ncomp: b.ncomp }))));

const CALL = /\.(cell|branch|comp)\(([^()]*)\)/gy;

/** Applies `root.cell(a).branch(b).comp(c)` (any prefix of it) to `net`, reading the arguments as JSON. */
function select(net: jx.Network, expr: string, root: string): jx.View {
  expect(expr.startsWith(root)).toBe(true);
  let view: jx.View = net;
  CALL.lastIndex = root.length;
  let end = root.length;
  for (let m = CALL.exec(expr); m; m = CALL.exec(expr)) {
    const arg = JSON.parse(m[2]) as number | number[] | "all";
    view = m[1] === "cell" ? view.cell(arg) : m[1] === "branch" ? view.branch(arg) : view.comp(arg);
    end = CALL.lastIndex;
  }
  expect(end, `all of "${expr}" is calls`).toBe(expr.length);
  return view;
}

describe("the expression for a selection selects it (property)", () => {
  it("round-trips random selections of random networks", () => {
    const model = shapes.chain((cells) => {
      const nComp = cells.flat().reduce((s, b) => s + b.ncomp, 0);
      return fc.record({ cells: fc.constant(cells), nodes: fc.subarray(Array.from({ length: nComp }, (_, i) => i)) });
    });
    fc.assert(
      fc.property(model, ({ cells, nodes }) => {
        const net = new jx.Network(
          cells.map(
            (bs) =>
              new jx.Cell(
                bs.map((b) => new jx.Branch(new jx.Compartment(), b.ncomp)),
                bs.map((b) => b.parent),
              ),
          ),
        );
        const topo = new Topology(cells.map((branches) => ({ branches })));
        expect(topo.nComp).toBe(net.view.length);
        const got = new Set<number>();
        for (const e of viewExpressions(topo, nodes, "net")) {
          for (const n of select(net, e, "net").view.index) got.add(n);
        }
        expect([...got].sort((a, b) => a - b)).toEqual([...nodes].sort((a, b) => a - b));
      }),
      { seed: 31337, numRuns: 200 },
    );
  });
});
