"""Definitions of every NEURON reference case, as models in the fixture format.

A case is a plain dict, written (with NEURON's results added) to
packages/core/test/fixtures/neuron/NAME.json. See README.md for the format. The helpers
below only fill in per-compartment lists; every value ends up explicit in the JSON.

Restrictions that keep the NEURON model faithful (checked by generate.py):
  * all compartments of a branch have the same length (a branch is one NEURON Section
    with nseg = ncomp; per-compartment radius, cm and mechanism parameters are per-segment
    values);
  * axial resistivity is uniform within a branch (Ra is a Section property in NEURON);
  * an un-prefixed shared key (eNa, eK, eCa, vt) listed by several mechanisms of a branch
    has the same values in all of them.
"""

from __future__ import annotations

import math
import random

import equations as eq

DT = 0.025


def per_comp(x, n):
    """scalar -> [x] * n; callable -> [x(k) for k in range(n)]; list -> checked copy."""
    if callable(x):
        return [float(x(k)) for k in range(n)]
    if isinstance(x, (list, tuple)):
        if len(x) != n:
            raise ValueError(f"expected {n} values, got {len(x)}")
        return [float(y) for y in x]
    return [float(x)] * n


def linspace(a, b, n):
    if n == 1:
        return [float(a)]
    return [a + (b - a) * k / (n - 1) for k in range(n)]


def branch(
    ncomp,
    length_um,
    radius_um,
    ra=100.0,
    cm=1.0,
    mechs=None,
    shared=None,
    v=-65.0,
    states=None,
):
    """One branch in the fixture format.

    mechs:  {"HH": {"HH_gNa": value_or_list, ...}, "Na": {}, ...}; missing keys get the
            Jaxley defaults from equations.CHANNELS.
    shared: values for un-prefixed shared keys (eNa, eK, eCa, vt) of this branch.
    v:      initial voltage (scalar or per compartment).
    states: explicit initial gate values {key: scalar or list}; every other gate starts at
            its steady state for the compartment's initial voltage and parameters.
    """
    mechs = mechs or {}
    shared = shared or {}
    states = states or {}
    out_m = {}
    for name, given in mechs.items():
        defaults, _, _, _ = eq.CHANNELS[name]
        vals = {}
        for key, default in defaults.items():
            if key in given:
                src = given[key]
            elif key in shared:
                src = shared[key]
            else:
                src = default
            vals[key] = per_comp(src, ncomp)
        unknown = set(given) - set(defaults)
        if unknown:
            raise ValueError(f"unknown keys for {name}: {unknown}")
        out_m[name] = vals
    vlist = per_comp(v, ncomp)
    init = {"v": vlist}
    for name, vals in out_m.items():
        _, skeys, _, _ = eq.CHANNELS[name]
        for sk in skeys:
            if sk in states:
                init[sk] = per_comp(states[sk], ncomp)
            else:
                init[sk] = [
                    eq.steady_states(name, vlist[k], {kk: vv[k] for kk, vv in vals.items()})[sk]
                    for k in range(ncomp)
                ]
    return {
        "ncomp": ncomp,
        "length_um": per_comp(length_um, ncomp),
        "radius_um": per_comp(radius_um, ncomp),
        "axial_resistivity_ohm_cm": per_comp(ra, ncomp),
        "capacitance_uF_per_cm2": per_comp(cm, ncomp),
        "mechanisms": out_m,
        "initial_states": init,
    }


def stim(cell, br, comp, delay, dur, amp, **extra):
    d = {"cell": cell, "branch": br, "comp": comp, "delay_ms": float(delay),
         "dur_ms": float(dur), "amp_nA": float(amp)}
    d.update(extra)
    return d


def rec(cell, br, comp, state="v"):
    return {"cell": cell, "branch": br, "comp": comp, "state": state}


def synapse(pre, post, params, s0=None, pre_v_init=None):
    """pre/post = (cell, branch, comp). s0 defaults to s_inf(v_pre) at pre_v_init."""
    p = dict(eq.SYNAPSE_DEFAULTS)
    p.update({("IonotropicSynapse_" + k if not k.startswith("Ionotropic") else k): float(v)
              for k, v in params.items()})
    if s0 is None:
        s0 = float(eq.syn_gate(float(pre_v_init), p)[0])
    return {
        "type": "IonotropicSynapse",
        "pre": {"cell": pre[0], "branch": pre[1], "comp": pre[2]},
        "post": {"cell": post[0], "branch": post[1], "comp": post[2]},
        "params": p,
        "initial_states": {"IonotropicSynapse_s": float(s0)},
    }


