/**
 * Networks: cells copied in, local and global indices in every table (network and
 * sub-views), cell(...) selections across the network, groups carried in from cells,
 * intersections of groups.
 */
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import { HH } from "../../src/channels.js";
import { IonotropicSynapse } from "../../src/synapses.js";

/** Cell A: 3 branches x 2 comps; cell B: 2 branches of 1 and 3 comps. */
function twoShapes() {
  const comp = new jx.Compartment();
  const a = new jx.Cell(new jx.Branch(comp, 2), [-1, 0, 0]);
  const b = new jx.Cell([new jx.Branch(comp, 1), new jx.Branch(comp, 3)], [-1, 0]);
  return { a, b, net: new jx.Network([a, b, a]) };
}

describe("network indices", () => {
  it("copies cells: 6 + 4 + 6 compartments, global indices run across the network", () => {
    const { a, net } = twoShapes();
    const t = net.view;
    expect(t.length).toBe(16);
    expect(t.index).toEqual([...Array(16).keys()]);
    expect(t.column("global_cell_index")).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2]);
    expect(t.column("global_branch_index")).toEqual([0, 0, 1, 1, 2, 2, 3, 4, 4, 4, 5, 5, 6, 6, 7, 7]);
    expect(t.column("global_comp_index")).toEqual([...Array(16).keys()]);
    expect(t.column("local_cell_index")).toEqual(t.column("global_cell_index"));
    expect(t.column("local_branch_index")).toEqual([0, 0, 1, 1, 2, 2, 0, 1, 1, 1, 0, 0, 1, 1, 2, 2]);
    expect(t.column("local_comp_index")).toEqual([0, 1, 0, 1, 0, 1, 0, 0, 1, 2, 0, 1, 0, 1, 0, 1]);
    // The network owns copies: editing it leaves the cell alone, and vice versa.
    net.cell(0).set("radius", 2);
    expect(a.view.column("radius")).toEqual(new Array(6).fill(1));
    a.set("length", 3);
    expect(net.view.column("length")).toEqual(new Array(16).fill(10));
  });

  it("sub-views recompute local indices and keep global ones", () => {
    const { net } = twoShapes();
    const v = net.cell([1, 2]).branch(1).view;
    expect(v.index).toEqual([7, 8, 9, 12, 13]);
    expect(v.column("local_cell_index")).toEqual([0, 0, 0, 1, 1]);
    expect(v.column("local_branch_index")).toEqual([0, 0, 0, 0, 0]);
    expect(v.column("local_comp_index")).toEqual([0, 1, 2, 0, 1]);
    expect(v.column("global_cell_index")).toEqual([1, 1, 1, 2, 2]);
    expect(v.column("global_branch_index")).toEqual([4, 4, 4, 6, 6]);
    expect(v.column("global_comp_index")).toEqual([7, 8, 9, 12, 13]);
    expect(v.columns.slice(0, 6)).toEqual([
      "local_cell_index",
      "local_branch_index",
      "local_comp_index",
      "global_cell_index",
      "global_branch_index",
      "global_comp_index",
    ]);
    // Indices are local to the view they are called on (as in Jaxley).
    expect(net.cell([1, 2]).cell(1).view.column("global_cell_index")).toEqual([2, 2, 2, 2, 2, 2]);
    expect(net.cell([1, 2]).branch(1).comp(2).view.index).toEqual([9]);
    expect(net.branch(1).comp(0).view.index).toEqual([2, 7, 12]);
    expect(() => net.cell([1, 2]).branch(1).comp(2).cell(1)).toThrow(/cell index 1 is out of range.*valid: 0 to 0/);
  });

  it('cell(...) takes a number, a list (any order, duplicates) or "all"', () => {
    const { net } = twoShapes();
    expect(net.cell("all").view.length).toBe(16);
    expect(net.cell([2, 0]).view.column("global_cell_index")).toEqual([0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2]);
    expect(net.cell([1, 1]).view.index).toEqual([6, 7, 8, 9]);
    expect(net.cell(1).branch("all").comp([0, 2]).view.index).toEqual([6, 7, 9]);
    expect(net.cell(1).loc(1).view.index).toEqual([6, 9]);
    expect(net.cell(1).loc([0, 0.5]).view.index).toEqual([6, 7, 8]);
    expect(() => net.cell(3)).toThrow(/cell index 3 is out of range \(in network\) \(valid: 0 to 2\)/);
  });

  it("the edge table of a sub-view has local and global edge indices", () => {
    const { net } = twoShapes();
    jx.fullyConnect(net.cell([0, 1]), net.cell(2), new IonotropicSynapse()); // 0->2, 1->2
    jx.connect(net.cell(2).branch(2).comp(1), net.cell(1).branch(1).comp(2), new IonotropicSynapse()); // 2->1
    const all = net.edges;
    expect(all.column("local_edge_index")).toEqual([0, 1, 2]);
    expect(all.column("global_edge_index")).toEqual([0, 1, 2]);
    const sub = net.cell(1).edges; // synapses touching cell 1
    expect(sub.index).toEqual([1, 2]);
    expect(sub.column("local_edge_index")).toEqual([0, 1]);
    expect(sub.column("global_edge_index")).toEqual([1, 2]);
    expect(sub.column("pre_global_cell_index")).toEqual([1, 2]);
    expect(sub.column("post_global_cell_index")).toEqual([2, 1]);
    expect(sub.column("pre_global_branch_index")).toEqual([3, 7]);
    expect(sub.column("post_global_branch_index")).toEqual([5, 4]);
    expect(sub.column("pre_global_comp_index")).toEqual([6, 15]);
    expect(sub.column("post_global_comp_index")).toEqual([10, 9]);
    expect(sub.column("pre_index")).toEqual([6, 15]);
    expect(sub.column("post_index")).toEqual([10, 9]);
    expect(sub.column("pre_locs")).toEqual([0.5, 0.75]);
    expect(sub.column("post_locs")).toEqual([0.25, 5 / 6]);
    // The compartment table of the same view has 4 rows: edges do not change it.
    expect(net.cell(1).view.length).toBe(4);
  });

  it("groups defined on a cell exist in the network for every copy", () => {
    const comp = new jx.Compartment();
    const branch = new jx.Branch(comp, 2);
    branch.comp(0).addToGroup("proximal");
    const cell = new jx.Cell(branch, [-1, 0, 0]);
    cell.branch(0).addToGroup("soma");
    cell.addToGroup("exc");
    cell.branch([1, 2]).comp(1).addToGroup("tips");
    const net = new jx.Network([cell, cell, cell, new jx.Cell(branch, [-1, 0])]);
    expect(net.groupNames).toEqual(["proximal", "soma", "exc", "tips"]);
    expect(net.group("soma").view.index).toEqual([0, 1, 6, 7, 12, 13]); // the 4th cell has no soma group
    expect(net.group("exc").view.column("global_cell_index")).toEqual([
      0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2,
    ]);
    expect(net.group("tips").view.index).toEqual([3, 5, 9, 11, 15, 17]);
    // Groups of branches carry into cells and then into networks.
    expect(net.group("proximal").view.index).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
    // One boolean column per group.
    const t = net.cell(3).view;
    for (const g of ["proximal", "soma", "exc", "tips"]) expect(t.columns).toContain(g);
    expect(t.column("proximal")).toEqual([true, false, true, false]);
    expect(t.column("exc")).toEqual([false, false, false, false]);
    // Adding to a group of the network does not touch the original cell.
    net.cell(3).addToGroup("exc");
    expect(net.group("exc").view.length).toBe(22);
    expect(cell.group("exc").view.length).toBe(6);
  });

  it("intersections: group of a group, group of a selection, property chains", () => {
    const cell = new jx.Cell(new jx.Branch(new jx.Compartment(), 2), [-1, 0, 0]);
    cell.branch(0).addToGroup("soma");
    const net = new jx.Network([cell, cell, cell, cell]);
    net.cell([0, 2]).addToGroup("exc");
    net.cell([1, 3]).addToGroup("inh");
    const a = net.group("exc").group("soma");
    const b = net.group("exc").group("soma");
    const c = net.group("soma").group("exc");
    expect(a.view.index).toEqual([0, 1, 12, 13]);
    expect(b.view.index).toEqual([0, 1, 12, 13]);
    expect(c.view.index).toEqual([0, 1, 12, 13]);
    expect(net.group("exc").group("inh").view.length).toBe(0);
    expect(net.cell(2).group("soma").view.index).toEqual([12, 13]);
    expect(net.group("exc").cell(1).branch(2).view.index).toEqual([16, 17]);
    expect(b.view.column("local_cell_index")).toEqual([0, 0, 1, 1]);
    // set and a shared trainable through the intersection.
    net.group("exc").group("soma").set("radius", 3);
    expect(net.view.column("radius").filter((r) => r === 3)).toHaveLength(4);
  });

  it("a network of cells with channels simulates all cells together", () => {
    const cell = new jx.Cell(new jx.Branch(new jx.Compartment(), 2), [-1, 0]);
    cell.insert(new HH());
    const net = new jx.Network([cell, cell]);
    net
      .cell(0)
      .branch(0)
      .comp(0)
      .stimulate(jx.stepCurrent(1, 3, 0.5, 0.025, 10));
    net.cell(0).branch(0).comp(0).record();
    net.cell(1).branch(0).comp(0).record();
    const r = jx.simulate(net, { tMax: 10 });
    const v0 = r.values.subarray(0, r.nSamples);
    const v1 = r.values.subarray(r.nSamples);
    // The stimulated cell spikes; the other (unconnected) stays exactly as the same cell alone.
    expect(Math.max(...v0)).toBeGreaterThan(20);
    cell.branch(0).comp(0).record();
    const alone = jx.simulate(cell, { tMax: 10 });
    expect(Array.from(v1)).toEqual(Array.from(alone.values));
  });
});
