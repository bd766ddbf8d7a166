"""Morphology cases: real SWC files simulated in NEURON after Import3d.

Each case names an SWC file, how it is prepared for NEURON (``min_radius_um``, ``scale``:
the same repairs ``readSwc`` makes, applied to a temporary copy of the file), a uniform
``nseg`` (``readSwc`` uses one ``ncomp`` for every branch), per-region parameters keyed by
the SWC group names of ``readSwc`` (``soma``, ``axon``, ``basal``, ``apical``,
``undefined``, ``custom<N>``), a somatic step current and which recording sites to pick.
``generate_swc.py`` builds and runs every case and writes the fixtures to
``packages/core/test/fixtures/neuron-swc/``.

Besides files of ``../shared/swc`` next to the repository (copied in ``packages/core/test/morphology/swc``),
three variants of a synthetic pyramidal cell are written by :func:`synthetic_files` into
the fixture folder's ``swc/``: they exercise Import3d rules the shared files do not reach
(neurites on the first, interior and last sample of a multi-point soma, a soma traced both
ways from the root, an axon on the soma and one on a dendrite, a neurite traced in two
pieces, and the NeuroMorpho.org three-point soma). Files whose parent ids exceed child ids
(FlyWire) reach NEURON as a copy renumbered by :func:`renumbered_swc`.
"""

from __future__ import annotations

import math
import random

import equations as eq

DT = 0.025
V_INIT = -65.0

# Jaxley's group name of an SWC type id (readSwc's groups).
GROUP_OF_TYPE = {0: "undefined", 1: "soma", 2: "axon", 3: "basal", 4: "apical"}


def group_of_type(t):
    return GROUP_OF_TYPE.get(t, f"custom{t}")


def hh(g_na, g_k, g_leak=3e-4, e_leak=-54.3, e_na=50.0, e_k=-77.0):
    return {"HH_gNa": g_na, "HH_gK": g_k, "HH_gLeak": g_leak, "HH_eNa": e_na, "HH_eK": e_k,
            "HH_eLeak": e_leak}


def region(group, swc_types, ra, cm, hh_params):
    return {"group": group, "swc_types": list(swc_types), "axial_resistivity_ohm_cm": ra,
            "capacitance_uF_per_cm2": cm, "mechanisms": {"HH": hh_params}}


# Per-region parameters used by most cases: a soma with a high Na density, dendrites with
# fewer channels, a higher Ra and a larger cm (spines), an excitable axon.
SOMA = region("soma", [1], 100.0, 1.0, hh(0.2, 0.08, 3e-4, -54.3))
AXON = region("axon", [2], 80.0, 1.0, hh(0.3, 0.06, 3e-4, -54.3))
BASAL = region("basal", [3], 150.0, 1.5, hh(0.05, 0.03, 2e-4, -60.0))
APICAL = region("apical", [4], 200.0, 2.0, hh(0.06, 0.025, 1.5e-4, -62.0))


def initial_states(v=V_INIT):
    """v and the HH gates at their exact steady state for v (NEURON's finitialize)."""
    g = eq.hh_gates(v, {})
    return {"v": v, **{k: float(inf) for k, (inf, _tau) in g.items()}}


def case(name, description, swc, nseg, regions, stim, solver="bwd_euler", t_max=25.0,
         min_radius=None, scale=None, n_far=3, mid=True, source="shared", renumber=False):
    swc_info = {"file": swc, "source": source}
    if renumber:
        # NEURON's Import3d needs every parent id below its child's: NEURON (and the
        # "neuron" reading) get a copy renumbered in depth-first order (renumbered_swc).
        swc_info["neuron_file"] = swc.replace(".swc", "_renumbered.swc")
    return {
        "name": name,
        "kind": "swc",
        "description": description,
        "swc": swc_info,
        "nseg": nseg,
        "read_options": {"ncomp": nseg,
                         **({"minRadius": min_radius} if min_radius is not None else {}),
                         **({"scale": scale} if scale is not None else {})},
        "solver": solver,
        "dt_ms": DT,
        "t_max_ms": t_max,
        "n_steps": int(round(t_max / DT)) + 1,
        "v_init_mV": V_INIT,
        "regions": regions,
        "initial_states": initial_states(),
        "stimulus": {"site": "root", **stim},
        "sites": {"n_far": n_far, "mid": mid},
    }


