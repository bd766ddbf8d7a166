/**
 * The Hodgkin-Huxley channel, with the rate functions of NEURON's hh.mod at q10 = 1
 * (celsius = 6.3), as in Jaxley's `jaxley/channels/hh.py`.
 */
import { defineChannel } from "../define.js";

/**
 * Hodgkin-Huxley Na, K and leak currents in one channel. Keys `HH_gNa` (S/cm2), `HH_gK`,
 * `HH_gLeak`, `HH_eNa` (mV), `HH_eK`, `HH_eLeak`; states `HH_m`, `HH_h`, `HH_n`. Its
 * current is recorded as `i_HH` whatever the instance name (as in Jaxley).
 *
 * @example
 * cell.insert(new HH());
 * cell.set("HH_gNa", 0.2);
 */
export class HH extends defineChannel({
  name: "HH",
  params: {
    gNa: { default: 0.12, unit: "S/cm2", description: "maximal Na conductance" },
    gK: { default: 0.036, unit: "S/cm2", description: "maximal K conductance" },
    gLeak: { default: 0.0003, unit: "S/cm2", description: "leak conductance" },
    eNa: { default: 50.0, unit: "mV", description: "Na reversal potential" },
    eK: { default: -77.0, unit: "mV", description: "K reversal potential" },
    eLeak: { default: -54.3, unit: "mV", description: "leak reversal potential" },
  },
  states: {
    m: { default: 0.2, description: "Na activation" },
    h: { default: 0.2, description: "Na inactivation" },
    n: { default: 0.2, description: "K activation" },
  },
  gates: {
    m: { alpha: "0.1 * vtrap(-(v + 40), 10)", beta: "4 * exp(-(v + 65) / 18)" },
    h: { alpha: "0.07 * exp(-(v + 65) / 20)", beta: "1 / (exp(-(v + 35) / 10) + 1)" },
    n: { alpha: "0.01 * vtrap(-(v + 55), 10)", beta: "0.125 * exp(-(v + 65) / 80)" },
  },
  current: "gNa * m^3 * h * (v - eNa) + gK * n^4 * (v - eK) + gLeak * (v - eLeak)",
  currentName: "i_HH",
}) {}
