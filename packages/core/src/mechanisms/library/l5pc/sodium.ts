/**
 * The sodium channels of the L5PC model (Hay et al. 2011, PLoS Comput Biol 7: e1002107):
 * transient `NaTs2_t` (soma), `NaTa_t` (axon) and persistent `Nap_Et2`. Each writes `ina`
 * and reads `ena`; keys and local names are those of the model's NEURON files.
 */
import { defineChannel } from "../../define.js";
import { boltzmann, infTauGate, nudged, ohmicChannel, QT, rateGate } from "./common.js";

/**
 * Transient Na rates of the Hay et al. family, with half-activation shifted by `mShift`
 * and half-inactivation by `hShift` (mV; the files' -32/-60 and -38/-66).
 */
function transientNaDefinitions(mAt: number, hAt: number): Record<string, string> {
  return {
    qt: QT,
    vm: nudged("v", mAt),
    mAlpha: `(0.182 * (vm - ${mAt})) / (1 - exp(-(vm - ${mAt}) / 6))`,
    mBeta: `(0.124 * (-vm + ${mAt})) / (1 - exp(-(-vm + ${mAt}) / 6))`,
    vh: nudged("vm", hAt),
    hAlpha: `(-0.015 * (vh - ${hAt})) / (1 - exp((vh - ${hAt}) / 6))`,
    hBeta: `(-0.015 * (-vh + ${hAt})) / (1 - exp((-vh + ${hAt}) / 6))`,
  };
}

const transientGates = { m: rateGate("m", "qt"), h: rateGate("h", "qt") };

/**
 * Fast inactivating Na current of the soma, `ina = gNaTs2_tbar m^3 h (v - ena)`
 * (Colbert and Pan 2002, as in Hay et al. 2011): m rates `0.182 (v + 32) / (1 -
 * exp(-(v + 32) / 6))`, `0.124 (-v - 32) / (1 - exp(-(-v - 32) / 6))`; h rates
 * `-0.015 (v + 60) / (1 - exp((v + 60) / 6))`, `-0.015 (-v - 60) / (1 - exp((-v - 60) / 6))`;
 * tau divided by `2.3^1.3`. Keys `NaTs2_t_gNaTs2_tbar` (1e-5 S/cm2), `ena`; states
 * `NaTs2_t_m`, `NaTs2_t_h`.
 *
 * @example cell.group("somatic").insert(new NaTs2_t());
 */
export class NaTs2_t extends defineChannel(
  ohmicChannel("NaTs2_t", "na", "m * m * m * h", {
    definitions: transientNaDefinitions(-32, -60),
    gates: transientGates,
  }),
) {}

/**
 * Fast inactivating Na current of the axon, `ina = gNaTa_tbar m^3 h (v - ena)` (Colbert
 * and Pan 2002): the rates of {@link NaTs2_t} with half points -38 mV (m) and -66 mV (h).
 * Keys `NaTa_t_gNaTa_tbar` (1e-5 S/cm2), `ena`; states `NaTa_t_m`, `NaTa_t_h`.
 *
 * @example cell.group("axonal").insert(new NaTa_t());
 */
export class NaTa_t extends defineChannel(
  ohmicChannel("NaTa_t", "na", "m * m * m * h", {
    definitions: transientNaDefinitions(-38, -66),
    gates: transientGates,
  }),
) {}

/**
 * Persistent Na current, `ina = gNap_Et2bar m^3 h (v - ena)` (Magistretti and Alonso
 * 1999): `m_inf = 1 / (1 + exp((v + 52.6) / -4.6))`, m tau 6 times the transient one
 * (half point -38 mV); `h_inf = 1 / (1 + exp((v + 48.8) / 10))`, h rates
 * `-2.88e-6 (v + 17) / (1 - exp((v + 17) / 4.63))`, `6.94e-6 (v + 64.4) / (1 - exp(-(v +
 * 64.4) / 2.63))`; tau divided by `2.3^1.3`. Keys `Nap_Et2_gNap_Et2bar` (1e-5 S/cm2),
 * `ena`; states `Nap_Et2_m`, `Nap_Et2_h`.
 *
 * @example cell.group("somatic").insert(new Nap_Et2());
 */
export class Nap_Et2 extends defineChannel(
  ohmicChannel("Nap_Et2", "na", "m * m * m * h", {
    definitions: {
      qt: QT,
      mInf: boltzmann("v", -52.6, -4.6),
      vm: nudged("v", -38),
      mAlpha: "(0.182 * (vm - -38)) / (1 - exp(-(vm - -38) / 6))",
      mBeta: "(0.124 * (-vm - 38)) / (1 - exp(-(-vm - 38) / 6))",
      vh: nudged(nudged("vm", -17), -64.4),
      hAlpha: "-2.88e-6 * (vh + 17) / (1 - exp((vh + 17) / 4.63))",
      hBeta: "6.94e-6 * (vh + 64.4) / (1 - exp(-(vh + 64.4) / 2.63))",
    },
    gates: {
      m: { inf: "mInf", tau: "6 * (1 / (mAlpha + mBeta)) / qt" },
      h: infTauGate(boltzmann("vh", -48.8, 10), "1 / (hAlpha + hBeta)", "qt"),
    },
  }),
) {}
