/**
 * Property: serialise -> JSON -> deserialise keeps a model whole. Random small models:
 * cells of branches with their own ncomp and random parents, channels on some branches,
 * groups, set values, synapses, recordings, stimuli, clamps and trainables.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HH, Leak } from "../../src/channels.js";
import * as jx from "../../src/index.js";
import { deserializeModel, serializeModel } from "../../src/io/index.js";
import { IonotropicSynapse } from "../../src/synapses.js";

/** A place in the model, as fractions turned into indices when the model is known. */
const site = fc.record({ cell: fc.nat(), branch: fc.nat(), comp: fc.nat() });
const value = fc.double({ min: 0.01, max: 100, noNaN: true });

const description = fc.record({
  cells: fc.array(
    fc.array(fc.record({ parent: fc.nat(), ncomp: fc.integer({ min: 1, max: 4 }) }), { minLength: 1, maxLength: 4 }),
    { minLength: 1, maxLength: 3 },
  ),
  network: fc.boolean(),
  channels: fc.array(
    fc.record({ channel: fc.constantFrom("HH", "Leak"), at: site, whole: fc.boolean(), gbar: fc.option(value) }),
    { maxLength: 3 },
  ),
  groups: fc.array(fc.record({ name: fc.constantFrom("apical", "basal", "soma"), at: site }), { maxLength: 4 }),
  sets: fc.array(
    fc.record({ key: fc.constantFrom("radius", "length", "capacitance", "axial_resistivity", "v"), at: site, value }),
    { maxLength: 4 },
  ),
  synapses: fc.array(fc.record({ pre: site, post: site, gS: fc.option(value) }), { maxLength: 3 }),
  recordings: fc.array(site, { maxLength: 3 }),
  stimuli: fc.array(fc.record({ at: site, amp: value }), { maxLength: 2 }),
  clamps: fc.array(fc.record({ at: site, v: fc.double({ min: -80, max: 20, noNaN: true }) }), { maxLength: 1 }),
  trainables: fc.array(fc.record({ key: fc.constantFrom("radius", "length"), at: site }), { maxLength: 2 }),
});
type Description = typeof description extends fc.Arbitrary<infer T> ? T : never;

function build(d: Description): jx.Cell | jx.Network {
  const cells = d.cells.map(
    (bs) =>
      new jx.Cell(
        bs.map((b) => new jx.Branch(new jx.Compartment(), b.ncomp)),
        bs.map((b, i) => (i === 0 ? -1 : b.parent % i)),
      ),
  );
  const net = d.network || cells.length > 1 ? new jx.Network(cells) : cells[0];
  const cellOf = (s: { cell: number }) => (net instanceof jx.Network ? net.cell(s.cell % cells.length) : net);
  const nBranch = (s: { cell: number }) => d.cells[net instanceof jx.Network ? s.cell % cells.length : 0].length;
  const branchOf = (s: { cell: number; branch: number }) => cellOf(s).branch(s.branch % nBranch(s));
  const compOf = (s: { cell: number; branch: number; comp: number }) => {
    const ncomp = d.cells[net instanceof jx.Network ? s.cell % cells.length : 0][s.branch % nBranch(s)].ncomp;
    return branchOf(s).comp(s.comp % ncomp);
  };
  for (const c of d.channels) {
    const view = c.whole ? cellOf(c.at) : branchOf(c.at);
    view.insert(c.channel === "HH" ? new HH() : new Leak());
    if (c.gbar !== null) view.set(c.channel === "HH" ? "HH_gNa" : "Leak_gLeak", c.gbar);
  }
  for (const g of d.groups) branchOf(g.at).addToGroup(g.name);
  for (const s of d.sets) branchOf(s.at).set(s.key, s.value);
  if (net instanceof jx.Network) {
    for (const s of d.synapses) {
      jx.connect(compOf(s.pre), compOf(s.post), new IonotropicSynapse());
      if (s.gS !== null) net.edge(net.edges.length - 1).set("IonotropicSynapse_gS", s.gS);
    }
  }
  for (const r of d.recordings) compOf(r).record("v");
  for (const s of d.stimuli) compOf(s.at).stimulate(jx.stepCurrent(1, 2, s.amp, 0.025, 5));
  for (const c of d.clamps) compOf(c.at).clamp("v", new Float64Array(11).fill(c.v));
  for (const t of d.trainables) branchOf(t.at).makeTrainable(t.key);
  return net;
}

const roundTrip = (m: jx.View) => deserializeModel(JSON.parse(JSON.stringify(serializeModel(m))));

describe("model serialise/deserialise round trip (property)", () => {
  it("gives the same serialisation, tables and module kind", () => {
    fc.assert(
      fc.property(description, (d) => {
        const model = build(d);
        const copy = roundTrip(model);
        expect(copy).toBeInstanceOf(model instanceof jx.Network ? jx.Network : jx.Cell);
        expect(serializeModel(copy)).toEqual(serializeModel(model));
        expect(copy.view.toString(10_000)).toBe(model.view.toString(10_000));
        expect(copy.edges.toString(10_000)).toBe(model.edges.toString(10_000));
        expect(copy.groupNames).toEqual(model.groupNames);
      }),
      { seed: 424242, numRuns: 60 },
    );
  });
});
