"""Cases for imported .mod files (issue 10): one compartment per mechanism, and the full
L5PC model. ``generate_mod.py`` runs them in NEURON and writes the fixtures to
``packages/core/test/fixtures/neuron-mod/``. Format and conventions: README.md, section
"Imported .mod files".

Mechanism files are named relative to ``../shared/mod`` (``l5pc/NaTs2_t.mod``); they are
compiled from there into a temporary folder (nrnmodl.py) and never copied.
"""

from __future__ import annotations

import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED_MOD = REPO.parent / "shared" / "mod"
OWN_MOD = "tools/neuron-refs/mod/derivimplicit/"  # the project's own test mechanisms
OWN_DT_MOD = "tools/neuron-refs/mod/dt/"  # the project's own mechanisms that read dt


def mod_path(file):
    """The .mod file of a case's mechanism: the project's own (``tools/...``, relative to
    the repository root) or a shared one (relative to ``../shared/mod``)."""
    return REPO / file if file.startswith("tools/") else SHARED_MOD / file


def mod_ref(file):
    """How a fixture names the file: relative to the repository root for the project's
    own, ``../shared/mod/...`` otherwise."""
    return file if file.startswith("tools/") else f"../shared/mod/{file}"

DT = 0.025
# Single-compartment protocol: rest, depolarising step, rest, hyperpolarising step, rest.
T_MAX = 150.0
N_STEPS = 6000  # exactly; t[k] = k * dt
RECORD_EVERY = 10  # store samples k = 0, 10, 20, ... (every 0.25 ms)
DEP = (10.0, 50.0)  # delay, dur
HYP = (85.0, 50.0)

# One cylinder, area pi * 20 * 20 um2 = 1256.6 um2: 0.01 nA = 0.796 uA/cm2.
COMPARTMENT = {"length_um": 20.0, "diam_um": 20.0, "cm_uF_per_cm2": 1.0, "Ra_ohm_cm": 100.0}
PAS = {"suffix": "pas", "file": None, "params": {"g": 3e-5, "e": -75.0}}


def _release():
    data = json.loads((SHARED_MOD / "l5pc" / "release_params.json").read_text())
    return data["values"]


REL = _release()


def rel(param, region):
    """A value of release_params.json, e.g. rel("gNaTs2_tbar_NaTs2_t", "somatic")."""
    return REL[f"{param}.{region}"]


def l5(suffix, **params):
    return {"suffix": suffix, "file": f"l5pc/{suffix}.mod", "params": params}


def more(file, suffix, **params):
    return {"suffix": suffix, "file": f"more/{file}.mod", "params": params}


def pas():
    return json.loads(json.dumps(PAS))


def own(file, suffix, **params):
    return {"suffix": suffix, "file": f"{OWN_MOD}{file}.mod", "params": params}


def own_dt(file, suffix, **params):
    return {"suffix": suffix, "file": f"{OWN_DT_MOD}{file}.mod", "params": params}


def compartment_case(name, description, mechs, amps, celsius, ions=None, v_init=-65.0,
                     focus=None, secondorder=0, dt=DT):
    """focus: the suffix of the mechanism under test (its states are recorded). dt: the
    step (ms); T_MAX and the stored sample spacing (0.25 ms) stay the same."""
    n_steps = round(T_MAX / dt)
    every = round(RECORD_EVERY * DT / dt)
    assert abs(n_steps * dt - T_MAX) < 1e-9 and abs(every * dt - RECORD_EVERY * DT) < 1e-9
    return {
        "name": name,
        "kind": "mod_compartment",
        "description": description,
        "focus": focus or mechs[0]["suffix"],
        "compartment": dict(COMPARTMENT),
        "mechanisms": mechs,
        "ions": ions or {},
        "celsius": celsius,
        "v_init_mV": v_init,
        "solver": "crank_nicolson" if secondorder else "bwd_euler",
        "neuron_secondorder": secondorder,
        "dt_ms": dt,
        "t_max_ms": T_MAX,
        "n_steps": n_steps,
        "record_every": every,
        "stimuli": [{"delay_ms": DEP[0], "dur_ms": DEP[1], "amp_nA": amps[0]},
                    {"delay_ms": HYP[0], "dur_ms": HYP[1], "amp_nA": amps[1]}],
    }


