/**
 * Jaxley's synapses: `jaxley/synapses/ionotropic.py` and `jaxley/synapses/tanh_rate.py`.
 * Conductances in uS, voltages in mV, currents in nA (outward positive at the
 * postsynaptic compartment).
 */
import { defineSynapse } from "../define.js";

/**
 * A graded ionotropic synapse (Abbott & Marder 1998): s_inf = sigmoid((v_pre - v_th) /
 * delta), tau = (1 - s_inf) / k_minus, I = gS s (v_post - e_syn). Keys
 * `IonotropicSynapse_gS` (1e-4 uS), `_e_syn` (0 mV), `_k_minus` (0.025 1/ms), `_v_th`
 * (-35 mV), `_delta` (10 mV); state `IonotropicSynapse_s` (0.2).
 *
 * @example jx.connect(pre, post, new IonotropicSynapse());
 */
export class IonotropicSynapse extends defineSynapse({
  name: "IonotropicSynapse",
  params: {
    gS: { default: 1e-4, unit: "uS", description: "maximal conductance" },
    e_syn: { default: 0.0, unit: "mV", description: "reversal potential" },
    k_minus: { default: 0.025, unit: "1/ms", description: "unbinding rate" },
    v_th: { default: -35.0, unit: "mV", description: "release half-activation" },
    delta: { default: 10.0, unit: "mV", description: "release slope" },
  },
  states: { s: { default: 0.2, description: "open fraction" } },
  definitions: { s_inf: "sigmoid((v_pre - v_th) / delta)" },
  gates: { s: { inf: "s_inf", tau: "(1 - s_inf) / k_minus" } },
  current: "gS * s * (v_post - e_syn)",
}) {}

/**
 * A stateless rate synapse: I = -gS tanh((v_pre - x_offset) slope). Keys
 * `TanhRateSynapse_gS` (1e-4 uS), `_x_offset` (-70 mV), `_slope` (1 1/mV).
 *
 * @example jx.connect(pre, post, new TanhRateSynapse());
 */
export class TanhRateSynapse extends defineSynapse({
  name: "TanhRateSynapse",
  params: {
    gS: { default: 1e-4, unit: "uS" },
    x_offset: { default: -70.0, unit: "mV" },
    slope: { default: 1.0, unit: "1/mV" },
  },
  states: {},
  gates: {},
  current: "-gS * tanh((v_pre - x_offset) * slope)",
}) {}