def case(name, description, kind, solver, t_max, cells, stimuli, recordings, v_init,
         initial_state_rule, synapses=None, dt=DT, tolerance=None, **extra):
    c = {
        "name": name,
        "description": description,
        "kind": kind,
        "solver": solver,
        "dt_ms": dt,
        "t_max_ms": float(t_max),
        "v_init_mV": v_init,
        "initial_state_rule": initial_state_rule,
        "cells": cells,
    }
    if synapses is not None:
        c["synapses"] = synapses
    c["stimuli"] = stimuli
    c["recordings"] = recordings
    c["tolerance"] = tolerance or {
        "mae_mV_per_recording": 0.05,
        "mae_state_per_recording": 0.001,
        "comment": "loose test tolerances (Jaxley's own NEURON tests use mean |dV| < 0.05 "
        "mV); a float64 implementation of the documented scheme reproduces these traces "
        "to ~1e-9 mV (tools/neuron-refs/check_scheme.py), so anything above ~1e-6 mV is "
        "a real difference",
    }
    c.update(extra)
    return c


EQ_RULE = "every gate at its steady state for its compartment's initial v (x_inf(v)); " \
    "exact values in cells[i].branches[j].initial_states"

# ------------------------------------------------------------------------------- HH


def hh_tree_cell(v=-65.0, states_fn=None):
    """7-branch tree, unequal ncomp, tapering radius, per-branch Ra and cm, per-compartment
    HH conductances on two branches."""
    parents = [-1, 0, 0, 1, 1, 2, 2]
    spec = [
        # ncomp, length, radius, Ra, cm
        (3, 20.0, linspace(2.0, 1.6, 3), 100.0, 1.0),
        (4, 25.0, linspace(1.4, 1.0, 4), 150.0, 1.2),
        (2, 30.0, [1.2, 1.1], 80.0, 0.9),
        (5, 15.0, linspace(0.9, 0.5, 5), 200.0, 1.0),
        (3, 20.0, 0.7, 120.0, 1.1),
        (2, 40.0, [0.8, 0.6], 100.0, 0.8),
        (6, 10.0, linspace(1.0, 0.5, 6), 90.0, 1.0),
    ]
    hh_overrides = {
        1: {"HH_gNa": linspace(0.12, 0.09, 4)},
        3: {"HH_gK": linspace(0.036, 0.05, 5), "HH_eLeak": -60.0},
        6: {"HH_gNa": 0.1, "HH_gLeak": 0.0005},
    }
    branches = []
    for b, (n, L, r, ra, cm) in enumerate(spec):
        vb = v(b, n) if callable(v) else v
        st = states_fn(b, n) if states_fn else None
        branches.append(branch(n, L, r, ra, cm, {"HH": hh_overrides.get(b, {})}, v=vb, states=st))
    return {"parents": parents, "branches": branches}


TREE_RECS = [rec(0, 0, 0), rec(0, 1, 3), rec(0, 3, 4), rec(0, 4, 2), rec(0, 5, 1), rec(0, 6, 5)]
TREE_STIMS = [stim(0, 0, 0, 2.0, 3.0, 0.4), stim(0, 6, 5, 14.0, 3.0, 0.3)]
TREE_DESC = ("7-branch tree, parents [-1,0,0,1,1,2,2], ncomp [3,4,2,5,3,2,6], equal "
             "compartment lengths within a branch but different per branch (10-40 um), "
             "radius tapering per compartment, per-branch Ra (80-200 ohm cm) and cm "
             "(0.8-1.2 uF/cm2), HH everywhere with per-compartment gNa/gK on branches 1 "
             "and 3 and other per-branch HH parameters. Two stimuli (root, then a leaf).")


def offrest_v(b, n):
    """v ramps from -80 mV at the root's first compartment to -40 mV at the deepest leaf,
    by compartment index along the path (a simple deterministic ramp per branch)."""
    starts = {0: -80.0, 1: -74.0, 2: -74.0, 3: -62.0, 4: -64.0, 5: -66.0, 6: -62.0}
    ends = {0: -76.0, 1: -66.0, 2: -70.0, 3: -40.0, 4: -52.0, 5: -58.0, 6: -40.0}
    return linspace(starts[b], ends[b], n)


