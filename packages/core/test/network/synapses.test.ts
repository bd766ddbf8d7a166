/**
 * Synapses simulate: a TanhRateSynapse against a hand computation of backward Euler,
 * IonotropicSynapse currents against gS s (v_post - e_syn) from recorded traces,
 * excitation and inhibition with the right sign, and a user-defined synapse.
 */
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import { HH, Leak } from "../../src/channels.js";
import { defineSynapse, IonotropicSynapse, TanhRateSynapse } from "../../src/synapses.js";

const DT = 0.025;

/** Rows of a simulate() result. */
function rows(r: { values: Float64Array; nRecordings: number; nSamples: number }): Float64Array[] {
  return Array.from({ length: r.nRecordings }, (_, i) => r.values.subarray(i * r.nSamples, (i + 1) * r.nSamples));
}

describe("TanhRateSynapse", () => {
  it("has Jaxley's keys and defaults", () => {
    const s = new TanhRateSynapse();
    expect(s.paramDefaults()).toEqual({
      TanhRateSynapse_gS: 1e-4,
      TanhRateSynapse_x_offset: -70,
      TanhRateSynapse_slope: 1,
    });
    expect(s.stateKeys).toEqual([]);
    expect(s.currentName).toBe("i_TanhRateSynapse");
  });

  it("matches a hand computation of backward Euler for two leaky compartments", () => {
    const cell = new jx.Cell(new jx.Branch(new jx.Compartment(), 1), [-1]);
    cell.insert(new Leak());
    const net = new jx.Network([cell, cell]);
    jx.connect(net.cell(0), net.cell(1), new TanhRateSynapse());
    net.cell(0).set("v", -50);
    const gS = 0.01; // uS
    const xOff = -65; // mV
    const slope = 0.05; // 1/mV
    net.edge(0).set("TanhRateSynapse_gS", gS);
    net.named("TanhRateSynapse").set("TanhRateSynapse_x_offset", xOff);
    net.select({ edges: [0] }).set("TanhRateSynapse_slope", slope);
    net.cell(0).record("v");
    net.cell(1).record("v");
    net.edge(0).record("i_TanhRateSynapse");
    const nSteps = 40;
    const [v0, v1, iSyn] = rows(jx.simulate(net, { tMax: nSteps * DT, deltaT: DT }));

    // By hand: area 2 pi r L um2; C = cm area 1e-5 nF; leak conductance area 1e-2 gLeak uS.
    // Backward Euler with the currents linearised in v_post: V' = ((C/dt + G) V - I(V)) / (C/dt + G);
    // the tanh synapse does not depend on v_post, so it only adds its current to I.
    const area = 2 * Math.PI * 1 * 10;
    const C = 1 * area * 1e-5;
    const gLeak = area * 1e-2 * 1e-4;
    const eLeak = -70;
    const c = C / DT + gLeak;
    const syn = (vPre: number) => -gS * Math.tanh((vPre - xOff) * slope);
    let a = -50;
    let b = -70;
    for (let k = 0; k < nSteps; k++) {
      expect(v0[k]).toBeCloseTo(a, 11);
      expect(v1[k]).toBeCloseTo(b, 11);
      expect(iSyn[k]).toBeCloseTo(syn(a), 14);
      const iA = gLeak * (a - eLeak);
      const iB = gLeak * (b - eLeak) + syn(a);
      a = (c * a - iA) / c;
      b = (c * b - iB) / c;
    }
    expect(v0[nSteps]).toBeCloseTo(a, 11);
    expect(v1[nSteps]).toBeCloseTo(b, 11);
    // One step explicitly: the post cell starts at rest, so only the synapse moves it.
    expect(v1[1] - -70).toBeCloseTo((gS * Math.tanh(15 * slope)) / c, 12);
    expect(v1[1]).toBeGreaterThan(-70); // v_pre above x_offset: inward current, depolarising
  });
});

/** Three HH cells: 0 -> 1 excitatory, 0 -> 2 inhibitory; cell 0 is driven to spike. */
function ionotropicNet(gS: number) {
  const cell = new jx.Cell(new jx.Branch(new jx.Compartment(), 2), [-1]);
  cell.insert(new HH());
  const net = new jx.Network([cell, cell, cell]);
  jx.connect(net.cell(0).branch(0).comp(1), net.cell(1).branch(0).comp(0), new IonotropicSynapse());
  jx.connect(net.cell(0).branch(0).comp(1), net.cell(2).branch(0).comp(0), new IonotropicSynapse());
  net.named("IonotropicSynapse").set("IonotropicSynapse_gS", gS);
  net.edge(1).set("IonotropicSynapse_e_syn", -80);
  net.set("v", -65);
  net.initStates();
  net
    .cell(0)
    .branch(0)
    .comp(0)
    .stimulate(jx.stepCurrent(2, 20, 0.3, DT, 30));
  return net;
}

