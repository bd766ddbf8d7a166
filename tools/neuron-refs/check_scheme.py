"""Standalone float64 re-implementation of the scheme the fixtures document, checked
against the NEURON traces.

    python3 tools/neuron-refs/check_scheme.py                 # all fixtures + refdata
    python3 tools/neuron-refs/check_scheme.py FILE.json ...   # chosen cases
    python3 tools/neuron-refs/check_scheme.py --slope exact   # exact dI/dV instead of
                                                              # NEURON's forward difference
    python3 tools/neuron-refs/check_scheme.py --order jaxley  # states before the voltage
                                                              # solve (Jaxley's order)

Needs only numpy (no NEURON). It reads a case (NAME.json), simulates it from its JSON
description alone, and compares every recorded trace with NAME.traces.json (key "traces",
or "v" for the refdata files). Agreement to ~1e-9 shows that the conventions written in
the fixtures are complete and that the .mod files in mod/ implement equations.py.

The scheme (one step from t to t + dt):
  1. Membrane currents of every mechanism at the current v with the current gates, and
     their slope dI/dV (NEURON: forward difference (I(v + 0.001) - I(v)) / 0.001).
     Synaptic currents likewise, at the current post v and s.
  2. Stimulus: amp while the step midpoint t + dt/2 lies in [delay, delay + dur).
  3. Implicit voltage solve, in NEURON's delta form, on the graph of compartments plus
     zero-area branch-point nodes:
         (C_i/h + G_i) dv_i + sum_j g_ij (dv_i - dv_j) = -I_i + I_stim,i + sum_j g_ij (v_j - v_i)
     with h = dt (bwd_euler) or dt/2 (crank_nicolson); then v += dv (bwd_euler) or
     v += 2 dv (crank_nicolson). Branch points have C = 0 and no membrane current.
  4. Gates and synapse states: x <- x_inf(v) + (x - x_inf(v)) exp(-dt / tau(v)) with the
     new v (the new presynaptic v for synapses), over the full dt.
Units: nF, uS, nA, mV, ms (C = cm A 1e-5 nF for A in um2; a density current i in
mA/cm2 gives i A 1e-2 nA; an axial half-compartment resistance Ra (L/2) / (pi r^2) in
ohm cm / cm becomes MOhm with the factor 1e-2 for um lengths).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import equations as eq  # noqa: E402

REPO = HERE.parent.parent
FIXTURES = REPO / "packages" / "core" / "test" / "fixtures" / "neuron"
REFDATA = REPO.parent / "shared" / "refdata"  # ../shared next to the repository


class Sim:
    def __init__(self, case, slope="fd", order="neuron"):
        self.case = case
        self.slope = slope
        self.order = order
        dt = case["dt_ms"]
        self.dt = dt
        self.cn = case["solver"] == "crank_nicolson"
        if case["solver"] not in ("bwd_euler", "crank_nicolson"):
            raise ValueError(case["solver"])
        # ---- nodes
        self.index = {}  # (cell, branch, comp) -> node
        cap, area = [], []
        edges = []  # (i, j, g_uS)
        v0 = []
        mech_nodes = {}  # name -> list of (node, params dict, states dict)
        for c, cell in enumerate(case["cells"]):
            bp_node = {}  # branch -> node index of its distal end (only if it has children)
            has_child = set(p for p in cell["parents"] if p >= 0)
            half_r = {}
            for b, br in enumerate(cell["branches"]):
                n = br["ncomp"]
                for k in range(n):
                    i = len(cap)
                    self.index[(c, b, k)] = i
                    L = br["length_um"][k]
                    r = br["radius_um"][k]
                    ra = br["axial_resistivity_ohm_cm"][k]
                    a = 2.0 * math.pi * r * L
                    area.append(a)
                    cap.append(br["capacitance_uF_per_cm2"][k] * a * 1e-5)
                    half_r[(b, k)] = 1e-2 * ra * (L / 2.0) / (math.pi * r * r)  # MOhm
                    v0.append(br["initial_states"]["v"][k])
                    for name, params in br["mechanisms"].items():
                        p = {key: vals[k] for key, vals in params.items()}
                        s = {key: br["initial_states"][key][k]
                             for key in eq.CHANNELS[name][1]}
                        mech_nodes.setdefault(name, []).append((i, p, s))
                for k in range(n - 1):
                    g = 1.0 / (half_r[(b, k)] + half_r[(b, k + 1)])
                    edges.append((self.index[(c, b, k)], self.index[(c, b, k + 1)], g))
                if b in has_child:
                    j = len(cap)
                    cap.append(0.0)
                    area.append(0.0)
                    v0.append(br["initial_states"]["v"][n - 1])
                    bp_node[b] = j
                    last = self.index[(c, b, n - 1)]
                    edges.append((last, j, 1.0 / half_r[(b, n - 1)]))
            for b, p in enumerate(cell["parents"]):
                if p < 0:
                    continue
                first = self.index[(c, b, 0)]
                edges.append((first, bp_node[p], 1.0 / half_r[(b, 0)]))
        N = len(cap)
        self.N = N
        self.cap = np.array(cap)
        self.area = np.array(area)
        self.v = np.array(v0, dtype=float)
        A = np.zeros((N, N))
        for i, j, g in edges:
            A[i, i] += g
            A[j, j] += g
            A[i, j] -= g
            A[j, i] -= g
        self.Lap = A
        # ---- mechanisms, vectorised
        self.mechs = []
        for name, lst in mech_nodes.items():
            idx = np.array([x[0] for x in lst])
            pkeys = lst[0][1].keys()
            P = {key: np.array([x[1][key] for x in lst]) for key in pkeys}
            S = {key: np.array([x[2][key] for x in lst]) for key in eq.CHANNELS[name][1]}
            self.mechs.append((name, idx, P, S))
        # ---- synapses
        self.syns = []
        for sy in case.get("synapses", []):
            if sy["type"] != "IonotropicSynapse":
                raise ValueError(sy["type"])
            pre = self.index[(sy["pre"]["cell"], sy["pre"]["branch"], sy["pre"]["comp"])]
            post = self.index[(sy["post"]["cell"], sy["post"]["branch"], sy["post"]["comp"])]
            self.syns.append([pre, post, dict(sy["params"]),
                              float(sy["initial_states"]["IonotropicSynapse_s"])])
        # ---- stimuli
        self.stims = []
        for s in case["stimuli"]:
            node = self.index[(s["cell"], s["branch"], s["comp"])]
            self.stims.append((node, s["delay_ms"], s["dur_ms"], s["amp_nA"]))

    def _slope(self, f, v):
        if self.slope == "fd":
            return (f(v + 0.001) - f(v)) / 0.001
        h = 1e-20  # complex step: exact derivative to rounding
        return np.imag(f(v + 1j * h)) / h

    def advance_states(self, vn):
        dt = self.dt
        for name, idx, P, S in self.mechs:
            gates = eq.CHANNELS[name][2](vn[idx], P)
            for key, (xinf, tau) in gates.items():
                S[key] = xinf + (S[key] - xinf) * np.exp(-dt / tau)
        for syn in self.syns:
            pre, post, p, s = syn
            sinf, tau = eq.syn_gate(vn[pre], p)
            syn[3] = sinf + (s - sinf) * math.exp(-dt / tau)

    def step(self, k):
        dt = self.dt
        if self.order == "jaxley":
            # Jaxley's order: states first (with the old v), then the voltage solve
            self.advance_states(self.v)
        v = self.v
        N = self.N
        I = np.zeros(N)
        G = np.zeros(N)
        for name, idx, P, S in self.mechs:
            cur = eq.CHANNELS[name][3]
            vi = v[idx]
            f = lambda x: cur(x, S, P)  # noqa: E731
            i0 = f(vi)
            gi = self._slope(f, vi)
            scale = self.area[idx] * 1e-2  # mA/cm2 -> nA
            np.add.at(I, idx, i0 * scale)
            np.add.at(G, idx, gi * scale)
        for pre, post, p, s in self.syns:
            f = lambda x: eq.syn_current(x, s, p)  # noqa: E731
            I[post] += f(v[post])
            G[post] += self._slope(f, v[post])
        tmid = (k + 0.5) * dt
        for node, delay, dur, amp in self.stims:
            if delay <= tmid < delay + dur:
                I[node] -= amp
        hstep = dt / 2.0 if self.cn else dt
        M = self.Lap + np.diag(self.cap / hstep + G)
        rhs = -I - self.Lap @ v
        dv = np.linalg.solve(M, rhs)
        self.v = v + (2.0 * dv if self.cn else dv)
        if self.order == "neuron":
            self.advance_states(self.v)

    def read(self, r):
        if "synapse" in r:
            return self.syns[r["synapse"]][3]
        node = self.index[(r["cell"], r["branch"], r["comp"])]
        if r["state"] == "v":
            return self.v[node]
        for name, idx, P, S in self.mechs:
            if r["state"] in S:
                hit = np.nonzero(idx == node)[0]
                if len(hit):
                    return S[r["state"]][hit[0]]
        raise KeyError(r["state"])

    def run(self, n_steps):
        recs = self.case["recordings"]
        out = [[self.read(r)] for r in recs]
        for k in range(n_steps):
            self.step(k)
            for row, r in zip(out, recs):
                row.append(self.read(r))
        return np.array(out, dtype=float)


def n_steps_of(case, n_points):
    return case.get("n_steps", n_points - 1)


def check(path, slope="fd", order="neuron"):
    path = Path(path)
    case = json.loads(path.read_text())
    tr = json.loads(path.with_name(path.stem + ".traces.json").read_text())
    ref = np.array(tr["traces"] if "traces" in tr else tr["v"], dtype=float)
    n_steps = ref.shape[1] - 1
    sim = Sim(case, slope=slope, order=order)
    got = sim.run(n_steps)
    res = {"name": case["name"], "n_steps": n_steps, "v": 0.0, "state": 0.0, "i_stim": 0.0}
    for r, a, b in zip(case["recordings"], got, ref):
        d = float(np.max(np.abs(a - b)))
        key = "v" if r["state"] == "v" else "state"
        res[key] = max(res[key], d)
    # the stimulus convention: i_stim[j][k] (k >= 1) flows during the step ending at t[k],
    # i.e. amp iff delay <= t[k-1] + dt/2 < delay + dur; i_stim[j][0] is the value at t=0
    dt = case["dt_ms"]
    for s, row in zip(case["stimuli"], tr.get("i_stim", [])):
        lo, hi, amp = s["delay_ms"], s["delay_ms"] + s["dur_ms"], s["amp_nA"]
        exp_row = [amp if lo <= 0.0 < hi else 0.0]
        exp_row += [amp if lo <= (k - 0.5) * dt < hi else 0.0 for k in range(1, len(row))]
        res["i_stim"] = max(res["i_stim"], float(np.max(np.abs(np.array(row) - exp_row))))
    return res


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--slope", choices=["fd", "exact"], default="fd",
                    help="fd = NEURON's forward difference (default); exact = complex step")
    ap.add_argument("--order", choices=["neuron", "jaxley"], default="neuron",
                    help="neuron = voltage solve, then states with the new v (default); "
                    "jaxley = states with the old v, then the voltage solve")
    ap.add_argument("--tol", type=float, default=1e-6, help="max |difference| allowed")
    args = ap.parse_args(argv)
    files = args.files
    if not files:
        files = sorted(p for p in FIXTURES.glob("*.json")
                       if not p.name.endswith(".traces.json") and p.name != "index.json")
        if REFDATA.exists():
            files += sorted(p for p in REFDATA.glob("*.json")
                            if not p.name.endswith(".traces.json"))
    worst = 0.0
    print(f"{'case':45s} {'steps':>6s} {'max|dv| mV':>12s} {'max|dstate|':>12s} "
          f"{'max|di_stim|':>12s}")
    for f in files:
        r = check(f, args.slope, args.order)
        worst = max(worst, r["v"], r["state"], r["i_stim"])
        print(f"{r['name']:45s} {r['n_steps']:6d} {r['v']:12.3e} {r['state']:12.3e} "
              f"{r['i_stim']:12.3e}")
    print(f"worst {worst:.3e} (tolerance {args.tol:g})")
    return 0 if worst <= args.tol else 1


if __name__ == "__main__":
    sys.exit(main())
