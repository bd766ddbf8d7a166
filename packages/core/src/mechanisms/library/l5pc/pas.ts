/**
 * NEURON's passive leak `pas`.
 */
import { defineChannel } from "../../define.js";

/**
 * Passive leak, `i = g (v - e)` (NEURON's `pas`): keys `pas_g` (0.001 S/cm2, NEURON's
 * default) and `pas_e` (-70 mV); recorded as `i_pas`.
 *
 * @example cell.insert(new Pas()); cell.set("pas_g", 3e-5); cell.set("pas_e", -75);
 */
export class Pas extends defineChannel({
  name: "pas",
  params: { g: { default: 0.001, unit: "S/cm2" }, e: { default: -70, unit: "mV" } },
  states: {},
  gates: {},
  current: "g * (v - e)",
}) {}
