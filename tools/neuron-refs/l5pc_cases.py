"""The full L5PC of ../shared/mod/l5pc in NEURON (issue 10): the morphology
../shared/swc/morph_l5pc_with_axon.swc read by Import3d as traced (no BluePyOpt axon
replacement), nseg 4 in every section, the regions and values of parameters.json with
release_params.json, exponential apical Ih, celsius 34, v_init -65; a somatic step and a
dendritic step, each with backward Euler and Crank-Nicolson (secondorder 2).
Run by generate_mod.py; conventions in README.md, "Imported .mod files".
"""

from __future__ import annotations

import json
import math
import time
from pathlib import Path

import mod_cases

SHARED = mod_cases.SHARED_MOD.parent
L5 = mod_cases.SHARED_MOD / "l5pc"
SWC = SHARED / "swc" / "morph_l5pc_with_axon.swc"
NSEG = 4
DT = 0.025
N_STEPS = 4000  # 100 ms
RECORD_EVERY = 4
SOMA_X = 0.625  # the segment NEURON uses for soma(0.5) when nseg = 4 (compartment 2)
LIST_OF_PREFIX = {"soma": "somatic", "axon": "axonal", "dend": "basal", "apic": "apical"}
IH_RULE = "(-0.8696 + 2.087 * exp(0.0031 * distance)) * 8e-05"

MECH_FILES = ["l5pc/" + f for f in (
    "CaDynamics_E2.mod", "Ca_HVA.mod", "Ca_LVAst.mod", "Ih.mod", "Im.mod", "K_Pst.mod",
    "K_Tst.mod", "NaTa_t.mod", "NaTs2_t.mod", "Nap_Et2.mod", "SK_E2.mod", "SKv3_1.mod")]

# Recording sites: (label, region, target path distance from soma(0.5) in um). The site is
# the segment centre of that region nearest to the target distance on the path from the
# soma to the region's farthest tip (ties: smallest section name).
SITES = [("apical trunk ~300 um", "apical", 300.0), ("apical ~600 um", "apical", 600.0),
         ("apical ~900 um", "apical", 900.0), ("basal ~120 um", "basal", 120.0)]


def case(name, solver, stim, description):
    return {
        "name": name, "kind": "l5pc", "description": description, "solver": solver,
        "neuron_secondorder": 0 if solver == "bwd_euler" else 2,
        "dt_ms": DT, "n_steps": N_STEPS, "t_max_ms": N_STEPS * DT, "record_every": RECORD_EVERY,
        "celsius": 34.0, "v_init_mV": -65.0, "nseg": NSEG, "stimulus": stim,
    }


SOMA_STIM = {"site": "soma", "delay_ms": 10.0, "dur_ms": 80.0, "amp_nA": 2.0}
DEND_STIM = {"site": "apical ~600 um", "delay_ms": 10.0, "dur_ms": 80.0, "amp_nA": 3.0}


def all_cases():
    out = []
    for solver, tag in (("bwd_euler", "bwd_euler"), ("crank_nicolson", "crank_nicolson")):
        out.append(case(f"l5pc_full_soma_step_{tag}", solver, SOMA_STIM,
                        "full L5PC, somatic step current: a spike train"))
        out.append(case(f"l5pc_full_dend_step_{tag}", solver, DEND_STIM,
                        "full L5PC, step current into the apical dendrite ~600 um from the soma"))
    return out


def region_rules():
    params = json.loads((L5 / "parameters.json").read_text())
    mechs = json.loads((L5 / "mechanisms.json").read_text())
    release = json.loads((L5 / "release_params.json").read_text())["values"]
    rules = []
    for p in params:
        if p["type"] == "global":
            continue
        key = f"{p['param_name']}.{p['sectionlist']}"
        value = p.get("value", release.get(key))
        if value is None:
            raise ValueError(f"no value for {key} in parameters.json or release_params.json")
        r = {"region": p["sectionlist"], "type": p["type"], "value": value,
             "source": "parameters.json" if "value" in p else "release_params.json"}
        if p["type"] == "range":
            r.update({"mechanism": p["mech"], "param": p["mech_param"],
                      "key": f"{p['mech']}_{p['mech_param']}", "neuron": p["param_name"],
                      "distribution": p["dist_type"]})
            if p["dist_type"] == "exp":
                r["rule"] = IH_RULE.replace("8e-05", repr(value))
        else:
            r.update({"param": p["param_name"], "neuron": p["param_name"]})
        rules.append(r)
    return mechs, rules


