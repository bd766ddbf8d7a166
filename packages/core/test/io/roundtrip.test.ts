/**
 * serializeModel / deserializeModel: a JSON round trip keeps everything, and the
 * deserialised model simulates to identical traces.
 */
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import { CaL, HH, Leak } from "../../src/channels.js";
import { defineChannel } from "../../src/mechanisms/define.js";
import { IonotropicSynapse, TanhRateSynapse } from "../../src/synapses.js";
import { deserializeModel, serializeModel } from "../../src/io/index.js";
import { buildTutorialNetwork } from "../../../../examples/tutorial-network.js";

function tutorialNetwork() {
  const network = buildTutorialNetwork();
  for (const i of [0, 1, 2]) {
    network.cell(i).branch(1).addToGroup("apical");
    network.cell(i).branch(3).addToGroup("apical");
  }
  network.group("apical").set("radius", 0.3);
  network.cell([0, 1]).addToGroup("fast_spiking");
  network.group("fast_spiking").set("Na_gNa", 0.4);
  network.group("fast_spiking").makeTrainable("Na_gNa");
  network.cell([0, 1]).makeTrainable("axial_resistivity");
  network.cell(2).addToGroup("slow_spiking");
  network.cell(0).branch(0).comp(0).record("v");
  network.cell(2).branch(2).comp(1).record("v");
  network
    .cell(0)
    .branch(0)
    .comp(0)
    .stimulate(jx.stepCurrent(1, 5, 0.5, 0.025, 20));
  return network;
}

const roundTrip = (m: jx.View) => deserializeModel(JSON.parse(JSON.stringify(serializeModel(m))));

describe("model serialisation", () => {
  it("round-trips the tutorial network: tables, edges, groups, parameters", () => {
    const net = tutorialNetwork();
    const copy = roundTrip(net);
    expect(copy).toBeInstanceOf(jx.Network);
    expect(copy.view.toString(100)).toBe(net.view.toString(100));
    expect(copy.edges.toString()).toBe(net.edges.toString());
    expect(copy.groupNames).toEqual(["apical", "fast_spiking", "slow_spiking"]);
    expect(copy.group("apical").view.length).toBe(12);
    expect(copy.group("fast_spiking").view.length).toBe(16);
    const p = copy.getParameters().map((r) => Object.entries(r).map(([k, t]) => [k, Array.from(t.dataSync())]));
    expect(p).toEqual([[["Na_gNa", [expect.closeTo(0.4, 6)]]], [["axial_resistivity", [5000, 5000]]]]);
    expect(serializeModel(copy)).toEqual(serializeModel(net));
  });

  it("simulates to identical traces", () => {
    const net = tutorialNetwork();
    const a = jx.simulate(net);
    const b = jx.simulate(roundTrip(net));
    expect(b.nRecordings).toBe(2);
    expect(b.nSamples).toBe(801);
    expect(Array.from(b.values)).toEqual(Array.from(a.values));
    expect(Math.max(...a.values)).toBeGreaterThan(0); // it spikes
  });

  it("keeps NaN cells, renamed and user-defined mechanisms, clamps and a single cell", () => {
    const Kdr = defineChannel({
      name: "Kdr",
      params: { gK: { default: 0.036, unit: "S/cm2" } },
      shared: { eK: -77 },
      states: { n: 0.3 },
      gates: { n: { alpha: "0.01 * vtrap(-(v + 55), 10)", beta: "0.125 * exp(-(v + 65) / 80)" } },
      current: "gK * n^4 * (v - eK)",
    });
    const cell = new jx.Cell([new jx.Branch(new jx.Compartment(), 3), new jx.Branch(new jx.Compartment(), 1)], [-1, 0]);
    cell.branch(0).insert(new HH());
    cell.branch(1).insert(new Kdr());
    cell.branch(1).insert(new CaL());
    cell.insert(new Leak("Leak2"));
    cell.branch(0).comp(2).clamp("v", new Float64Array(41).fill(-60));
    cell.branch(1).comp(0).record("v");
    cell.branch(0).comp(1).record("HH_m");
    const copy = roundTrip(cell);
    expect(copy).toBeInstanceOf(jx.Cell);
    expect(copy.view.toString(100)).toBe(cell.view.toString(100));
    expect(Array.from(jx.simulate(copy).values)).toEqual(Array.from(jx.simulate(cell).values));
  });

  it("keeps synapse columns of several types and a traced-point topology", () => {
    const cell = new jx.Cell(new jx.Branch(new jx.Compartment(), 1), [-1, 0]);
    const net = new jx.Network([cell, cell, cell]);
    jx.connect(net.cell(0).branch(0).comp(0), net.cell(1).branch(1).comp(0), new IonotropicSynapse());
    jx.connect(net.cell(1).branch(0).comp(0), net.cell(2).branch(0).comp(0), new TanhRateSynapse());
    net.insert(new HH());
    net.edge(0).set("IonotropicSynapse_gS", 0.5);
    net.base.cells[0].points = [
      [
        [0, 0, 0, 1],
        [10, 0, 0, 1],
      ],
      [
        [10, 0, 0, 1],
        [20, 5, 0, 0.5],
      ],
    ];
    const copy = roundTrip(net);
    expect(copy.edges.toString()).toBe(net.edges.toString());
    expect(copy.base.cells[0].points).toEqual(net.base.cells[0].points);
  });

  it("is compact for the tutorial: constant columns and step currents are run-length encoded", () => {
    const text = JSON.stringify(serializeModel(tutorialNetwork()));
    expect(text.length).toBeLessThan(12_000);
  });
});

