"""Float64 equations of every mechanism used by the fixtures, in plain Python/numpy.

This module is independent of NEURON. It is used
  * by cases.py to compute steady-state initial gate values, and
  * by check_scheme.py, the standalone re-implementation of NEURON's fixed-step scheme
    that must reproduce the NEURON traces (which validates both the conventions and the
    .mod files in mod/ against these equations).

Every gate is returned as (x_inf, tau) and advanced by exponential Euler,
x_new = x_inf + (x - x_inf) * exp(-dt / tau). Exact exponentials, no clipping.

Units: v in mV, t in ms, channel conductances in S/cm2, channel currents in mA/cm2
(outward positive); synapse gS in uS and its current in nA.
"""

from __future__ import annotations

import numpy as np

exp = np.exp


def efun(x):
    """x / (exp(x) - 1), with the removable singularity at 0 filled (|x| < 1e-6)."""
    x = np.asarray(x, dtype=float)
    small = np.abs(x) < 1e-6
    xs = np.where(small, 1.0, x)
    return np.where(small, 1.0 - x / 2.0, xs / (exp(xs) - 1.0))


def _ab(a, b):
    return a / (a + b), 1.0 / (a + b)


# ---------------------------------------------------------------- HH (NEURON's hh.mod)


def vtrap(x, y):
    """NEURON hh.mod: x / (exp(x / y) - 1), y * (1 - x / y / 2) when |x / y| < 1e-6."""
    x = np.asarray(x, dtype=float)
    small = np.abs(x / y) < 1e-6
    xs = np.where(small, 1.0, x)
    return np.where(small, y * (1.0 - x / y / 2.0), xs / (exp(xs / y) - 1.0))


def hh_gates(v, p):
    # celsius = 6.3: q10 = 3 ** ((celsius - 6.3) / 10) = 1 exactly.
    m = _ab(0.1 * vtrap(-(v + 40.0), 10.0), 4.0 * exp(-(v + 65.0) / 18.0))
    h = _ab(0.07 * exp(-(v + 65.0) / 20.0), 1.0 / (exp(-(v + 35.0) / 10.0) + 1.0))
    n = _ab(0.01 * vtrap(-(v + 55.0), 10.0), 0.125 * exp(-(v + 65.0) / 80.0))
    return {"HH_m": m, "HH_h": h, "HH_n": n}


def hh_current(v, s, p):
    return (
        p["HH_gNa"] * s["HH_m"] ** 3 * s["HH_h"] * (v - p["HH_eNa"])
        + p["HH_gK"] * s["HH_n"] ** 4 * (v - p["HH_eK"])
        + p["HH_gLeak"] * (v - p["HH_eLeak"])
    )


# ------------------------------------------------ Pospischil et al. 2008 (Jaxley names)


def na_gates(v, p):
    vt = p["vt"]
    m = _ab(
        0.32 * efun(-0.25 * (v - vt - 13.0)) / 0.25,
        0.28 * efun(0.2 * (v - vt - 40.0)) / 0.2,
    )
    h = _ab(
        0.128 * exp(-(v - vt - 17.0) / 18.0),
        4.0 / (exp(-(v - vt - 40.0) / 5.0) + 1.0),
    )
    return {"Na_m": m, "Na_h": h}


def na_current(v, s, p):
    return p["Na_gNa"] * s["Na_m"] ** 3 * s["Na_h"] * (v - p["eNa"])


def k_gates(v, p):
    vt = p["vt"]
    n = _ab(
        0.032 * efun(-0.2 * (v - vt - 15.0)) / 0.2,
        0.5 * exp(-(v - vt - 10.0) / 40.0),
    )
    return {"K_n": n}


def k_current(v, s, p):
    return p["K_gK"] * s["K_n"] ** 4 * (v - p["eK"])


def km_gates(v, p):
    vp = v + 35.0
    pinf = 1.0 / (1.0 + exp(-0.1 * vp))
    tau = p["Km_taumax"] / (3.3 * exp(0.05 * vp) + exp(-0.05 * vp))
    return {"Km_p": (pinf, tau)}


