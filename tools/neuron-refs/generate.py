"""Regenerate every NEURON reference fixture.

    /usr/bin/python3 tools/neuron-refs/generate.py [--only NAME ...] [--out DIR]

Compiles mod/*.mod when needed (build_mod.py), builds every case of cases.py in NEURON
(neuron_model.py), runs it with a fixed step and writes
packages/core/test/fixtures/neuron/NAME.json (model + conventions + checks) and
NAME.traces.json (t, traces, i_stim). Format: README.md.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import cases as case_defs  # noqa: E402
import neuron_model as nm  # noqa: E402

REPO = HERE.parent.parent
OUT = REPO / "packages" / "core" / "test" / "fixtures" / "neuron"

NOTES = {
    "units": "length/radius um, axial_resistivity ohm*cm, capacitance uF/cm2, channel "
    "conductances S/cm2, reversal potentials mV, synaptic gS uS, synaptic and stimulus "
    "currents nA, k_minus 1/ms, time ms, gate states dimensionless",
    "time_convention": "Fixed step dt. Samples at t=0 (after initialisation) and after "
    "every step: n_time_points = n_steps + 1, t[k] = k*dt (NEURON's accumulated t is "
    "stored; checks.max_abs_time_deviation_from_k_dt_ms). n_steps = round(t_max/dt) + 1 "
    "(Jaxley's step count for step_current(..., dt, t_max)).",
    "stimulus_convention": "NEURON IClamp: amp_nA flows during every step whose midpoint "
    "t_k + dt/2 lies in [delay, delay + dur). i_stim[j][k] (k >= 1) is the current during "
    "the step that ends at t[k]; i_stim[j][0] is the value at t = 0.",
    "location_convention": "(cell, branch, comp) with loc = (comp + 0.5) / ncomp, the "
    "centre of compartment comp = NEURON seg x of the branch's Section (nseg = ncomp).",
    "geometry_convention": "A compartment is a cylinder without end caps (area 2 pi r L). "
    "Neighbouring compartment centres are joined by the conductance 1 / (Ra1 (L1/2) / "
    "(pi r1^2) + Ra2 (L2/2) / (pi r2^2)); a child branch's first compartment and its "
    "parent's last compartment join through a zero-area branch-point node (each through "
    "its own half-compartment resistance).",
    "initial_state_convention": "NEURON runs finitialize(v_init_mV), then every "
    "compartment's v and gate states and every synapse state are overwritten with "
    "initial_states (max |error| in checks.max_abs_initial_state_error); the first sample "
    "is taken after that. The simulation therefore starts from exactly initial_states.",
    "scheme": "Each step: all membrane currents are linearised at the current v with the "
    "gates of the current time (NEURON: di/dv = (i(v+0.001) - i(v))/0.001 per mechanism, "
    "exact for currents linear in v), the stimulus is the value at the step midpoint, the "
    "voltage is solved implicitly (bwd_euler: backward Euler over dt; crank_nicolson: "
    "backward Euler over dt/2, then v(t+dt) = 2 v(t+dt/2) - v(t)); then every gate and "
    "synapse state advances by exponential Euler, x_inf + (x - x_inf) exp(-dt/tau), with "
    "the NEW voltage (for synapses the new presynaptic voltage).",
    "hh_note": "HH = NEURON built-in hh at celsius 6.3 (q10 = 1) with usetable_hh = 0 "
    "(exact rate functions); keys as in jaxley.channels.HH.",
    "pospischil_note": "Na, K, Leak, Km, CaL, CaT = tools/neuron-refs/mod/p*.mod, written "
    "from Pospischil et al. 2008 as in jaxley.channels.pospischil (current version: shared "
    "keys eNa, eK, eCa, vt), exact exp (no save_exp clipping). Un-prefixed keys (eNa, eK, "
    "eCa, vt) are shared compartment parameters: a mechanism lists the shared keys it uses "
    "and they are equal in all mechanisms of a branch. Km and CaT initial states are the "
    "true steady states (not Jaxley's Km/CaT init_state, which treats (inf, tau) as "
    "(alpha, beta)).",
    "synapse_note": "IonotropicSynapse = mod/IonotropicSyn.mod, a point process in the "
    "post compartment reading the pre compartment's v through a POINTER: s_inf = 1/(1 + "
    "exp(-(v_pre - v_th)/delta)), tau = (1 - s_inf)/k_minus, exponential Euler with the "
    "new v_pre; current gS*s*(v_post - e_syn) nA (outward), implicit in v_post.",
}


def annotate(case, model):
    out = json.loads(json.dumps(case))
    for s in out["stimuli"]:
        n = out["cells"][s["cell"]]["branches"][s["branch"]]["ncomp"]
        s["loc"] = nm.loc_of(n, s["comp"])
        s["neuron_location"] = model.neuron_location(s["cell"], s["branch"], s["comp"])
    for r in out["recordings"]:
        if "synapse" in r:
            sy = out["synapses"][r["synapse"]]
            r["unit"] = "1"
            r["neuron_location"] = (f"IonotropicSyn[{r['synapse']}] at " + model.neuron_location(
                sy["post"]["cell"], sy["post"]["branch"], sy["post"]["comp"]))
            continue
        n = out["cells"][r["cell"]]["branches"][r["branch"]]["ncomp"]
        r["loc"] = nm.loc_of(n, r["comp"])
        r["unit"] = "mV" if r["state"] == "v" else "1"
        r["neuron_location"] = model.neuron_location(r["cell"], r["branch"], r["comp"])
    for sy in out.get("synapses", []):
        for end in ("pre", "post"):
            e = sy[end]
            n = out["cells"][e["cell"]]["branches"][e["branch"]]["ncomp"]
            e["loc"] = nm.loc_of(n, e["comp"])
            e["neuron_location"] = model.neuron_location(e["cell"], e["branch"], e["comp"])
    return out


def checks_of(case, t, traces, i_stim, info, dt):
    per = []
    vmins, vmaxs = [], []
    allfin = True
    for r, row in zip(case["recordings"], traces):
        allfin = allfin and nm.finite(row)
        if r["state"] == "v":
            sp = nm.spikes(t, row)
            per.append({"state": "v", "v_min_mV": min(row), "v_max_mV": max(row),
                        "v_mean_mV": sum(row) / len(row), "n_spikes": len(sp),
                        "spike_times_ms": sp})
            vmins.append(min(row))
            vmaxs.append(max(row))
        else:
            per.append({"state": r["state"], "min": min(row), "max": max(row),
                        "mean": sum(row) / len(row)})
    ch = {
        "all_finite": allfin,
        "n_time_points": len(t),
        "max_abs_time_deviation_from_k_dt_ms": max(abs(tk - k * dt) for k, tk in enumerate(t)),
        "max_abs_initial_state_error": info["max_abs_initial_state_error"],
    }
    if vmins:
        ch["v_min_mV"] = min(vmins)
        ch["v_max_mV"] = max(vmaxs)
    ch["per_recording"] = per
    ch["spike_detection"] = "upward crossings of 0 mV: sample k with v[k-1] < 0 <= v[k]; " \
        "the spike time is t[k]"
    return ch


def run_one(case, out_dir, h):
    model = nm.Model(case)
    t, traces, i_stim, info = model.run()
    v_end = [[[seg.v for seg in sec] for sec in secs] for secs in model.secs]
    out = annotate(case, model)
    dt = case["dt_ms"]
    n_steps = nm.n_steps_of(case)
    import neuron

    out["simulator"] = "NEURON " + neuron.__version__
    out["temperature_celsius"] = float(h.celsius)
    out["n_steps"] = n_steps
    out["n_time_points"] = n_steps + 1
    out["neuron_secondorder"] = int(h.secondorder)
    used = sorted({m for cell in case["cells"] for br in cell["branches"] for m in br["mechanisms"]})
    out["neuron_mechanisms"] = {m: nm.MECHANISMS[m][0] for m in used}
    if case.get("synapses"):
        out["neuron_mechanisms"]["IonotropicSynapse"] = "IonotropicSyn (POINT_PROCESS)"
    out["notes"] = NOTES
    out["data"] = {
        "file": f"{case['name']}.traces.json",
        "arrays": {
            "t": f"shape ({n_steps + 1},), ms, t[k] = k*dt",
            "traces": f"shape ({len(traces)}, {n_steps + 1}), row j = recordings[j] in "
                      "the unit recordings[j].unit (mV for v, 1 for gate/synapse states)",
            "i_stim": f"shape ({len(i_stim)}, {n_steps + 1}), nA, IClamp current of "
                      "stimuli[j] (notes.stimulus_convention)",
        },
    }
    out["checks"] = checks_of(case, t, traces, i_stim, info, dt)
    if "steady_state" in out:
        ss = out["steady_state"]
        vend = v_end[0][0]
        ss["neuron_v_end_mV_all_comps"] = vend
        ss["neuron_max_abs_minus_discrete_mV"] = max(
            abs(a - b) for a, b in zip(vend, ss["discrete_v_mV"]))
        ss["neuron_max_abs_minus_continuous_mV"] = max(
            abs(a - b) for a, b in zip(vend, ss["analytic_continuous_v_mV"]))
    traces_out = {"t": t, "traces": traces, "i_stim": i_stim}
    (out_dir / f"{case['name']}.json").write_text(json.dumps(out, indent=1) + "\n")
    (out_dir / f"{case['name']}.traces.json").write_text(json.dumps(traces_out) + "\n")
    del model
    gc.collect()
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", nargs="*", help="case names to regenerate")
    ap.add_argument("--out", default=str(OUT), help="output directory")
    args = ap.parse_args(argv)
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    h = nm.neuron_h()
    allc = case_defs.all_cases()
    names = [c["name"] for c in allc]
    if len(set(names)) != len(names):
        raise SystemExit("duplicate case names")
    if args.only:
        unknown = set(args.only) - set(names)
        if unknown:
            raise SystemExit(f"unknown cases: {sorted(unknown)}")
        allc = [c for c in allc if c["name"] in args.only]
    index = []
    for c in allc:
        out = run_one(c, out_dir, h)
        sp = [p.get("n_spikes") for p in out["checks"]["per_recording"]]
        print(f"{c['name']:45s} steps={out['n_steps']:5d} recs={len(out['recordings'])} "
              f"spikes={sp}", file=sys.stderr)
        index.append({"name": c["name"], "kind": c["kind"], "solver": c["solver"],
                      "description": c["description"]})
    if not args.only:
        (out_dir / "index.json").write_text(json.dumps({"cases": index}, indent=1) + "\n")


if __name__ == "__main__":
    main()