def all_cases():
    return [
        case("swc_ca1_bwd_euler",
             "CA1 pyramidal cell (250 samples), 9-sample soma; soma and apical regions; "
             "a somatic step: one somatic spike, two spikes in the apical tips",
             "morph_ca1_n120_250.swc", 3, [SOMA, APICAL],
             {"delay_ms": 2.0, "dur_ms": 20.0, "amp_nA": 1.0}),
        case("swc_ca1_single_point_soma_crank_nicolson",
             "the same CA1 cell with a single-point soma (NEURON: dendrites at soma(0.5) by "
             "wire), Crank-Nicolson, nseg 5",
             "morph_ca1_n120_250_single_point_soma.swc", 5, [SOMA, APICAL],
             {"delay_ms": 2.0, "dur_ms": 20.0, "amp_nA": 1.2}, solver="crank_nicolson"),
        case("swc_retina_min_radius_bwd_euler",
             "mouse retinal ganglion cell (7213 samples, every radius 0): radii raised to "
             "minRadius 0.5 um; single-point soma with three dendrites, 155 branches",
             "morph_retina_20161028_1.swc", 3,
             [region("soma", [1], 100.0, 1.0, hh(0.2, 0.05)),
              region("basal", [3], 120.0, 1.2, hh(0.08, 0.03, 2.5e-4, -58.0))],
             {"delay_ms": 2.0, "dur_ms": 15.0, "amp_nA": 1.0}, min_radius=0.5, n_far=4),
        case("swc_variable_radiuses_nseg1_bwd_euler",
             "tapering soma (type 1) and type-0 neurites, nseg 1; groups soma and undefined",
             "morph_variable_radiuses_multi_branch.swc", 1,
             [region("soma", [1], 100.0, 1.0, hh(0.15, 0.04)),
              region("undefined", [0], 250.0, 0.8, hh(0.1, 0.03, 2e-4, -60.0))],
             {"delay_ms": 1.0, "dur_ms": 20.0, "amp_nA": 0.3}, n_far=2),
        case("swc_3_types_single_point_soma_bwd_euler",
             "tiny cell: single-point soma, an axon and a basal dendrite of one sample each",
             "morph_3_types_single_point_soma.swc", 3, [SOMA, AXON, BASAL],
             {"delay_ms": 1.0, "dur_ms": 20.0, "amp_nA": 0.01}, t_max=20.0, n_far=2, mid=False),
        case("swc_synthetic_pyramidal_bwd_euler",
             "synthetic pyramidal cell: 5-sample soma with the axon on its first sample, "
             "basal dendrites on interior samples (NEURON: soma(0.5) by wire), the apical "
             "trunk on its last sample, a basal neurite traced in two pieces",
             "synthetic_pyramidal.swc", 3, [SOMA, AXON, BASAL, APICAL],
             {"delay_ms": 2.0, "dur_ms": 20.0, "amp_nA": 0.6}, n_far=4, source="synthetic"),
        case("swc_synthetic_pyramidal_nseg1_bwd_euler",
             "the synthetic pyramidal cell with nseg 1 (one compartment per section)",
             "synthetic_pyramidal.swc", 1, [SOMA, AXON, BASAL, APICAL],
             {"delay_ms": 2.0, "dur_ms": 20.0, "amp_nA": 0.6}, n_far=4, source="synthetic"),
        case("swc_synthetic_3point_soma_nseg4_bwd_euler",
             "the synthetic cell with a NeuroMorpho.org three-point soma (NEURON: a sphere, "
             "every neurite at soma(0.5) by wire); nseg 4, so soma(0.5) is a segment boundary",
             "synthetic_3point_soma.swc", 4, [SOMA, AXON, BASAL, APICAL],
             {"delay_ms": 2.0, "dur_ms": 20.0, "amp_nA": 0.6}, n_far=4, source="synthetic"),
        case("swc_synthetic_bipolar_soma_crank_nicolson",
             "the synthetic cell with a soma traced both ways from its first sample (the root "
             "has two soma children): neurites on the root (NEURON: soma(0) by wire), on "
             "interior samples (0.5) and on both ends; an axon branching off a basal dendrite",
             "synthetic_bipolar_soma.swc", 3, [SOMA, AXON, BASAL, APICAL],
             {"delay_ms": 2.0, "dur_ms": 20.0, "amp_nA": 0.6}, n_far=4, source="synthetic",
             solver="crank_nicolson"),
        case("swc_flywire_t4_bwd_euler",
             "FlyWire T4 neuron: nanometres (scale 0.001), 29 zero radii (minRadius 0.05 um), "
             "types 0, 5 (fork markers) and 6 (end markers), single-point soma on a long "
             "neurite; parent ids above child ids, so NEURON reads a renumbered copy",
             "morph_flywire_t4_720575940626407426.swc", 3,
             [region("soma", [1], 100.0, 1.0, hh(0.2, 0.05)),
              *[region(g, [t], 120.0, 1.0, hh(0.12, 0.036, 3e-4, -60.0))
                for g, t in (("undefined", 0), ("custom5", 5), ("custom6", 6))]],
             {"delay_ms": 2.0, "dur_ms": 15.0, "amp_nA": 0.04}, min_radius=0.05, scale=0.001,
             n_far=4, renumber=True),
    ]