# ek/ena as parameters.json sets them in the soma and axon (ena 50, ek -85).
L5_IONS = {"na": {"ena": 50.0}, "k": {"ek": -85.0}}

# (suffix, mechanisms, (depolarising nA, hyperpolarising nA), what the protocol exercises)
# Conductances: release_params.json (somatic where the soma has the mechanism, else axonal,
# Im apical); Ih 8e-5 (parameters.json, soma). pas (3e-5 S/cm2, -75 mV, parameters.json's
# "all") in every case, so that every cell has a stable rest.
def l5pc_single():
    ca_hva = l5("Ca_HVA", gCa_HVAbar=rel("gCa_HVAbar_Ca_HVA", "somatic"))
    cad = l5("CaDynamics_E2", gamma=rel("gamma_CaDynamics_E2", "somatic"),
             decay=rel("decay_CaDynamics_E2", "somatic"))
    table = [
        ("NaTs2_t", [l5("NaTs2_t", gNaTs2_tbar=rel("gNaTs2_tbar_NaTs2_t", "somatic"))],
         (0.01, -0.01), "soma Na density, no K: one spike to near ena, inactivation, recovery"),
        ("NaTa_t", [l5("NaTa_t", gNaTa_tbar=0.01)], (0.015, -0.01),
         "axonal transient Na at 0.01 S/cm2 (release value 3.14 is for the axon; reduced so the one "
         "compartment is not pinned at ena)"),
        ("Nap_Et2", [l5("Nap_Et2", gNap_Et2bar=rel("gNap_Et2bar_Nap_Et2", "axonal"))], (0.008, -0.01),
         "persistent Na (axonal value): slow activation and inactivation"),
        ("K_Pst", [l5("K_Pst", gK_Pstbar=0.01)], (0.03, -0.01),
         "slow K at 0.01 S/cm2 (axonal release value 0.97 reduced to see v move); v-dependent tau branch at -50"),
        ("K_Tst", [l5("K_Tst", gK_Tstbar=rel("gK_Tstbar_K_Tst", "axonal"))], (0.05, -0.01),
         "transient K (axonal value)"),
        ("SKv3_1", [l5("SKv3_1", gSKv3_1bar=rel("gSKv3_1bar_SKv3_1", "somatic"))], (1.0, -0.01),
         "Kv3.1 (somatic value): large depolarising step against a strong K conductance"),
        ("Im", [l5("Im", gImbar=rel("gImbar_Im", "apical"))], (0.015, -0.01),
         "M current (apical value), slow"),
        ("Ih", [l5("Ih", gIhbar=8e-5)], (0.01, -0.015), "Ih (somatic/basal 8e-5): sag under hyperpolarisation"),
        ("Ca_HVA", [ca_hva], (0.03, -0.01),
         "HVA Ca alone: nothing writes cai, so eca stays NEURON's default 132.4579341637009 mV"),
        ("Ca_LVAst", [l5("Ca_LVAst", gCa_LVAstbar=rel("gCa_LVAstbar_Ca_LVAst", "axonal"))], (0.01, -0.01),
         "LVA Ca (axonal value): rebound after the hyperpolarising step; eca fixed (default)"),
        ("CaDynamics_E2", [ca_hva, cad], (0.03, -0.01),
         "CaDynamics_E2 with Ca_HVA (somatic values) as its calcium source: cai rises, eca follows Nernst"),
        ("SK_E2", [l5("SK_E2", gSK_E2bar=rel("gSK_E2bar_SK_E2", "somatic")), ca_hva, cad], (0.03, -0.01),
         "SK_E2 (somatic) with Ca_HVA + CaDynamics_E2 (somatic) as calcium source: z follows cai"),
    ]
    out = []
    for suffix, mechs, amps, what in table:
        for celsius, tag in ((6.3, "6p3C"), (34.0, "34C")):
            out.append(compartment_case(
                f"l5pc_{suffix}_{tag}", what, mechs + [pas()], amps, celsius, ions=L5_IONS,
                focus=suffix))
    return out


