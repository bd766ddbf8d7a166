"""Build a case (fixture-format model) in NEURON and run it with a fixed step.

Run with Debian's /usr/bin/python3 (python3-neuron). Conventions (README.md):
  * celsius = 6.3, usetable_hh = 0 (exact HH rates), cvode off, fixed dt;
  * h.secondorder = 0 for "bwd_euler", 1 for "crank_nicolson";
  * one Section per branch, nseg = ncomp, L = ncomp * compartment length, per-segment diam
    and cm, Section Ra; child branch k is connected as sec_k(0) -> sec_parent(1);
  * h.finitialize(v_init), then every per-segment v and state (and every synapse s) is
    overwritten with the case's initial_states, then n_steps calls of h.fadvance(); the
    recorded values are read after finitialize + overwrite (t = 0) and after each step;
  * IClamp(delay, dur, amp) and recordings at compartment centres sec((k + 0.5) / n);
  * IonotropicSynapse = point process IonotropicSyn at the post compartment with its
    POINTER vpre set to the pre compartment's v.
"""

from __future__ import annotations

import math
from pathlib import Path

HERE = Path(__file__).resolve().parent

# fixture mechanism name -> (NEURON suffix, {fixture param key: NEURON seg attribute},
#                            {fixture state key: NEURON seg attribute})
MECHANISMS = {
    "HH": ("hh",
           {"HH_gNa": "gnabar_hh", "HH_gK": "gkbar_hh", "HH_gLeak": "gl_hh",
            "HH_eLeak": "el_hh", "HH_eNa": "ena", "HH_eK": "ek"},
           {"HH_m": "m_hh", "HH_h": "h_hh", "HH_n": "n_hh"}),
    "Leak": ("pLeak", {"Leak_gLeak": "gLeak_pLeak", "Leak_eLeak": "eLeak_pLeak"}, {}),
    "Na": ("pNa", {"Na_gNa": "gNa_pNa", "eNa": "eNa_pNa", "vt": "vt_pNa"},
           {"Na_m": "m_pNa", "Na_h": "h_pNa"}),
    "K": ("pK", {"K_gK": "gK_pK", "eK": "eK_pK", "vt": "vt_pK"}, {"K_n": "n_pK"}),
    "Km": ("pKm", {"Km_gKm": "gKm_pKm", "Km_taumax": "taumax_pKm", "eK": "eK_pKm"},
           {"Km_p": "p_pKm"}),
    "CaL": ("pCaL", {"CaL_gCaL": "gCaL_pCaL", "eCa": "eCa_pCaL"},
            {"CaL_q": "q_pCaL", "CaL_r": "r_pCaL"}),
    "CaT": ("pCaT", {"CaT_gCaT": "gCaT_pCaT", "CaT_vx": "vx_pCaT", "eCa": "eCa_pCaT"},
            {"CaT_u": "u_pCaT"}),
}
SYNAPSES = {
    "IonotropicSynapse": ("IonotropicSyn",
                          {"IonotropicSynapse_gS": "gS", "IonotropicSynapse_e_syn": "e_syn",
                           "IonotropicSynapse_k_minus": "k_minus",
                           "IonotropicSynapse_v_th": "v_th",
                           "IonotropicSynapse_delta": "delta"},
                          {"IonotropicSynapse_s": "s"}),
}

_h = None


def neuron_h():
    """Imports NEURON once, compiles/loads mod/ and sets the global conventions."""
    global _h
    if _h is None:
        import build_mod
        import neuron
        from neuron import h

        build_mod.build(quiet=True)
        neuron.load_mechanisms(str(HERE / "mod"), warn_if_already_loaded=False)
        h.load_file("stdrun.hoc")
        _h = h
    h = _h
    h.celsius = 6.3
    h.usetable_hh = 0
    h.cvode.active(0)
    return h