# ------------------------------------------------------------------ synthetic SWC files


class _Swc:
    def __init__(self):
        self.rows = []

    def add(self, t, x, y, z, r, parent):
        sid = len(self.rows) + 1
        self.rows.append((sid, t, round(x, 3), round(y, 3), round(z, 3), round(r, 3), parent))
        return sid

    def text(self, header):
        lines = [f"# {h}" for h in header]
        lines += [f"{i} {t} {x:.3f} {y:.3f} {z:.3f} {r:.3f} {p}" for i, t, x, y, z, r, p in self.rows]
        return "\n".join(lines) + "\n"


def _walk(rng, start, direction, n, step, r0, r1, jitter=0.25):
    """Points of a wavy neurite: n samples from start along direction, tapering r0 -> r1."""
    x, y, z = start
    dx, dy, dz = direction
    norm = math.sqrt(dx * dx + dy * dy + dz * dz)
    dx, dy, dz = dx / norm, dy / norm, dz / norm
    pts = []
    for k in range(n):
        dx += rng.uniform(-jitter, jitter)
        dy += rng.uniform(-jitter, jitter)
        dz += rng.uniform(-jitter, jitter) * 0.5
        norm = math.sqrt(dx * dx + dy * dy + dz * dz)
        dx, dy, dz = dx / norm, dy / norm, dz / norm
        s = step * rng.uniform(0.7, 1.3)
        x, y, z = x + s * dx, y + s * dy, z + s * dz
        r = r0 + (r1 - r0) * (k + 1) / n
        pts.append((x, y, z, r))
    return pts


def _tree(swc, rng, t, parent, start, direction, depth, n, step, r0, r1, spread=0.9,
          deferred=None):
    """A neurite that forks `depth` times; returns its sample ids. With `deferred`, the
    continuation after the first third of the trunk is written later (appended to
    `deferred` as a callback): a tracing interruption."""
    pts = _walk(rng, start, direction, n, step, r0, r1)
    pid = parent
    cut = n // 3 if deferred is not None else n
    trunk = []
    for p in pts[:cut]:
        pid = swc.add(t, *p, pid)
        trunk.append(pid)

    def rest(pid=pid):
        for p in pts[cut:]:
            pid = swc.add(t, *p, pid)
            trunk.append(pid)
        if depth > 0:
            end = pts[-1][:3]
            for sgn in (1, -1):
                d = (direction[0] + sgn * spread * direction[1] + rng.uniform(-0.3, 0.3),
                     direction[1] - sgn * spread * direction[0] + rng.uniform(-0.3, 0.3),
                     direction[2] + rng.uniform(-0.3, 0.3))
                _tree(swc, rng, t, pid, end, d, depth - 1, max(4, int(n * 0.8)), step,
                      pts[-1][3] * 0.8, max(0.25, r1 * 0.7), spread)

    if deferred is not None:
        deferred.append(rest)
    else:
        rest()
    return trunk


def renumbered_swc(text):
    """The SWC text with ids renumbered in depth-first order from the root (children in
    increasing original id), so that every parent id is below its child's. Geometry and
    types are kept verbatim; comments are dropped."""
    rows = []
    for line in text.splitlines():
        body = line.split("#", 1)[0].split()
        if len(body) >= 7:
            rows.append(body[:7])
    children = {}
    roots = []
    for r in rows:
        p = int(float(r[6]))
        if p < 0:
            roots.append(r)
        else:
            children.setdefault(p, []).append(r)
    if len(roots) != 1:
        raise ValueError("renumbering needs exactly one root")
    new_id = {}
    order = []
    stack = [roots[0]]
    while stack:
        r = stack.pop()
        new_id[int(float(r[0]))] = len(order) + 1
        order.append(r)
        kids = sorted(children.get(int(float(r[0])), []), key=lambda k: int(float(k[0])))
        stack.extend(reversed(kids))
    lines = ["# renumbered in depth-first order by tools/neuron-refs/swc_cases.py (renumbered_swc)"]
    for r in order:
        p = int(float(r[6]))
        lines.append(" ".join([str(new_id[int(float(r[0]))]), r[1], *r[2:6],
                               str(new_id[p] if p >= 0 else -1)]))
    return "\n".join(lines) + "\n"


