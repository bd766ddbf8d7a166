/**
 * Connecting cells: connect, fullyConnect, sparseConnect (seeded), connectivityMatrixConnect,
 * synapse sites, edge(i) and select({ edges }), the .edges table, and set on synapse
 * parameters per synapse, per type and for a selection.
 */
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import { IonotropicSynapse, TanhRateSynapse } from "../../src/synapses.js";

/** n cells of 2 branches x 3 compartments (6 compartments each). */
function network(n: number) {
  const cell = new jx.Cell(new jx.Branch(new jx.Compartment(), 3), [-1, 0]);
  return new jx.Network(Array.from({ length: n }, () => cell));
}

const pairs = (net: jx.Network) => {
  const t = net.edges;
  const pre = t.column("pre_global_cell_index");
  const post = t.column("post_global_cell_index");
  return pre.map((p, i) => `${p}->${post[i]}`);
};

describe("connect", () => {
  it("pairs compartments one to one, in view order", () => {
    const net = network(3);
    jx.connect(net.cell(0).branch(1).comp([0, 2]), net.cell(2).branch(0).comp([1, 2]), new IonotropicSynapse());
    const t = net.edges;
    expect(t.column("pre_global_comp_index")).toEqual([3, 5]);
    expect(t.column("post_global_comp_index")).toEqual([13, 14]);
    expect(t.column("pre_locs")).toEqual([1 / 6, 5 / 6]);
    expect(t.column("post_locs")).toEqual([0.5, 5 / 6]);
    expect(t.column("IonotropicSynapse_gS")).toEqual([1e-4, 1e-4]);
    expect(t.column("IonotropicSynapse_s")).toEqual([0.2, 0.2]);
    // loc() selections work as endpoints.
    jx.connect(net.cell(1).branch(1).loc(1), net.cell(0).branch(0).loc(0), new TanhRateSynapse());
    expect(net.edge(2).edges.column("pre_global_comp_index")).toEqual([11]);
    expect(net.edge(2).edges.column("post_global_comp_index")).toEqual([0]);
  });
});

