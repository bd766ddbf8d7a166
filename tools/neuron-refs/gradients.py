"""Finite-difference gradients of NEURON itself, for checking @dendrolab/core's adjoint.

    /usr/bin/python3 tools/neuron-refs/gradients.py             # every fixture (about 75 s)
    /usr/bin/python3 tools/neuron-refs/gradients.py --only tree_hh_bwd_euler

For a few cases of cases.py (run with the NEURON builder of neuron_model.py, exactly as
generate.py runs them) this defines the scalar loss

    L = sum_r sum_k w[r][k] * traces[r][k],   w[r][k] = sin(0.37*k + 1.3*r) / n_time_points

over every recording r and every sample k (k = 0 .. n_time_points - 1, t = k*dt,
traces as in ../../packages/core/test/fixtures/neuron/NAME.traces.json), and for a list of
parameters computes dL/dtheta by central finite differences of NEURON runs. It writes
packages/core/test/fixtures/neuron-grad/NAME.json; test/grad/neuron-fd.test.ts compares
them with the float64 adjoint of the same loss.

A parameter is (key, target). Every entry of the target gets the SAME additive
perturbation theta_i -> theta_i + delta, so dL/d(delta) is the sum of the per-column
derivatives over the target (what the TypeScript side sums):
  * target {"comps": [[cell, branch, comp], ...]} for compartment keys:
      - a mechanism parameter (HH_gNa, Na_gNa, Km_taumax, ...) is a NEURON segment value;
        a shared un-prefixed key (eNa, eK, eCa, vt) is set in every mechanism of the
        branch that lists it (vt_pNa and vt_pK; eK_pK and eK_pKm), as the TypeScript
        model has one shared column;
      - "radius" is the segment's diam / 2 (a cylinder per compartment: NEURON's segment
        area and both half-segment axial resistances use the segment's own diam);
      - "capacitance" is the segment's cm;
      - "length" and "axial_resistivity" are Section properties (L, Ra), so the target
        must be every compartment of one branch: delta on every compartment's length is
        sec.L = ncomp * (length + delta); delta on Ra is sec.Ra + delta;
      - "v" or a gate (HH_m, Na_h, Km_p, CaT_u, ...) is an initial state: the value
        written after finitialize (neuron_model.Model.impose_initial_states). Gates are
        NOT re-equilibrated when v is perturbed (the fixtures list every initial state
        explicitly, and so does the TypeScript model).
  * target {"synapses": [j, ...]} for IonotropicSynapse parameters (gS, e_syn, k_minus,
    v_th, delta) and its initial state IonotropicSynapse_s.
The perturbation is applied to a copy of the case dict and the model is rebuilt from
scratch for every evaluation, so a perturbed run means exactly what the perturbed case
means.

Finite differences: the 5-point central stencil
    fd(h) = (8 (L(+h) - L(-h)) - (L(+2h) - L(-2h))) / (12 h)          (error O(h^4))
(4 NEURON runs) for h = rel * mean |theta| over the target (rel when every value is 0),
rounded to 3 significant digits, for each rel of REL_LADDER (1e-2 .. 1e-5). The stored
(h, fd) is the ladder entry that differs least from both neighbours; the larger of the
two differences is stored as fd_error_estimate (a step too large gives truncation error,
vt and gS need rel <= 1e-4; a step too small gives rounding noise, L carries ~1e-14).
The whole ladder is stored too.
"""

from __future__ import annotations

import argparse
import copy
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
OUT = REPO / "packages" / "core" / "test" / "fixtures" / "neuron-grad"
TRACE_FIXTURES = REPO / "packages" / "core" / "test" / "fixtures" / "neuron"

# relative steps tried for every parameter (h = rel * mean |value|, 3 significant digits)
REL_LADDER = (1e-2, 3e-3, 1e-3, 3e-4, 1e-4, 3e-5, 1e-5)

WEIGHTS = {
    "formula": "w[r][k] = sin(0.37*k + 1.3*r) / n_time_points",
    "javascript": "Math.sin(0.37 * k + 1.3 * r) / nTimePoints",
    "indices": "r = recording index (row of NAME.traces.json 'traces', order of "
    "recordings), k = sample index 0 .. n_time_points - 1 (t = k*dt, k = 0 is the "
    "initial state); evaluated in float64 in this order of operations",
    "loss": "L = sum_r sum_k w[r][k] * traces[r][k] (traces in mV for v, 1 for states)",
}


def weight(r, k, n):
    return math.sin(0.37 * k + 1.3 * r) / n


def loss_of(traces):
    n = len(traces[0])
    return math.fsum(weight(r, k, n) * x for r, row in enumerate(traces) for k, x in enumerate(row))


