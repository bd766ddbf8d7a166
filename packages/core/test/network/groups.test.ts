/**
 * Groups: addToGroup on any view, group(name), property access, groupNames, a boolean
 * column per group, and clear errors for names that clash or do not exist.
 */
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import { HH, Na } from "../../src/channels.js";
import { defineSynapse, IonotropicSynapse } from "../../src/synapses.js";

/** 3 cells of 3 branches x 4 compartments, with HH. */
function network() {
  const cell = new jx.Cell(new jx.Branch(new jx.Compartment(), 4), [-1, 0, 0]);
  const net = new jx.Network([cell, cell, cell]);
  net.insert(new HH());
  return net;
}

describe("addToGroup on any view", () => {
  it("cells, branches, compartments, loc, select, channel views and groups", () => {
    const net = network();
    net.cell(1).addToGroup("cells");
    net.cell(0).branch(2).addToGroup("branches");
    net.cell(2).branch(1).comp([0, 3]).addToGroup("comps");
    net.branch(0).loc(0.6).addToGroup("mid"); // comp 2 of branch 0 of every cell
    net.select({ nodes: [5, 30] }).addToGroup("picked");
    net.named("HH").cell(2).branch(2).addToGroup("hh_tail");
    net.group("mid").cell(0).addToGroup("mid0");
    expect(net.groupNames).toEqual(["cells", "branches", "comps", "mid", "picked", "hh_tail", "mid0"]);
    expect(net.group("cells").view.index).toEqual([...Array(12).keys()].map((i) => 12 + i));
    expect(net.group("branches").view.index).toEqual([8, 9, 10, 11]);
    expect(net.group("comps").view.index).toEqual([28, 31]);
    expect(net.group("mid").view.index).toEqual([2, 14, 26]);
    expect(net.group("picked").view.index).toEqual([5, 30]);
    expect(net.group("hh_tail").view.index).toEqual([32, 33, 34, 35]);
    expect(net.group("mid0").view.index).toEqual([2]);
    // Adding again extends a group; the same compartment twice counts once.
    net.cell(2).branch(1).comp([1, 3]).addToGroup("comps");
    expect(net.group("comps").view.index).toEqual([28, 29, 31]);
  });

  it("one boolean column per group in every compartment table, in creation order", () => {
    const net = network();
    net.cell(0).branch(1).addToGroup("apical");
    net.cell(0).addToGroup("fast");
    const t = net.cell(0).branch([0, 1]).comp(0).view;
    expect(t.columns.slice(-2)).toEqual(["apical", "fast"]);
    expect(t.column("apical")).toEqual([false, true]);
    expect(t.column("fast")).toEqual([true, true]);
    expect(t.toString()).toMatch(/apical\s+fast\n0 .* False\s+True\n4 .* True\s+True/);
    expect(net.cell(2).view.column("apical")).toEqual(new Array(12).fill(false));
  });

  it("group(name) and property access give the same view", () => {
    const net = network();
    net.cell([0, 2]).branch(1).addToGroup("apical");
    net.cell(1).addToGroup("my_cells");
    // Property access works at run time; its type is not declared, so TypeScript writes group().
    const byProperty = (net as unknown as Record<string, jx.View>).apical;
    expect(byProperty.view.index).toEqual(net.group("apical").view.index);
    expect(byProperty.path).toBe("network.apical");
    expect(net.named("apical").view.index).toEqual(net.group("apical").view.index);
    expect(net.group("my_cells").view.length).toBe(12);
    net.group("apical").set("radius", 0.3);
    expect(net.view.column("radius").filter((r) => r === 0.3)).toHaveLength(8);
    net.group("apical").makeTrainable("HH_gNa"); // a group shares one value
    expect(net.getParameters()[0].HH_gNa.size).toBe(1);
    // Synapses touching a group.
    jx.fullyConnect(net.cell(1), net.cell([0, 2]), new IonotropicSynapse());
    expect(net.group("apical").edges.length).toBe(0); // synapses land on branch 0, not in the group
    expect(net.group("my_cells").edges.index).toEqual([0, 1]);
  });
});