describe("fullyConnect", () => {
  it("connects every pre cell to every post cell, pre-major, at each cell's first compartment", () => {
    const net = network(5);
    jx.fullyConnect(net.cell([0, 1]), net.cell([2, 3, 4]), new IonotropicSynapse());
    expect(pairs(net)).toEqual(["0->2", "0->3", "0->4", "1->2", "1->3", "1->4"]);
    expect(net.edges.column("pre_global_comp_index")).toEqual([0, 0, 0, 6, 6, 6]);
    expect(net.edges.column("post_global_comp_index")).toEqual([12, 18, 24, 12, 18, 24]);
    expect(net.edges.column("index_within_type")).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("uses the first compartment in view of each cell (Jaxley's local branch 0, comp 0)", () => {
    const net = network(2);
    jx.fullyConnect(net.cell(0).branch(1), net.cell(1).branch(1).comp(2), new IonotropicSynapse());
    expect(net.edges.column("pre_global_comp_index")).toEqual([3]);
    expect(net.edges.column("post_global_comp_index")).toEqual([11]);
  });

  it("randomPostComp draws the post site among the post cell's compartments, seeded", () => {
    const build = (seed: number) => {
      const net = network(4);
      jx.fullyConnect(net.cell([0, 1]), net.cell([2, 3]), new IonotropicSynapse(), { randomPostComp: true, seed });
      return net.edges;
    };
    const a = build(3);
    expect(a.column("pre_global_comp_index")).toEqual([0, 0, 6, 6]);
    expect(a.column("post_global_cell_index")).toEqual([2, 3, 2, 3]);
    expect(build(3).column("post_global_comp_index")).toEqual(a.column("post_global_comp_index"));
    const sites = new Set<number>();
    for (let seed = 0; seed < 20; seed++)
      for (const p of build(seed).column("post_global_comp_index")) sites.add(p as number);
    expect([...sites].every((s) => s >= 12 && s < 24)).toBe(true);
    expect(sites.size).toBeGreaterThan(6);
  });
});

describe("sparseConnect", () => {
  it("is reproducible: the same seed gives the same synapses, another seed others", () => {
    const build = (seed?: number) => {
      const net = network(20);
      jx.sparseConnect(
        net.cell("all"),
        net.cell("all"),
        new IonotropicSynapse(),
        0.3,
        seed === undefined ? undefined : { seed },
      );
      return pairs(net);
    };
    const a = build(1);
    expect(build(1)).toEqual(a);
    expect(build(2)).not.toEqual(a);
    expect(build()).toEqual(build(0)); // the default seed is 0
    // Roughly p of the 400 pairs, no pair twice.
    expect(a.length).toBeGreaterThan(80);
    expect(a.length).toBeLessThan(160);
    expect(new Set(a).size).toBe(a.length);
  });

  it("p = 0 adds nothing, p = 1 connects every pair", () => {
    const net = network(4);
    jx.sparseConnect(net.cell([0, 1]), net.cell([2, 3]), new IonotropicSynapse(), 0);
    expect(net.edges.length).toBe(0);
    jx.sparseConnect(net.cell([0, 1]), net.cell([2, 3]), new IonotropicSynapse(), 1);
    expect(pairs(net)).toEqual(["0->2", "0->3", "1->2", "1->3"]);
  });
});

describe("connectivityMatrixConnect", () => {
  it("connects where the matrix is true or non-zero; rows may be typed arrays", () => {
    const net = network(5);
    jx.connectivityMatrixConnect(net.cell([0, 1]), net.cell([2, 3, 4]), new IonotropicSynapse(), [
      [true, false, true],
      [false, true, false],
    ]);
    expect(pairs(net)).toEqual(["0->2", "0->4", "1->3"]);
    jx.connectivityMatrixConnect(net.cell([3, 4]), net.cell([0]), new TanhRateSynapse(), [
      Uint8Array.of(0),
      Float64Array.of(0.5),
    ]);
    expect(pairs(net)).toEqual(["0->2", "0->4", "1->3", "4->0"]);
    expect(net.edges.column("type")).toEqual([
      "IonotropicSynapse",
      "IonotropicSynapse",
      "IonotropicSynapse",
      "TanhRateSynapse",
    ]);
    expect(net.edges.column("index_within_type")).toEqual([0, 1, 2, 0]);
  });
});

describe("edge views and the .edges table", () => {
  function wired() {
    const net = network(4);
    jx.fullyConnect(net.cell([0, 1]), net.cell([2, 3]), new IonotropicSynapse()); // edges 0..3
    jx.connect(net.cell(3).branch(1).comp(2), net.cell(0).branch(1).comp(0), new TanhRateSynapse()); // edge 4
    jx.connect(net.cell(2), net.cell(1), new IonotropicSynapse()); // edges 5..10
    return net;
  }

  it("has Jaxley's columns and every synapse parameter and state", () => {
    const t = wired().edges;
    expect(t.length).toBe(11);
    expect(t.columns).toEqual([
      "local_edge_index",
      "global_edge_index",
      "index_within_type",
      "type",
      "type_ind",
      "pre_index",
      "post_index",
      "pre_locs",
      "post_locs",
      "pre_global_cell_index",
      "pre_global_branch_index",
      "pre_global_comp_index",
      "post_global_cell_index",
      "post_global_branch_index",
      "post_global_comp_index",
      "IonotropicSynapse_gS",
      "IonotropicSynapse_e_syn",
      "IonotropicSynapse_k_minus",
      "IonotropicSynapse_v_th",
      "IonotropicSynapse_delta",
      "IonotropicSynapse_s",
      "TanhRateSynapse_gS",
      "TanhRateSynapse_x_offset",
      "TanhRateSynapse_slope",
    ]);
    expect(t.column("index_within_type")).toEqual([0, 1, 2, 3, 0, 4, 5, 6, 7, 8, 9]);
    expect(t.column("type_ind")).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    expect(t.column("TanhRateSynapse_x_offset")).toEqual([NaN, NaN, NaN, NaN, -70, NaN, NaN, NaN, NaN, NaN, NaN]);
    expect(t.toString()).toContain("[11 rows x 24 columns]");
    expect(t.toString().split("\n")[0]).toMatch(/^\s+local_edge_index\s+global_edge_index\s+index_within_type\s+type/);
  });

  it("a table is a snapshot: later edits do not change it", () => {
    const net = wired();
    const before = net.edges;
    const nodes = net.view;
    net.edge(0).set("IonotropicSynapse_gS", 0.5);
    net.set("radius", 2);
    net.cell(0).addToGroup("late");
    expect(before.column("IonotropicSynapse_gS")[0]).toBe(1e-4);
    expect(nodes.column("radius")[0]).toBe(1);
    expect(nodes.columns).not.toContain("late");
    expect(net.edges.column("IonotropicSynapse_gS")[0]).toBe(0.5);
  });

  it("edge(i) indexes the view's synapses; inside a type view, within the type", () => {
    const net = wired();
    expect(net.edge(4).edges.column("type")).toEqual(["TanhRateSynapse"]);
    expect(net.edge([1, 3]).edges.index).toEqual([1, 3]);
    expect(net.named("IonotropicSynapse").edge(4).edges.index).toEqual([5]);
    expect(net.named("IonotropicSynapse").edges.length).toBe(10);
    expect(net.named("TanhRateSynapse").edge(0).edges.index).toEqual([4]);
    expect(net.cell(3).edge(2).edges.index).toEqual([4]); // synapses touching cell 3: 1, 3, 4
    expect(net.edge("all").edges.length).toBe(11);
    expect(net.edge(0).view.length).toBe(0); // an edge view holds no compartments
    expect(() => net.edge(11)).toThrow(/edge index 11 is out of range \(in network\) \(valid: 0 to 10\)/);
    expect(() => net.named("TanhRateSynapse").edge(1)).toThrow(
      /edge index 1 is out of range \(in network\.TanhRateSynapse\) \(valid: 0 to 0\)/,
    );
  });

  it("select({ edges }) takes global edge indices", () => {
    const net = wired();
    expect(net.select({ edges: [7, 2, 7] }).edges.index).toEqual([2, 7]);
    expect(net.cell(0).select({ edges: [9] }).edges.index).toEqual([9]);
    expect(net.select({ nodes: [0, 13] }).view.index).toEqual([0, 13]);
    expect(() => net.select({ edges: [11] })).toThrow(/edge 11 is out of range \(in network\) \(valid: 0 to 10\)/);
  });

  it("set: per synapse, per type through the proxy, for a selection, for a cell's synapses", () => {
    const net = wired();
    const gS = () => net.edges.column("IonotropicSynapse_gS");
    net.edge(3).set("IonotropicSynapse_gS", 0.3);
    expect(gS()[3]).toBe(0.3);
    net.named("IonotropicSynapse").set("IonotropicSynapse_e_syn", -80);
    expect(net.edges.column("IonotropicSynapse_e_syn")).toEqual([
      -80,
      -80,
      -80,
      -80,
      NaN,
      -80,
      -80,
      -80,
      -80,
      -80,
      -80,
    ]);
    net.select({ edges: [5, 6] }).set("IonotropicSynapse_gS", [0.5, 0.6]);
    expect(gS().slice(5, 8)).toEqual([0.5, 0.6, 1e-4]);
    net.named("IonotropicSynapse").edge([0, 1]).set("IonotropicSynapse_s", 0.7);
    expect(net.edges.column("IonotropicSynapse_s").slice(0, 3)).toEqual([0.7, 0.7, 0.2]);
    // A view of cells sets the synapses that touch them (pre or post).
    net.cell(0).set("TanhRateSynapse_slope", 2);
    expect(net.edges.column("TanhRateSynapse_slope")[4]).toBe(2);
    // One value per synapse in view that has the key.
    net.set(
      "IonotropicSynapse_delta",
      Array.from({ length: 10 }, (_, i) => i + 1),
    );
    expect(net.edges.column("IonotropicSynapse_delta")).toEqual([1, 2, 3, 4, NaN, 5, 6, 7, 8, 9, 10]);
    expect(() => net.edge(4).set("IonotropicSynapse_gS", 1)).toThrow(
      /no synapse in view has 'IonotropicSynapse_gS' \(in network\.edge\(4\)\)/,
    );
    expect(() => net.named("IonotropicSynapse").set("IonotropicSynapse_gS", [1, 2])).toThrow(
      /got 2 values but the view has 10 rows with 'IonotropicSynapse_gS'/,
    );
  });

  it("makeTrainable on synapses: one shared value per type view, one per synapse for edge()", () => {
    const net = wired();
    net.named("IonotropicSynapse").makeTrainable("IonotropicSynapse_gS");
    net.edge([0, 4]).makeTrainable("TanhRateSynapse_gS");
    net.select({ edges: [1, 2] }).makeTrainable("IonotropicSynapse_e_syn");
    const sizes = net.getParameters().map((p) => Object.values(p)[0].size);
    expect(sizes).toEqual([1, 1, 2]);
  });
});
