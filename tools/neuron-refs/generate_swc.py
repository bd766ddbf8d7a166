"""NEURON reference simulations of real morphologies (SWC files read by Import3d).

    /usr/bin/python3 tools/neuron-refs/generate_swc.py [--only NAME ...] [--out DIR]

For every case of swc_cases.py (each in a fresh NEURON process, so that section names
start at [0]):

  1. the SWC file is prepared as readSwc prepares it: radii below ``minRadius`` raised to
     it, coordinates and radii multiplied by ``scale`` (a temporary copy; the original is
     used when neither is set);
  2. Import3d_SWC_read + Import3d_GUI(reader, 0).instantiate(None) (no define_shape: the
     3-D points keep the SWC coordinates);
  3. every section gets nseg, Ra, cm and ``hh`` with the parameters of its region (the SWC
     group of its type: soma, axon, basal, apical, undefined, custom<N>);
  4. celsius 6.3, usetable_hh 0, fixed step (secondorder 0 or 1), finitialize(v_init) and
     every segment's v and HH gates overwritten with the exact steady state
     (initial_states), an IClamp at the soma site, n_steps calls of fadvance();
  5. recording sites: the soma (the root section's middle segment), the far tips (last
     segment of the leaf sections farthest from the soma by path, one per neurite type
     first, spread out in space), and a segment half-way out. Each site is stored with the
     x, y, z of its segment centre (NEURON's 3-D points interpolated at arc x * L), so that
     a test finds the compartment by coordinates.

Writes NAME.json (case, sites, NEURON geometry summary, checks) and NAME.traces.json
(``t`` and ``traces`` in mV, rounded to 1e-6 mV) to packages/core/test/fixtures/neuron-swc/,
the synthetic SWC files of swc_cases.synthetic_files() to its swc/ folder, and index.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import swc_cases  # noqa: E402

REPO = HERE.parent.parent
OUT = REPO / "packages" / "core" / "test" / "fixtures" / "neuron-swc"
SHARED_SWC = REPO / "packages" / "core" / "test" / "morphology" / "swc"

NAME_TYPES = {"soma": 1, "axon": 2, "dend": 3, "apic": 4}
HH_ATTR = {"HH_gNa": "gnabar_hh", "HH_gK": "gkbar_hh", "HH_gLeak": "gl_hh",
           "HH_eLeak": "el_hh", "HH_eNa": "ena", "HH_eK": "ek"}
HH_STATE = {"HH_m": "m_hh", "HH_h": "h_hh", "HH_n": "n_hh"}

NOTES = {
    "import": "NEURON Import3d_SWC_read + Import3d_GUI(reader, 0).instantiate(None); no "
    "define_shape, so 3-D points are the SWC coordinates (scaled); pt3dadd stores them "
    "as %.8g, 32-bit floats.",
    "preparation": "read_options are the readSwc options that describe the same cell: "
    "NEURON reads a copy of the file (of swc.neuron_file when given: the file renumbered "
    "in depth-first order, because Import3d needs parent ids below child ids) with every radius r < minRadius (or not > 0) set to "
    "minRadius and x, y, z, r multiplied by scale (when given).",
    "discretisation": "every section has nseg = read_options.ncomp; NEURON's segment j of "
    "a section is readSwc's compartment j of the matching branch in the 'neuron' reading.",
    "regions": "every section gets Ra, cm and hh parameters of the region whose swc_types "
    "contain its type (from the section name: soma 1, axon 2, dend 3, apic 4, dend_N N); "
    "in readSwc the region is the group of that name.",
    "sites": "x, y, z: centre of the recorded segment, NEURON's 3-D points interpolated "
    "linearly at arc length x * L of the section. Find the compartment whose centre (view "
    "columns x, y, z) is nearest. swc_sample: id (in the file as a user has it) of the SWC "
    "sample at the section's 3-D point nearest to the site, swc_sample_distance_um its "
    "distance (a second way to find the site: readSwc's sampleToComp). nearest_other_segment_um: distance from the site to the "
    "next nearest segment centre in NEURON (how unambiguous the site is).",
    "time": "t[k] = k * dt, n_steps + 1 samples; traces[j] is v (mV) at recordings[j], "
    "rounded to 1e-6 mV.",
    "stimulus": "IClamp(delay, dur, amp) at the stimulus site: the current flows during "
    "every step whose midpoint lies in [delay, delay + dur) (jx.stepCurrent).",
    "initial_states": "finitialize(v_init_mV), then every segment's v, m, h, n set to "
    "initial_states (HH gates at their exact steady state for v_init); the first sample "
    "is taken after that.",
    "hh": "NEURON built-in hh, usetable_hh = 0, celsius = 6.3 (q10 = 1); ena, ek set per "
    "segment.",
    "spikes": "upward crossings of 0 mV: sample k with v[k-1] < 0 <= v[k]. "
    "min_abs_extremum_mV: the smallest |v| at a local extremum of the trace, i.e. how far "
    "the trace stays from the spike threshold (a small value would make counts fragile).",
}


# ---------------------------------------------------------------- preparation


def swc_path(case, out_dir):
    """The file as a user has it."""
    src = case["swc"]["source"]
    if src == "shared":
        return SHARED_SWC / case["swc"]["file"]
    return out_dir / "swc" / case["swc"]["file"]


def neuron_swc_path(case, out_dir):
    """The file NEURON reads (a renumbered copy in the fixture folder, if the case has one)."""
    if "neuron_file" in case["swc"]:
        return out_dir / "swc" / case["swc"]["neuron_file"]
    return swc_path(case, out_dir)


def prepared_copy(path, opts):
    """Text for NEURON: radii raised to minRadius and everything scaled, as readSwc does."""
    min_r = opts.get("minRadius")
    scale = opts.get("scale")
    if min_r is None and scale is None:
        return None
    scale = 1.0 if scale is None else scale
    out = []
    for line in Path(path).read_text().splitlines():
        body = line.split("#", 1)[0].split()
        if len(body) < 7:
            out.append(line)
            continue
        i, t, x, y, z, r, p = body[:7]
        x, y, z, r = (float(v) * scale for v in (x, y, z, r))
        if min_r is not None and not r >= min_r:
            r = min_r
        out.append(f"{i} {t} {x!r} {y!r} {z!r} {r!r} {p}")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- NEURON side


def type_of_section(name):
    base = name.split("[", 1)[0]
    if base in NAME_TYPES:
        return NAME_TYPES[base]
    if base.startswith("dend_"):
        return int(base[5:])
    if base.startswith("minus_"):
        return -int(base[6:])
    raise ValueError(f"unknown section name {name}")


def seg_centre(h, sec, x):
    """x, y, z of arc x * L on the section's 3-D points (linear interpolation)."""
    n = int(h.n3d(sec=sec))
    s = x * sec.L
    arcs = [h.arc3d(i, sec=sec) for i in range(n)]
    for i in range(1, n):
        if s <= arcs[i] or i == n - 1:
            a0, a1 = arcs[i - 1], arcs[i]
            f = 0.0 if a1 == a0 else min(max((s - a0) / (a1 - a0), 0.0), 1.0)
            return [h.x3d(i - 1, sec=sec) + f * (h.x3d(i, sec=sec) - h.x3d(i - 1, sec=sec)),
                    h.y3d(i - 1, sec=sec) + f * (h.y3d(i, sec=sec) - h.y3d(i - 1, sec=sec)),
                    h.z3d(i - 1, sec=sec) + f * (h.z3d(i, sec=sec) - h.z3d(i - 1, sec=sec))]
    return [h.x3d(0, sec=sec), h.y3d(0, sec=sec), h.z3d(0, sec=sec)]


