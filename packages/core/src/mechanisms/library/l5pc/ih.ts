/**
 * The hyperpolarisation-activated cation current of the L5PC model (Hay et al. 2011,
 * PLoS Comput Biol 7: e1002107; Kole et al. 2006).
 */
import { defineChannel } from "../../define.js";
import { conductance, nudged, rateGate } from "./common.js";

/**
 * Ih, a nonspecific current `ihcn = gIhbar m (v - ehcn)` (ehcn -45 mV): m rates
 * `0.00643 (v + 154.9) / (exp((v + 154.9) / 11.9) - 1)`, `0.193 exp(v / 33.1)` (no
 * temperature factor). Keys `Ih_gIhbar` (1e-5 S/cm2), `Ih_ehcn`; state `Ih_m`; recorded
 * as `Ih_ihcn`.
 *
 * @example cell.group("apical").set("Ih_gIhbar", d.map((x) => (-0.8696 + 2.087 * Math.exp(0.0031 * x)) * 8e-5));
 */
export class Ih extends defineChannel({
  name: "Ih",
  params: { gIhbar: conductance(0.00001), ehcn: { default: -45.0, unit: "mV" } },
  states: { m: 0.5 },
  definitions: {
    vn: nudged("v", -154.9),
    mAlpha: "0.001 * 6.43 * (vn + 154.9) / (exp((vn + 154.9) / 11.9) - 1)",
    mBeta: "0.001 * 193 * exp(vn / 33.1)",
  },
  gates: { m: rateGate("m") },
  current: "gIhbar * m * (v - ehcn)",
  currentName: "Ih_ihcn",
}) {}
