"""NEURON reference fixtures for imported .mod files (issue 10).

    /usr/bin/python3 tools/neuron-refs/generate_mod.py [--only NAME ...] [--out DIR]

Cases: mod_cases.py (one compartment per mechanism) and l5pc_cases.py (the full L5PC).
Every case runs in a fresh NEURON process that loads exactly the case's .mod files,
compiled from ../shared/mod into a temporary folder by nrnmodl.py (never copied into the
repository), with usetable_<suffix> = 0 for every file with a TABLE statement.
Writes packages/core/test/fixtures/neuron-mod/NAME.json (model, conventions, checks),
NAME.traces.json (compact: ``t`` and ``traces``, every ``record_every``-th sample,
values printed with %.12g) and index.json. Format: README.md, "Imported .mod files".
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import mod_cases  # noqa: E402
import l5pc_cases  # noqa: E402
import nrnmodl  # noqa: E402
from nmodl_info import ModInfo  # noqa: E402

REPO = HERE.parent.parent
OUT = REPO / "packages" / "core" / "test" / "fixtures" / "neuron-mod"
SHARED_MOD = mod_cases.SHARED_MOD

ION_CURRENT = {"na": "ina", "k": "ik", "ca": "ica"}
ION_E = {"na": "ena", "k": "ek", "ca": "eca"}
ION_CONC = {"na": ("nai", "nao"), "k": ("ki", "ko"), "ca": ("cai", "cao")}

NOTES_COMPARTMENT = {
    "mod_files": "paths relative to the repository root's parent (tests read them as "
    "../shared/mod/...); sha256 of the exact text NEURON compiled. Every file with a TABLE "
    "statement ran with usetable_<suffix> = 0 (exact rates, no interpolation).",
    "compartment": "one NEURON Section, nseg 1, a cylinder without end caps: area = pi * "
    "diam * L (1256.637 um2 here). Ra does not matter for one compartment.",
    "parameters": "parameters[suffix][name] = {value, scope}: every PARAMETER of every "
    "inserted file as NEURON had it for the run (values set by the case, the file's "
    "default otherwise); scope 'range' is a per-segment value (Dendrolab key "
    "SUFFIX_name), 'global' a GLOBAL (one value for the mechanism). pas is NEURON's "
    "built-in leak: i = g (v - e), g in S/cm2.",
    "ions": "ions_t0: the ion variables of the segment after finitialize. e_X of an ion whose "
    "concentration no mechanism writes is a parameter, set before finitialize as in `ions` "
    "(ena 50, ek -85) or left at NEURON's default (eca 132.4579341637009 mV, which is NOT "
    "the Nernst value at celsius); concentrations start at NEURON's defaults (nai 10, nao "
    "140, ki 54.4, ko 2.5, cai 5e-5, cao 2 mM). Where a mechanism writes cai, finitialize "
    "resets cai to 5e-5 before INITIAL blocks run (cadad's INITIAL then sets cai = cainf), "
    "and eca follows Nernst (R 8.31446261815324, F 96485.33212331001, T = celsius + "
    "273.15) every step.",
    "initialisation": "h.finitialize(v_init_mV): v = v_init, ion concentrations reset, "
    "every INITIAL block runs (states at steady state unless the block says otherwise). "
    "Nothing is overwritten afterwards; sample 0 is the state after finitialize.",
    "time": "n_steps fadvance() calls with fixed dt (cvode off); full-resolution sample k is "
    "at t = k * dt, k = 0..n_steps. The traces file keeps samples k = 0, record_every, "
    "2 * record_every, ... (t[j] = j * record_every * dt).",
    "stimulus": "IClamp at the compartment centre: amp_nA flows during every step whose "
    "midpoint t_k + dt / 2 lies in [delay, delay + dur).",
    "recordings": "key 'v' (mV); 'SUFFIX_state' (a STATE of that mechanism, NEURON "
    "state_SUFFIX); ion variables 'ina' 'ik' 'ica' (mA/cm2: the total ion current of the "
    "segment), 'cai' (mM), 'eca' (mV); 'SUFFIX_name' of a NONSPECIFIC_CURRENT (mA/cm2). "
    "States and v at sample k are the values after step k. Currents at sample k (k >= 1) "
    "are the values NEURON computed in step k's current phase: from v and states at "
    "sample k - 1 (and eca at sample k is the Nernst value of cai at sample k - 1, set "
    "before step k's currents).",
    "scheme": "backward Euler (secondorder 0): currents linearised at v(t) with states of "
    "time t (di/dv by NEURON's forward difference (i(v + 0.001) - i(v)) / 0.001), v solved "
    "implicitly, then states advance with the new v (cnexp: exact exponential step for an "
    "equation linear in the state; sparse (KINETIC): one implicit Euler step). Within the "
    "state phase mechanisms that write a concentration (CaDynamics_E2, cadad) advance "
    "first, so a mechanism reading cai sees the value of the same step.",
    "spikes": "upward crossings of 0 mV at full resolution: sample k with v[k-1] < 0 <= v[k]",
}


# ------------------------------------------------------------------ NEURON side


def load(h, files):
    paths = [mod_cases.mod_path(f) for f in files]
    h.nrn_load_dll(str(nrnmodl.compile_mods(paths)))
    for s in nrnmodl.table_suffixes(paths):
        setattr(h, f"usetable_{s}", 0)
    return paths


def set_param(h, seg, suffix, name, value):
    attr = f"{name}_{suffix}"
    if hasattr(seg, attr):
        setattr(seg, attr, value)
    else:
        setattr(h, attr, value)


def param_table(h, seg, infos):
    out = {}
    for info in infos:
        d = {}
        for n in info.parameters:
            attr = f"{n}_{info.suffix}"
            if hasattr(seg, attr):
                d[n] = {"value": getattr(seg, attr), "scope": "range"}
            else:
                d[n] = {"value": getattr(h, attr), "scope": "global"}
        out[info.suffix] = d
    return out


def ion_names(infos):
    ions = []
    for info in infos:
        for ion in info.ions():
            if ion not in ions:
                ions.append(ion)
    return ions


def ions_now(seg, ions):
    out = {}
    for ion in ions:
        for var in (ION_E[ion], *ION_CONC[ion]):
            out[var] = getattr(seg, var)
    return out


def run_compartment(case):
    from neuron import __version__ as nrn_version
    from neuron import h

    files = [m["file"] for m in case["mechanisms"] if m["file"]]
    paths = load(h, files)
    infos = [ModInfo(p) for p in paths]
    h.load_file("stdrun.hoc")
    sec = h.Section(name="soma")
    geo = case["compartment"]
    sec.L, sec.diam, sec.Ra, sec.nseg = geo["length_um"], geo["diam_um"], geo["Ra_ohm_cm"], 1
    seg = sec(0.5)
    seg.cm = geo["cm_uF_per_cm2"]
    for m in case["mechanisms"]:
        sec.insert(m["suffix"])
    for m in case["mechanisms"]:
        for k, v in m["params"].items():
            set_param(h, seg, m["suffix"], k, v)
    ions = ion_names(infos)
    for ion, vals in case["ions"].items():
        if ion in ions:
            for k, v in vals.items():
                setattr(seg, k, v)
    h.celsius = case["celsius"]
    h.dt = case["dt_ms"]
    h.cvode.active(0)
    h.secondorder = case["neuron_secondorder"]
    stims = []
    for s in case["stimuli"]:
        ic = h.IClamp(seg)
        ic.delay, ic.dur, ic.amp = s["delay_ms"], s["dur_ms"], s["amp_nA"]
        stims.append(ic)

    # What to record: v, every state of every inserted file, ion currents, cai/eca where
    # a mechanism writes cai, nonspecific currents.
    recs = [("v", "mV", "v")]
    for info in infos:
        for st in info.states:
            recs.append((f"{info.suffix}_{st}", "1", f"{st}_{info.suffix}"))
    written = set().union(*(i.writes() for i in infos)) if infos else set()
    for ion in ions:
        cur = ION_CURRENT[ion]
        if cur in written:
            recs.append((cur, "mA/cm2", cur))
    if "cai" in written:
        recs += [("cai", "mM", "cai"), ("eca", "mV", "eca")]
    for info in infos:
        for n in info.nonspecific:
            recs.append((f"{info.suffix}_{n}", "mA/cm2", f"{n}_{info.suffix}"))

    h.finitialize(case["v_init_mV"])
    params = param_table(h, seg, infos)
    ions0 = ions_now(seg, ions)
    t = [h.t]
    rows = [[getattr(seg, a)] for _, _, a in recs]
    for _ in range(case["n_steps"]):
        h.fadvance()
        t.append(h.t)
        for row, (_, _, a) in zip(rows, recs):
            row.append(getattr(seg, a))
    return {
        "neuron_version": nrn_version,
        "mod_files": [{"file": f, "path": mod_cases.mod_ref(f), "suffix": i.suffix,
                       "sha256": hashlib.sha256(p.read_bytes()).hexdigest(),
                       "table": nrnmodl.has_table(p),
                       **({"usetable": 0} if nrnmodl.has_table(p) else {})}
                      for f, p, i in zip(files, paths, infos)],
        "parameters": {**params, **({"pas": {"g": {"value": seg.g_pas, "scope": "range"},
                                               "e": {"value": seg.e_pas, "scope": "range"}}}
                                    if any(m["suffix"] == "pas" for m in case["mechanisms"]) else {})},
        "ions_used": ions,
        "ions_t0": ions0,
        "area_um2": seg.area(),
        "recordings": [{"key": k, "unit": u, "neuron": f"soma(0.5).{a}"} for k, u, a in recs],
        "t": t,
        "rows": rows,
        "i_stim_last": [ic.i for ic in stims],
    }


# ------------------------------------------------------------------ output


def fmt(x):
    if not math.isfinite(x):
        raise ValueError(f"non-finite value {x}")
    s = "%.12g" % x
    return "0" if s == "-0" else s


def spikes(t, v):
    return [t[k] for k in range(1, len(v)) if v[k - 1] < 0.0 <= v[k]]


def row_checks(rec, row, t):
    if rec["key"] == "v" or rec["unit"] == "mV" and rec["key"].startswith("v"):
        sp = spikes(t, row)
        return {"key": rec["key"], "min": min(row), "max": max(row), "n_spikes": len(sp),
                "spike_times_ms": [round(x, 9) for x in sp]}
    return {"key": rec["key"], "min": min(row), "max": max(row)}


def write_traces(out_dir, name, t, rows, every):
    idx = range(0, len(t), every)
    text = ('{"t":[' + ",".join(fmt(round(t[k], 9)) for k in idx) + '],\n"traces":[\n'
            + ",\n".join("[" + ",".join(fmt(r[k]) for k in idx) + "]" for r in rows) + "]}\n")
    (out_dir / f"{name}.traces.json").write_text(text)
    return len(idx)


def write_compartment(case, res, out_dir):
    out = dict(case)
    out["simulator"] = "NEURON " + res["neuron_version"]
    out["mod_files"] = res["mod_files"]
    out["compartment"] = {**case["compartment"], "area_um2": res["area_um2"]}
    out["parameters"] = res["parameters"]
    out["ions_used"] = res["ions_used"]
    out["ions_t0"] = res["ions_t0"]
    out["recordings"] = res["recordings"]
    t = res["t"]
    n = write_traces(out_dir, case["name"], t, res["rows"], case["record_every"])
    out["n_samples_stored"] = n
    out["tolerance"] = {"v_mV": 1e-6, "state": 1e-9, "comment": "issue 10: v and every state "
                        "within 1e-6 mV / 1e-9 at every stored sample"}
    per = [row_checks(r, row, t) for r, row in zip(res["recordings"], res["rows"])]
    out["checks"] = {
        "all_finite": True,
        "max_abs_time_deviation_from_k_dt_ms": max(abs(tk - k * case["dt_ms"]) for k, tk in enumerate(t)),
        "per_recording": per,
    }
    out["notes"] = dict(NOTES_COMPARTMENT)
    if case["neuron_secondorder"] == 2:
        out["notes"]["scheme_crank_nicolson"] = (
            "secondorder 2: v by Crank-Nicolson (a backward-Euler half step, then v(t + dt) "
            "= 2 v(t + dt/2) - v(t)); ion currents corrected by di/dv times the half-step "
            "voltage change before states advance (the recorded ina/ik/ica include that "
            "correction); derivimplicit states take an implicit (Newton) step of dt/2 at "
            "v(t + dt) and extrapolate, x += dt/2 * x'(x_half), i.e. 2 x_half - x; cnexp "
            "states as under backward Euler.")
    out["data"] = {"file": f"{case['name']}.traces.json", "record_every": case["record_every"],
                   "format": "t[j] = j * record_every * dt (ms); traces[r][j] = recordings[r] at "
                   "full-resolution sample j * record_every; %.12g"}
    (out_dir / f"{case['name']}.json").write_text(json.dumps(out, indent=1) + "\n")
    return out


def all_cases():
    return mod_cases.all_cases() + l5pc_cases.all_cases()


def one(name):
    case = next(c for c in all_cases() if c["name"] == name)
    t0 = time.perf_counter()
    if case["kind"] == "mod_compartment":
        res = run_compartment(case)
    else:
        res = l5pc_cases.run(case)
    res["wall_s"] = time.perf_counter() - t0
    sys.stdout.write("\n" + json.dumps(res) + "\n")


def summary(out):
    per = {p["key"]: p for p in out["checks"]["per_recording"]}
    v = per.get("v") or per[next(k for k in per if k.startswith("soma") or True)]
    parts = [f"{out['name']:34s}", f"spikes={v.get('n_spikes')}",
             f"v=[{v['min']:.2f}, {v['max']:.2f}]"]
    if "cai" in per:
        parts.append(f"cai=[{per['cai']['min']:.3g}, {per['cai']['max']:.3g}]")
    return " ".join(parts)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", nargs="*", help="case names (or prefixes) to regenerate")
    ap.add_argument("--out", default=str(OUT), help="output directory")
    ap.add_argument("--one", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        return one(args.one)
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    cases = all_cases()
    names = [c["name"] for c in cases]
    if len(set(names)) != len(names):
        raise SystemExit("duplicate case names")
    if args.only:
        cases = [c for c in cases if any(c["name"].startswith(o) for o in args.only)]
        if not cases:
            raise SystemExit(f"no case matches {args.only}")
    for c in cases:
        proc = subprocess.run([sys.executable, __file__, "--one", c["name"]], capture_output=True,
                              text=True)
        if proc.returncode != 0:
            sys.stderr.write(proc.stdout + proc.stderr)
            raise SystemExit(f"{c['name']}: NEURON run failed")
        res = json.loads(proc.stdout.strip().splitlines()[-1])
        if c["kind"] == "mod_compartment":
            out = write_compartment(c, res, out_dir)
            print(summary(out), file=sys.stderr)
        else:
            out = l5pc_cases.write(c, res, out_dir)
            print(l5pc_cases.summary(out), file=sys.stderr)
    index = [{"name": c["name"], "kind": c["kind"], "solver": c["solver"],
              "description": c["description"]} for c in all_cases()]
    (out_dir / "index.json").write_text(json.dumps({"cases": index}, indent=1) + "\n")


if __name__ == "__main__":
    main()