describe("reading malformed models", () => {
  const good = () => JSON.parse(JSON.stringify(serializeModel(tutorialNetwork())));

  it.each([
    ["not an object", () => 42, /model should be an object/],
    ["wrong format", () => ({ ...good(), format: "x" }), /model.format should be "dendrolab.model"/],
    ["future version", () => ({ ...good(), version: 99 }), /format version 99.*reads up to 1.*Update Dendrolab/],
    [
      "short column",
      () => {
        const m = good();
        m.columns.radius = { values: [1, 2] };
        return m;
      },
      /model.columns.radius.values should be 24 values/,
    ],
    [
      "string in a column",
      () => {
        const m = good();
        m.columns.v = { fill: "x" };
        return m;
      },
      /model.columns.v.fill should be a finite number or null/,
    ],
    [
      "cyclic parents",
      () => {
        const m = good();
        m.cells[0].parents = [-1, 2, 1, 1];
        return m;
      },
      /model.cells\[0\].parents should be a tree/,
    ],
    [
      "edge out of range",
      () => {
        const m = good();
        m.edges.pre[0] = 999;
        return m;
      },
      /model.edges.pre\[0\] should be a compartment index below 24/,
    ],
    [
      "overlapping runs",
      () => {
        const m = good();
        m.groups[0].nodes.runs = [4, 2, 2, 2];
        return m;
      },
      /model.groups\[0\].nodes.runs\[2\]/,
    ],
    [
      "channel spec with code",
      () => {
        const m = good();
        m.channels[0].spec.current = "globalThis.fetch('x')";
        return m;
      },
      /model.channels\[0\].spec should be a valid channel spec/,
    ],
    [
      "missing channel column",
      () => {
        const m = good();
        delete m.columns.Na_gNa;
        return m;
      },
      /model.columns.Na_gNa should be a column/,
    ],
    [
      "bad recording",
      () => {
        const m = good();
        m.recordings[0].target = "soma";
        return m;
      },
      /model.recordings\[0\].target should be "node" or "edge"/,
    ],
    [
      "huge stimulus",
      () => {
        const m = good();
        m.stimuli[0].values = { rle: [0, 1e9] };
        return m;
      },
      /model.stimuli\[0\].values should be at most/,
    ],
    [
      "a string among column values",
      () => {
        const m = good();
        m.columns.v = { values: [1, "x"] };
        return m;
      },
      /model.columns.v.values\[1\] should be a finite number or null; got "x"/,
    ],
    [
      "a column of neither kind",
      () => {
        const m = good();
        m.columns.v = 5;
        return m;
      },
      /model.columns.v should be a column \{ fill \} or \{ values \}; got 5/,
    ],
    [
      "a missing part",
      () => {
        const m = good();
        delete m.edges;
        return m;
      },
      /model.edges should be an object \{ pre, post, type, columns \}; got nothing/,
    ],
    [
      "a list over its limit",
      () => ({ ...good(), cells: new Array(100_001).fill(0) }),
      /model.cells should be at most 100000 entries; got "100001 entries"/,
    ],
    [
      "a wrong spec kind",
      () => {
        const m = good();
        m.channels[0].spec.kind = "synapse";
        return m;
      },
      /model.channels\[0\].spec.kind should be "channel"; got "synapse"/,
    ],
    [
      "a short traced point",
      () => {
        const m = good();
        m.cells[0].points = [[[1, 2, 3]]];
        return m;
      },
      /model.cells\[0\].points\[0\]\[0\]\[3\] should be a finite number/,
    ],
    [
      "too many compartments",
      () => {
        const m = good();
        m.cells[0].ncomp = m.cells[0].ncomp.map(() => 900_000);
        return m;
      },
      /model.cells should be at most 1000000 compartments/,
    ],
    [
      "trainable of an unknown key",
      () => {
        const m = good();
        m.trainables[0].key = "nope";
        return m;
      },
      /model.trainables\[0\].key should be a node column/,
    ],
  ])("rejects %s with a clear message", (_, make, message) => {
    expect(() => deserializeModel(make())).toThrow(message);
  });
});