def synthetic_files():
    """{file name: SWC text} of the synthetic cells (deterministic)."""
    out = {}
    for variant in ("pyramidal", "3point_soma", "bipolar_soma"):
        rng = random.Random(20240611)
        swc = _Swc()
        if variant == "pyramidal":
            # A 5-sample soma column along y (first sample is the root).
            radii = [4.0, 6.5, 7.5, 6.0, 3.5]
            soma = []
            for k, r in enumerate(radii):
                soma.append(swc.add(1, 0.0, -8.0 + 4.0 * k, 0.0, r, soma[-1] if soma else -1))
            axon_at, basal_at, apical_at = soma[0], (soma[1], soma[2], soma[3]), soma[4]
            header = ["synthetic pyramidal cell for tools/neuron-refs (swc_cases.py): a 5-sample",
                      "soma; axon on sample 1, basal dendrites on samples 2-4, apical on sample 5;",
                      "the first basal dendrite is traced in two pieces (ids not contiguous)"]
        elif variant == "bipolar_soma":
            # The root in the middle of the soma, traced up (3 samples) and down (3).
            root = swc.add(1, 0.0, 0.0, 0.0, 7.0, -1)
            up = [root]
            for k, r in enumerate([6.5, 5.0, 3.0]):
                up.append(swc.add(1, 0.0, 3.5 * (k + 1), 0.0, r, up[-1]))
            down = [root]
            for k, r in enumerate([6.0, 4.5, 2.5]):
                down.append(swc.add(1, 0.0, -3.5 * (k + 1), 0.0, r, down[-1]))
            axon_at, basal_at, apical_at = down[-1], (root, up[1], down[2]), up[-1]
            header = ["synthetic pyramidal cell for tools/neuron-refs (swc_cases.py): soma traced",
                      "up and down from its first sample; axon on the lower end, basal dendrites",
                      "on the root and two interior samples, apical on the upper end; a second",
                      "axon branches off a basal dendrite"]
        else:
            r = 7.0
            c = swc.add(1, 0.0, 0.0, 0.0, r, -1)
            swc.add(1, 0.0, -r, 0.0, r, c)
            swc.add(1, 0.0, r, 0.0, r, c)
            axon_at, basal_at, apical_at = c, (c, c, c), c
            header = ["synthetic pyramidal cell for tools/neuron-refs (swc_cases.py) with a",
                      "NeuroMorpho.org three-point soma; every neurite starts on sample 1",
                      "the first basal dendrite is traced in two pieces (ids not contiguous)"]
        deferred = []
        # Axon: down, thin, one collateral.
        _tree(swc, rng, 2, axon_at, (0.0, -12.0, 0.0), (0.1, -1.0, 0.0), 1, 40, 6.0, 0.6, 0.4,
              spread=0.6)
        # Basal dendrites, sideways and down; the first one interrupted.
        for k, (at, d) in enumerate(zip(basal_at, [(-1.0, -0.4, 0.2), (1.0, -0.3, -0.2),
                                                   (-0.6, 0.2, 1.0)])):
            start = (8.0 * d[0], -2.0 + 2.0 * k, 8.0 * d[2])
            trunk = _tree(swc, rng, 3, at, start, d, 2, 14, 5.0, 1.0, 0.5,
                          deferred=deferred if k == 0 else None)
            if k == 1 and variant == "bipolar_soma":
                # An axon-carrying dendrite: an axon (type 2) from the 4th basal sample.
                x, y, z, _ = swc.rows[trunk[3] - 1][2:6]
                _tree(swc, rng, 2, trunk[3], (x + 1.0, y - 1.0, z), (0.3, -1.0, 0.0), 1, 30,
                      6.0, 0.5, 0.4, spread=0.6)
        # Apical trunk up, tuft at the end.
        _tree(swc, rng, 4, apical_at, (0.0, 10.0, 0.0), (0.0, 1.0, 0.05), 3, 30, 8.0, 2.2, 1.0,
              spread=0.7)
        for f in deferred:
            f()
        out[f"synthetic_{variant}.swc"] = swc.text(header)
    return out