def km_current(v, s, p):
    return p["Km_gKm"] * s["Km_p"] * (v - p["eK"])


def cal_gates(v, p):
    q = _ab(0.055 * efun((-v - 27.0) / 3.8) * 3.8, 0.94 * exp((-v - 75.0) / 17.0))
    r = _ab(0.000457 * exp((-v - 13.0) / 50.0), 0.0065 / (exp((-v - 15.0) / 28.0) + 1.0))
    return {"CaL_q": q, "CaL_r": r}


def cal_current(v, s, p):
    return p["CaL_gCaL"] * s["CaL_q"] ** 2 * s["CaL_r"] * (v - p["eCa"])


def cat_gates(v, p):
    vx = p["CaT_vx"]
    uinf = 1.0 / (1.0 + exp((v + vx + 81.0) / 4.0))
    tau = (30.8 + (211.4 + exp((v + vx + 113.2) / 5.0))) / (
        3.7 * (1.0 + exp((v + vx + 84.0) / 3.2))
    )
    return {"CaT_u": (uinf, tau)}


def cat_current(v, s, p):
    sinf = 1.0 / (1.0 + exp(-(v + p["CaT_vx"] + 57.0) / 6.2))
    return p["CaT_gCaT"] * sinf**2 * s["CaT_u"] * (v - p["eCa"])


def leak_gates(v, p):
    return {}


def leak_current(v, s, p):
    return p["Leak_gLeak"] * (v - p["Leak_eLeak"])


# name -> (parameter keys with Jaxley defaults, state keys, gates(v, p), current(v, s, p))
CHANNELS = {
    "HH": (
        {"HH_gNa": 0.12, "HH_gK": 0.036, "HH_gLeak": 0.0003, "HH_eNa": 50.0,
         "HH_eK": -77.0, "HH_eLeak": -54.3},
        ["HH_m", "HH_h", "HH_n"], hh_gates, hh_current,
    ),
    "Leak": ({"Leak_gLeak": 1e-4, "Leak_eLeak": -70.0}, [], leak_gates, leak_current),
    "Na": ({"Na_gNa": 0.05, "eNa": 50.0, "vt": -60.0}, ["Na_m", "Na_h"], na_gates, na_current),
    "K": ({"K_gK": 5e-3, "eK": -90.0, "vt": -60.0}, ["K_n"], k_gates, k_current),
    "Km": ({"Km_gKm": 4e-6, "Km_taumax": 4000.0, "eK": -90.0}, ["Km_p"], km_gates, km_current),
    "CaL": ({"CaL_gCaL": 1e-4, "eCa": 120.0}, ["CaL_q", "CaL_r"], cal_gates, cal_current),
    "CaT": ({"CaT_gCaT": 4e-5, "CaT_vx": 2.0, "eCa": 120.0}, ["CaT_u"], cat_gates, cat_current),
}


def steady_states(name, v, params):
    """Steady state x_inf(v) of every state of channel `name` (true inf for Km and CaT)."""
    _, _, gates, _ = CHANNELS[name]
    return {k: float(g[0]) for k, g in gates(float(v), params).items()}


# ------------------------------------------------------------------ IonotropicSynapse

SYNAPSE_DEFAULTS = {
    "IonotropicSynapse_gS": 1e-4,
    "IonotropicSynapse_e_syn": 0.0,
    "IonotropicSynapse_k_minus": 0.025,
    "IonotropicSynapse_v_th": -35.0,
    "IonotropicSynapse_delta": 10.0,
}


def syn_gate(v_pre, p):
    sinf = 1.0 / (1.0 + exp(-(v_pre - p["IonotropicSynapse_v_th"]) / p["IonotropicSynapse_delta"]))
    tau = (1.0 - sinf) / p["IonotropicSynapse_k_minus"]
    return sinf, tau


def syn_current(v_post, s, p):
    """nA, outward positive at the postsynaptic compartment."""
    return p["IonotropicSynapse_gS"] * s * (v_post - p["IonotropicSynapse_e_syn"])
