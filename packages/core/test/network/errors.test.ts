/**
 * Bad input to networks and synapses: every error says what was given and what is allowed.
 */
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import { HH } from "../../src/channels.js";
import { IonotropicSynapse } from "../../src/synapses.js";

function cell() {
  return new jx.Cell(new jx.Branch(new jx.Compartment(), 2), [-1, 0]);
}

function network(n = 3) {
  const c = cell();
  return new jx.Network(Array.from({ length: n }, () => c));
}

const syn = () => new IonotropicSynapse();

describe("connecting views of two different networks", () => {
  it("is refused by every connect function, naming both views", () => {
    const a = network();
    const b = network();
    const msg =
      /pre \(network\.cell\(0\)\) and post \(network\.cell\(1\)\) are views of two different networks; both must come from the same network/;
    expect(() => jx.connect(a.cell(0), b.cell(1), syn())).toThrow(msg);
    expect(() => jx.fullyConnect(a.cell(0), b.cell(1), syn())).toThrow(/^fullyConnect: pre/);
    expect(() => jx.fullyConnect(a.cell(0), b.cell(1), syn())).toThrow(msg);
    expect(() => jx.sparseConnect(a.cell(0), b.cell(1), syn(), 0.5)).toThrow(msg);
    expect(() => jx.connectivityMatrixConnect(a.cell(0), b.cell(1), syn(), [[true]])).toThrow(msg);
    expect(a.edges.length + b.edges.length).toBe(0);
  });

  it("a cell and the network it was copied into are different models", () => {
    const c = cell();
    const net = new jx.Network([c, c]);
    expect(() => jx.connect(c.branch(0).comp(0), net.cell(1).branch(0).comp(0), syn())).toThrow(
      /connect: pre \(cell\.branch\(0\)\.comp\(0\)\) and post \(network\.cell\(1\)\.branch\(0\)\.comp\(0\)\) are views of two different networks.*A Network copies its cells, so select both ends from the network/,
    );
  });

  it("pre or post that is not a view", () => {
    const net = network();
    expect(() => jx.connect(0 as never, net.cell(1), syn())).toThrow(
      "connect: pre must be a view of a network, e.g. net.cell(0); got 0.",
    );
    expect(() => jx.fullyConnect(net.cell(0), undefined as never, syn())).toThrow(
      "fullyConnect: post must be a view of a network, e.g. net.cell(0); got undefined.",
    );
  });
});

describe("empty selections", () => {
  it("a pre or post view with no compartments", () => {
    const net = network();
    net.cell(0).addToGroup("exc");
    net.cell(1).addToGroup("inh");
    expect(() => jx.connect(net.group("exc").group("inh"), net.cell(2), syn())).toThrow(
      "connect: the pre view (network.exc.inh) is empty: it has no compartments, so there is nothing to connect.",
    );
    expect(() => jx.fullyConnect(net.cell(0), net.cell(1).group("exc"), syn())).toThrow(
      "fullyConnect: the post view (network.cell(1).exc) is empty: it has no compartments, so there is nothing to connect.",
    );
    jx.connect(net.cell(0), net.cell(1), syn());
    expect(() => jx.sparseConnect(net.edge(0), net.cell(1), syn(), 1)).toThrow(
      /sparseConnect: the pre view \(network\.edge\(0\)\) is empty/,
    );
    expect(() => jx.connectivityMatrixConnect(net.select({ edges: [0] }), net.cell(1), syn(), [])).toThrow(
      /connectivityMatrixConnect: the pre view \(network\.select\(\.\.\.\)\) is empty/,
    );
  });

  it("connect needs as many pre as post compartments", () => {
    const net = network();
    expect(() => jx.connect(net.cell(0), net.cell(1).branch(0).comp(0), syn())).toThrow(
      "connect: pre (network.cell(0)) has 4 compartments and post (network.cell(1).branch(0).comp(0)) has 1; " +
        "connect pairs them one to one, so they must have the same count (use fullyConnect for all pairs of cells).",
    );
  });

  it("select() without nodes or edges, with an unknown option or a non-list", () => {
    const net = network();
    expect(() => net.select({})).toThrow(
      "select() needs nodes or edges (in network), e.g. select({ nodes: [0, 1] }) or select({ edges: [0] }).",
    );
    expect(() => net.select({ edge: [0] } as never)).toThrow(
      /Unknown select\(\) option 'edge' \(in network\)\. Valid: nodes, edges\. Did you mean 'edges'\?/,
    );
    expect(() => net.select({ nodes: 3 } as never)).toThrow(
      "select({ nodes }) takes a list of global indices (in network); got 3.",
    );
    expect(() => net.select({ edges: [0] })).toThrow("edge 0 is out of range (in network) (there are no synapses).");
    expect(() => net.select({ nodes: [12] })).toThrow("select: node 12 is out of range (in network) (valid: 0 to 11).");
    expect(() => net.edge(0)).toThrow(/edge index 0 is out of range \(in network\) \(there are none\)/);
  });
});