# ------------------------------------------------------------------- parameter sets

def C(cell, br, *comps):
    return {"comps": [[cell, br, k] for k in comps]}


def B(case, cell, br):
    """Every compartment of one branch."""
    n = case["cells"][cell]["branches"][br]["ncomp"]
    return C(cell, br, *range(n))


def tree_params(case):
    return [
        ("HH_gNa", B(case, 0, 2)),
        ("HH_gNa", C(0, 1, 3)),
        ("HH_gK", C(0, 3, 2)),
        ("HH_gLeak", C(0, 6, 3)),
        ("HH_eLeak", B(case, 0, 3)),
        ("HH_eK", C(0, 0, 1)),
        ("radius", C(0, 1, 2)),
        ("radius", B(case, 0, 5)),
        ("axial_resistivity", B(case, 0, 1)),
        ("axial_resistivity", B(case, 0, 6)),
        ("capacitance", C(0, 0, 0)),
        ("capacitance", C(0, 4, 1)),
        ("length", B(case, 0, 3)),
        ("length", B(case, 0, 0)),
        ("v", C(0, 4, 1)),
        ("HH_m", C(0, 0, 2)),
        ("HH_h", C(0, 6, 0)),
        ("HH_n", C(0, 2, 1)),
    ]


def pospischil_params(case):
    return [
        ("Na_gNa", B(case, 0, 0)),
        ("K_gK", C(0, 1, 1)),
        ("Km_gKm", B(case, 0, 2)),
        ("Km_taumax", C(0, 0, 0)),
        ("CaL_gCaL", C(0, 3, 1)),
        ("CaT_gCaT", B(case, 0, 4)),
        ("CaT_vx", C(0, 2, 1)),
        ("Leak_gLeak", C(0, 1, 2)),
        ("vt", C(0, 0, 0)),            # shared by Na and K
        ("eK", C(0, 0, 1)),            # shared by K and Km
        ("eCa", C(0, 3, 0)),           # shared by CaL and CaT
        ("radius", C(0, 3, 2)),
        ("length", B(case, 0, 2)),
        ("axial_resistivity", B(case, 0, 3)),
        ("capacitance", C(0, 4, 0)),
        ("v", C(0, 1, 0)),
        ("CaT_u", C(0, 2, 2)),
        ("Km_p", C(0, 0, 0)),
        ("CaL_r", C(0, 1, 3)),
    ]


def network_params(case):
    return [
        ("IonotropicSynapse_gS", {"synapses": [2]}),
        ("IonotropicSynapse_gS", {"synapses": [0, 1]}),
        ("IonotropicSynapse_e_syn", {"synapses": [3]}),
        ("IonotropicSynapse_e_syn", {"synapses": [0]}),   # value 0: absolute step
        ("IonotropicSynapse_k_minus", {"synapses": [1]}),
        ("IonotropicSynapse_v_th", {"synapses": [0]}),
        ("IonotropicSynapse_delta", {"synapses": [2]}),
        ("IonotropicSynapse_s", {"synapses": [4]}),
        ("HH_gNa", B(case, 0, 0)),
        ("Na_gNa", C(1, 0, 1)),
        ("vt", B(case, 1, 0)),
        ("Leak_gLeak", B(case, 3, 1)),
        ("radius", C(2, 1, 0)),
        ("length", B(case, 3, 1)),
        ("axial_resistivity", B(case, 2, 0)),
        ("capacitance", C(3, 0, 0)),
        ("v", C(1, 0, 3)),
        ("HH_h", C(2, 3, 0)),
        ("Na_h", C(1, 0, 1)),
    ]


CASES = {
    "tree_hh_bwd_euler": tree_params,
    "tree_hh_crank_nicolson": tree_params,
    "cell_pospischil_bwd_euler": pospischil_params,
    "cell_pospischil_crank_nicolson": pospischil_params,
    "network4_ionotropic_bwd_euler": network_params,
    "network4_ionotropic_crank_nicolson": network_params,
}

GEOMETRY = {"radius": "radius_um", "length": "length_um",
            "axial_resistivity": "axial_resistivity_ohm_cm",
            "capacitance": "capacitance_uF_per_cm2"}


# ------------------------------------------------------------------- perturbation