def offrest_states(b, n):
    rng = random.Random(1000 + b)
    return {
        "HH_m": [round(rng.uniform(0.02, 0.6), 6) for _ in range(n)],
        "HH_h": [round(rng.uniform(0.05, 0.95), 6) for _ in range(n)],
        "HH_n": [round(rng.uniform(0.05, 0.9), 6) for _ in range(n)],
    }


def hh_cases():
    out = []
    # (a) one compartment
    out.append(case(
        "comp_hh_bwd_euler",
        "Single HH compartment (length 20 um, radius 10 um), step current 2-27 ms that "
        "elicits a spike train. Channel kinetics, initial steady state and the bwd_euler "
        "voltage update.",
        "compartment", "bwd_euler", 30.0,
        [{"parents": [-1], "branches": [branch(1, 20.0, 10.0, 100.0, 1.0, {"HH": {}})]}],
        [stim(0, 0, 0, 2.0, 25.0, 0.3)],
        [rec(0, 0, 0)],
        -65.0, EQ_RULE,
    ))
    # (b) unbranched cable
    out.append(case(
        "cable10_hh_bwd_euler",
        "Unbranched HH cable, ncomp=10 x 30 um, radius 0.8 um, Ra 120, cm 1. A short pulse "
        "into compartment 0 launches a spike that propagates to compartment 9; a second, "
        "longer pulse into compartment 9 sends one back.",
        "branch", "bwd_euler", 30.0,
        [{"parents": [-1], "branches": [branch(10, 30.0, 0.8, 120.0, 1.0, {"HH": {}})]}],
        [stim(0, 0, 0, 1.0, 1.0, 0.3), stim(0, 0, 9, 15.0, 2.0, 0.2)],
        [rec(0, 0, 0), rec(0, 0, 3), rec(0, 0, 6), rec(0, 0, 9)],
        -65.0, EQ_RULE,
    ))
    # (c), (d) tree
    for solver in ("bwd_euler", "crank_nicolson"):
        out.append(case(
            f"tree_hh_{solver}", TREE_DESC, "cell", solver, 30.0,
            [hh_tree_cell()], TREE_STIMS, TREE_RECS, -65.0, EQ_RULE,
        ))
    # (e) off-rest initial states, both solvers
    for solver in ("bwd_euler", "crank_nicolson"):
        out.append(case(
            f"tree_hh_offrest_init_{solver}",
            "The tree of tree_hh_* started far from rest: v ramps per compartment from "
            "-80 mV (root) to -40 mV (deepest leaves) and every HH gate starts at an "
            "arbitrary value (m in [0.02,0.6], h in [0.05,0.95], n in [0.05,0.9]). Tests "
            "that a simulator starts from exactly the given per-compartment states. One "
            "late stimulus at the root. Records v and HH gates.",
            "cell", solver, 25.0,
            [hh_tree_cell(v=offrest_v, states_fn=offrest_states)],
            [stim(0, 0, 0, 15.0, 2.0, 0.4)],
            [rec(0, 0, 0), rec(0, 3, 4), rec(0, 6, 5), rec(0, 2, 1),
             rec(0, 3, 4, "HH_m"), rec(0, 0, 0, "HH_n")],
            -65.0,
            "explicit, far from steady state: per-compartment v ramps and arbitrary gate "
            "values (cells[0].branches[j].initial_states); v_init_mV is only what NEURON's "
            "finitialize used before the states were overwritten",
        ))
    return out


# ------------------------------------------------------------------------- passive


def passive_case():
    n, L, r, ra, cm, g, e, amp = 30, 20.0, 1.0, 100.0, 1.0, 1e-3, -70.0, 0.05
    c = case(
        "passive_cable_leak_analytic",
        f"Passive cable (Leak only): ncomp={n} x {L:g} um = {n * L:g} um, radius {r:g} um, "
        f"Ra {ra:g} ohm cm, cm {cm:g}, Leak_gLeak {g:g} S/cm2 (tau_m = 1 ms), "
        f"Leak_eLeak {e:g} mV, constant {amp:g} nA into compartment 0 from t=0, sealed "
        "ends. 20 ms = 20 tau_m, so the last sample is the steady state (see steady_state).",
        "branch", "bwd_euler", 20.0,
        [{"parents": [-1], "branches": [branch(n, L, r, ra, cm, {"Leak": {
            "Leak_gLeak": g, "Leak_eLeak": e}}, v=e)]}],
        [stim(0, 0, 0, 0.0, 1e9, amp, comment="constant for the whole run")],
        [rec(0, 0, 0), rec(0, 0, 5), rec(0, 0, 10), rec(0, 0, 15), rec(0, 0, 22), rec(0, 0, 29)],
        e, "v = Leak_eLeak everywhere (Leak has no state)",
        tolerance={"mae_mV_per_recording": 0.01, "steady_state_abs_mV": 0.001,
                   "comment": "linear problem; a faithful implicit-Euler simulator agrees "
                   "to ~1e-9 mV; the last sample must match steady_state.discrete_v_mV"},
    )
    return c


