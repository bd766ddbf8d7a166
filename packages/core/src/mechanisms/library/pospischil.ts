/**
 * The channels of Pospischil et al. (2008), "Minimal Hodgkin-Huxley type models for
 * different classes of cortical and thalamic neurons", Biol. Cybern. 99: 427-441, with
 * the equations, keys and defaults of Jaxley's `jaxley/channels/pospischil.py`.
 * Reversal potentials and `vt` are shared keys (`eNa`, `eK`, `eCa`, `vt`).
 */
import { defineChannel } from "../define.js";

const S_CM2 = "S/cm2";

/**
 * Leak current `gLeak (v - eLeak)`; keys `Leak_gLeak` (1e-4 S/cm2), `Leak_eLeak`
 * (-70 mV); recorded as `i_<name>`.
 *
 * @example network.insert(new Leak());
 */
export class Leak extends defineChannel({
  name: "Leak",
  params: { gLeak: { default: 1e-4, unit: S_CM2 }, eLeak: { default: -70.0, unit: "mV" } },
  states: {},
  gates: {},
  current: "gLeak * (v - eLeak)",
}) {}

/**
 * Fast Na current `gNa m^3 h (v - eNa)`; keys `Na_gNa` (0.05 S/cm2), shared `eNa`
 * (50 mV) and `vt` (-60 mV, the spike threshold shift); states `Na_m`, `Na_h`;
 * recorded as `i_Na`.
 *
 * @example network.insert(new Na());
 */
export class Na extends defineChannel({
  name: "Na",
  params: { gNa: { default: 50e-3, unit: S_CM2 } },
  shared: { eNa: { default: 50.0, unit: "mV" }, vt: { default: -60.0, unit: "mV" } },
  states: { m: 0.2, h: 0.2 },
  gates: {
    m: {
      alpha: "0.32 * efun(-0.25 * (v - vt - 13)) / 0.25",
      beta: "0.28 * efun(0.2 * (v - vt - 40)) / 0.2",
    },
    h: {
      alpha: "0.128 * exp(-(v - vt - 17) / 18)",
      beta: "4 / (exp(-(v - vt - 40) / 5) + 1)",
    },
  },
  current: "gNa * m^3 * h * (v - eNa)",
  currentName: "i_Na",
}) {}

/**
 * Delayed-rectifier K current `gK n^4 (v - eK)`; keys `K_gK` (5e-3 S/cm2), shared `eK`
 * (-90 mV) and `vt` (-60 mV); state `K_n`; recorded as `i_K`.
 *
 * @example network.insert(new K());
 */
export class K extends defineChannel({
  name: "K",
  params: { gK: { default: 5e-3, unit: S_CM2 } },
  shared: { eK: { default: -90.0, unit: "mV" }, vt: { default: -60.0, unit: "mV" } },
  states: { n: 0.2 },
  gates: {
    n: {
      alpha: "0.032 * efun(-0.2 * (v - vt - 15)) / 0.2",
      beta: "0.5 * exp(-(v - vt - 10) / 40)",
    },
  },
  current: "gK * n^4 * (v - eK)",
  currentName: "i_K",
}) {}

/**
 * Slow non-inactivating (M-type) K current `gKm p (v - eK)`; keys `Km_gKm`
 * (4e-6 S/cm2), `Km_taumax` (4000 ms), shared `eK` (-90 mV); state `Km_p`; recorded
 * as `i_K` (with `K`).
 *
 * @example network.insert(new Km());
 */
export class Km extends defineChannel({
  name: "Km",
  params: { gKm: { default: 0.004e-3, unit: S_CM2 }, taumax: { default: 4000.0, unit: "ms" } },
  shared: { eK: { default: -90.0, unit: "mV" } },
  states: { p: 0.2 },
  gates: {
    p: {
      inf: "1 / (1 + exp(-0.1 * (v + 35)))",
      tau: "taumax / (3.3 * exp(0.05 * (v + 35)) + exp(-0.05 * (v + 35)))",
    },
  },
  current: "gKm * p * (v - eK)",
  currentName: "i_K",
}) {}

/**
 * High-threshold (L-type) Ca current `gCaL q^2 r (v - eCa)`; keys `CaL_gCaL`
 * (1e-4 S/cm2), shared `eCa` (120 mV); states `CaL_q`, `CaL_r`; recorded as `i_Ca`.
 *
 * @example network.insert(new CaL());
 */
export class CaL extends defineChannel({
  name: "CaL",
  params: { gCaL: { default: 0.1e-3, unit: S_CM2 } },
  shared: { eCa: { default: 120.0, unit: "mV" } },
  states: { q: 0.2, r: 0.2 },
  gates: {
    q: { alpha: "0.055 * efun((-v - 27) / 3.8) * 3.8", beta: "0.94 * exp((-v - 75) / 17)" },
    r: { alpha: "0.000457 * exp((-v - 13) / 50)", beta: "0.0065 / (exp((-v - 15) / 28) + 1)" },
  },
  current: "gCaL * q^2 * r * (v - eCa)",
  currentName: "i_Ca",
}) {}

/**
 * Low-threshold (T-type) Ca current `gCaT s_inf^2 u (v - eCa)` with instantaneous
 * activation s_inf; keys `CaT_gCaT` (4e-5 S/cm2), `CaT_vx` (2 mV, a voltage shift),
 * shared `eCa` (120 mV); state `CaT_u`; recorded as `i_Ca`.
 *
 * @example network.insert(new CaT());
 */
export class CaT extends defineChannel({
  name: "CaT",
  params: { gCaT: { default: 0.4e-4, unit: S_CM2 }, vx: { default: 2.0, unit: "mV" } },
  shared: { eCa: { default: 120.0, unit: "mV" } },
  states: { u: 0.2 },
  definitions: { s_inf: "1 / (1 + exp(-(v + vx + 57) / 6.2))" },
  gates: {
    u: {
      inf: "1 / (1 + exp((v + vx + 81) / 4))",
      tau: "(30.8 + (211.4 + exp((v + vx + 113.2) / 5))) / (3.7 * (1 + exp((v + vx + 84) / 3.2)))",
    },
  },
  current: "gCaT * s_inf^2 * u * (v - eCa)",
  currentName: "i_Ca",
}) {}
