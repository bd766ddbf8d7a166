/**
 * Calcium in the L5PC model (Hay et al. 2011, PLoS Comput Biol 7: e1002107): the
 * high-voltage-activated `Ca_HVA` (Reuveni et al. 1993) and low-voltage-activated
 * `Ca_LVAst` (Avery and Johnston 1996) currents, which read `eca` and write `ica`, and
 * `CaDynamics_E2`, which integrates `ica` into the free intracellular calcium `cai`.
 */
import { defineChannel } from "../../define.js";
import { FARADAY } from "../../ions.js";
import { boltzmann, infTauGate, nudged, ohmicChannel, rateGate, SHIFTED_BY_10 } from "./common.js";

/**
 * High-voltage-activated Ca current, `ica = gCa_HVAbar m^2 h (v - eca)`: m rates
 * `0.055 (-27 - v) / (exp((-27 - v) / 3.8) - 1)`, `0.94 exp((-75 - v) / 17)`; h rates
 * `0.000457 exp((-13 - v) / 50)`, `0.0065 / (exp((-v - 15) / 28) + 1)` (no temperature
 * factor). Keys `Ca_HVA_gCa_HVAbar` (1e-5 S/cm2), `eca`, `cai`, `cao`; states `Ca_HVA_m`,
 * `Ca_HVA_h`.
 *
 * @example cell.group("somatic").insert(new Ca_HVA());
 */
export class Ca_HVA extends defineChannel(
  ohmicChannel("Ca_HVA", "ca", "m * m * h", {
    definitions: {
      vn: nudged("v", -27),
      mAlpha: "(0.055 * (-27 - vn)) / (exp((-27 - vn) / 3.8) - 1)",
      mBeta: "(0.94 * exp((-75 - vn) / 17))",
      hAlpha: "(0.000457 * exp((-13 - vn) / 50))",
      hBeta: "(0.0065 / (exp((-vn - 15) / 28) + 1))",
    },
    gates: { m: rateGate("m"), h: rateGate("h") },
  }),
) {}

/**
 * Low-voltage-activated Ca current, `ica = gCa_LVAstbar m^2 h (v - eca)`, rates at
 * v + 10 mV: `m_inf = 1 / (1 + exp((v + 30) / -6))`, m tau `5 + 20 / (1 + exp((v + 25) /
 * 5))`; `h_inf = 1 / (1 + exp((v + 80) / 6.4))`, h tau `20 + 50 / (1 + exp((v + 40) /
 * 7))`; taus divided by `2.3^1.3`. Keys `Ca_LVAst_gCa_LVAstbar` (1e-5 S/cm2), `eca`, ...;
 * states `Ca_LVAst_m`, `Ca_LVAst_h`.
 *
 * @example cell.group("somatic").insert(new Ca_LVAst());
 */
export class Ca_LVAst extends defineChannel(
  ohmicChannel("Ca_LVAst", "ca", "m * m * h", {
    definitions: SHIFTED_BY_10,
    gates: {
      m: infTauGate(boltzmann("vs", -30, -6), "5.0000 + 20.0000 / (1 + exp((vs - -25.000) / 5))", "qt"),
      h: infTauGate(boltzmann("vs", -80, 6.4), "20.0000 + 50.0000 / (1 + exp((vs - -40.000) / 7))", "qt"),
    },
  }),
) {}

/**
 * Free intracellular calcium in a submembrane shell, `cai' = -10000 ica gamma / (2 F
 * depth) - (cai - minCai) / decay` (mM, ms; F the Faraday constant; ica in mA/cm2, depth
 * in um): inflow of the unbuffered fraction `gamma` of the calcium current, and first-order
 * removal to `minCai`. Reads `ica`, writes `cai` (so `eca` follows Nernst where it is
 * inserted). Keys `CaDynamics_E2_gamma` (0.05), `CaDynamics_E2_decay` (80 ms),
 * `CaDynamics_E2_depth` (0.1 um), `CaDynamics_E2_minCai` (1e-4 mM); state `cai`.
 *
 * @example cell.group("somatic").insert(new CaDynamics_E2());
 */
export class CaDynamics_E2 extends defineChannel({
  name: "CaDynamics_E2",
  params: {
    gamma: { default: 0.05, description: "fraction of free (unbuffered) calcium" },
    decay: { default: 80, unit: "ms", description: "time constant of calcium removal" },
    depth: { default: 0.1, unit: "um", description: "depth of the submembrane shell" },
    minCai: { default: 1e-4, unit: "mM", description: "resting calcium" },
  },
  states: { cai: { default: 5e-5, unit: "mM" } },
  ions: { ca: { read: ["ica"], write: ["cai"] } },
  gates: { cai: { rate: `-(10000) * (ica * gamma / (2 * ${FARADAY} * depth)) - (cai - minCai) / decay` } },
}) {}