def seg_centre(h, sec, x):
    n = int(h.n3d(sec=sec))
    s = x * sec.L
    for i in range(1, n):
        a0, a1 = h.arc3d(i - 1, sec=sec), h.arc3d(i, sec=sec)
        if s <= a1 or i == n - 1:
            f = 0.0 if a1 == a0 else min(max((s - a0) / (a1 - a0), 0.0), 1.0)
            return [getattr(h, c)(i - 1, sec=sec) + f * (getattr(h, c)(i, sec=sec)
                    - getattr(h, c)(i - 1, sec=sec)) for c in ("x3d", "y3d", "z3d")]
    return [h.x3d(0, sec=sec), h.y3d(0, sec=sec), h.z3d(0, sec=sec)]


def build(h):
    """The model in NEURON; returns (sections, region of section name, soma)."""
    from nrnmodl import compile_mods
    h.nrn_load_dll(str(compile_mods([mod_cases.SHARED_MOD / f for f in MECH_FILES])))
    h.load_file("stdrun.hoc")
    h.load_file("import3d.hoc")
    reader = h.Import3d_SWC_read()
    reader.quiet = 1
    reader.input(str(SWC))
    h.Import3d_GUI(reader, 0).instantiate(None)
    secs = list(h.allsec())
    region = {s.name(): LIST_OF_PREFIX[s.name().split("[")[0]] for s in secs}
    soma = next(s for s in secs if s.name() == "soma[0]")
    mechs, rules = region_rules()
    for s in secs:
        s.nseg = NSEG
    for s in secs:
        for m in mechs.get("all", []) + mechs.get(region[s.name()], []):
            s.insert(m)
    h.distance(0, soma(0.5))
    for r in rules:
        for s in secs:
            if r["region"] not in ("all", region[s.name()]):
                continue
            if r["type"] == "section":
                if r["param"] == "Ra":
                    s.Ra = r["value"]
                else:
                    for seg in s:
                        setattr(seg, r["param"], r["value"])
            else:
                for seg in s:
                    v = r["value"]
                    if r["distribution"] == "exp":
                        d = h.distance(soma(0.5), seg)
                        v = (-0.8696 + 2.087 * math.exp(d * 0.0031)) * r["value"]
                    setattr(seg, r["neuron"], v)
    return secs, region, soma, mechs, rules


def pick_sites(h, secs, region, soma):
    sites = [("soma", soma, SOMA_X)]
    for label, reg, target in SITES:
        cands = [s for s in secs if region[s.name()] == reg]
        tips = [s for s in cands if len(s.children()) == 0]
        far = max(tips, key=lambda s: (h.distance(soma(0.5), s(1.0)), s.name()))
        path = []
        s = far
        while s is not None and region[s.name()] == reg:
            path.append(s)
            ps = s.parentseg()
            s = ps.sec if ps is not None else None
        best = min(((abs(h.distance(soma(0.5), seg) - target), s.name(), s, seg.x)
                    for s in path for seg in s), key=lambda c: (c[0], c[1]))
        sites.append((label, best[2], best[3]))
    return sites


