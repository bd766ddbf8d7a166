import { expect, it } from "vitest";
import * as jx from "../../src/index.js";
import { HH } from "../../src/channels.js";
import { adjoint, finiteDifference, weights } from "./helpers.js";

it("float64 adjoint equals central finite differences", () => {
  const cell = new jx.Cell(new jx.Branch(new jx.Compartment(), 3), [-1, 0, 0]);
  cell.insert(new HH());
  cell.set("v", -65);
  cell.initStates();
  cell.branch(2).comp(2).record();
  cell.branch(1).comp(0).record("HH_m");
  cell.branch(0).comp(0).stimulate(jx.stepCurrent(1, 3, 0.3, 0.025, 10));
  const opts = { tMax: 10 };
  const w = weights(2 * 401);
  const g = adjoint(cell, w, opts);
  for (const [key, idx] of [["HH_gNa", 4], ["HH_gK", 0], ["radius", 5], ["length", 2], ["axial_resistivity", 7], ["capacitance", 1], ["v", 3], ["HH_m", 8], ["HH_eLeak", 6]] as const) {
    const fd = finiteDifference(cell, w, opts, key, "node", idx);
    const ad = g.node.get(key)![idx];
    console.log(key, idx, ad, fd, Math.abs(ad - fd) / Math.abs(fd));
  }
});