describe("IonotropicSynapse", () => {
  it("has Jaxley's keys and defaults", () => {
    const s = new IonotropicSynapse();
    expect(s.paramDefaults()).toEqual({
      IonotropicSynapse_gS: 1e-4,
      IonotropicSynapse_e_syn: 0,
      IonotropicSynapse_k_minus: 0.025,
      IonotropicSynapse_v_th: -35,
      IonotropicSynapse_delta: 10,
    });
    expect(s.stateDefaults()).toEqual({ IonotropicSynapse_s: 0.2 });
    expect(s.currentName).toBe("i_IonotropicSynapse");
  });

  it("records s and the current; the current is gS s (v_post - e_syn) at every sample", () => {
    const gS = 0.002;
    const net = ionotropicNet(gS);
    net.edge(0).record("IonotropicSynapse_s");
    net.edge(0).record("i_IonotropicSynapse");
    net.cell(0).branch(0).comp(1).record(); // pre
    net.cell(1).branch(0).comp(0).record(); // post
    net.edge(1).record("i_IonotropicSynapse");
    net.cell(2).branch(0).comp(0).record();
    const [s, i, vPre, vPost, iInh, vInh] = rows(jx.simulate(net, { tMax: 30 }));
    expect(s[0]).toBe(0.2);
    for (let k = 0; k < s.length; k++) {
      expect(i[k]).toBeCloseTo(gS * s[k] * (vPost[k] - 0), 14);
      expect(s[k]).toBeGreaterThanOrEqual(0);
      expect(s[k]).toBeLessThanOrEqual(1);
    }
    // The inhibitory synapse has its own s (same pre, same parameters but e_syn): same s, other current.
    for (let k = 0; k < s.length; k++) expect(iInh[k]).toBeCloseTo(gS * s[k] * (vInh[k] + 80), 14);
    // Before the stimulus s relaxes from 0.2 towards s_inf(-65 mV) = sigmoid(-3) = 0.047 with tau ~ 38 ms.
    const kBefore = Math.round(2 / DT);
    expect(s[kBefore]).toBeLessThan(0.2);
    expect(s[kBefore]).toBeGreaterThan(0.047);
    // The pre cell spikes and s jumps close to 1.
    expect(Math.max(...vPre)).toBeGreaterThan(20);
    expect(Math.max(...s)).toBeGreaterThan(0.95);
  });

  it("excitation depolarises and inhibition hyperpolarises the postsynaptic cell", () => {
    const withSyn = ionotropicNet(0.002);
    const control = ionotropicNet(0);
    for (const net of [withSyn, control]) {
      net.cell(1).branch(0).comp(0).record();
      net.cell(2).branch(0).comp(0).record();
    }
    const [exc, inh] = rows(jx.simulate(withSyn, { tMax: 30 }));
    const [exc0, inh0] = rows(jx.simulate(control, { tMax: 30 }));
    const mean = (a: Float64Array) => a.reduce((x, y) => x + y, 0) / a.length;
    expect(mean(exc)).toBeGreaterThan(mean(exc0) + 1);
    expect(mean(inh)).toBeLessThan(mean(inh0) - 0.5);
    // Without synapses, cells 1 and 2 are the same cell at rest: identical traces.
    expect(Array.from(exc0)).toEqual(Array.from(inh0));
  });
});

describe("defineSynapse", () => {
  const Exc = defineSynapse({
    name: "Exc",
    params: { gS: { default: 5e-4, unit: "uS" }, e_syn: { default: 0, unit: "mV" }, tau: { default: 2, unit: "ms" } },
    states: { s: 0 },
    gates: { s: { inf: "sigmoid((v_pre + 20) / 2)", tau: "tau" } },
    current: "gS * s * (v_post - e_syn)",
  });

  it("a user synapse gets prefixed keys, edge columns and a recordable current", () => {
    const cell = new jx.Cell(new jx.Branch(new jx.Compartment(), 1), [-1]);
    cell.insert(new HH());
    const net = new jx.Network([cell, cell, cell]);
    jx.connect(net.cell(0), net.cell(1), new Exc());
    jx.connect(net.cell(0), net.cell(2), new IonotropicSynapse());
    const t = net.edges;
    expect(t.column("type")).toEqual(["Exc", "IonotropicSynapse"]);
    expect(t.column("type_ind")).toEqual([0, 1]);
    expect(t.column("Exc_gS")).toEqual([5e-4, NaN]);
    expect(t.column("Exc_tau")).toEqual([2, NaN]);
    expect(t.column("Exc_s")).toEqual([0, NaN]);
    expect(t.column("IonotropicSynapse_gS")).toEqual([NaN, 1e-4]);
    net.named("Exc").set("Exc_gS", 0.003);
    net.cell(0).stimulate(jx.stepCurrent(1, 5, 0.2, DT, 15));
    net.named("Exc").record("Exc_s");
    net.named("Exc").record("i_Exc");
    net.cell(1).record();
    const [s, i, v] = rows(jx.simulate(net, { tMax: 15 }));
    expect(s[0]).toBe(0);
    expect(Math.max(...s)).toBeGreaterThan(0.5);
    for (let k = 0; k < s.length; k++) expect(i[k]).toBeCloseTo(0.003 * s[k] * v[k], 14);
    // A different synapse under a taken name is refused.
    const Other = defineSynapse({ name: "Exc", params: { gS: 1 }, states: {}, gates: {}, current: "gS * v_post" });
    expect(() => jx.connect(net.cell(1), net.cell(2), new Other())).toThrow(
      /A different synapse named 'Exc' is already in the network; give this one another name/,
    );
    // The same synapse renamed is a new type with its own keys.
    jx.connect(net.cell(1), net.cell(2), new Exc("Exc2"));
    expect(net.edges.columns).toContain("Exc2_gS");
    expect(net.named("Exc2").edges.column("global_edge_index")).toEqual([2]);
  });
});