def passive_steady_state(c):
    """Analytic (continuous) and exact discrete steady state of passive_cable_leak_analytic."""
    import numpy as np

    b = c["cells"][0]["branches"][0]
    n = b["ncomp"]
    L = b["length_um"][0]
    r = b["radius_um"][0]
    ra = b["axial_resistivity_ohm_cm"][0]
    g = b["mechanisms"]["Leak"]["Leak_gLeak"][0]
    e = b["mechanisms"]["Leak"]["Leak_eLeak"][0]
    amp = c["stimuli"][0]["amp_nA"]
    # discrete: membrane conductance per compartment (uS), axial conductance (uS)
    area_cm2 = 2 * math.pi * r * L * 1e-8
    gm = g * area_cm2 * 1e6
    ga = 1.0 / (ra * (L * 1e-4) / (math.pi * (r * 1e-4) ** 2) * 1e-6)
    A = np.zeros((n, n))
    for k in range(n):
        A[k, k] += gm
        if k + 1 < n:
            A[k, k] += ga
            A[k + 1, k + 1] += ga
            A[k, k + 1] -= ga
            A[k + 1, k] -= ga
    rhs = np.zeros(n)
    rhs[0] = amp
    disc = e + np.linalg.solve(A, rhs)
    # continuous sealed-end cable with the current injected at x = 0
    d_cm = 2 * r * 1e-4
    rm = 1.0 / g  # ohm cm2
    lam_cm = math.sqrt(rm * d_cm / (4 * ra))
    ell = n * L * 1e-4
    r_a = 4 * ra / (math.pi * d_cm**2)  # ohm/cm
    rin_ohm = r_a * lam_cm / math.tanh(ell / lam_cm)
    xs = [(k + 0.5) * L for k in range(n)]
    cont = [e + amp * 1e-9 * rin_ohm * math.cosh((ell - x * 1e-4) / lam_cm)
            / math.cosh(ell / lam_cm) * 1e3 for x in xs]
    return {
        "formula": "V(x) - E = I * R_in * cosh((l - x)/lambda) / cosh(l/lambda), R_in = "
        "r_a * lambda * coth(l/lambda), r_a = 4 Ra / (pi d^2), lambda = sqrt(Rm d / (4 Ra)), "
        "Rm = 1/g_leak; current injected at x=0, sealed end at x=l",
        "lambda_um": lam_cm * 1e4,
        "cable_length_um": ell * 1e4,
        "electrotonic_length_l_over_lambda": ell / lam_cm,
        "input_resistance_MOhm_continuous": rin_ohm * 1e-6,
        "x_um_compartment_centres": xs,
        "analytic_continuous_v_mV": cont,
        "discrete_v_mV": [float(x) for x in disc],
        "discrete_note": "exact steady state of the compartmental model (membrane "
        "conductance g*2*pi*r*l per compartment, axial conductance pi r^2/(Ra l) between "
        "neighbouring centres, current into compartment 0). A faithful simulator converges "
        "to this; the continuous formula differs by O((dx/lambda)^2) and by the injection "
        "point (centre of compartment 0, not x=0).",
    }


# --------------------------------------------------------------------- Pospischil


POSP_SHARED = {"eNa": 50.0, "eK": -90.0, "eCa": 120.0, "vt": -58.0}


