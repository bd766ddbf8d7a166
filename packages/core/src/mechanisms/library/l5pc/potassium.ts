/**
 * The potassium channels of the L5PC model (Hay et al. 2011, PLoS Comput Biol 7:
 * e1002107): `K_Pst` and `K_Tst` (persistent and transient, Korngreen and Sakmann 2000),
 * `SKv3_1` (Rettig et al. 1992), `Im` (muscarinic, Adams et al. 1982) and the Ca-activated
 * `SK_E2` (Köhler et al. 1996). Each writes `ik` and reads `ek`.
 */
import { defineChannel } from "../../define.js";
import { boltzmann, infTauGate, ohmicChannel, QT, rateGate, SHIFTED_BY_10 } from "./common.js";

/**
 * Slow persistent K current, `ik = gK_Pstbar m^2 h (v - ek)`, rates at v + 10 mV:
 * `m_inf = 1 / (1 + exp(-(v + 1) / 12))`, m tau `1.25 + 175.03 exp(0.026 v)` below -50 mV
 * else `1.25 + 13 exp(-0.026 v)`; `h_inf = 1 / (1 + exp(-(v + 54) / -11))`, h tau
 * `360 + (1010 + 24 (v + 55)) exp(-((v + 75) / 48)^2)`; taus divided by `2.3^1.3`.
 * Keys `K_Pst_gK_Pstbar` (1e-5 S/cm2), `ek`; states `K_Pst_m`, `K_Pst_h`.
 *
 * @example cell.group("somatic").insert(new K_Pst());
 */
export class K_Pst extends defineChannel(
  ohmicChannel("K_Pst", "k", "m * m * h", {
    definitions: SHIFTED_BY_10,
    gates: {
      m: {
        inf: "1 / (1 + exp(-(vs + 1) / 12))",
        tau: "ifle(-50, vs, (1.25 + 13 * exp(-vs * 0.026)) / qt, (1.25 + 175.03 * exp(-vs * -0.026)) / qt)",
      },
      h: infTauGate(
        "1 / (1 + exp(-(vs + 54) / -11))",
        "360 + (1010 + 24 * (vs + 55)) * exp(-(((vs + 75) / 48)^2))",
        "qt",
      ),
    },
  }),
) {}

/**
 * Fast inactivating K current, `ik = gK_Tstbar m^4 h (v - ek)`, rates at v + 10 mV:
 * `m_inf = 1 / (1 + exp(-v / 19))`, m tau `0.34 + 0.92 exp(-((v + 71) / 59)^2)`;
 * `h_inf = 1 / (1 + exp(-(v + 66) / -10))`, h tau `8 + 49 exp(-((v + 73) / 23)^2)`; taus
 * divided by `2.3^1.3`. Keys `K_Tst_gK_Tstbar` (1e-5 S/cm2), `ek`; states `K_Tst_m`,
 * `K_Tst_h`.
 *
 * @example cell.group("somatic").insert(new K_Tst());
 */
export class K_Tst extends defineChannel(
  ohmicChannel("K_Tst", "k", "m^4 * h", {
    definitions: SHIFTED_BY_10,
    gates: {
      m: infTauGate("1 / (1 + exp(-(vs + 0) / 19))", "0.34 + 0.92 * exp(-(((vs + 71) / 59)^2))", "qt"),
      h: infTauGate("1 / (1 + exp(-(vs + 66) / -10))", "8 + 49 * exp(-(((vs + 73) / 23)^2))", "qt"),
    },
  }),
) {}

/**
 * Kv3.1 current, `ik = gSKv3_1bar m (v - ek)`: `m_inf = 1 / (1 + exp((v - 18.7) /
 * -9.7))`, m tau `4 / (1 + exp((v + 46.56) / -44.14))` ms (no temperature factor). Keys
 * `SKv3_1_gSKv3_1bar` (1e-5 S/cm2), `ek`; state `SKv3_1_m`.
 *
 * @example cell.group("somatic").insert(new SKv3_1());
 */
export class SKv3_1 extends defineChannel(
  ohmicChannel("SKv3_1", "k", "m", {
    gates: { m: infTauGate(boltzmann("v", 18.7, -9.7), "0.2 * 20.000 / (1 + exp((v - -46.560) / -44.140))") },
  }),
) {}

/**
 * Muscarinic K current, `ik = gImbar m (v - ek)`: rates `3.3e-3 exp(±0.1 (v + 35))`,
 * tau divided by `2.3^1.3`. Keys `Im_gImbar` (1e-5 S/cm2), `ek`; state `Im_m`.
 *
 * @example cell.group("apical").insert(new Im());
 */
export class Im extends defineChannel(
  ohmicChannel("Im", "k", "m", {
    definitions: {
      qt: QT,
      mAlpha: "3.3e-3 * exp(2.5 * 0.04 * (v - -35))",
      mBeta: "3.3e-3 * exp(-2.5 * 0.04 * (v - -35))",
    },
    gates: { m: rateGate("m", "qt") },
  }),
) {}

/**
 * Small-conductance Ca-activated K current, `ik = gSK_E2bar z (v - ek)`: `z_inf = 1 /
 * (1 + (0.00043 / cai)^4.8)` (cai in mM, raised by 1e-7 below 1e-7), tau `zTau` (1 ms).
 * Reads `cai` (write it with {@link CaDynamics_E2}). Keys `SK_E2_gSK_E2bar` (1e-6
 * S/cm2), `SK_E2_zTau`, `ek`; state `SK_E2_z`.
 *
 * @example cell.group("somatic").insert(new SK_E2());
 */
export class SK_E2 extends defineChannel(
  ohmicChannel("SK_E2", "k", "z", {
    gbar: 0.000001,
    params: { zTau: { default: 1, unit: "ms" } },
    ions: { ca: { read: ["cai"] } },
    definitions: { ca: "ifle(1e-7, cai, cai, cai + 1e-07)" },
    gates: { z: infTauGate("1 / (1 + (0.00043 / ca)^4.8)", "zTau") },
  }),
) {}