def run(case):
    from neuron import __version__ as nrn_version
    from neuron import h

    secs, region, soma, mechs, rules = build(h)
    h.celsius = case["celsius"]
    h.dt = case["dt_ms"]
    h.cvode.active(0)
    h.secondorder = case["neuron_secondorder"]
    sites = pick_sites(h, secs, region, soma)
    by_label = {label: (sec, x) for label, sec, x in sites}
    st = case["stimulus"]
    ssec, sx = by_label[st["site"]]
    ic = h.IClamp(ssec(sx))
    ic.delay, ic.dur, ic.amp = st["delay_ms"], st["dur_ms"], st["amp_nA"]

    site_info = []
    for label, sec, x in sites:
        xyz = seg_centre(h, sec, x)
        site_info.append({"site": label, "section": sec.name(), "seg_x": x,
                          "neuron_location": f"{sec.name()}({x:g})", "region": region[sec.name()],
                          "x": xyz[0], "y": xyz[1], "z": xyz[2],
                          "path_distance_um": h.distance(soma(0.5), sec(x))})
    recs = [dict(s, key="v", unit="mV") for s in site_info]
    soma_seg = soma(SOMA_X)
    recs.append(dict(site_info[0], key="cai", unit="mM"))
    recs.append(dict(site_info[0], key="eca", unit="mV"))
    refs = [by_label[r["site"]][0](by_label[r["site"]][1]) for r in recs]

    ih = {}
    for s in secs:
        if region[s.name()] == "apical":
            ih[s.name()] = {"seg_x": [seg.x for seg in s],
                            "distance_um": [h.distance(soma(0.5), seg) for seg in s],
                            "Ih_gIhbar": [seg.gIhbar_Ih for seg in s]}

    h.finitialize(case["v_init_mV"])
    ion_t0 = {k: getattr(soma_seg, k) for k in ("ena", "ek", "eca", "cai", "cao")}
    t = [h.t]
    rows = [[getattr(seg, r["key"])] for seg, r in zip(refs, recs)]
    t0 = time.perf_counter()
    for _ in range(case["n_steps"]):
        h.fadvance()
        t.append(h.t)
        for row, seg, r in zip(rows, refs, recs):
            row.append(getattr(seg, r["key"]))
    wall_rec = time.perf_counter() - t0
    # Timing without Python-side recording: a hoc loop of fadvance, best of 3.
    h("proc nrnfix_run() { local i  for i = 1, $1 { fadvance() } }")
    best = math.inf
    for _ in range(3):
        h.finitialize(case["v_init_mV"])
        t1 = time.perf_counter()
        h.nrnfix_run(case["n_steps"])
        best = min(best, time.perf_counter() - t1)

    geo = {"n_sections": len(secs), "n_segments": sum(s.nseg for s in secs),
           "sections_per_region": {reg: sum(1 for s in secs if region[s.name()] == reg)
                                   for reg in ("somatic", "axonal", "basal", "apical")},
           "total_area_um2": sum(seg.area() for s in secs for seg in s),
           "soma_L_um": soma.L, "soma_area_um2": sum(seg.area() for seg in soma),
           "max_path_distance_um": max(h.distance(soma(0.5), seg) for s in secs for seg in s),
           "distance_soma_0p5_to_soma_0p625_um": h.distance(soma(0.5), soma(SOMA_X))}
    return {
        "neuron_version": nrn_version, "mechanisms_per_region": mechs, "rules": rules,
        "sites": site_info, "recordings": recs, "stimulus_neuron_location":
        f"{ssec.name()}({sx:g})", "ih_apical": ih, "geometry": geo, "t": t, "rows": rows,
        "seconds_fadvance_loop_best_of_3": best, "seconds_with_python_recording": wall_rec,
        "ion_t0_soma": ion_t0,
    }


NOTES = {
    "morphology": "../shared/swc/morph_l5pc_with_axon.swc read by NEURON's Import3d "
    "(Import3d_SWC_read + Import3d_GUI(reader, 0).instantiate(None)), as traced: no "
    "BluePyOpt axon replacement, no define_shape. In Dendrolab: readSwc with reading: "
    "'neuron', ncomp 4; branches carry NEURON's section names (soma[0], axon[i], dend[i], "
    "apic[i]), compartment j of a branch is NEURON's segment x = (j + 0.5) / 4.",
    "regions": "section lists by name: soma -> somatic, axon -> axonal, dend -> basal, apic "
    "-> apical ('all' = every section). mechanisms_per_region is mechanisms.json (pas "
    "everywhere). rules is parameters.json in file order with values from "
    "release_params.json where parameters.json has bounds instead of a value; applied in "
    "that order (later rules win: cm 2 in apical and basal). type 'section': Ra (per "
    "section), cm, g_pas, e_pas, ena, ek (per segment). type 'range': mechanism "
    "parameter, key = Dendrolab's SUFFIX_name.",
    "ih": "apical Ih_gIhbar = (-0.8696 + 2.087 * exp(0.0031 * d)) * 8e-5 with d = "
    "h.distance(soma[0](0.5), seg). NEURON measures from the node of the segment that "
    "holds soma(0.5): with nseg 4 that is soma compartment 2 (x = 0.625; "
    "geometry.distance_soma_0p5_to_soma_0p625_um = 0 confirms it), to the segment centre. "
    "In Dendrolab: d = view.pathDistance(soma compartment 2). ih_apical lists d and the "
    "resulting value for every apical segment, keyed by section name, so a test can also "
    "set the column directly or check pathDistance.",
    "ions": "ena 50 and ek -85 set in soma, axon and apical (parameters.json); cai is "
    "written by CaDynamics_E2 in soma and axon, so eca there follows Nernst at 34 C "
    "(R 8.31446261815324, F 96485.33212331001); concentrations start at NEURON's defaults "
    "(cai 5e-5, cao 2 mM). Basal sections have only pas and Ih (no ions).",
    "tables": "no L5PC file has a TABLE statement, so no usetable setting is involved.",
    "initialisation": "h.finitialize(-65): every INITIAL block at v = -65 (gates at their "
    "steady state for -65 mV, SK_E2 z for cai 5e-5); nothing overwritten.",
    "scheme": "bwd_euler: secondorder 0. crank_nicolson: secondorder 2 (NEURON corrects ion "
    "currents by di/dv times the half-step voltage change before states advance; cnexp "
    "states are unaffected). dt 0.025 ms, exactly n_steps fadvance() calls, cvode off.",
    "stimulus": "IClamp(delay, dur, amp) at stimulus.neuron_location; the current flows "
    "during every step whose midpoint lies in [delay, delay + dur). The soma site is "
    "soma[0](0.625), compartment 2 of 4, which is the segment NEURON uses for soma(0.5).",
    "sites": "x, y, z: the segment centre (NEURON's 3-D points interpolated at arc x * L; "
    "Import3d keeps the SWC coordinates). path_distance_um: h.distance(soma[0](0.5), site), "
    "i.e. from the centre of soma compartment 2 (x = 0.625).",
    "time": "sample k at t = k * dt; traces keep every record_every-th sample (t[j] = j * "
    "record_every * dt), %.12g. eca at sample k is the Nernst value of cai at sample k - 1.",
    "spikes": "upward crossings of 0 mV at full resolution (sample k with v[k-1] < 0 <= v[k]).",
}