def pospischil_cell(v0=-84.0, k=None):
    k = {"gK": 0.01, "gCaL1": 6e-4, "gCaL3": 4e-4, "gCaT2": 5e-3, "gCaT3": 3e-3,
         "gCaT4": 6e-3, "gKm0": 1e-3, "gKm2": 5e-4, **(k or {})}
    parents = [-1, 0, 0, 1, 1]
    S = POSP_SHARED
    spec = [
        # ncomp, length, radius, Ra, cm, mechanisms
        (2, 20.0, 6.0, 100.0, 1.0, {
            "Na": {"Na_gNa": 0.05}, "K": {"K_gK": k["gK"]}, "Leak": {},
            "Km": {"Km_gKm": k["gKm0"], "Km_taumax": 100.0}}),
        (4, 25.0, linspace(1.5, 1.0, 4), 120.0, 1.0, {
            "Na": {"Na_gNa": 0.03}, "K": {"K_gK": k["gK"]}, "Leak": {"Leak_gLeak": 5e-5},
            "CaL": {"CaL_gCaL": k["gCaL1"]}}),
        (3, 20.0, 1.2, 100.0, 1.1, {
            "Leak": {"Leak_eLeak": -72.0}, "CaT": {"CaT_gCaT": k["gCaT2"], "CaT_vx": 3.0},
            "Km": {"Km_gKm": k["gKm2"], "Km_taumax": 60.0}}),
        (3, 30.0, 0.8, 150.0, 1.0, {
            "Na": {"Na_gNa": 0.04}, "K": {"K_gK": k["gK"]}, "Leak": {},
            "CaL": {"CaL_gCaL": k["gCaL3"]}, "CaT": {"CaT_gCaT": k["gCaT3"]}}),
        (2, 25.0, [0.9, 0.7], 100.0, 0.9, {
            "Leak": {}, "CaT": {"CaT_gCaT": k["gCaT4"]}}),
    ]
    branches = [branch(n, L, r, ra, cm, m, shared=S, v=v0) for n, L, r, ra, cm, m in spec]
    return {"parents": parents, "branches": branches}


def pospischil_cases():
    out = []
    for solver in ("bwd_euler", "crank_nicolson"):
        out.append(case(
            f"cell_pospischil_{solver}",
            "5-branch cell, parents [-1,0,0,1,1], with the Pospischil et al. (2008) channels "
            "Na, K, Leak, Km, CaL, CaT in a different mix per branch (Km with Km_taumax "
            "60-100 ms and Km/CaL/CaT conductances raised so that they matter; shared "
            "eNa 50, eK -90, eCa 120, vt -58). Starts hyperpolarised (v = -84 mV, gates at "
            "their steady state there), so CaT is de-inactivated: relaxing towards rest "
            "gives a CaT rebound spike (~13 ms). A step into the soma at 20-35 ms then "
            "gives Na spikes with CaL and Km.",
            "cell", solver, 40.0,
            [pospischil_cell()],
            [stim(0, 0, 0, 20.0, 15.0, 0.4)],
            [rec(0, 0, 0), rec(0, 1, 3), rec(0, 2, 2), rec(0, 3, 1), rec(0, 4, 1),
             rec(0, 2, 2, "CaT_u")],
            -84.0, EQ_RULE,
        ))
    return out


def mixed_states_case():
    S = POSP_SHARED
    cell = {
        "parents": [-1, 0, 0],
        "branches": [
            branch(2, 20.0, 3.0, 100.0, 1.0, {"HH": {}}, v=-65.0),
            branch(3, 20.0, 1.0, 100.0, 1.0, {
                "Na": {}, "K": {}, "Leak": {}, "Km": {"Km_gKm": 1e-3, "Km_taumax": 50.0}},
                shared=S, v=-65.0),
            branch(2, 25.0, 0.8, 100.0, 1.0, {
                "Leak": {}, "CaL": {"CaL_gCaL": 2e-3}, "CaT": {"CaT_gCaT": 3e-3}},
                shared=S, v=-65.0),
        ],
    }
    return case(
        "cell_mixed_states_bwd_euler",
        "3-branch cell: HH on the root, Pospischil Na/K/Leak/Km on branch 1, "
        "Leak/CaL/CaT on branch 2. Records channel states as well as v: HH_m, HH_n, "
        "Na_h, Km_p, CaL_q.",
        "cell", "bwd_euler", 20.0, [cell],
        [stim(0, 0, 0, 1.0, 15.0, 0.4)],
        [rec(0, 0, 0), rec(0, 0, 1, "HH_m"), rec(0, 0, 0, "HH_n"), rec(0, 1, 2, "Na_h"),
         rec(0, 1, 0, "Km_p"), rec(0, 2, 1, "CaL_q")],
        -65.0, EQ_RULE,
    )


# ----------------------------------------------------------------------- networks