describe("connectivity matrices", () => {
  it("of the wrong shape", () => {
    const net = network(4);
    const pre = net.cell([0, 1]);
    const post = net.cell([2, 3]);
    expect(() => jx.connectivityMatrixConnect(pre, post, syn(), [[true, false]])).toThrow(
      "connectivityMatrixConnect: the matrix must be 2 x 2 (pre cells x post cells); got 1 x 2.",
    );
    expect(() => jx.connectivityMatrixConnect(pre, post, syn(), [[true, false], [true]])).toThrow(
      "connectivityMatrixConnect: the matrix must be 2 x 2 (pre cells x post cells); got 2 rows; row 0 has 2 entries, row 1 has 1.",
    );
    expect(() =>
      jx.connectivityMatrixConnect(pre, post, syn(), [
        [1, 0, 0],
        [0, 1, 0],
      ]),
    ).toThrow(/must be 2 x 2.*got 2 x 3/);
    expect(() => jx.connectivityMatrixConnect(pre, post, syn(), [])).toThrow(/must be 2 x 2.*got 0 x 0/);
    expect(() => jx.connectivityMatrixConnect(pre, post, syn(), "11" as never)).toThrow(
      /the matrix must be an array of rows, 2 x 2.*got "11"/,
    );
    expect(net.edges.length).toBe(0);
  });

  it("with entries that are not booleans or numbers", () => {
    const net = network(2);
    expect(() => jx.connectivityMatrixConnect(net.cell(0), net.cell(1), syn(), [["yes"]] as never)).toThrow(
      'connectivityMatrixConnect: matrix[0][0] is "yes"; entries must be booleans or numbers (non-zero = connected).',
    );
    expect(() => jx.connectivityMatrixConnect(net.cell(0), net.cell(1), syn(), [[NaN]])).toThrow(
      /matrix\[0\]\[0\] is NaN/,
    );
    expect(net.edges.length).toBe(0);
  });
});

describe("sparseConnect probabilities and options", () => {
  it("p outside [0, 1] or not a number", () => {
    const net = network();
    for (const p of [-0.1, 1.5, NaN, Infinity]) {
      expect(() => jx.sparseConnect(net.cell(0), net.cell(1), syn(), p)).toThrow(
        `sparseConnect: p must be a probability in [0, 1]; got ${String(p)}.`,
      );
    }
    expect(() => jx.sparseConnect(net.cell(0), net.cell(1), syn(), "0.5" as never)).toThrow(
      /p must be a probability in \[0, 1\]; got "0\.5"/,
    );
  });

  it("unknown options, a non-integer seed, a non-boolean randomPostComp", () => {
    const net = network();
    expect(() => jx.sparseConnect(net.cell(0), net.cell(1), syn(), 0.5, { sed: 1 } as never)).toThrow(
      /Unknown sparseConnect option 'sed'\. Valid: seed, randomPostComp\. Did you mean 'seed'\?/,
    );
    expect(() => jx.sparseConnect(net.cell(0), net.cell(1), syn(), 0.5, { seed: 0.5 })).toThrow(
      "sparseConnect: seed must be an integer; got 0.5.",
    );
    expect(() => jx.fullyConnect(net.cell(0), net.cell(1), syn(), { randomPostComp: 1 } as never)).toThrow(
      "fullyConnect: randomPostComp must be true or false; got 1.",
    );
  });
});

describe("synapse arguments", () => {
  it("a class, a channel or nothing instead of a synapse instance", () => {
    const net = network();
    expect(() => jx.connect(net.cell(0), net.cell(1), IonotropicSynapse as never)).toThrow(
      "connect: expected a synapse instance; a class was given: write new IonotropicSynapse().",
    );
    expect(() => jx.fullyConnect(net.cell(0), net.cell(1), new HH())).toThrow(
      "fullyConnect: 'HH' is a channel, not a synapse; insert channels with view.insert(new HH()).",
    );
    expect(() => jx.sparseConnect(net.cell(0), net.cell(1), undefined as never, 1)).toThrow(
      "sparseConnect: expected a synapse instance such as new IonotropicSynapse(); got undefined.",
    );
  });
});

describe("unknown synapse parameters and states", () => {
  it("set, record, makeTrainable and dataSet list the valid keys and the nearest", () => {
    const net = network();
    jx.fullyConnect(net.cell(0), net.cell([1, 2]), syn());
    expect(() => net.edge(0).set("IonotropicSynapse_gs", 1e-3)).toThrow(
      /Unknown key 'IonotropicSynapse_gs' in set\(\) \(in network\.edge\(0\)\)\. Valid: .*IonotropicSynapse_gS.*Did you mean 'IonotropicSynapse_gS'\?/,
    );
    expect(() => net.named("IonotropicSynapse").set("gS", 1e-3)).toThrow(
      /Unknown key 'gS'.*Valid: .*IonotropicSynapse_gS/,
    );
    expect(() => net.edge(0).record("IonotropicSynapse_S")).toThrow(
      /Unknown state 'IonotropicSynapse_S'.*IonotropicSynapse_s.*i_IonotropicSynapse.*Did you mean 'IonotropicSynapse_s'\?/,
    );
    expect(() => net.edge(0).makeTrainable("IonotropicSynapse_vth")).toThrow(
      /Unknown trainable key 'IonotropicSynapse_vth'.*Did you mean 'IonotropicSynapse_v_th'\?/,
    );
    expect(() => net.edge(0).dataSet("IonotropicSynapse_delt", 1)).toThrow(
      /IonotropicSynapse_delt.*Did you mean 'IonotropicSynapse_delta'\?/,
    );
    expect(() => net.edge(0).set("IonotropicSynapse_gS", -1 / 0)).toThrow(
      /set\('IonotropicSynapse_gS'\): value is -Infinity.*finite numbers/,
    );
    expect(net.edges.column("IonotropicSynapse_gS")).toEqual([1e-4, 1e-4]);
  });
});