def write(case, res, out_dir):
    from generate_mod import spikes, write_traces
    out = dict(case)
    out["simulator"] = "NEURON " + res["neuron_version"]
    out["morphology"] = {"path": "../shared/swc/morph_l5pc_with_axon.swc",
                         "sha256": __import__("hashlib").sha256(SWC.read_bytes()).hexdigest(),
                         "reading": "neuron", "ncomp": NSEG, "axon": "as traced (no replacement)"}
    out["mod_files"] = [{"file": f, "path": f"../shared/mod/{f}"} for f in MECH_FILES]
    out["mechanisms_per_region"] = res["mechanisms_per_region"]
    out["rules"] = res["rules"]
    out["ion_t0_soma"] = res["ion_t0_soma"]
    out["stimulus"] = {**case["stimulus"], "neuron_location": res["stimulus_neuron_location"],
                       **{c: next(s[c] for s in res["sites"] if s["site"] == case["stimulus"]["site"])
                          for c in ("x", "y", "z")}}
    out["recordings"] = res["recordings"]
    out["neuron_geometry"] = res["geometry"]
    out["timing"] = {"seconds_100ms_fadvance_loop_best_of_3": res["seconds_fadvance_loop_best_of_3"],
                     "comment": "one core, hoc loop of n_steps fadvance() after finitialize, no "
                     "recording; machine shared with other jobs"}
    t = res["t"]
    n = write_traces(out_dir, case["name"], t, res["rows"], case["record_every"])
    out["n_samples_stored"] = n
    per = []
    for r, row in zip(res["recordings"], res["rows"]):
        c = {"site": r["site"], "key": r["key"], "min": min(row), "max": max(row)}
        if r["key"] == "v":
            sp = spikes(t, row)
            c.update(n_spikes=len(sp), spike_times_ms=[round(x, 9) for x in sp])
        per.append(c)
    out["tolerance"] = {"v_mV": 0.01, "spike_counts": "equal"}
    out["checks"] = {"per_recording": per,
                     "max_abs_time_deviation_from_k_dt_ms": max(abs(tk - k * DT) for k, tk in enumerate(t))}
    out["notes"] = NOTES
    out["ih_apical"] = res["ih_apical"]
    out["data"] = {"file": f"{case['name']}.traces.json", "record_every": case["record_every"]}
    (out_dir / f"{case['name']}.json").write_text(json.dumps(out, indent=1) + "\n")
    return out


def summary(out):
    per = out["checks"]["per_recording"]
    parts = [f"{out['name']:34s}"]
    for p in per:
        if p["key"] == "v":
            parts.append(f"{p['site'].split(' ')[0]}{'' if p['site'] == 'soma' else p['site'].split('~')[-1].replace(' um', '')}:"
                         f"{p['n_spikes']}sp[{p['min']:.1f},{p['max']:.1f}]")
        elif p["key"] == "cai":
            parts.append(f"cai=[{p['min']:.3g},{p['max']:.3g}]")
    parts.append(f"t100ms={out['timing']['seconds_100ms_fadvance_loop_best_of_3']:.2f}s")
    return " ".join(parts)