def more_single():
    cad = more("cadad", "cadad")
    cal = more("cal_mig", "cal", gcalbar=0.003)
    table = [
        ("cal_mig", [more("cal_mig", "cal")], (0.03, -0.01), 34.0,
         "Migliore L-type Ca: GHK current (FUNCTION ghk, efun, KTF), reads cai/cao (constant: nothing writes cai)"),
        ("can_mig_cadad", [more("can_mig", "can", gcanbar=0.003), cad], (0.04, -0.01), 23.0,
         "Migliore N-type Ca (GHK) with cadad writing cai (decay to cainf 2.4e-4, no inward pump)"),
        ("kca_cal_cadad", [more("kca", "kca", gbar=50.0), cal, cad], (0.05, -0.01), 37.0,
         "Mainen kca (GLOBAL Ra Rb q10 temp; gbar in pS/um2, reads cai) with cal + cadad as calcium source"),
        ("ka", [more("ka", "ka", gbar=0.03)], (0.05, -0.01), 34.0,
         "Traub A-type K, TABLE (usetable_ka = 0), INITIAL overrides m = 0"),
        ("kdr", [more("kdr", "kdr", gbar=0.02)], (0.05, -0.01), 34.0,
         "Traub delayed rectifier, TABLE (usetable_kdr = 0), if/else tau"),
        ("naf", [more("naf", "naf", gbar=0.01)], (0.01, -0.01), 34.0,
         "Traub fast Na, TABLE (usetable_naf = 0), INITIAL calls the table procedure with v - fastNashift"),
        ("ar", [more("ar", "ar", gbar=2.5e-4)], (0.01, -0.01), 34.0,
         "Traub anomalous rectifier (NONSPECIFIC), TABLE (usetable_ar = 0), INITIAL sets m = 0.25"),
        ("km", [more("km", "km", gmax=10.0)], (0.05, -0.01), 34.0,
         "Mainen km: GLOBAL tadj set in INITIAL, gmax in pS/um2"),
        ("HCN1", [more("HCN1", "HCN1", gbar=1e-4)], (0.01, -0.015), 34.0,
         "HCN1 (NONSPECIFIC ih, PROCEDURE giassign)"),
        ("CA1ina", [more("CA1ina", "nacurrent", g=0.005)], (0.01, -0.01), 34.0,
         "CA1 Na (NONSPECIFIC ina of its own, three states with tau floors via if)"),
        ("kdmc", [more("kdmc_BS", "kdmc")], (0.05, -0.01), 23.0,
         "K-D channel (GLOBAL taumin, q10 with celsius)"),
        ("kctin_cal_cadad", [more("kctin", "kctin", gkcbar=0.002), cal, cad], (0.05, -0.01), 34.0,
         "stretch: KINETIC scheme with CONSERVE, METHOD sparse, STEADYSTATE init; cal + cadad as calcium source"),
    ]
    out = []
    for name, mechs, amps, celsius, what in table:
        out.append(compartment_case(f"more_{name}", what, mechs + [pas()], amps, celsius,
                                    ions={"na": {"ena": 50.0}, "k": {"ek": -85.0}},
                                    focus=mechs[0]["suffix"]))
    return out