def _slots(case, key, target):
    """(list, index) pairs holding every value that a perturbation of (key, target)
    changes, and a description of what it is in NEURON."""
    out = []
    if "synapses" in target:
        for j in target["synapses"]:
            sy = case["synapses"][j]
            if key in sy["params"]:
                out.append((sy["params"], key))
            elif key in sy["initial_states"]:
                out.append((sy["initial_states"], key))
            else:
                raise ValueError(f"synapse {j} has no {key}")
        attr = nm.SYNAPSES["IonotropicSynapse"][1].get(key) or \
            nm.SYNAPSES["IonotropicSynapse"][2][key]
        neuron = f"IonotropicSyn[{','.join(map(str, target['synapses']))}].{attr}"
        if key in nm.SYNAPSES["IonotropicSynapse"][2]:
            neuron += " (set after finitialize)"
        return out, neuron
    comps = target["comps"]
    branches = {(c, b) for c, b, _ in comps}
    if key in GEOMETRY:
        col = GEOMETRY[key]
        if key in ("length", "axial_resistivity"):
            for c, b in branches:
                n = case["cells"][c]["branches"][b]["ncomp"]
                if sorted(k for cc, bb, k in comps if (cc, bb) == (c, b)) != list(range(n)):
                    raise ValueError(f"{key} is per Section in NEURON: target every "
                                     f"compartment of cell {c} branch {b}")
        for c, b, k in comps:
            out.append((case["cells"][c]["branches"][b][col], k))
        if key == "length":
            neuron = "Section.L = ncomp * length"
        elif key == "axial_resistivity":
            neuron = "Section.Ra"
        elif key == "radius":
            neuron = "segment diam / 2"
        else:
            neuron = "segment cm"
        return out, neuron
    attrs = set()
    for c, b, k in comps:
        br = case["cells"][c]["branches"][b]
        found = False
        if key in br["initial_states"]:
            out.append((br["initial_states"][key], k))
            found = True
            if key == "v":
                attrs.add("v")
            for mname in br["mechanisms"]:
                if key in nm.MECHANISMS[mname][2]:
                    attrs.add(nm.MECHANISMS[mname][2][key])
        for mname, params in br["mechanisms"].items():
            if key in params:
                out.append((params[key], k))
                attrs.add(nm.MECHANISMS[mname][1][key])
                found = True
        if not found:
            raise ValueError(f"cell {c} branch {b} has no {key}")
    neuron = "segment " + " and ".join(sorted(attrs))
    if key == "v" or key not in {k for m in nm.MECHANISMS.values() for k in m[1]}:
        neuron += " (initial state, set after finitialize)"
    return out, neuron


def perturbed(case, key, target, delta):
    c = copy.deepcopy(case)
    slots, _ = _slots(c, key, target)
    for lst, i in slots:
        lst[i] = lst[i] + delta
    return c


def run_loss(case):
    model = nm.Model(case)
    _, traces, _, _ = model.run()
    del model
    gc.collect()
    return loss_of(traces), traces


def step_of(case, key, target, rel):
    slots, _ = _slots(case, key, target)
    vals = [abs(lst[i]) for lst, i in slots]
    scale = sum(vals) / len(vals)
    if scale == 0.0:
        scale = 1.0
    return float(f"{rel * scale:.3g}")


def fd5(case, key, target, h):
    """5-point central stencil (error O(h^4)) from 4 NEURON runs."""
    L = {m: run_loss(perturbed(case, key, target, m * h))[0] for m in (1, -1, 2, -2)}
    return (8.0 * (L[1] - L[-1]) - (L[2] - L[-2])) / (12.0 * h)


def fd_ladder(case, key, target):
    """fd5 at every relative step of REL_LADDER, and the chosen entry: the step whose
    estimate differs least from both neighbours (the larger of the two differences is
    the error estimate)."""
    ladder = []
    for rel in REL_LADDER:
        h = step_of(case, key, target, rel)
        ladder.append((h, fd5(case, key, target, h)))
    best = None
    for i in range(1, len(ladder) - 1):
        err = max(abs(ladder[i][1] - ladder[i - 1][1]), abs(ladder[i][1] - ladder[i + 1][1]))
        if best is None or err < best[1]:
            best = (i, err)
    return ladder, best[0], best[1]


# ------------------------------------------------------------------- main

FD_NOTES = {
    "stencil": "fd(h) = (8 (L(+h) - L(-h)) - (L(+2h) - L(-2h))) / (12 h), error O(h^4); "
    "L(+-h) = the loss with every value of the target shifted by +-h",
    "step": "fd is computed for h = rel * mean |value over the target| (rel when all "
    "values are 0), rounded to 3 significant digits, for rel in " + str(list(REL_LADDER)) +
    " ('ladder': [[h, fd(h)], ...]); the stored h and fd are the ladder entry whose fd "
    "differs least from both neighbours, and fd_error_estimate is the larger of those two "
    "differences (too large a step: truncation error; too small: rounding noise of "
    "~1e-14 in L divided by h)",
    "rebuild": "every evaluation rebuilds the perturbed case in NEURON from scratch "
    "(neuron_model.Model) and runs it as generate.py does",
}


