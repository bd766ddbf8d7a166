/**
 * The model worker's warm-up, run once when it starts (model.worker.ts): it builds a small
 * network of the kind most sessions open with (Na, K and Leak channels, an ionotropic
 * synapse, a clamp and a recording), and loads, simulates and tabulates it as a real
 * model would be. The engine then has the loading, simulation and table code compiled,
 * and the simulation kernels of these mechanisms built, before the first model arrives
 * (the worker waits for the sandbox's first run meanwhile). Only our own code runs; the
 * warm-up model is dropped.
 */
import { K, Leak, Na } from "@dendrolab/core/channels";
import { serializeModel } from "@dendrolab/core/io";
import * as jx from "@dendrolab/core/sim";
import { IonotropicSynapse } from "@dendrolab/core/synapses";
import { ModelEngine } from "./model-engine.js";

/**
 * Builds, loads, simulates (5 ms) and tabulates the warm-up network in a throw-away
 * engine; returns its time in ms and the peak of the stimulated cell's voltage (mV; NaN
 * if the warm-up failed). Never throws.
 */
export function warmUpModelWorker(): { ms: number; peakMv: number } {
  const start = performance.now();
  let peakMv = Number.NaN;
  try {
    const cell = new jx.Cell(new jx.Branch(new jx.Compartment(), 2), [-1, 0]);
    const net = new jx.Network([cell, cell]);
    jx.fullyConnect(net.cell([0]), net.cell([1]), new IonotropicSynapse());
    for (const channel of [new Na(), new K(), new Leak()]) net.insert(channel);
    net.cell(0).addToGroup("warm");
    net
      .cell(0)
      .branch(0)
      .comp(0)
      .stimulate(jx.stepCurrent(1, 2, 0.5));
    net.cell(0).branch(0).comp(0).record("v");
    const engine = new ModelEngine();
    engine.load(serializeModel(net));
    const traces = engine.simulate({ tMax: 5, dt: 0.025, solver: "bwd_euler" });
    engine.table({ kind: "all" });
    peakMv = Math.max(...traces.rows[0].values);
  } catch {
    // A warm-up that fails only leaves the worker cold.
  }
  return { ms: performance.now() - start, peakMv };
}