def n_steps_of(case):
    if "n_steps" in case:
        return int(case["n_steps"])
    return int(round(case["t_max_ms"] / case["dt_ms"])) + 1


def loc_of(ncomp, comp):
    return (comp + 0.5) / ncomp


def _uniform(values, what, where):
    if max(values) != min(values):
        raise ValueError(f"{where}: {what} must be uniform within a branch for NEURON")
    return values[0]


def _check_shared(br, where):
    seen = {}
    for mname, params in br["mechanisms"].items():
        for key, vals in params.items():
            if "_" in key and key.split("_")[0] == mname:
                continue
            if key in seen and seen[key] != vals:
                raise ValueError(f"{where}: shared key {key} differs between mechanisms")
            seen[key] = vals


class Model:
    """A case instantiated in NEURON (keep the object alive while simulating)."""

    def __init__(self, case):
        h = neuron_h()
        self.h = h
        self.case = case
        solver = case["solver"]
        if solver not in ("bwd_euler", "crank_nicolson"):
            raise ValueError(f"unknown solver {solver}")
        h.secondorder = 0 if solver == "bwd_euler" else 1
        h.dt = case["dt_ms"]
        if any(True for _ in h.allsec()):
            raise RuntimeError("sections of a previous model still exist; drop it first")
        self.secs = []
        for c, cell in enumerate(case["cells"]):
            secs = []
            for b, br in enumerate(cell["branches"]):
                where = f"cell {c} branch {b}"
                n = br["ncomp"]
                for key in ("length_um", "radius_um", "axial_resistivity_ohm_cm",
                            "capacitance_uF_per_cm2"):
                    if len(br[key]) != n:
                        raise ValueError(f"{where}: {key} needs {n} values")
                sec = h.Section(name=f"cell{c}_branch{b}")
                sec.nseg = n
                sec.L = n * _uniform(br["length_um"], "compartment length", where)
                sec.Ra = _uniform(br["axial_resistivity_ohm_cm"], "axial resistivity", where)
                _check_shared(br, where)
                for mname in br["mechanisms"]:
                    sec.insert(MECHANISMS[mname][0])
                for k, seg in enumerate(sec):
                    seg.diam = 2.0 * br["radius_um"][k]
                    seg.cm = br["capacitance_uF_per_cm2"][k]
                self._set_params(sec, br)
                secs.append(sec)
            for b, p in enumerate(cell["parents"]):
                if b == 0:
                    if p != -1:
                        raise ValueError("branch 0 must be the root (parent -1)")
                    continue
                if not (0 <= p < b):
                    raise ValueError("parents must precede their children")
                secs[b].connect(secs[p](1), 0)
            self.secs.append(secs)

        self.stims = []
        for s in case["stimuli"]:
            seg = self.seg(s["cell"], s["branch"], s["comp"])
            st = h.IClamp(seg)
            st.delay = s["delay_ms"]
            st.dur = s["dur_ms"]
            st.amp = s["amp_nA"]
            self.stims.append(st)

        self.syns = []
        for j, sy in enumerate(case.get("synapses", [])):
            pp_name, pmap, _ = SYNAPSES[sy["type"]]
            post = self.seg(sy["post"]["cell"], sy["post"]["branch"], sy["post"]["comp"])
            pre = self.seg(sy["pre"]["cell"], sy["pre"]["branch"], sy["pre"]["comp"])
            pp = getattr(h, pp_name)(post)
            h.setpointer(pre._ref_v, "vpre", pp)
            for key, val in sy["params"].items():
                setattr(pp, pmap[key], val)
            self.syns.append(pp)

    # -- helpers
    def seg(self, cell, branch, comp):
        br = self.case["cells"][cell]["branches"][branch]
        return self.secs[cell][branch](loc_of(br["ncomp"], comp))

    def _set_params(self, sec, br):
        for mname, params in br["mechanisms"].items():
            _, pmap, _ = MECHANISMS[mname]
            for key, vals in params.items():
                attr = pmap[key]
                for k, seg in enumerate(sec):
                    setattr(seg, attr, vals[k])

    def record_ref(self, r):
        """A NEURON pointer for a recording entry."""
        if "synapse" in r:
            sy = self.case["synapses"][r["synapse"]]
            _, _, smap = SYNAPSES[sy["type"]]
            return getattr(self.syns[r["synapse"]], "_ref_" + smap[r["state"]])
        seg = self.seg(r["cell"], r["branch"], r["comp"])
        if r["state"] == "v":
            return seg._ref_v
        for mname, (_, _, smap) in MECHANISMS.items():
            if r["state"] in smap:
                return getattr(seg, "_ref_" + smap[r["state"]])
        raise ValueError(f"cannot record {r['state']}")

    def neuron_location(self, cell, branch, comp):
        return str(self.seg(cell, branch, comp))

    def impose_initial_states(self):
        """Overwrite v, gate states and synapse states with the case's initial_states,
        and re-apply the HH reversal potentials (ena/ek are na_ion/k_ion variables)."""
        for c, cell in enumerate(self.case["cells"]):
            for b, br in enumerate(cell["branches"]):
                sec = self.secs[c][b]
                self._set_params(sec, br)
                for key, vals in br["initial_states"].items():
                    if key == "v":
                        attr = "v"
                    else:
                        attr = None
                        for mname in br["mechanisms"]:
                            smap = MECHANISMS[mname][2]
                            if key in smap:
                                attr = smap[key]
                        if attr is None:
                            raise ValueError(f"state {key} of no inserted mechanism")
                    for k, seg in enumerate(sec):
                        setattr(seg, attr, vals[k])
        for j, sy in enumerate(self.case.get("synapses", [])):
            _, _, smap = SYNAPSES[sy["type"]]
            for key, val in sy["initial_states"].items():
                setattr(self.syns[j], smap[key], val)

    def max_initial_state_error(self):
        """max |value in NEURON - value in the case| over every imposed state."""
        err = 0.0
        for c, cell in enumerate(self.case["cells"]):
            for b, br in enumerate(cell["branches"]):
                sec = self.secs[c][b]
                for key, vals in br["initial_states"].items():
                    for mname in br["mechanisms"]:
                        if key in MECHANISMS[mname][2]:
                            attr = MECHANISMS[mname][2][key]
                    attr = "v" if key == "v" else attr
                    for k, seg in enumerate(sec):
                        err = max(err, abs(getattr(seg, attr) - vals[k]))
        for j, sy in enumerate(self.case.get("synapses", [])):
            _, _, smap = SYNAPSES[sy["type"]]
            for key, val in sy["initial_states"].items():
                err = max(err, abs(getattr(self.syns[j], smap[key]) - val))
        return err

    def run(self):
        """Fixed-step run: returns t, traces (one row per recording), i_stim, info."""
        h = self.h
        refs = [self.record_ref(r) for r in self.case["recordings"]]
        n_steps = n_steps_of(self.case)
        h.finitialize(self.case["v_init_mV"])
        self.impose_initial_states()
        init_err = self.max_initial_state_error()
        t = [h.t]
        traces = [[r[0]] for r in refs]
        i_stim = [[s.i] for s in self.stims]
        for _ in range(n_steps):
            h.fadvance()
            t.append(h.t)
            for row, r in zip(traces, refs):
                row.append(r[0])
            for row, s in zip(i_stim, self.stims):
                row.append(s.i)
        return t, traces, i_stim, {"max_abs_initial_state_error": init_err}


def spikes(t, v, thresh=0.0):
    """Upward crossings of `thresh`: sample k with v[k-1] < thresh <= v[k]; time t[k]."""
    out = []
    for k in range(1, len(v)):
        if v[k - 1] < thresh <= v[k]:
            out.append(t[k])
    return out


def finite(xs):
    return all(math.isfinite(x) for x in xs)