def describe_target(case, key, target):
    if "synapses" in target:
        return "synapse " + ", ".join(map(str, target["synapses"]))
    comps = target["comps"]
    parts = []
    for c, b in sorted({(c, b) for c, b, _ in comps}):
        ks = [k for cc, bb, k in comps if (cc, bb) == (c, b)]
        n = case["cells"][c]["branches"][b]["ncomp"]
        what = f"all {n} compartments" if sorted(ks) == list(range(n)) else \
            "compartment " + ", ".join(map(str, ks))
        parts.append(f"cell {c} branch {b} {what}")
    return "; ".join(parts)


def check_against_fixture(case, traces):
    """The traces of the unperturbed run must be the committed fixture's."""
    path = TRACE_FIXTURES / f"{case['name']}.traces.json"
    fx = json.loads(path.read_text())["traces"]
    diff = max(abs(a - b) for r1, r2 in zip(traces, fx) for a, b in zip(r1, r2))
    if len(fx) != len(traces) or diff != 0.0:
        raise SystemExit(f"{case['name']}: NEURON traces differ from {path} by {diff}; "
                         "regenerate the fixtures (generate.py) first")
    meta = json.loads((TRACE_FIXTURES / f"{case['name']}.json").read_text())
    for k in ("cells", "solver", "dt_ms", "stimuli"):
        a = json.loads(json.dumps(case[k]))
        b = meta[k]
        if k == "stimuli":
            b = [{kk: vv for kk, vv in s.items() if kk not in ("loc", "neuron_location")} for s in b]
        if a != b:
            raise SystemExit(f"{case['name']}: {k} differs from the committed fixture")


def run_case(case, params, out_dir):
    import neuron

    L0, traces = run_loss(case)
    check_against_fixture(case, traces)
    n_t = len(traces[0])
    entries = []
    for key, target in params:
        slots, neuron_name = _slots(case, key, target)
        ladder, i, err = fd_ladder(case, key, target)
        h, fd = ladder[i]
        e = {
            "key": key,
            "target": target,
            "what": describe_target(case, key, target),
            "neuron": neuron_name,
            "values": [lst[j] for lst, j in slots],
            "h": h,
            "fd": fd,
            "fd_error_estimate": err,
            "ladder": [[hh, ff] for hh, ff in ladder],
        }
        entries.append(e)
        print(f"  {key:26s} {e['what']:42s} h={h:<9.3g} fd={fd: .10e} "
              f"err~{err / abs(fd):.1e}", file=sys.stderr)
    out = {
        "name": case["name"],
        "case_fixture": f"../neuron/{case['name']}.json",
        "description": "Central finite differences of NEURON for the loss below over the "
        "case's recordings (tools/neuron-refs/gradients.py; format in "
        "tools/neuron-refs/README.md). Each parameter adds the same delta to every value "
        "of its target; fd approximates dL/d(delta) = the sum over the target of "
        "dL/d(value).",
        "solver": case["solver"],
        "dt_ms": case["dt_ms"],
        "n_steps": nm.n_steps_of(case),
        "n_time_points": n_t,
        "n_recordings": len(traces),
        "weights": WEIGHTS,
        "loss": L0,
        "finite_difference": FD_NOTES,
        "simulator": "NEURON " + neuron.__version__,
        "parameters": entries,
    }
    # indented, one line per parameter
    text = json.dumps({**out, "parameters": "@P@"}, indent=1).replace(
        '"@P@"', "[\n  " + ",\n  ".join(json.dumps(e) for e in entries) + "\n ]")
    (out_dir / f"{case['name']}.json").write_text(text + "\n")
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", nargs="*", help="case names")
    ap.add_argument("--out", default=str(OUT), help="output directory")
    args = ap.parse_args(argv)
    nm.neuron_h()
    allc = {c["name"]: c for c in case_defs.all_cases()}
    names = args.only or list(CASES)
    unknown = [n for n in names if n not in CASES]
    if unknown:
        raise SystemExit(f"no gradient parameters for {unknown}; known: {list(CASES)}")
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in names:
        case = allc[name]
        print(f"{name}:", file=sys.stderr)
        out = run_case(case, CASES[name](case), out_dir)
        worst = max(p["fd_error_estimate"] / abs(p["fd"]) for p in out["parameters"])
        print(f"  L = {out['loss']!r}; worst relative fd_error_estimate {worst:.1e}",
              file=sys.stderr)


if __name__ == "__main__":
    main()