def derivimplicit_single():
    """The project's own derivimplicit files (mod/derivimplicit/), backward Euler and
    Crank-Nicolson (secondorder 2: NEURON's derivimplicit then takes a backward-Euler half
    step and extrapolates, x(t + dt) = 2 x(t + dt/2) - x(t))."""
    kdr = own("kdrdi", "kdrdi", gbar=0.002)
    cad = own("cadecaydi", "cadecaydi", depth=0.2, tau=60.0)
    ca_hva = l5("Ca_HVA", gCa_HVAbar=rel("gCa_HVAbar_Ca_HVA", "somatic"))
    table = [
        ("kdrdi", [kdr], (0.12, -0.01), 34.0,
         "project-written K channel, METHOD derivimplicit: n (alpha/beta form, vtrap FUNCTION), "
         "l (inf/tau form), rates from a PROCEDURE, q10 with celsius"),
        ("cadecaydi_Ca_HVA", [cad, ca_hva], (0.03, -0.01), 34.0,
         "project-written calcium decay, METHOD derivimplicit (cai' = -ica k - (cai - cainf)/tau), "
         "with L5PC Ca_HVA (somatic value) as its calcium source: cai rises, eca follows Nernst"),
    ]
    out = []
    for name, mechs, amps, celsius, what in table:
        for order, tag in ((0, "bwd_euler"), (2, "crank_nicolson")):
            out.append(compartment_case(f"own_{name}_{tag}", what, mechs + [pas()], amps, celsius,
                                        ions={"na": {"ena": 50.0}, "k": {"ek": -85.0}},
                                        focus=mechs[0]["suffix"], secondorder=order))
    return out


def dt_single():
    """The project's own mechanism that reads dt (mod/dt/kdt.mod: in INITIAL, a FUNCTION of
    the DERIVATIVE block and a PROCEDURE of BREAKPOINT), at two steps, backward Euler and
    Crank-Nicolson."""
    kdt = own_dt("kdt", "kdt", gbar=0.01)
    out = []
    for dt, dtag in ((0.025, "dt0p025"), (0.01, "dt0p01")):
        for order, tag in ((0, "bwd_euler"), (2, "crank_nicolson")):
            out.append(compartment_case(
                f"own_kdt_{dtag}_{tag}",
                "project-written K current and leak reading dt in INITIAL, a FUNCTION of the "
                "DERIVATIVE block and a PROCEDURE of BREAKPOINT", [kdt, pas()], (0.05, -0.01), 34.0,
                ions={"na": {"ena": 50.0}, "k": {"ek": -85.0}}, focus="kdt", secondorder=order, dt=dt))
    return out


def explicit_single():
    """The project's own mechanism whose gates move by explicit exp(-dt/tau) updates in a
    PROCEDURE that BREAKPOINT solves (mod/dt/kexp.mod), at two steps, both solvers."""
    kexp = own_dt("kexp", "kexp", gbar=0.02)
    out = []
    for dt, dtag in ((0.025, "dt0p025"), (0.01, "dt0p01")):
        for order, tag in ((0, "bwd_euler"), (2, "crank_nicolson")):
            out.append(compartment_case(
                f"own_kexp_{dtag}_{tag}",
                "project-written K current, gates updated by x += (1 - exp(-dt/tau)) (xinf - x) in "
                "a SOLVEd PROCEDURE (h's update reads m's new value)", [kexp, pas()], (0.06, -0.02),
                34.0, ions={"na": {"ena": 50.0}, "k": {"ek": -85.0}}, focus="kexp", secondorder=order,
                dt=dt))
    return out


def t_single():
    """The project's own mechanism that reads t (mod/dt/kt.mod: BREAKPOINT at t + dt/2, the
    DERIVATIVE block at t + dt, INITIAL at 0), at two steps, both solvers."""
    kt = own_dt("kt", "kt", gbar=0.01)
    out = []
    for dt, dtag in ((0.025, "dt0p025"), (0.01, "dt0p01")):
        for order, tag in ((0, "bwd_euler"), (2, "crank_nicolson")):
            out.append(compartment_case(
                f"own_kt_{dtag}_{tag}",
                "project-written K current and leak reading t in PROCEDUREs of BREAKPOINT and of the "
                "DERIVATIVE block, and in INITIAL", [kt, pas()], (0.05, -0.01), 34.0,
                ions={"na": {"ena": 50.0}, "k": {"ek": -85.0}}, focus="kt", secondorder=order, dt=dt))
    return out


def all_cases():
    return (l5pc_single() + more_single() + derivimplicit_single() + dt_single() + explicit_single()
            + t_single())