def dist(a, b):
    return math.sqrt(sum((p - q) ** 2 for p, q in zip(a, b)))


def original_samples(path, opts):
    """(id, type, x, y, z, n_children) of the file as a user has it, scaled as readSwc scales."""
    scale = opts.get("scale") or 1.0
    rows = []
    for line in Path(path).read_text().splitlines():
        body = line.split("#", 1)[0].split()
        if len(body) >= 7:
            rows.append((int(float(body[0])), int(float(body[1])), float(body[2]) * scale,
                         float(body[3]) * scale, float(body[4]) * scale, int(float(body[6]))))
    nchild = {}
    for r in rows:
        nchild[r[5]] = nchild.get(r[5], 0) + 1
    return [(i, t, x, y, z, nchild.get(i, 0)) for i, t, x, y, z, _ in rows]


def sample_near(h, sec, x, sec_t, samples):
    """The SWC sample at the section's 3-D point nearest (by arc) to x * L: (id, distance um).
    Among samples at that point (within 1e-3 um), one of the section's type, a leaf for the
    last point of a leaf section, else the lowest id."""
    n = int(h.n3d(sec=sec))
    s = x * sec.L
    k = min(range(n), key=lambda i: (abs(h.arc3d(i, sec=sec) - s), -i))
    p = [h.x3d(k, sec=sec), h.y3d(k, sec=sec), h.z3d(k, sec=sec)]
    cands = [r for r in samples if dist(p, r[2:5]) < 1e-3 * max(1.0, max(abs(c) for c in p) * 1e-3)]
    if not cands:
        return None, None
    leaf = k == n - 1 and len(sec.children()) == 0
    best = min(cands, key=lambda r: (r[1] != sec_t, leaf and r[5] != 0, r[0]))
    return best[0], dist(seg_centre(h, sec, x), best[2:5])