def network_cells():
    S = {"eNa": 50.0, "eK": -90.0, "vt": -60.0}
    pos = {"Na": {}, "K": {}, "Leak": {}}
    return [
        # cell 0: HH, 3 branches (the stimulated presynaptic cell)
        {"parents": [-1, 0, 0], "branches": [
            branch(2, 20.0, 2.0, 100.0, 1.0, {"HH": {}}),
            branch(3, 30.0, 1.0, 100.0, 1.0, {"HH": {}}),
            branch(2, 30.0, linspace(1.0, 0.8, 2), 100.0, 1.0, {"HH": {}}),
        ]},
        # cell 1: Pospischil Na/K/Leak, one branch of 4 compartments
        {"parents": [-1], "branches": [
            branch(4, 20.0, 1.0, 100.0, 1.0, pos, shared=S, v=-65.0),
        ]},
        # cell 2: HH, 4 branches
        {"parents": [-1, 0, 0, 1], "branches": [
            branch(3, 15.0, 1.5, 100.0, 1.0, {"HH": {}}),
            branch(2, 20.0, 1.0, 150.0, 1.0, {"HH": {}}),
            branch(2, 20.0, 1.0, 100.0, 1.2, {"HH": {}}),
            branch(1, 30.0, 0.7, 100.0, 1.0, {"HH": {}}),
        ]},
        # cell 3: HH soma-like compartment with a passive-ish dendrite (Pospischil Leak)
        {"parents": [-1, 0], "branches": [
            branch(1, 20.0, 5.0, 100.0, 1.0, {"HH": {}}),
            branch(3, 40.0, 0.6, 100.0, 1.0, {"Leak": {"Leak_eLeak": -65.0}}),
        ]},
    ]


def network_cases():
    cells = network_cells()
    vpre = -65.0
    syns = [
        # excitatory 0 -> 1, 0 -> 2
        synapse((0, 0, 0), (1, 0, 1), {"gS": 1.5e-3, "e_syn": 0.0, "k_minus": 0.1},
                pre_v_init=vpre),
        synapse((0, 2, 1), (2, 1, 0), {"gS": 3e-3, "e_syn": 0.0, "k_minus": 0.05},
                pre_v_init=vpre),
        # excitatory 1 -> 3 (soma), inhibitory 2 -> 3 on the same compartment
        synapse((1, 0, 3), (3, 0, 0), {"gS": 5e-3, "e_syn": 0.0, "v_th": -30.0, "delta": 8.0},
                pre_v_init=vpre),
        synapse((2, 3, 0), (3, 0, 0), {"gS": 4e-3, "e_syn": -80.0, "k_minus": 0.1},
                pre_v_init=vpre),
        # inhibitory feedback 3 -> 0, onto a dendrite of cell 0, starts non-equilibrium
        synapse((3, 0, 0), (0, 1, 2), {"gS": 2e-3, "e_syn": -80.0}, s0=0.3),
    ]
    out = []
    for solver in ("bwd_euler", "crank_nicolson"):
        out.append(case(
            f"network4_ionotropic_{solver}",
            "4 cells of different shapes (parents [-1,0,0] / [-1] / [-1,0,0,1] / [-1,0]; "
            "HH, Pospischil Na/K/Leak, HH, HH soma + Leak dendrite) connected by 5 "
            "IonotropicSynapses: excitatory (e_syn 0) 0->1, 0->2, 1->3, inhibitory "
            "(e_syn -80) 2->3 onto the same compartment as 1->3, and 3->0 feedback onto a "
            "dendrite of cell 0 (initial s 0.3, away from equilibrium). Per-synapse "
            "gS, k_minus, v_th, delta differ. A step into cell 0 makes it spike; its "
            "spikes drive cells 1 and 2, which drive cell 3. Records the somata of the "
            "four cells, one synapse state and one postsynaptic dendrite.",
            "network", solver, 40.0, cells,
            [stim(0, 0, 0, 2.0, 30.0, 0.25)],
            [rec(0, 0, 0), rec(1, 0, 1), rec(2, 1, 0), rec(3, 0, 0), rec(0, 1, 2),
             {"synapse": 0, "state": "IonotropicSynapse_s"}],
            vpre,
            EQ_RULE + "; synapse s at s_inf(v_pre(0)) except synapse 4 (s = 0.3)",
            synapses=syns,
        ))
    return out


def all_cases():
    cs = hh_cases()
    p = passive_case()
    p["steady_state"] = passive_steady_state(p)
    cs.append(p)
    cs += pospischil_cases()
    cs.append(mixed_states_case())
    cs += network_cases()
    return cs


if __name__ == "__main__":
    for c in all_cases():
        print(c["name"])
