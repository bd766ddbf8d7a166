/**
 * The float64 adjoint against central finite differences of the same simulation, for
 * every kind of parameter, on a branched cell and on a network with synapses, with both
 * implicit solvers, and with checkpointing.
 */
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import { HH, K, Km, Leak, Na } from "../../src/channels.js";
import { IonotropicSynapse } from "../../src/synapses.js";
import { backward } from "../../src/grad/backward.js";
import { forwardWithTape, releaseTape } from "../../src/grad/tape.js";
import { lowerWithProps } from "../../src/model/lower.js";
import { columnGradients } from "../../src/model/lower-grad.js";
import { STEPPERS } from "../../src/sim/steppers.js";
import { adjoint, finiteDifference, type RunOpts, weights } from "./helpers.js";

function branchedCell(): jx.Cell {
  const cell = new jx.Cell(
    [3, 2, 4, 2].map((n) => new jx.Branch(new jx.Compartment(), n)),
    [-1, 0, 0, 2],
  );
  cell.set("length", 15);
  cell.branch(2).set("radius", [1.2, 1.0, 0.8, 0.6]);
  cell.branch(1).set("axial_resistivity", 150);
  cell.branch(3).set("capacitance", 1.3);
  cell.insert(new HH());
  cell.branch(2).delete(new HH());
  cell.branch(2).insert(new Na());
  cell.branch(2).insert(new K());
  cell.branch(2).insert(new Km());
  cell.branch(2).insert(new Leak());
  cell.branch(2).set("Km_gKm", 1e-3);
  cell.set("v", -65);
  cell.initStates();
  cell.branch(3).comp(1).set("v", -58); // away from rest
  cell
    .branch(0)
    .comp(0)
    .stimulate(jx.stepCurrent(1, 4, 0.4, 0.025, 12));
  cell.branch(0).comp(2).record();
  cell.branch(2).comp(3).record();
  cell.branch(3).comp(1).record("HH_n");
  cell.branch(2).comp(1).record("i_K");
  return cell;
}

function network(): jx.Network {
  const a = new jx.Cell(new jx.Branch(new jx.Compartment(), 2), [-1, 0]);
  const b = new jx.Cell(new jx.Branch(new jx.Compartment(), 3), [-1, 0, 0]);
  const net = new jx.Network([a, b, a]);
  net.insert(new HH());
  net.set("v", -65);
  net.initStates();
  jx.connect(net.cell(0).branch(0).comp(0), net.cell(1).branch(1).comp(2), new IonotropicSynapse());
  jx.connect(net.cell(1).branch(0).comp(0), net.cell(2).branch(0).comp(1), new IonotropicSynapse());
  jx.connect(net.cell(2).branch(1).comp(0), net.cell(0).branch(1).comp(1), new IonotropicSynapse());
  net.set("IonotropicSynapse_gS", 0.004);
  net.edge(2).set("IonotropicSynapse_e_syn", -80);
  net
    .cell(0)
    .branch(0)
    .comp(0)
    .stimulate(jx.stepCurrent(1, 5, 0.3, 0.025, 12));
  net.cell(1).branch(1).comp(2).record();
  net.cell(2).branch(0).comp(1).record();
  net.edge(0).record("IonotropicSynapse_s");
  net.edge(1).record("i_IonotropicSynapse");
  return net;
}

const REL = 1e-6;

function check(module: jx.View, opts: RunOpts, cases: Array<[string, "node" | "edge", number]>, budget?: number) {
  const nRec = module.base.recordings.length;
  const nSamples = Math.round(opts.tMax / (opts.deltaT ?? 0.025)) + 1;
  const w = weights(nRec * nSamples);
  const g = adjoint(module, w, opts, budget);
  for (const [key, target, idx] of cases) {
    const ad = (target === "node" ? g.node : g.edge).get(key)![idx];
    const fd = finiteDifference(module, w, opts, key, target, idx);
    expect(Math.abs(fd), `${key}[${idx}] has a gradient`).toBeGreaterThan(1e-9);
    expect(Math.abs(ad - fd) / Math.abs(fd), `${key}[${idx}]: adjoint ${ad}, finite difference ${fd}`).toBeLessThan(
      REL,
    );
  }
}