def run_in_neuron(case, path, samples):
    from neuron import __version__ as nrn_version
    from neuron import h

    h.load_file("stdrun.hoc")
    h.load_file("import3d.hoc")
    reader = h.Import3d_SWC_read()
    reader.quiet = 1
    reader.input(str(path))
    h.Import3d_GUI(reader, 0).instantiate(None)
    secs = list(h.allsec())
    h.celsius = 6.3
    h.usetable_hh = 0
    h.cvode.active(0)
    h.secondorder = 0 if case["solver"] == "bwd_euler" else 1
    h.dt = case["dt_ms"]
    nseg = case["nseg"]

    regions = case["regions"]
    region_of_type = {}
    for reg in regions:
        for t in reg["swc_types"]:
            region_of_type[t] = reg
    sec_type = {}
    for sec in secs:
        t = type_of_section(sec.name())
        sec_type[sec.name()] = t
        reg = region_of_type.get(t)
        if reg is None:
            raise ValueError(f"{case['name']}: no region for section {sec.name()} (type {t})")
        if reg["group"] != swc_cases.group_of_type(t):
            raise ValueError(f"{case['name']}: region {reg['group']} holds type {t}, whose group "
                             f"is {swc_cases.group_of_type(t)}")
        sec.nseg = nseg
        sec.Ra = reg["axial_resistivity_ohm_cm"]
        sec.insert("hh")
        for seg in sec:
            seg.cm = reg["capacitance_uF_per_cm2"]
        set_hh(sec, reg)

    roots = [sec for sec in secs if sec.parentseg() is None]
    if len(roots) != 1:
        raise ValueError(f"{case['name']}: {len(roots)} root sections")
    root = roots[0]
    mid_x = (nseg // 2 + 0.5) / nseg
    soma_seg = root(mid_x)
    h.distance(0, soma_seg)

    all_segs = []
    for sec in secs:
        for seg in sec:
            all_segs.append((sec, seg.x, seg_centre(h, sec, seg.x), h.distance(seg)))

    def site(label, sec, x):
        xyz = seg_centre(h, sec, x)
        others = [dist(xyz, c) for s, sx, c, _ in all_segs if not (s == sec and abs(sx - x) < 1e-12)]
        return {
            "site": label, "state": "v", "unit": "mV",
            "neuron_location": f"{sec.name()}({x:.6g})", "section": sec.name(), "seg_x": x,
            "swc_type": sec_type[sec.name()], "group": swc_cases.group_of_type(sec_type[sec.name()]),
            "x": xyz[0], "y": xyz[1], "z": xyz[2],
            "path_distance_um": h.distance(sec(x)),
            "nearest_other_segment_um": min(others) if others else None,
            **dict(zip(("swc_sample", "swc_sample_distance_um"),
                       sample_near(h, sec, x, sec_type[sec.name()], samples))),
        }

    sites = [site("soma" if sec_type[root.name()] == 1 else "root", root, mid_x)]
    tip_x = (nseg - 0.5) / nseg
    leaves = [s for s in secs if len(s.children()) == 0 and s != root]
    leaves.sort(key=lambda s: (-h.distance(s(tip_x)), s.name()))
    far = []
    max_d = h.distance(leaves[0](tip_x)) if leaves else 0.0
    soma_xyz = [sites[0]["x"], sites[0]["y"], sites[0]["z"]]
    extent = max([dist(c, soma_xyz) for _, _, c, _ in all_segs] + [1e-9])

    def ok(sec, x, min_sep):
        cand = site("", sec, x)
        near = cand["nearest_other_segment_um"]
        if near is not None and near < min(0.5, 0.25 * sec.L / nseg):
            return False
        xyz = [cand["x"], cand["y"], cand["z"]]
        return all(dist(xyz, [s["x"], s["y"], s["z"]]) >= min_sep for s in sites)

    n_far = case["sites"]["n_far"]
    # One far tip per neurite type first, then the farthest others, spread in space.
    for t in sorted({sec_type[s.name()] for s in leaves}):
        for s in leaves:
            if sec_type[s.name()] == t and ok(s, tip_x, 0.15 * extent) and len(far) < n_far:
                far.append(s)
                sites.append(site(f"far {swc_cases.group_of_type(t)} tip", s, tip_x))
                break
    for sep in (0.3, 0.15, 0.05, 0.0):
        for s in leaves:
            if len(far) >= n_far:
                break
            if s not in far and ok(s, tip_x, sep * extent):
                far.append(s)
                sites.append(site(f"far {swc_cases.group_of_type(sec_type[s.name()])} tip", s, tip_x))
    if case["sites"]["mid"] and max_d > 0:
        used = {s["section"] for s in sites}
        cands = [(abs(d - 0.5 * max_d), sec.name(), sec, x) for sec, x, _, d in all_segs
                 if sec != root and sec.name() not in used and abs(x - mid_x) < 1e-12]
        for _, _, sec, x in sorted(cands, key=lambda c: (c[0], c[1])):
            if ok(sec, x, 0.05 * extent):
                sites.append(site("half-way", sec, x))
                break

    stim = case["stimulus"]
    ic = h.IClamp(soma_seg)
    ic.delay, ic.dur, ic.amp = stim["delay_ms"], stim["dur_ms"], stim["amp_nA"]

    refs = [secs_by_name(secs)[s["section"]](s["seg_x"])._ref_v for s in sites]
    init = case["initial_states"]
    h.finitialize(case["v_init_mV"])
    for sec in secs:
        set_hh(sec, region_of_type[sec_type[sec.name()]])
        for seg in sec:
            seg.v = init["v"]
            for k, attr in HH_STATE.items():
                setattr(seg, attr, init[k])
    init_err = max(abs(getattr(seg, a) - init[k]) for sec in secs for seg in sec
                   for k, a in [("v", "v"), *HH_STATE.items()])
    t = [h.t]
    traces = [[r[0]] for r in refs]
    i_stim = [ic.i]
    for _ in range(case["n_steps"]):
        h.fadvance()
        t.append(h.t)
        for row, r in zip(traces, refs):
            row.append(r[0])
        i_stim.append(ic.i)

    geometry = {
        "n_sections": len(secs),
        "n_segments": len(secs) * nseg,
        "total_length_um": sum(sec.L for sec in secs),
        "total_area_um2": sum(seg.area() for sec in secs for seg in sec),
        "sections_per_type": count_types(secs, sec_type),
        "max_path_distance_um": max((d for _, _, _, d in all_segs), default=0.0),
        "soma_site": sites[0]["neuron_location"],
    }
    return {
        "neuron_version": nrn_version,
        "sites": sites,
        "stimulus_location": f"{root.name()}({mid_x:.6g})",
        "stimulus_xyz": [sites[0]["x"], sites[0]["y"], sites[0]["z"]],
        "geometry": geometry,
        "t": t,
        "traces": traces,
        "i_stim": i_stim,
        "max_abs_initial_state_error": init_err,
        "secondorder": int(h.secondorder),
    }


def secs_by_name(secs):
    return {s.name(): s for s in secs}


def count_types(secs, sec_type):
    out = {}
    for s in secs:
        g = swc_cases.group_of_type(sec_type[s.name()])
        out[g] = out.get(g, 0) + 1
    return out


def set_hh(sec, reg):
    for key, val in reg["mechanisms"]["HH"].items():
        for seg in sec:
            setattr(seg, HH_ATTR[key], val)


# ---------------------------------------------------------------- checks and output


def spikes(t, v):
    return [t[k] for k in range(1, len(v)) if v[k - 1] < 0.0 <= v[k]]


def min_abs_extremum(v):
    ext = [abs(v[k]) for k in range(1, len(v) - 1)
           if (v[k] - v[k - 1]) * (v[k + 1] - v[k]) <= 0 and v[k] != v[k - 1]]
    return min(ext) if ext else None


def write_case(case, res, out_dir, path):
    text = Path(path).read_bytes()
    out = dict(case)
    extra = {}
    if "neuron_file" in case["swc"]:
        extra["neuron_file_sha256"] = hashlib.sha256(
            neuron_swc_path(case, out_dir).read_bytes()).hexdigest()
    out["swc"] = {**case["swc"], **extra, "sha256": hashlib.sha256(text).hexdigest(),
                  "folder": "test/morphology/swc" if case["swc"]["source"] == "shared"
                  else "test/fixtures/neuron-swc/swc"}
    out["simulator"] = "NEURON " + res["neuron_version"]
    out["temperature_celsius"] = 6.3
    out["n_time_points"] = case["n_steps"] + 1
    out["neuron_secondorder"] = res["secondorder"]
    out["neuron_mechanisms"] = {"HH": "hh"}
    out["stimulus"] = {**case["stimulus"], "neuron_location": res["stimulus_location"],
                       "x": res["stimulus_xyz"][0], "y": res["stimulus_xyz"][1],
                       "z": res["stimulus_xyz"][2]}
    out["recordings"] = res["sites"]
    out["neuron_geometry"] = res["geometry"]
    out["tolerance"] = {"neuron_reading_mae_mV": 0.05, "default_reading_mae_mV": 0.5,
                        "spike_counts": "equal"}
    t = res["t"]
    dt = case["dt_ms"]
    per = []
    for row in res["traces"]:
        sp = spikes(t, row)
        per.append({"v_min_mV": min(row), "v_max_mV": max(row), "n_spikes": len(sp),
                    "spike_times_ms": sp, "min_abs_extremum_mV": min_abs_extremum(row)})
    out["checks"] = {
        "all_finite": all(math.isfinite(v) for row in res["traces"] for v in row),
        "max_abs_time_deviation_from_k_dt_ms": max(abs(tk - k * dt) for k, tk in enumerate(t)),
        "max_abs_initial_state_error": res["max_abs_initial_state_error"],
        "i_stim_follows_midpoint_rule": all(
            abs(res["i_stim"][k] - (case["stimulus"]["amp_nA"] if case["stimulus"]["delay_ms"]
                                    <= (k - 0.5) * dt < case["stimulus"]["delay_ms"]
                                    + case["stimulus"]["dur_ms"] else 0.0)) < 1e-12
            for k in range(1, len(t))),
        "per_recording": per,
    }
    out["notes"] = NOTES
    out["data"] = {"file": f"{case['name']}.traces.json"}
    traces = {"t": [round(x, 9) for x in t],
              "traces": [[round(v, 6) for v in row] for row in res["traces"]]}
    (out_dir / f"{case['name']}.json").write_text(json.dumps(out, indent=1) + "\n")
    (out_dir / f"{case['name']}.traces.json").write_text(
        json.dumps(traces, separators=(",", ":")) + "\n")
    return out


def one(name):
    """Child process: run one case, print its result as JSON on the last line."""
    case = next(c for c in swc_cases.all_cases() if c["name"] == name)
    out_dir = Path(os.environ["SWC_OUT"])
    path = neuron_swc_path(case, out_dir)
    samples = original_samples(swc_path(case, out_dir), case["read_options"])
    text = prepared_copy(path, case["read_options"])
    if text is None:
        res = run_in_neuron(case, path, samples)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            p = Path(tmp) / case["swc"]["file"]
            p.write_text(text)
            res = run_in_neuron(case, p, samples)
    sys.stdout.write("\n" + json.dumps(res) + "\n")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", nargs="*", help="case names to regenerate")
    ap.add_argument("--out", default=str(OUT), help="output directory")
    ap.add_argument("--one", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        return one(args.one)
    out_dir = Path(args.out)
    (out_dir / "swc").mkdir(parents=True, exist_ok=True)
    for fname, text in swc_cases.synthetic_files().items():
        (out_dir / "swc" / fname).write_text(text)
    for c in swc_cases.all_cases():
        if "neuron_file" in c["swc"]:
            renumbered = swc_cases.renumbered_swc(swc_path(c, out_dir).read_text())
            (out_dir / "swc" / c["swc"]["neuron_file"]).write_text(renumbered)
    cases = swc_cases.all_cases()
    names = [c["name"] for c in cases]
    if len(set(names)) != len(names):
        raise SystemExit("duplicate case names")
    if args.only:
        unknown = set(args.only) - set(names)
        if unknown:
            raise SystemExit(f"unknown cases: {sorted(unknown)}")
        cases = [c for c in cases if c["name"] in args.only]
    env = {**os.environ, "SWC_OUT": str(out_dir)}
    for c in cases:
        proc = subprocess.run([sys.executable, __file__, "--one", c["name"]], capture_output=True,
                              text=True, env=env)
        if proc.returncode != 0:
            sys.stderr.write(proc.stdout + proc.stderr)
            raise SystemExit(f"{c['name']}: NEURON run failed")
        res = json.loads(proc.stdout.strip().splitlines()[-1])
        out = write_case(c, res, out_dir, swc_path(c, out_dir))
        per = out["checks"]["per_recording"]
        margin = min((p["min_abs_extremum_mV"] for p in per if p["min_abs_extremum_mV"] is not None),
                     default=None)
        print(f"{c['name']:45s} secs={res['geometry']['n_sections']:4d} "
              f"sites={[s['neuron_location'] for s in res['sites']]} "
              f"spikes={[p['n_spikes'] for p in per]} min|v_ext|={margin:.2f} mV", file=sys.stderr)
    index = [{"name": c["name"], "swc": c["swc"]["file"], "nseg": c["nseg"], "solver": c["solver"],
              "description": c["description"]} for c in swc_cases.all_cases()]
    (out_dir / "index.json").write_text(json.dumps({"cases": index}, indent=1) + "\n")


if __name__ == "__main__":
    main()