describe("group errors list the groups that exist", () => {
  it("an unknown group: nearest match and the list", () => {
    const net = network();
    expect(() => net.group("apical")).toThrow(/Unknown group 'apical' \(in network\)\. Valid: \(none\)\./);
    net.cell(0).addToGroup("apical");
    net.cell(1).addToGroup("basal");
    expect(() => net.group("apicl")).toThrow(
      /Unknown group 'apicl' \(in network\)\. Valid: apical, basal\. Did you mean 'apical'\?/,
    );
    expect(() => net.cell(0).group("axon")).toThrow(
      /Unknown group 'axon' \(in network\.cell\(0\)\)\. Valid: apical, basal\./,
    );
    expect(() => (net as unknown as Record<string, jx.View>).apicl).toThrow(
      /'apicl' is not a method, a group, a channel or a synapse of this view\. Groups, channels and synapses here: apical, basal, HH\./,
    );
    expect(() => net.named("apicl")).toThrow(
      /Unknown group, channel or synapse 'apicl' \(in network\)\. Valid: apical, basal, HH\. Did you mean 'apical'\?/,
    );
    expect(net.named("HH").view.length).toBe(36);
  });

  it("a name that clashes with a channel, a synapse, a column or a member", () => {
    const net = network();
    net.cell(0).addToGroup("soma");
    jx.connect(net.cell(0), net.cell(1), new IonotropicSynapse());
    expect(() => net.addToGroup("HH")).toThrow(
      "Group name 'HH' clashes with a mechanism (the channel 'HH') (in network); choose another (e.g. 'HH_group'). Existing groups: soma.",
    );
    expect(() => net.cell(1).addToGroup("IonotropicSynapse")).toThrow(
      "Group name 'IonotropicSynapse' clashes with a mechanism (the synapse type 'IonotropicSynapse') (in network.cell(1)); choose another (e.g. 'IonotropicSynapse_group'). Existing groups: soma.",
    );
    for (const col of [
      "radius",
      "v",
      "HH_gNa",
      "HH_m",
      "global_cell_index",
      "local_comp_index",
      "IonotropicSynapse_gS",
      "x",
    ]) {
      expect(() => net.addToGroup(col)).toThrow(
        new RegExp(
          `Group name '${col}' clashes with the table column '${col}' \\(in network\\).*Existing groups: soma\\.`,
        ),
      );
    }
    for (const member of ["branch", "view", "edges", "set", "groupNames", "constructor", "toString"]) {
      expect(() => net.addToGroup(member)).toThrow(
        new RegExp(
          `Group name '${member}' clashes with a member of views \\(view\\.${member}\\).*Existing groups: soma\\.`,
        ),
      );
    }
    expect(net.groupNames).toEqual(["soma"]);
  });

  it("a channel or synapse named like an existing group is refused", () => {
    const net = network();
    net.cell(0).addToGroup("Na");
    net.cell(1).addToGroup("Exc");
    expect(() => net.insert(new Na())).toThrow(/Cannot insert channel 'Na': a group has that name/);
    const Exc = defineSynapse({ name: "Exc", params: { gS: 1e-4 }, states: {}, gates: {}, current: "gS * v_post" });
    expect(() => jx.connect(net.cell(0), net.cell(1), new Exc())).toThrow(
      "Synapse name 'Exc' clashes with the group 'Exc'; rename the synapse or the group. Existing groups: Na, Exc.",
    );
    expect(net.edges.length).toBe(0);
  });

  it("empty names, non-strings and views without compartments", () => {
    const net = network();
    net.cell(0).addToGroup("soma");
    expect(() => net.addToGroup("")).toThrow(
      /Group name '' \(in network\) is not allowed: a group name starts with a letter or _, then letters, digits or _.*Existing groups: soma\./,
    );
    expect(() => net.addToGroup(3 as unknown as string)).toThrow(/Group name 3 \(in network\) is not allowed/);
    jx.connect(net.cell(0), net.cell(1), new IonotropicSynapse());
    expect(() => net.edge(0).addToGroup("syn")).toThrow(
      /addToGroup\('syn'\): the view has no compartments \(in network\.edge\(0\)\); a group holds compartments.*Existing groups: soma\./,
    );
    expect(net.groupNames).toEqual(["soma"]);
  });
});