const cellCases: Array<[string, "node" | "edge", number]> = [
  ["HH_gNa", "node", 1],
  ["HH_gK", "node", 0],
  ["HH_gLeak", "node", 4],
  ["HH_eNa", "node", 2],
  ["Na_gNa", "node", 6],
  ["K_gK", "node", 7],
  ["Km_gKm", "node", 8],
  ["Km_taumax", "node", 6],
  ["vt", "node", 5],
  ["eK", "node", 7],
  ["Leak_gLeak", "node", 6],
  ["radius", "node", 0],
  ["radius", "node", 7],
  ["length", "node", 3],
  ["length", "node", 10],
  ["axial_resistivity", "node", 3],
  ["axial_resistivity", "node", 9],
  ["capacitance", "node", 10],
  ["capacitance", "node", 2],
  ["v", "node", 10],
  ["v", "node", 0],
  ["HH_m", "node", 1],
  ["HH_h", "node", 10],
  ["Na_h", "node", 6],
  ["Km_p", "node", 8],
];

describe("adjoint = finite differences (relative 1e-6)", () => {
  it("branched cell, backward Euler: channels, geometry, passive properties, initial states", () => {
    check(branchedCell(), { tMax: 12 }, cellCases);
  });

  it("branched cell, Crank-Nicolson", () => {
    check(branchedCell(), { tMax: 12, solver: "crank_nicolson" }, cellCases.slice(0, 12));
  });

  it("branched cell with checkpointing (tiny memory budget) gives the same gradients", () => {
    const cell = branchedCell();
    const opts = { tMax: 12 };
    const w = weights(4 * 481);
    const full = adjoint(cell, w, opts);
    const ckpt = adjoint(cell, w, opts, 1000);
    for (const key of ["HH_gNa", "radius", "v", "Km_p"]) {
      const a = full.node.get(key)!;
      const b = ckpt.node.get(key)!;
      for (let i = 0; i < a.length; i++) expect(b[i]).toBe(a[i]);
    }
  });

  it("a tape reuses the buffers of a released one and gives the same gradients; a released tape is refused", () => {
    const cell = branchedCell();
    const d = cell.base;
    const w = weights(4 * 481);
    let last: ArrayBufferLike | null = null;
    let reused = 0;
    const run = (budget?: number) => {
      const { setup, props, program } = lowerWithProps(d, [], { stimuli: [], clamps: [] });
      const tape = forwardWithTape(setup, 0.025, 480, STEPPERS.bwd_euler, budget);
      const g = columnGradients(d, program, props, backward(tape, w));
      const records = [...tape.steps, ...tape.pool]; // the pool: records of recomputed segments
      if (records.some((r) => r.V.buffer === last)) reused++;
      last = records[records.length - 1].V.buffer; // the first one the next tape takes
      releaseTape(tape);
      expect(() => backward(tape, w)).toThrow(/released/);
      return ["HH_gNa", "radius", "v", "Km_p"].map((k) => Array.from(g.node.get(k)!));
    };
    const first = run();
    expect(run()).toEqual(first);
    expect(run(20_000)).toEqual(first); // checkpointed: the kept end and the pool from recycled buffers
    expect(run()).toEqual(first);
    expect(reused).toBe(3);
  });

  it("network with synapses: synapse parameters and states, both solvers", () => {
    const edgeCases: Array<[string, "node" | "edge", number]> = [
      ["IonotropicSynapse_gS", "edge", 0],
      ["IonotropicSynapse_gS", "edge", 1],
      ["IonotropicSynapse_e_syn", "edge", 1],
      ["IonotropicSynapse_v_th", "edge", 0],
      ["IonotropicSynapse_delta", "edge", 0],
      ["IonotropicSynapse_k_minus", "edge", 1],
      ["IonotropicSynapse_s", "edge", 1],
      ["HH_gNa", "node", 0],
      ["radius", "node", 7],
      ["v", "node", 0],
    ];
    check(network(), { tMax: 12 }, edgeCases);
    check(network(), { tMax: 12, solver: "crank_nicolson" }, edgeCases.slice(0, 6));
  });

  it("with a voltage clamp the clamped value has no gradient and the rest still matches", () => {
    const cell = branchedCell();
    cell.branch(1).comp(1).clamp("v", new Float64Array(200).fill(-40));
    check(cell, { tMax: 12 }, [
      ["HH_gNa", "node", 1],
      ["radius", "node", 7],
      ["v", "node", 10],
    ]);
  });
});
